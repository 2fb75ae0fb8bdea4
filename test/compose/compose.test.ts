import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
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
      position: { file: 'qp-an/body.hbs', line: 12 },
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
