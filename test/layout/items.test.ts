import { describe, expect, it } from 'vitest';
import { faceFor, getFontFamily, measureText } from '../../src/fonts/index.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { LaidBlock, LaidParagraph, LaidTable } from '../../src/layout/index.js';
import { buildDocument, CREATOR, loadReport } from '../../src/pipeline/index.js';
import { getProfile } from '../../src/profile/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { Package } from '../docx/helpers.js';
import { lineWith, readPdf } from '../support/pdf.js';

/** Layout items of issue 12 (8–14), each read back from the layout or the PDF. */

async function sample(file: string, profileName?: string) {
  const loaded = await loadReport(file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${JSON.stringify(loaded.problems)}`);
  const profile = getProfile(profileName ?? loaded.kind.profile);
  return { doc: buildDocument(loaded.kind, loaded.report), profile };
}

function paragraphs(blocks: LaidBlock[]): LaidParagraph[] {
  return blocks.flatMap((b) =>
    b.type === 'paragraph' ? [b] : b.type === 'group' ? paragraphs(b.blocks) : b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => paragraphs(c.blocks))) : [],
  );
}

describe('"Kính gửi:" with several addressees (item 11)', async () => {
  const { doc, profile } = await sample('data/demo-thi-xa-song-lam-2021.yaml');
  const page = (await readPdf(await renderPdf(layoutDocument(doc, profile), { creator: CREATOR }))).pages[0]!;

  it('stands each dash under the colon of the label', () => {
    const label = lineWith(page, 'Kính gửi:');
    const style = profile.addressees.style;
    const colon = measureText(getFontFamily(profile.fontFamily), faceFor(style.bold, style.italic), ':', style.size);
    const colonLeft = label.right - colon;
    for (const item of ['- Ủy ban nhân dân tỉnh;', '- Bộ Chỉ huy Quân sự tỉnh.']) expect(lineWith(page, item).x, item).toBeCloseTo(colonLeft, 0);
    // And the label stays at the templates' 35 mm from the left margin.
    expect(label.x).toBeCloseTo((profile.page.margin.left + profile.addressees.labelIndent) * (72 / 25.4), 0);
  });
});

describe('"a)" headings (item 12)', async () => {
  const { doc, profile } = await sample('data/nghi-son-qp-an-2020.yaml');

  it('are regular by default, as Decree 30 sets the Điểm level', () => {
    const laid = layoutDocument(doc, profile);
    const level3 = laid.sections.flatMap((s) => paragraphs(s.blocks)).filter((p) => p.headingLevel === 3);
    expect(level3.length).toBeGreaterThan(0);
    for (const p of level3) expect(p.style).toEqual({ size: 14, bold: false, italic: false, underline: false });
    expect(laid.styles.find((s) => s.id === 'heading3')!.paragraph.style.italic).toBe(false);
  });

  it('follow the profile where a house style sets them italic', () => {
    const italic = { ...profile, headings: { ...profile.headings, level3: { ...profile.headings.level3, italic: true } } };
    const level3 = layoutDocument(doc, italic).sections.flatMap((s) => paragraphs(s.blocks)).filter((p) => p.headingLevel === 3);
    for (const p of level3) expect(p.style.italic).toBe(true);
  });
});

describe('table headers (item 13)', async () => {
  const plan = await sample('data/nghi-son-ke-hoach-tet-2021.yaml');
  const report = await sample('data/demo-thi-xa-song-lam-2021.yaml');
  const grids = (blocks: LaidBlock[]): LaidTable[] =>
    blocks.flatMap((b) => (b.type === 'table' && b.role === 'grid' ? [b] : b.type === 'group' ? grids(b.blocks) : []));
  const tables = (l: ReturnType<typeof layoutDocument>) => l.sections.flatMap((s) => grids(s.blocks));
  const textOf = (p: LaidParagraph) => p.runs.map((r) => (r.type === 'text' ? r.text : '\n')).join('');

  it('centres rowspan header cells vertically, in the PDF too', async () => {
    const laid = layoutDocument(report.doc, report.profile);
    const header = tables(laid).find((t) => t.rows[0]!.cells.some((c) => c.rowSpan > 1))!.rows[0]!.cells;
    const tt = header.find((c) => c.rowSpan === 2)!;
    expect(tt.verticalAlign).toBe('center');
    // Read back: "TT" (two rows tall) stands below the first row's text, not at its top.
    const pages = (await readPdf(await renderPdf(laid, { creator: CREATOR }))).pages;
    const page = pages.find((p) => p.text.replace(/\s+/g, '').includes('Tổtựquản'))!;
    const y = (needle: string) => page.items.find((i) => i.str.trim() === needle || i.str.startsWith(needle))!.y;
    // "Tổ tự quản …" opens the first header row (two lines), "Số tổ" is the second row: TT, two
    // rows tall, stands midway between them; the one-line "Tuyên truyền …" midway in row 1.
    expect(Math.abs(y('TT') - (y('Tổ') + y('Số')) / 2)).toBeLessThan(2);
    expect(y('Tuyên')).toBeGreaterThan(y('Tổ') + 4);
  });

  it('breaks wrapped header text into balanced lines, no lone syllable', () => {
    const laid = layoutDocument(plan.doc, plan.profile);
    const cells = tables(laid)[0]!.rows[0]!.cells.map((c) => textOf(c.blocks[0] as LaidParagraph));
    expect(cells).toContain('Đơn vị\nchủ trì');
    expect(cells).toContain('Đơn vị\nphối hợp');
  });
});

describe('an undated draft (item 14)', async () => {
  const { doc, profile } = await sample('data/nghi-son-ke-hoach-tet-2021.yaml');
  const pdf = () => renderPdf(layoutDocument(doc, profile), { creator: CREATOR });
  const docx = () => renderDocx(layoutDocument(doc, profile), { creator: CREATOR });

  it('carries no creation or modification date, in the PDF info, its XMP and the DOCX core properties', async () => {
    expect(doc.meta.dated).toBe(false);
    const bytes = await pdf();
    const info = (await readPdf(bytes)).info;
    expect(info.CreationDate).toBeUndefined();
    expect(info.ModDate).toBeUndefined();
    const text = bytes.toString('latin1');
    expect(text).not.toMatch(/xmp:CreateDate|xmp:ModifyDate|D:1980/);
    const core = new Package(await docx()).text('docProps/core.xml');
    expect(core).not.toMatch(/dcterms:created|dcterms:modified|1980/);
  });

  it('still gives the same bytes on every render', async () => {
    expect((await pdf()).equals(await pdf())).toBe(true);
    expect((await docx()).equals(await docx())).toBe(true);
  });
});
