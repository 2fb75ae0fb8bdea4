import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typedRuleStart } from '../../src/check/docx.js';
import { replaceRuns, withPaddedDate } from '../../src/check/fix.js';
import { dropEmpty } from '../../src/sheets/xlsx.js';

// Issue 13 item 4: the four expressions the ReDoS scan listed as known (test/hostile/redos.test.ts)
// are rewritten as scans (or a safe expression). Each rewrite answers as the expression did on
// generated pieces of XML or text (the old expression is kept here as the reference), and stays
// linear on a hostile input big enough that the quadratic one would run past the test's timeout
// (measured with the old expressions: well over a minute for each). No timed assertion: the
// result is checked.
const SEED = 1313;
const OLD = {
  typedRule: /\n[\s_]*_{3,}[\s_]*$/,
  runs: /<w:r(\s[^>]*)?>(<w:rPr>([\s\S]*?)<\/w:rPr>|<w:rPr\/>)?/g,
  emptyRow: /<((?:\w+:)?row)\s[^>]*?\br="\d+"[^>/]*(?:\/>|>(?:\s*<(?:\w+:)?c\s[^>]*\/>)*\s*<\/\1>)/g,
};
const from = (tokens: string[]) => fc.array(fc.constantFrom(...tokens), { maxLength: 14 }).map((t) => t.join(''));

describe('a rule typed as underscores at the end of a paragraph (check, DOCX)', () => {
  it('is found where the old expression found it', () => {
    fc.assert(
      fc.property(from(['\n', ' ', '\t', '_', '___', 'a', 'Xã', '\u00a0']), (text) => {
        expect(typedRuleStart(text)).toBe(OLD.typedRule.exec(text)?.index ?? -1);
      }),
      { seed: SEED, numRuns: 3000 },
    );
    expect(typedRuleStart('XÃ TÂN LẬP\n______')).toBe(10);
    expect(typedRuleStart('XÃ TÂN LẬP\n__')).toBe(-1);
  });

  it('is linear on 200 KB of line breaks, spaces and underscores', () => {
    const hostile = `Xã${'\n _'.repeat(70_000)}x`;
    expect(typedRuleStart(hostile)).toBe(-1);
    expect(typedRuleStart(`${hostile}\n${'_ '.repeat(70_000)}`)).toBe(-1); // no three underscores in a row
    expect(typedRuleStart(`${hostile}\n${'_ '.repeat(70_000)}___ `)).toBe(hostile.length);
  });
});

describe('the runs of a paragraph (check --fix, font size)', () => {
  const mark = (attrs: string, inner: string) => `[R${attrs}|${inner}]`;
  it('are replaced where the old expression replaced them', () => {
    const tokens = ['<w:r>', '<w:r w:rsidR="1">', '<w:r ', '<w:r/>', '<w:rPr>', '</w:rPr>', '<w:rPr/>', '<w:b/>', '<w:rFonts w:ascii="T"/>', '<w:t>x</w:t>', ' ', '>', '</w:r>'];
    fc.assert(
      fc.property(from(tokens), (p) => {
        expect(replaceRuns(p, mark)).toBe(p.replace(OLD.runs, (_m, a: string | undefined, _r, inner: string | undefined) => mark(a ?? '', inner ?? '')));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('is linear on 20,000 runs whose properties never close', () => {
    const hostile = '<w:r><w:rPr><w:b/>'.repeat(20_000);
    const out = replaceRuns(hostile, mark);
    expect(out === '[R|]<w:rPr><w:b/>'.repeat(20_000)).toBe(true);
  });
});

describe('the dates of a paragraph (check --fix)', () => {
  it('are padded in text nodes, and a w:t tag that never closes is left alone, linearly', () => {
    expect(withPaddedDate('<w:r><w:t xml:space="preserve">ngày 9 tháng 2 năm 2021</w:t></w:r>')).toBe('<w:r><w:t xml:space="preserve">ngày 09 tháng 02 năm 2021</w:t></w:r>');
    const hostile = `${'<w:t a="1" '.repeat(20_000)}<w:t>ngày 9 tháng 3 </w:t>`;
    expect(withPaddedDate(hostile)).toBe(hostile.replace('ngày 9', 'ngày 09'));
  });
});

describe('the empty rows of a sheet (XLSX)', () => {
  it('are dropped where the old expression dropped them', () => {
    const tokens = ['<row r="1">', '<row r="2"/>', '<row r="3" s="1" customFormat="1">', '<x:row r="4">', '</row>', '</x:row>', '<c r="A1" s="2"/>', '<x:c r="B1"/>', '<c r="A1"><v>1</v></c>', '<c >', ' ', '\n', '<row spans="1:2">', '<row a="/" r="5">', '<row r="6" a="/">', '>', '<row ', '<c ', '/'];
    fc.assert(
      fc.property(from(tokens), (xml) => {
        expect(dropEmpty(xml)).toBe(xml.replace(OLD.emptyRow, ''));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('keeps a row with a value, and is linear on 20,000 row tags that never close', () => {
    const sheet = '<sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c></row><row r="2" s="3" customFormat="1"><c r="A2" s="3"/><c r="B2" s="3"/></row><row r="3"/></sheetData>';
    expect(dropEmpty(sheet)).toBe('<sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c></row></sheetData>');
    const hostile = `${'<row r="1" '.repeat(20_000)}x`;
    expect(dropEmpty(hostile)).toBe(hostile);
    const cells = `<row r="1">${'<c r="A1" s="1"/> '.repeat(20_000)}`.repeat(3);
    expect(dropEmpty(cells)).toBe(cells);
  });
});
