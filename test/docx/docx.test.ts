import { layoutDocument } from '../../src/layout/index.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { CREATOR } from '../../src/pipeline/index.js';
import { getFontFamily } from '../../src/fonts/index.js';
import type { Document } from '../../src/document/types.js';
import { addresseeLines } from '../../src/frame/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { all, children, deobfuscate, first, Package, paragraphProperty, paragraphStyle, paragraphText, renderSample, sampleDocument, sha256, stylesOfParagraph } from './helpers.js';

const expected = JSON.parse(readFileSync(new URL('./fixtures/expected.json', import.meta.url), 'utf8')) as {
  pageSize: Record<string, string>;
  frameRuns: { text: string; sz: number; bold: boolean; italic: boolean }[];
  core: Record<string, string>;
  /** Decree numbers in twips, written out (not read from the profile the writer also reads). */
  layout: {
    pgMar: Record<'w:top' | 'w:bottom' | 'w:left' | 'w:right' | 'w:header', number>;
    headerGrid: number[];
    headerIndent: number;
    bodyFirstLine: number;
    bodySpacing: Record<string, string>;
    headerRow2: string[];
  };
  maxBytes: number;
};

/** Every Vietnamese letter, written out literally. */
const LETTERS = readFileSync('test/fixtures/vietnamese-letters.txt', 'utf8').split('\n').filter((l) => l !== '');

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe('renderDocx: the sample', async () => {
  const { doc, profile, bytes } = await renderSample();
  const pkg = new Package(bytes);
  const document = pkg.xml('word/document.xml');
  const body = first(document, 'w:body')!;

  it('is small enough to e-mail', () => {
    expect(bytes.length).toBeLessThanOrEqual(expected.maxBytes);
  });

  it('is A4 with the decree margins and header distance (w:sectPr)', () => {
    const sectPr = children(body, 'w:sectPr')[0]!;
    const pgSz = first(sectPr, 'w:pgSz')!;
    expect({ 'w:w': pgSz.attribs['w:w'], 'w:h': pgSz.attribs['w:h'] }).toEqual(expected.pageSize);
    const m = first(sectPr, 'w:pgMar')!.attribs;
    const L = expected.layout.pgMar;
    expect([m['w:top'], m['w:bottom'], m['w:left'], m['w:right'], m['w:header']].map(Number)).toEqual(
      [L['w:top'], L['w:bottom'], L['w:left'], L['w:right'], L['w:header']],
    );
    // Within NĐ 30's ranges: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    const within = (v: string | undefined, lo: number, hi: number) => Number(v) >= twips(lo) && Number(v) <= twips(hi);
    expect([within(m['w:top'], 20, 25), within(m['w:bottom'], 20, 25), within(m['w:left'], 30, 35), within(m['w:right'], 15, 20)]).toEqual([true, true, true, true]);
  });

  it('gives the frame runs their sizes and styles', () => {
    for (const e of expected.frameRuns) {
      const styles = stylesOfParagraph(body, e.text, pkg.xml('word/styles.xml'));
      expect(styles.length, e.text).toBeGreaterThan(0);
      for (const s of styles) expect(s, e.text).toEqual({ sz: e.sz, bold: e.bold, italic: e.italic });
    }
  });

  it('lays the header out as a borderless two-column table, 67.5 / 100 mm, 6 mm into the left margin', () => {
    const tbl = children(body, 'w:tbl')[0]!;
    expect(all(tbl, 'w:gridCol').map((c) => Number(c.attribs['w:w']))).toEqual(expected.layout.headerGrid);
    expect(Number(first(tbl, 'w:tblInd')!.attribs['w:w'])).toBe(expected.layout.headerIndent);
    for (const b of children(first(tbl, 'w:tblBorders')!, 'w:top')) expect(b.attribs['w:val']).toBe('none');
    // "Số" and the place-date share the second row.
    const row2 = children(tbl, 'w:tr')[1]!;
    expect(all(row2, 'w:p').map(paragraphText)).toEqual(expected.layout.headerRow2);
  });

  it('draws three rules as bordered, indented paragraphs of the measured length', () => {
    const rules = all(body, 'w:p').filter((p) => first(p, 'w:pBdr'));
    expect(rules).toHaveLength(3);
    for (const r of rules) {
      const ind = first(r, 'w:ind')!.attribs;
      expect(ind['w:left']).toBe(ind['w:right']);
      expect(first(r, 'w:top')!.attribs['w:val']).toBe('single');
    }
    // Their lengths against the decree, the text widths measured here with fontkit from the font
    // file (not with the code's own measure): under the agency 1/3–1/2 of its name, under the
    // motto as long as the motto, under the summary 1/3–1/2 of its (longest) line. Each rule is
    // its box (header column, or the 155 mm text area) less both indents.
    const bold = fontkit.openSync('fonts/Tinos-Bold.ttf') as fontkit.Font;
    // Plain advances, no kerning: both writers lay text out that way.
    const width = (text: string, pt: number) => (bold.glyphsForString(text).reduce((w, g) => w + g.advanceWidth, 0) / bold.unitsPerEm) * pt * 20;
    const [agency, motto, summary] = rules.map((r) => Number(first(r, 'w:ind')!.attribs['w:left']));
    const [left, right] = expected.layout.headerGrid as [number, number];
    const agencyRatio = (left - 2 * agency!) / width('ỦY BAN NHÂN DÂN', 13);
    expect(agencyRatio).toBeGreaterThanOrEqual(1 / 3);
    expect(agencyRatio).toBeLessThanOrEqual(1 / 2);
    expect(Math.abs(right - 2 * motto! - width('Độc lập - Tự do - Hạnh phúc', 14))).toBeLessThanOrEqual(2);
    const summaryRatio = (twips(155) - 2 * summary!) / width('Tổng kết công tác quốc phòng - an ninh năm 2020,', 14);
    expect(summaryRatio).toBeGreaterThanOrEqual(1 / 3);
    expect(summaryRatio).toBeLessThanOrEqual(1 / 2);
  });

  it('justifies body paragraphs with a first-line indent and an explicit line rule', () => {
    const p = all(body, 'w:p').find((x) => paragraphText(x).startsWith('Ủy ban nhân dân thị xã Nghi Sơn báo cáo'))!;
    // Through its named style "Văn bản": what Word shows when the clerk clicks into it.
    const styles = pkg.xml('word/styles.xml');
    expect(paragraphStyle(styles, p)!.attribs['w:styleId']).toBe('VanBan');
    expect(paragraphProperty(styles, p, 'w:jc')!.attribs['w:val']).toBe('both');
    expect(Number(paragraphProperty(styles, p, 'w:ind')!.attribs['w:firstLine'])).toBe(expected.layout.bodyFirstLine);
    const spacing = paragraphProperty(styles, p, 'w:spacing')!.attribs;
    expect(spacing).toMatchObject(expected.layout.bodySpacing);
    // The defaults carry the line rule too, and a stated widow control: off for the frame lines,
    // on in the body's style (issue 12 item 8).
    expect(paragraphProperty(styles, p, 'w:widowControl')!.attribs['w:val'] ?? 'true').toBe('true');
    const defaults = first(pkg.xml('word/styles.xml'), 'w:pPrDefault')!;
    expect(first(defaults, 'w:spacing')!.attribs).toMatchObject({ 'w:line': '240', 'w:lineRule': 'auto' });
    expect(first(defaults, 'w:widowControl')!.attribs['w:val']).toBe('0');
  });

  it('keeps the last body paragraph with a signature row that cannot split', () => {
    const top = body.children.filter((c) => c.type === 'tag') as ReturnType<typeof children>;
    // The body ends with a 1 pt paragraph after the signature table: Word would otherwise add a
    // full-height one of its own, which could spill onto a blank page.
    const end = top[top.length - 2]!;
    expect(end.name).toBe('w:p');
    expect(first(end, 'w:spacing')!.attribs).toMatchObject({ 'w:line': '20', 'w:lineRule': 'exact' });
    const signature = top[top.length - 3]!;
    expect(signature.name).toBe('w:tbl');
    expect(first(signature, 'w:cantSplit')).toBeDefined();
    const before = top[top.length - 4]!;
    expect(before.name).toBe('w:p');
    expect(first(before, 'w:keepNext')).toBeDefined();
    expect(paragraphText(before)).toMatch(/Nghi Sơn\.\/\.$/);
  });

  it('numbers pages from page 2: w:titlePg, an empty first header, PAGE in the default header', () => {
    const sectPr = children(body, 'w:sectPr')[0]!;
    expect(first(sectPr, 'w:titlePg')).toBeDefined();
    const rels = pkg.rels('word/document.xml');
    const ref = (type: string) => rels[children(sectPr, 'w:headerReference').find((h) => h.attribs['w:type'] === type)!.attribs['r:id']!]!;
    const firstHeader = pkg.xml(ref('first'));
    expect(all(firstHeader, 'w:p').map(paragraphText).join('')).toBe('');
    expect(all(firstHeader, 'w:instrText')).toHaveLength(0);
    const defaultHeader = pkg.xml(ref('default'));
    const instr = all(defaultHeader, 'w:instrText').map((i) => i.children.map((c) => (c.type === 'text' ? c.data : '')).join('').trim());
    expect(instr).toEqual(['PAGE']);
    expect(first(defaultHeader, 'w:jc')!.attribs['w:val']).toBe('center');
  });

  it('writes the core properties from doc.meta and the language vi-VN', () => {
    const core = pkg.xml('docProps/core.xml');
    for (const [name, value] of Object.entries(expected.core)) {
      expect(paragraphTextOf(first(core, name)), name).toBe(value);
    }
    expect(paragraphTextOf(first(core, 'cp:lastModifiedBy'))).toBe(CREATOR);
    expect(pkg.text('docProps/app.xml')).toContain(`<Application>${CREATOR}</Application>`);
    const lang = first(first(pkg.xml('word/styles.xml'), 'w:rPrDefault')!, 'w:lang')!;
    expect(lang.attribs['w:val']).toBe('vi-VN');
    expect(doc.meta.language).toBe('vi-VN');
  });

  it('embeds four faces, each a valid font with every Vietnamese letter', () => {
    expect(first(pkg.xml('word/settings.xml'), 'w:embedTrueTypeFonts')).toBeDefined();
    // Named Times New Roman in the DOCX, the Tinos faces embedded under that name (issue 12 item 10).
    const font = all(pkg.xml('word/fontTable.xml'), 'w:font').find((f) => f.attribs['w:name'] === 'Times New Roman')!;
    expect(font).toBeDefined();
    const rels = pkg.rels('word/fontTable.xml');
    const family = getFontFamily('Tinos');
    const faces = { 'w:embedRegular': 'Regular', 'w:embedBold': 'Bold', 'w:embedItalic': 'Italic', 'w:embedBoldItalic': 'Bold Italic' };
    const letters = LETTERS;
    expect(letters).toHaveLength(146);
    const keys = new Set<string>();
    for (const [element, subfamily] of Object.entries(faces)) {
      const embed = children(font, element)[0];
      expect(embed, element).toBeDefined();
      const key = embed!.attribs['w:fontKey']!;
      expect(key).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
      keys.add(key);
      const part = rels[embed!.attribs['r:id']!]!;
      expect(part).toMatch(/\.odttf$/);
      const bytes = deobfuscate(pkg.files[part]!, key);
      expect(Buffer.from(bytes.subarray(0, 4)).toString('hex')).toBe('00010000'); // TrueType outlines
      const parsed = fontkit.create(Buffer.from(bytes)) as fontkit.Font & { subfamilyName: string; numGlyphs: number };
      expect(parsed.familyName).toBe('Tinos');
      expect(parsed.subfamilyName).toBe(subfamily);
      const missing = letters.filter((l) => !parsed.hasGlyphForCodePoint(l.codePointAt(0)!));
      expect(missing, `${element} lacks`).toEqual([]);
      for (const c of '“”‘’–—…•№§°±×÷€\u00a0₫') expect(parsed.hasGlyphForCodePoint(c.codePointAt(0)!), `${element} ${c}`).toBe(true);
      // Subset: far fewer glyphs than the full face.
      expect(parsed.numGlyphs).toBeLessThan((family.faces.regular.font as unknown as { numGlyphs: number }).numGlyphs / 2);
    }
    expect(keys.size).toBe(4);
  });

  it('gives the same bytes for the same input', async () => {
    const again = await renderDocx(layoutDocument(doc, profile), { creator: CREATOR });
    expect(sha256(again)).toBe(sha256(bytes));
    // Nothing in the package carries the time of rendering.
    expect(pkg.text('docProps/core.xml')).not.toContain(String(new Date().getFullYear()) + '-');
  });
});

describe('renderDocx: blocks the sample lacks', async () => {
  const { doc, profile } = await sampleDocument();
  const cell = (text: string, o: Partial<{ colSpan: number; rowSpan: number; header: boolean }> = {}) => ({
    type: 'tableCell' as const,
    children: [{ type: 'text' as const, text }],
    colSpan: 1,
    rowSpan: 1,
    align: 'center' as const,
    header: false,
    ...o,
  });
  const two = ['Ủy ban nhân dân tỉnh Thanh Hóa', 'Bộ Chỉ huy Quân sự tỉnh'];
  const extended: Document = {
    ...doc,
    frame: { ...doc.frame, addressees: two, addresseeLines: addresseeLines(two) },
    children: [
      ...doc.children.slice(0, 3),
      {
        type: 'table',
        columns: 3,
        widths: [1, 2, 2],
        headerRows: 2,
        children: [
          { type: 'tableRow', children: [cell('TT', { rowSpan: 2, header: true }), cell('Kết quả', { colSpan: 2, header: true })] },
          { type: 'tableRow', children: [cell('2019', { header: true }), cell('2020', { header: true })] },
          { type: 'tableRow', children: [cell('1'), cell('10'), cell('20')] },
        ],
      },
      { type: 'pagebreak' },
      ...doc.children.slice(3),
    ],
  };
  const pkg = new Package(await renderDocx(layoutDocument(extended, profile), { creator: CREATOR }));
  const body = first(pkg.xml('word/document.xml'), 'w:body')!;

  it('repeats header rows and merges cells', () => {
    const tbl = children(body, 'w:tbl')[1]!;
    const rows = children(tbl, 'w:tr');
    expect(rows.map((r) => first(r, 'w:tblHeader') !== undefined)).toEqual([true, true, false]);
    expect(first(rows[0]!, 'w:gridSpan')!.attribs['w:val']).toBe('2');
    expect(first(rows[0]!, 'w:vMerge')!.attribs['w:val']).toBe('restart');
    expect(first(rows[1]!, 'w:vMerge')).toBeDefined();
    expect(all(tbl, 'w:gridCol')).toHaveLength(3);
  });

  it('starts the block after a page break on a new page', () => {
    const p = all(body, 'w:p').find((x) => paragraphText(x) === paragraphTextOfBlock(doc, 3))!;
    expect(first(p, 'w:pageBreakBefore')).toBeDefined();
  });

  it('writes "Kính gửi" and its items', () => {
    const texts = all(body, 'w:p').map(paragraphText);
    expect(texts).toContain('Kính gửi:');
    expect(texts).toContain('- Ủy ban nhân dân tỉnh Thanh Hóa;');
    expect(texts).toContain('- Bộ Chỉ huy Quân sự tỉnh.');
  });
});

function paragraphTextOf(e: ReturnType<typeof first>): string {
  return e ? e.children.map((c) => (c.type === 'text' ? c.data : '')).join('') : '';
}

/** The text the DOCX writes for a heading or paragraph block. */
function paragraphTextOfBlock(doc: Document, i: number): string {
  const b = doc.children[i]!;
  if (b.type !== 'heading' && b.type !== 'paragraph') throw new Error(`block ${i} is a ${b.type}`);
  const text = b.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
  return b.type === 'heading' && b.number ? `${b.number} ${text}` : text;
}
