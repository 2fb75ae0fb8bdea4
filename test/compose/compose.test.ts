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
    expect(out).toBe('<p>2.130 | trên 4.300 người | 07 buổi | tăng 12 vụ (15,0%) so với năm 2019 | ngày 09 tháng 12 năm 2020 | 05/01/2021 | 2017 - 2021 | IV | ỦY BAN</p>');
  });

  it('writes plans, words and padded counts', () => {
    const dir = templateDir('<p>{{plan 127 120}} | {{exceed 127 120}} | {{words 105}} | {{words 105 zeroTens="lẻ"}} | {{words q}} | {{pad 7}}</p>');
    expect(loadTemplate('k', dir).render({ q: { value: 4300, unit: 'người' } })).toBe(
      '<p>đạt 105,8% kế hoạch | vượt 5,8% kế hoạch | một trăm linh năm | một trăm lẻ năm | bốn nghìn ba trăm | 07</p>');
  });

  it('uses partials from the kind folder', () => {
    const dir = templateDir('<p>{{> greet name="Nghi Sơn"}}</p>', { greet: 'Chào {{name}}' });
    expect(loadTemplate('k', dir).render({})).toBe('<p>Chào Nghi Sơn</p>');
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
    const paragraph = doc.body.find((b) => b.type === 'paragraph' && b.content.some((c) => c.type === 'text' && c.text.includes('{{x}}')));
    expect(paragraph).toEqual({
      type: 'paragraph',
      align: 'justify',
      indent: true,
      content: [{ type: 'text', text: 'Có <b>thẻ</b>, {{x}} & </p><h1>TIÊU ĐỀ GIẢ</h1><p>' }],
    });
    expect(doc.body.filter((b) => b.type === 'heading' && b.level === 1)).toHaveLength(2);
  });

  it('parses what the sample template composes', async () => {
    const r = await loadReport('data/nghi-son-qp-an-2020.yaml');
    if (!r.ok) throw new Error('sample invalid');
    const template = loadTemplate(r.kind.template);
    const blocks = parseMarkup(template.render(r.report), template.file).body;
    expect(blocks[blocks.length - 1]).toMatchObject({ type: 'paragraph' });
    const last = blocks[blocks.length - 1]!;
    expect(last.type === 'paragraph' && last.content.map((c) => (c.type === 'text' ? c.text : '')).join('').endsWith('Nghi Sơn./.')).toBe(true);
  });
});
