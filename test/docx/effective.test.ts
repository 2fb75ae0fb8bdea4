import { describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { layoutDocument } from '../../src/layout/index.js';
import type { LaidBlock, LaidParagraph } from '../../src/layout/index.js';
import { buildDocument, CREATOR, loadReport } from '../../src/pipeline/index.js';
import { getProfile } from '../../src/profile/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { all, children, first, Package, paragraphText } from './helpers.js';

/**
 * A paragraph in a named style writes only what differs from the style (issue 12 item 9). What it
 * leaves out, Word and LibreOffice take from the style: so a value the layout sets back to zero
 * (a centred "Phần" line without the body's first-line indent, a title line without the body's 6 pt
 * above) must be written, or the DOCX lays out other lines than the PDF (item 10). Each paragraph's
 * effective indent, spacing and alignment (its own w:pPr over its style's) is read back from the
 * package and compared with the layout, for samples with a "Phần", a table and an appendix.
 */
const SAMPLES = ['data/demo-xa-an-phu-6-thang-2024.yaml', 'data/nghi-son-ke-hoach-tet-2021.yaml', 'data/nghi-son-chi-thi-tet-2021.yaml', 'data/demo-thi-xa-song-lam-2021.yaml'];

const tw = (pt: number) => Math.round(pt * 20);
const JC: Record<string, string> = { justify: 'both', left: 'left', center: 'center', right: 'right' };

interface Effective { left: number; right: number; firstLine: number; before: number; after: number; jc: string }

function pPrValues(pPr: Element | undefined): Partial<Effective> {
  if (!pPr) return {};
  const out: Partial<Effective> = {};
  const ind = children(pPr, 'w:ind')[0];
  if (ind) {
    const a = ind.attribs;
    const left = a['w:left'] ?? a['w:start'];
    const right = a['w:right'] ?? a['w:end'];
    if (left !== undefined) out.left = Number(left);
    if (right !== undefined) out.right = Number(right);
    if (a['w:firstLine'] !== undefined) out.firstLine = Number(a['w:firstLine']);
    if (a['w:hanging'] !== undefined) out.firstLine = -Number(a['w:hanging']);
  }
  const sp = children(pPr, 'w:spacing')[0];
  if (sp?.attribs['w:before'] !== undefined) out.before = Number(sp.attribs['w:before']);
  if (sp?.attribs['w:after'] !== undefined) out.after = Number(sp.attribs['w:after']);
  const jc = children(pPr, 'w:jc')[0];
  if (jc) out.jc = jc.attribs['w:val']!;
  return out;
}

function laidParagraphs(blocks: LaidBlock[]): LaidParagraph[] {
  return blocks.flatMap((b): LaidParagraph[] => {
    if (b.type === 'paragraph') return [b];
    if (b.type === 'table') return b.rows.flatMap((r) => r.cells.flatMap((c) => laidParagraphs(c.blocks)));
    if (b.type === 'group') return laidParagraphs(b.blocks);
    return [];
  });
}

const textOf = (p: LaidParagraph) => p.runs.map((r) => (r.type === 'text' ? r.text : '')).join('');

describe('DOCX paragraphs in a named style', () => {
  it.each(SAMPLES)('%s: indent, spacing and alignment as laid out, style and own properties together', async (file) => {
    const loaded = await loadReport(file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const layout = layoutDocument(buildDocument(loaded.kind, loaded.report), getProfile(loaded.kind.profile));
    const pkg = new Package(await renderDocx(layout, { creator: CREATOR }));
    const styleProps = new Map(all(pkg.xml('word/styles.xml'), 'w:style').map((s) => [s.attribs['w:styleId']!, pPrValues(children(s, 'w:pPr')[0])]));
    const docx = all(pkg.xml('word/document.xml'), 'w:p').filter((p) => first(p, 'w:pStyle'));
    const effective = (p: Element): Effective => {
      const pPr = children(p, 'w:pPr')[0];
      const style = styleProps.get(first(p, 'w:pStyle')!.attribs['w:val']!) ?? {};
      return { left: 0, right: 0, firstLine: 0, before: 0, after: 0, jc: 'left', ...style, ...pPrValues(pPr) };
    };
    const styled = layout.sections.flatMap((s) => laidParagraphs(s.blocks)).filter((p) => p.paragraphStyle && textOf(p) !== '');
    expect(styled.length).toBeGreaterThan(10);
    let at = 0;
    const wrong: string[] = [];
    for (const p of styled) {
      const text = textOf(p);
      const i = docx.findIndex((d, k) => k >= at && paragraphText(d) === text);
      expect(i, `"${text}" not found in document.xml`).toBeGreaterThanOrEqual(0);
      at = i + 1;
      const want: Effective = { left: tw(p.indent.left), right: tw(p.indent.right), firstLine: tw(p.indent.firstLine), before: tw(p.spaceBefore), after: tw(p.spaceAfter), jc: JC[p.align]! };
      const got = effective(docx[i]!);
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${text.slice(0, 40)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
  });
});
