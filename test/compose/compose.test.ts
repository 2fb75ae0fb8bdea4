import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError, loadTemplate } from '../../src/compose/index.js';
import { parseMarkup } from '../../src/document/parse.js';
import { buildDocument, loadReport } from '../../src/pipeline/index.js';

function templateDir(body: string, partials: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-tpl-'));
  mkdirSync(path.join(dir, 'k', 'partials'), { recursive: true });
  writeFileSync(path.join(dir, 'k', 'body.hbs'), body);
  for (const [name, src] of Object.entries(partials)) writeFileSync(path.join(dir, 'k', 'partials', `${name}.hbs`), src);
  return dir;
}

/** The markup without its position markers, for tests about wording. */
const words = (markup: string): string => markup.replace(/<!--@\d+:\d+-->/g, '');

const errorOf = (fn: () => unknown): TemplateError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('compose', () => {
  it('formats figures, dates and ranges with the helpers', () => {
    const dir = templateDir('<p>{{num 2130}} | {{qty q}} | {{qty s pad=2}} | {{change c "năm 2019"}} | {{date "2020-12-09"}} | {{shortDate "2021-01-05"}} | {{yearRange 2017 2021}} | {{roman 4}} | {{upper "ủy ban"}}</p>');
    const out = loadTemplate('k', dir).render({
      q: { value: 4300, unit: 'người', qualifier: 'trên' },
      s: { value: 7, unit: 'buổi' },
      c: { value: 92, previous: 80, unit: 'vụ' },
    });
    expect(words(out)).toBe('<p>2.130 | trên 4.300 người | 07 buổi | tăng 12 vụ (15,0%) so với năm 2019 | ngày 09 tháng 12 năm 2020 | 05/01/2021 | 2017 - 2021 | IV | ỦY BAN</p>');
  });

  it('writes plans, words and padded counts', () => {
    const dir = templateDir('<p>{{plan 127 120}} | {{exceed 127 120}} | {{words 105}} | {{words 105 zeroTens="lẻ"}} | {{words q}} | {{pad 7}}</p>');
    expect(words(loadTemplate('k', dir).render({ q: { value: 4300, unit: 'người' } }))).toBe(
      '<p>đạt 105,8% kế hoạch | vượt 5,8% kế hoạch | một trăm linh năm | một trăm lẻ năm | bốn nghìn ba trăm | 07</p>');
  });

  it('words comparisons the ways real reports do, with per-call places, rounding and padding', () => {
    const dir = templateDir('<p>{{delta c}} | {{pctChange c}} | {{pctChange r places=0}} | {{deltaPct p}} | {{bulletin c}} | {{signed d}} | {{compare jan}}, {{delta c}} | {{compare jan "previous"}} | {{compare jan "previous" explicit=true}} | {{period h}} | {{planRatio 318 300 "người"}} | {{planRatio 5 5 "xã" pad=2}} | {{rate 27 31 "vụ"}} | {{pctChange q}} | {{pctChange q rounding="truncate"}} | {{amount 12.5 "tỷ đồng"}}</p>');
    const out = loadTemplate('k', dir).render({
      c: { value: 12, previous: 10, unit: 'vụ' },
      d: { value: 9, previous: 12, unit: 'vụ' },
      r: { value: 125, previous: 100, unit: 'hộ' },
      p: { value: 1250, previous: 2130, unit: 'người' },
      q: { value: 10625, previous: 10000, unit: 'người' },
      jan: { kind: 'month', year: 2024, month: 1 },
      h: { kind: 'half', year: 2022, half: 1 },
    });
    expect(words(out)).toBe('<p>tăng 2 vụ | tăng 20,0% | tăng 25% | giảm 880 người, 41,3% | 12 vụ (+2 vụ; +20,0%) | (-\u00a03 vụ; -\u00a025,0%) | '
      + 'so với cùng kỳ năm 2023, tăng 2 vụ | so với tháng trước | so với tháng 12 năm 2023 | 6 tháng đầu năm 2022 | '
      + '318/300 người, vượt 6,0% kế hoạch | 05/05 xã, đạt 100,0% kế hoạch | 27/31 vụ, đạt 87,1% | tăng 6,3% | tăng 6,2% | 12,5 tỷ đồng</p>');
  });

  it('refuses an unknown rounding at the line of the call', () => {
    const dir = templateDir('<p>a</p>\n<p>{{pctChange c rounding="down"}}</p>\n');
    const e = errorOf(() => loadTemplate('k', dir).render({ c: { value: 1, previous: 2, unit: 'vụ' } }));
    expect(e.line).toBe(2);
    expect(e.message).toContain('truncate');
  });

  it('uses partials from the kind folder', () => {
    const dir = templateDir('<p>{{> greet name="Nghi Sơn"}}</p>', { greet: 'Chào {{name}}' });
    expect(words(loadTemplate('k', dir).render({}))).toBe('<p>Chào Nghi Sơn</p>');
  });

  it('marks each block tag with its template file and line, partials included, never inside a mustache', () => {
    const dir = templateDir('{{!-- <p>not a tag --}}\n<h1>A</h1>\n{{#each xs}}\n  <p>{{this}}</p>\n{{/each}}\n{{> tail}}\n', { tail: '\n<ul class="dash"><li>x</li></ul>' });
    const template = loadTemplate('k', dir);
    expect(template.sources.map((s) => s.name)).toEqual(['k/body.hbs', 'k/partials/tail.hbs']);
    // Handlebars drops the standalone comment and block lines, as it would without markers.
    expect(template.render({ xs: ['a', 'b'] })).toBe(
      '<!--@0:2--><h1>A</h1>\n  <!--@0:4--><p>a</p>\n  <!--@0:4--><p>b</p>\n\n<!--@1:2--><ul class="dash"><!--@1:2--><li>x</li></ul>');
    const { children } = parseMarkup(template.render({ xs: ['a'] }), template.file, template.sources.map((s) => s.name));
    expect(children.map((b) => [b.type, b.position])).toEqual([
      ['heading', { file: 'k/body.hbs', line: 2 }],
      ['paragraph', { file: 'k/body.hbs', line: 4 }],
      ['list', { file: 'k/partials/tail.hbs', line: 2 }],
    ]);
  });

  it('names the template line of markup that breaks the rules, not a line of the composed text', () => {
    // The second table's second row is short of a column: line 5 of the template, line 8 of the composed text.
    const dir = templateDir('<p>a</p>\n{{#each xs}}\n<table>\n  <tr><td>{{this}}</td>{{#if @last}}<td>z</td>{{/if}}</tr>\n  <tr><td>y</td></tr>\n</table>\n{{/each}}\n');
    const template = loadTemplate('k', dir);
    const markup = template.render({ xs: ['a', 'b'] });
    expect(() => parseMarkup(markup, template.file, template.sources.map((s) => s.name))).toThrow(/^k\/body\.hbs:5: /);
  });

  it('rejects a tag outside the markup vocabulary, naming the template file and line', () => {
    const dir = templateDir('<p>a</p>\n\n<div>{{x}}</div>\n');
    const e = errorOf(() => loadTemplate('k', dir));
    expect(e.file).toBe(path.join(dir, 'k', 'body.hbs'));
    expect(e.line).toBe(3);
    expect(e.message).toContain('<div>');
  });

  it('reports a Handlebars syntax error with its line', () => {
    const dir = templateDir('<p>a</p>\n<p>{{num x=}}</p>\n<p>c</p>\n');
    const e = errorOf(() => loadTemplate('k', dir));
    expect(e.line).toBe(2);
  });

  it('reports a helper that fails at run time with the line of its call', () => {
    const dir = templateDir('<p>a</p>\n<p>{{ratio 7 6 "xã"}}</p>\n');
    const e = errorOf(() => loadTemplate('k', dir).render({}));
    expect(e.line).toBe(2);
    expect(e.message).toContain('ratio');
  });

  it('keeps markup characters in data as text: they never change the structure', async () => {
    const r = await loadReport('data/nghi-son-qp-an-2020.yaml');
    if (!r.ok) throw new Error('sample invalid');
    const report = structuredClone(r.report) as typeof r.report & { leadership: { summary: string } };
    report.leadership.summary = 'Có <b>thẻ</b>, {{x}} & </p><h1>TIÊU ĐỀ GIẢ</h1><p>';
    const doc = buildDocument(r.kind, report);
    const paragraph = doc.children.find((b) => b.type === 'paragraph' && b.children.some((c) => c.type === 'text' && c.text.includes('{{x}}')));
    expect(paragraph).toEqual({
      type: 'paragraph',
      align: 'justify',
      indent: true,
      children: [{ type: 'text', text: 'Có <b>thẻ</b>, {{x}} & </p><h1>TIÊU ĐỀ GIẢ</h1><p>' }],
      // The line of the template's own <p>{{leadership.summary}}</p>, read from the template.
      position: { file: 'qp-an/body.hbs', line: readFileSync('templates/qp-an/body.hbs', 'utf8').split('\n').findIndex((l) => l.includes('<p>{{leadership.summary}}</p>')) + 1 },
    });
    expect(doc.children.filter((b) => b.type === 'heading' && b.level === 1)).toHaveLength(2);
  });

  it('parses what the sample template composes', async () => {
    const r = await loadReport('data/nghi-son-qp-an-2020.yaml');
    if (!r.ok) throw new Error('sample invalid');
    const template = loadTemplate(r.kind.template);
    const blocks = parseMarkup(template.render(r.report), template.file).children;
    expect(blocks[blocks.length - 1]).toMatchObject({ type: 'paragraph' });
    const last = blocks[blocks.length - 1]!;
    expect(last.type === 'paragraph' && last.children.map((c) => (c.type === 'text' ? c.text : '')).join('').endsWith('Nghi Sơn./.')).toBe(true);
  });
});

describe('the built-in kinds\' wording', () => {
  it('never puts brackets inside brackets, and closes the report with its own summary', async () => {
    const { listKinds } = await import('../../src/model/index.js');
    const files = [...listKinds().map((k) => k.sample), 'data/demo-thi-xa-song-lam-2021.yaml'];
    for (const file of files) {
      const r = await loadReport(file);
      if (!r.ok) throw new Error(file);
      const text = buildDocument(r.kind, r.report).children.map((b) => JSON.stringify(b)).join('\n');
      const plain = [...text.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
      expect(plain, file).not.toMatch(/\([^()]*\(/);
    }
    const demo = await loadReport('data/demo-thi-xa-song-lam-2021.yaml');
    if (!demo.ok) throw new Error('demo');
    const last = buildDocument(demo.kind, demo.report).children.at(-1)!;
    const closing = last.type === 'paragraph' ? last.children.map((c) => (c.type === 'text' ? c.text : '')).join('') : '';
    expect(closing).toBe(`Trên đây là báo cáo ${demo.report.frame.summary.charAt(0).toLocaleLowerCase('vi')}${demo.report.frame.summary.slice(1)} của ${demo.report.frame.issuingAgency}./.`);
  });
});
