import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MarkupError, parseMarkup } from '../../src/document/parse.js';
import { appendixAttribution } from '../../src/frame/index.js';
import { appendixDocument, sampleReport } from './helpers.js';

// Fixture-driven, as test/document: markup in, expected { children, appendices } out.
const fixture = (name: string) => ({
  markup: readFileSync(`test/fixtures/markup/${name}.html`, 'utf8'),
  expected: JSON.parse(readFileSync(`test/fixtures/markup/${name}.json`, 'utf8')) as unknown,
});

describe('<appendix> markup', () => {
  for (const name of ['appendix-one', 'appendix-two']) {
    it(`turns ${name}.html into the expected tree`, () => {
      const { markup, expected } = fixture(name);
      expect(parseMarkup(markup, `${name}.html`)).toEqual(expected);
    });
  }

  it('labels one appendix "Phụ lục" and several "Phụ lục I", "Phụ lục II" …, numbering headings afresh in each', () => {
    const one = parseMarkup(fixture('appendix-one').markup, 'x').appendices;
    expect(one.map((a) => a.label)).toEqual(['Phụ lục']);
    const three = parseMarkup('<p>a</p><appendix title="a"><h1>X</h1></appendix><appendix title="b"><h1>Y</h1><h1>Z</h1></appendix><appendix title="c"><h1>W</h1></appendix>', 'x');
    expect(three.appendices.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II', 'Phụ lục III']);
    expect(three.appendices.map((a) => a.children.map((b) => (b.type === 'heading' ? b.number : '')))).toEqual([['I.'], ['I.', 'II.'], ['I.']]);
  });

  it('returns no appendices for a body without any', () => {
    expect(parseMarkup('<p>a</p>', 'x')).toEqual({ children: [expect.objectContaining({ type: 'paragraph' })], appendices: [] });
  });

  const errors: [string, string, number, RegExp][] = [
    ['body content after an appendix', '<appendix title="a"><p>x</p></appendix>\n<p>lạc</p>', 2, /nội dung chính phải đứng trước các phụ lục/],
    ['an appendix inside an appendix', '<appendix title="a">\n<appendix title="b"></appendix></appendix>', 2, /<appendix> chỉ được đặt ở cấp ngoài cùng/],
    ['an appendix inside a paragraph', '<p>a\n<appendix title="b"></appendix></p>', 2, /không được đặt trong một dòng chữ/],
    ['a bad orientation', '<p>a</p>\n<appendix title="a" orientation="ngang"></appendix>', 2, /orientation="ngang"/],
    ['an appendix without a title', '<appendix>\n<p>x</p></appendix>', 1, /phụ lục cần tên/],
    ['an empty title', '<appendix title="  "></appendix>', 1, /tên phụ lục trống/],
    ['two titles', '<appendix title="a">\n<appendix-title>b</appendix-title></appendix>', 1, /chỉ dùng một/],
    ['a title that is not first', '<appendix>\n<p>x</p>\n<appendix-title>b</appendix-title></appendix>', 3, /phải đứng đầu phụ lục/],
    ['a styled title', '<appendix><appendix-title>a\n<b>b</b></appendix-title></appendix>', 2, /chỉ được có chữ và <br>/],
    ['a stray appendix title', '<p>a</p>\n<appendix-title>b</appendix-title>', 2, /chỉ được đặt ở đầu một <appendix>/],
    ['an unknown tag in an appendix body', '<appendix title="a">\n<p>x</p>\n<div>y</div></appendix>', 3, /<div> không được hỗ trợ/],
  ];
  for (const [what, markup, line, message] of errors) {
    it(`rejects ${what}, naming the line`, () => {
      let caught: unknown;
      try {
        parseMarkup(markup, 'mau.hbs');
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(MarkupError);
      expect((caught as MarkupError).line).toBe(line);
      expect((caught as MarkupError).message).toMatch(message);
      expect((caught as MarkupError).message).toContain('mau.hbs');
    });
  }
});

describe('appendix frame lines', () => {
  it('words the attribution from the frame data: draft number blank, header date without the place, agency as typed', async () => {
    const { kind, report } = await sampleReport();
    const blank = '\u00a0'.repeat(8);
    expect(appendixAttribution(kind, report.frame)).toBe(
      `(Kèm theo Báo cáo số${blank}/BC-UBND ngày 09 tháng 12 năm 2020 của Ủy ban nhân dân thị xã Nghi Sơn)`,
    );
    expect(appendixAttribution(kind, { ...report.frame, number: 5 })).toBe(
      '(Kèm theo Báo cáo số 05/BC-UBND ngày 09 tháng 12 năm 2020 của Ủy ban nhân dân thị xã Nghi Sơn)',
    );
    expect(appendixAttribution(kind, { ...report.frame, number: 123, date: null })).toBe(
      '(Kèm theo Báo cáo số 123/BC-UBND ngày …… tháng …… năm …… của Ủy ban nhân dân thị xã Nghi Sơn)',
    );
  });

  it('builds the appendices through the pipeline: labels, caps titles, attribution lines that fit the page', async () => {
    const { doc } = await appendixDocument(3, { number: 5 });
    expect(doc.appendices.map(({ label, title, attribution, orientation }) => ({ label, title, attribution, orientation }))).toEqual([
      {
        label: 'Phụ lục I',
        title: ['KẾT QUẢ HUẤN LUYỆN DÂN QUÂN', 'TỰ VỆ NĂM 2020 CỦA CÁC XÃ, PHƯỜNG'], // "TỰ VỆ" kept whole (issue 14 §4)
        // Portrait: too long for one line, broken before the agency as a clerk types it.
        attribution: ['(Kèm theo Báo cáo số 05/BC-UBND ngày 09 tháng 12 năm 2020', 'của Ủy ban nhân dân thị xã Nghi Sơn)'],
        orientation: 'portrait',
      },
      {
        label: 'Phụ lục II',
        title: ['SỐ LIỆU CÁC XÃ, PHƯỜNG', 'NĂM 2020'],
        // Landscape: one line.
        attribution: ['(Kèm theo Báo cáo số 05/BC-UBND ngày 09 tháng 12 năm 2020 của Ủy ban nhân dân thị xã Nghi Sơn)'],
        orientation: 'landscape',
      },
    ]);
    const table = doc.appendices[1]!.children.find((b) => b.type === 'table');
    expect(table).toMatchObject({ type: 'table', columns: 5, headerRows: 2 });
    expect(table?.type === 'table' && table.children.length).toBe(2 + 3);
  });

  it('applies the file\'s tone placement to the appendices too', async () => {
    const { doc } = await appendixDocument(1);
    const { mapDocumentText } = await import('../../src/document/transform.js');
    const mapped = mapDocumentText(doc, (t) => t.replace(/Ủy/g, 'Uỷ'));
    expect(mapped.appendices[0]!.attribution.join(' ')).toContain('của Uỷ ban nhân dân');
  });
});
