import type { Document } from '../document/types.js';
import { visit } from '../document/walk.js';
import type { FaceName, FontFamily } from './index.js';
import { faceFor } from './index.js';

/**
 * Glyph coverage: every character must exist in the face that will draw it, or the reader gets an
 * empty box. Checked before rendering so the clerk learns which character, and where it came from.
 */

/** Characters of `text` that the face lacks (whitespace excepted), each once, in order of appearance. */
export function missingGlyphs(text: string, family: FontFamily, face: FaceName = 'regular'): string[] {
  const font = family.faces[face].font;
  return missingChars(text, (cp) => font.hasGlyphForCodePoint(cp));
}

/** Characters of `text` for which `has` says no (whitespace excepted), each once, in order of appearance. */
export function missingChars(text: string, has: (codePoint: number) => boolean): string[] {
  const missing: string[] = [];
  for (const ch of text.normalize('NFC')) {
    if (/\s/u.test(ch) || missing.includes(ch)) continue;
    if (!has(ch.codePointAt(0)!)) missing.push(ch);
  }
  return missing;
}

/** "𝒜" (U+1D49C), "😀" (U+1F600) */
export function describeChars(chars: string[]): string {
  return chars.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
}

/** Every string leaf of a data value with its path. */
export function* stringLeaves(value: unknown, path: (string | number)[] = []): Generator<[(string | number)[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringLeaves(value[i], [...path, i]);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* stringLeaves(v, [...path, k]);
  }
}

export interface GlyphGap {
  chars: string[];
  face: FaceName;
  /** The text the characters were found in (shortened). */
  context: string;
}

/** Walk the Document: each text in the face it will be drawn with. */
export function documentGaps(doc: Document, family: FontFamily): GlyphGap[] {
  const gaps: GlyphGap[] = [];
  const check = (text: string, face: FaceName) => {
    const chars = missingGlyphs(text, family, face);
    if (chars.length > 0) gaps.push({ chars, face, context: text.length > 60 ? `${text.slice(0, 57)}…` : text });
  };
  const f = doc.frame;
  // The frame's faces are fixed by every profile in the same way (agency bold, date italic …);
  // check all four faces there, so a profile change cannot introduce a gap.
  for (const text of [...f.parentAgency, ...f.issuingAgency, f.nationalTitle, f.motto, f.numberLine, f.placeDate, f.typeName,
    ...f.summary, ...f.addresseeLines.map((l) => l.text), ...f.signatureLines.map((l) => l.text), f.signerName, f.recipientsLabel, ...f.recipients]) {
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) check(text, face);
  }
  const ALL = ['regular', 'bold', 'italic', 'boldItalic'] as const;
  visit(doc, (node, ancestors) => {
    if (node.type === 'appendix') {
      // Appendix frame lines, like the frame: every face.
      for (const text of [node.label, ...node.title, ...node.attribution]) for (const face of ALL) check(text, face);
      return;
    }
    if (node.type === 'part') for (const face of ALL) check(node.label, face);
    if (node.type !== 'text') return;
    const parent = ancestors[ancestors.length - 1];
    // Headings and parts may be bold or italic depending on the profile: check all faces.
    if (parent?.type === 'heading' || parent?.type === 'part') for (const face of ALL) check(node.text, face);
    else check(node.text, faceFor(!!(node.bold || (parent?.type === 'tableCell' && parent.header)), !!node.italic));
  });
  return gaps;
}
