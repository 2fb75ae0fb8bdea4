import { AlignmentType, LineRuleType } from 'docx';
import type { IParagraphStyleOptions, IRunOptions } from 'docx';
import type { Align, LaidParagraph, LaidStyle, ParagraphStyleId, RunStyle } from '../../layout/index.js';

/**
 * Named paragraph styles (Văn bản, Mục, Khoản, Điểm, Nơi nhận, table text) as the layout defines
 * them, and the paragraph properties both the styles and the paragraphs are written with.
 */

/** Twentieths of a point (twips); w:sz is in half-points; Word's "single" line is 240 with lineRule auto. */
export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPt = (pt: number): number => Math.round(pt * 2);
export const SINGLE_LINE = 240;

/** Face and size of runs outside a named style (a run in one takes them from the style). */
export function runStyle(s: RunStyle): IRunOptions {
  return { size: halfPt(s.size), bold: s.bold, italics: s.italic, ...(s.underline ? { underline: {} } : {}) };
}

const ALIGN = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const satisfies Record<Align, string>;

export type Styles = Map<ParagraphStyleId, LaidStyle>;

/** Style ids in the package (ASCII, stable); the names a clerk sees come from the layout. */
export const STYLE_ID = {
  body: 'VanBan',
  heading1: 'Muc',
  heading2: 'Khoan',
  heading3: 'Diem',
  recipients: 'NoiNhan',
  table: 'Bang',
  tableHeader: 'BangTieuDe',
} as const satisfies Record<ParagraphStyleId, string>;

/** Paragraph properties of a laid paragraph, without its runs. */
export function paragraphProperties(p: LaidParagraph) {
  const { left, right, firstLine } = p.indent;
  const spaced = p.spaceBefore !== 0 || p.spaceAfter !== 0 || p.lineSpacing !== 1;
  return {
    alignment: ALIGN[p.align],
    ...(left || right || firstLine ? { indent: { ...(left ? { left: twips(left) } : {}), ...(right ? { right: twips(right) } : {}), ...(firstLine ? { firstLine: twips(firstLine) } : {}) } } : {}),
    ...(spaced ? { spacing: { before: twips(p.spaceBefore), after: twips(p.spaceAfter), line: Math.round(SINGLE_LINE * p.lineSpacing), lineRule: LineRuleType.AUTO } } : {}),
    ...(p.keepWithNext ? { keepNext: true } : {}),
    // Stated either way: the document default is off (frame lines are placed line by line).
    widowControl: p.widowControl,
  };
}

/** A named style: the laid paragraph it stands for, with an outline level for the headings. */
export function styleDefinition(st: LaidStyle): IParagraphStyleOptions {
  const props = paragraphProperties(st.paragraph);
  return {
    id: STYLE_ID[st.id],
    name: st.name,
    basedOn: 'Normal',
    next: st.id.startsWith('heading') ? STYLE_ID.body : STYLE_ID[st.id],
    quickFormat: true,
    run: runStyle(st.paragraph.style),
    paragraph: { ...props, ...(st.outlineLevel !== undefined ? { outlineLevel: st.outlineLevel } : {}) },
  };
}

export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
