import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/document/parse.js';
import type { Document } from '../../src/document/types.js';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { getProfile } from '../../src/profile/index.js';
import { Package, all, first, paragraphText, stylesOfParagraph } from '../docx/helpers.js';
import { MM, lineWith, lines, readPdf } from '../support/pdf.js';
import type { PdfInfo } from '../support/pdf.js';

// The structures real reports use beyond I./1./a): a Phần level ("Phần thứ nhất" and its title),
// the Party's "A-" Mục, "1.1." Khoản, numbering restarting in each Phần, a block of bases worded
// by baocao, and dash lists punctuated by the parser. Markup → tree from a fixture, then the same
// template through the whole pipeline, read back from the PDF and the DOCX.

describe('numbering, parts, bases and dash lists in the markup', () => {
  it('turn numbering.html into the expected tree', () => {
    const markup = readFileSync('test/fixtures/markup/numbering.html', 'utf8');
    const expected = JSON.parse(readFileSync('test/fixtures/markup/numbering.json', 'utf8')) as unknown;
    expect(parseMarkup(markup, 'numbering.html').children).toEqual(expected);
  });

  it('number Phần as asked: "Phần I", "Phần thứ nhất" or "PHẦN THỨ NHẤT"; I./1./a) by default', () => {
    const labels = (attrs: string) => parseMarkup(`<numbering ${attrs} /><part>A</part><h1>x</h1><part>B</part><h1>y</h1><h2>z</h2><h3>w</h3>`, 'x').children
      .map((b) => (b.type === 'part' ? b.label : b.type === 'heading' ? b.number : ''));
    expect(labels('part="roman"')).toEqual(['Phần I', 'I.', 'Phần II', 'II.', '1.', 'a)']);
    expect(labels('part="ordinal" restart="parts"')).toEqual(['Phần thứ nhất', 'I.', 'Phần thứ hai', 'I.', '1.', 'a)']);
    expect(labels('part="ORDINAL" h1="I-" h2="1-" h3="a-"')).toEqual(['PHẦN THỨ NHẤT', 'I-', 'PHẦN THỨ HAI', 'II-', '1-', 'a-']);
  });

  it('refuse an unknown numbering style, naming the allowed ones', () => {
    expect(() => parseMarkup('<numbering h1="i)" />', 'x')).toThrow(/h1="i\)".*I\., I-, A\., A-/);
    expect(() => parseMarkup('<bases><p>x</p></bases>', 'x')).toThrow(/<basis>/);
  });

  it('end a dash list with "." even when the template leaves its last item out', () => {
    const list = parseMarkup('<ul class="dash"><li>Một;</li><li>Hai;</li>\n</ul>', 'x').children[0]!;
    expect(list.type === 'list' && list.children.map((i) => i.children.map((c) => (c.type === 'text' ? c.text : '')).join(''))).toEqual(['Một;', 'Hai.']);
  });
});

describe('through the pipeline', () => {
  let doc: Document;
  let pdf: PdfInfo;
  let pkg: Package;
  const profile = getProfile('nd30');

  beforeAll(async () => {
    const r = await loadReport('data/nghi-son-qp-an-2020.yaml');
    if (!r.ok) throw new Error('sample invalid');
    doc = buildDocument({ ...r.kind, template: path.resolve('test/fixtures/kinds/numbering') }, r.report);
    pdf = await readPdf(await renderDocument(doc, 'pdf', 'nd30', { pdfa: 'none' }));
    pkg = new Package(await renderDocument(doc, 'docx', 'nd30'));
  }, 120_000);

  it('knows the template line of each block', () => {
    expect(doc.children.find((b) => b.type === 'part')?.position).toEqual({ file: 'numbering/body.hbs', line: 7 });
  });

  it('prints the Phần label and its title centred and bold, the headings with their labels, the bases in italic', () => {
    const page = pdf.pages[0]!;
    const centre = (page.width + (profile.page.margin.left - profile.page.margin.right) * MM) / 2;
    for (const text of ['Phần thứ nhất', 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ']) {
      const l = lineWith(page, text);
      expect(l.text).toBe(text);
      expect(l.fonts).toEqual(['Tinos-Bold']);
      expect((l.x + l.right) / 2).toBeCloseTo(centre, 0);
    }
    expect(lineWith(page, 'Kinh tế').text).toBe('A- Kinh tế');
    expect(lineWith(page, 'Nông nghiệp').text).toBe('1.1. Nông nghiệp');
    const basis = lineWith(page, 'Căn cứ tình hình');
    expect(basis.text).toBe('Căn cứ tình hình thực tế của địa phương,');
    expect(basis.fonts).toEqual(['Tinos-Italic']);
    const all = pdf.pages.flatMap((p) => lines(p).map((l) => l.text));
    expect(all).toContain('- Thủy sản 12,5 tấn.');
    expect(all).toContain('Phần thứ hai');
  });

  it('writes the same lines in the DOCX, in the same styles', () => {
    const body = first(pkg.xml('word/document.xml'), 'w:body')!;
    const texts = all(body, 'w:p').map(paragraphText);
    for (const t of ['Phần thứ nhất', 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ', 'A- Kinh tế', '1.1. Nông nghiệp', 'B- Xã hội', '- Trồng lúa 480 ha;', '- Thủy sản 12,5 tấn.', 'Phần thứ hai', 'A- Mục tiêu']) {
      expect(texts, t).toContain(t);
    }
    expect(stylesOfParagraph(body, 'Phần thứ nhất')).toEqual([{ sz: 28, bold: true, italic: false }]);
    expect(stylesOfParagraph(body, 'Căn cứ tình hình thực tế của địa phương,').every((s) => s.italic)).toBe(true);
    const label = all(body, 'w:p').find((p) => paragraphText(p) === 'Phần thứ nhất')!;
    expect(first(label, 'w:jc')?.attribs['w:val']).toBe('center');
    expect(first(label, 'w:keepNext')).toBeDefined();
  });
});
