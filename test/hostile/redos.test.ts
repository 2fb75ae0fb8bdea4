import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { helpers } from '../../src/compose/helpers.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadKindFolder } from '../../src/model/index.js';
import { errorText } from '../../src/messages/errors.js';
import { tmp } from './support.js';

// Issue 13 item 4: no regular expression of src/ may backtrack super-linearly on data. recheck
// (an automaton-based ReDoS checker) runs on its pure-JavaScript backend: no binary, no network.
process.env.RECHECK_BACKEND = 'pure';
const { checkSync } = await import('recheck');

/** Every regular-expression literal in src/, with its file and line, read with the TypeScript parser. */
function regexLiterals(): { where: string; source: string; flags: string }[] {
  const found: { where: string; source: string; flags: string }[] = [];
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
  for (const rel of files) {
    const file = path.join('src', rel);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const slash = text.lastIndexOf('/');
        found.push({ where: `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/**
 * Expressions that never see data, a kind or a PDF from outside, with the reason. recheck gives
 * up ("unknown") on this one; its input is the docx library's own fontTable.xml.
 */
const trusted = new Set([
  `${path.join('src', 'render', 'docx', 'package.ts')} <w:(embedRegular|embedBold|embedItalic|embedBoldItalic) r:id="([^"]+)" w:fontKey="\\{[0-9A-Fa-f-]+\\}"\\/>`,
  // The docx library's own styles.xml, written in the same process.
  `${path.join('src', 'render', 'docx', 'package.ts')} <w:style w:type="paragraph" w:styleId="(?:Title|Heading[1-6])">.*?<\\/w:style>`,
  // The desk's own label text in the page.
  `${path.join('src', 'serve', 'web', 'form.ts')} \\s*\\*$`,
  // Three digits, matched by /^[1-9]\d{0,2},\d{3}$/ just before.
  `${path.join('src', 'sheets', 'cells.ts')} 0+$`,
  // Inputs cut at the call: a format code to 255 characters (Excel's limit), a VML length to 64,
  // the number and date lines to 300 (a real one is under 100).
  `${path.join('src', 'sheets', 'xlsx.ts')} \\[[^\\]]*\\]`,
  `${path.join('src', 'check', 'docx.ts')} ^\\s*(-?[\\d.]+)\\s*(pt|in|mm|cm|px|emu)?\\s*$`,
  `${path.join('src', 'check', 'rules.ts')} ^Số\\s*(:?)\\s*([^/]*?)\\s*\\/\\s*(.+)$`,
  `${path.join('src', 'check', 'rules.ts')} ^Số\\s*(:?)\\s*([^-]*?)\\s*-\\s*([^/\\s]+)\\s*\\/\\s*(.+)$`,
  `${path.join('src', 'check', 'rules.ts')} ^(.+?)(,?)\\s+ngày\\s+(\\S+)\\s+tháng\\s+(\\S+)\\s+năm\\s+(\\S+)$`,
]);

describe('regular expressions of src/', () => {
  const all = regexLiterals();

  it('are found (the scan reads them all)', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((r) => r.where.startsWith(path.join('src', 'compose', 'helpers.ts')))).toBe(true);
  });

  it('are each safe from super-linear backtracking (recheck)', () => {
    const unsafe = all
      .filter((r) => !trusted.has(`${r.where.split(':')[0]} ${r.source}`))
      .map((r) => ({ ...r, result: checkSync(r.source, r.flags.replace(/[gy]/g, ''), { timeout: 10_000 }) }))
      // On a loaded machine recheck may run out of its own time ("unknown", timeout): once more, longer.
      .map((r) => (r.result.status === 'unknown' && r.result.error.kind === 'timeout' ? { ...r, result: checkSync(r.source, r.flags.replace(/[gy]/g, ''), { timeout: 60_000 }) } : r))
      .filter((r) => r.result.status !== 'safe')
      .map((r) => `${r.where} /${r.source}/${r.flags}: ${r.result.status}${r.result.status === 'vulnerable' ? ` ${r.result.complexity.type}` : ''}`);
    expect(unsafe).toEqual([]);
  }, 600_000);

  it('the checker does see the expression endItem used (it is not blind)', () => {
    const r = checkSync('[\\s.;,:]+$', 'u');
    expect(r.status).toBe('vulnerable');
  });
});

describe('endItem and punct', () => {
  const call = (name: 'endItem' | 'punct', ...a: unknown[]) => (helpers[name] as (...x: unknown[]) => string)(...a, { hash: {}, data: {} });

  it('strip the closing punctuation the clerk typed', () => {
    expect(call('endItem', 'Giữ vững an ninh ;. ', false)).toBe('Giữ vững an ninh;');
    expect(call('endItem', 'Giữ vững an ninh', true)).toBe('Giữ vững an ninh.');
    expect(call('punct', 'Tuyên truyền,:  ', ':')).toBe('Tuyên truyền:');
  });

  it('keep a long run of spaces and punctuation that is not at the end', () => {
    // The run that made the old expression quadratic (200 KB: 50 s); recheck above is the bound.
    const hostile = `${' .;,:'.repeat(4_000)}x`;
    expect(call('endItem', hostile, true)).toBe(`${hostile}.`);
    expect(call('punct', `${hostile} ;`, ';')).toBe(`${hostile};`);
  });
});

describe('a kind.yaml pattern', () => {
  const kindWith = (pattern: string) => {
    const dir = tmp('pattern');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'kind.yaml'), `id: mau\ntitle: Mẫu\ntype: { name: Thông báo, abbreviation: TB }\nsample: mau.yaml\nfileStem: x\nfields:\n  code: { type: text, pattern: ${JSON.stringify(pattern)}, description: Mã }\n`);
    writeFileSync(path.join(dir, 'body.hbs'), '<p>{{code}}</p>\n');
    return dir;
  };

  it('that cannot be compiled is a kind error when the kind loads, naming the field and the pattern', () => {
    for (const [pattern, reason] of [['(ab', 'missing closing )'], ['(?=a)b', 'invalid or unsupported Perl syntax']] as const) {
      let error: unknown;
      try {
        loadKindFolder(kindWith(pattern));
      } catch (e) {
        error = e;
      }
      expect((error as { exitCode?: number })?.exitCode).toBe(3);
      expect(errorText(error, 'en')).toContain(`field "code": the pattern ${JSON.stringify(pattern)} cannot be used (`);
      expect(errorText(error, 'en')).toContain(reason);
    }
  });

  it('that is catastrophic for a backtracking engine still checks the value, linearly', () => {
    const kind = loadKindFolder(kindWith('^(a|a)*$'));
    const frameless = (code: string) => kind.schema.safeParse({ code }).error?.issues.filter((i) => i.path[0] === 'code') ?? [];
    // With JavaScript's engine 'a' × 40 + 'b' takes hours; RE2 answers at once.
    expect(frameless(`${'a'.repeat(40)}b`)).toHaveLength(1);
    expect(frameless('a'.repeat(40))).toHaveLength(0);
  });
});
