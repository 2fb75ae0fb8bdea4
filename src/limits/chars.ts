/**
 * Characters refused in data: U+0000, and the bidirectional controls (embeddings, overrides,
 * isolates and the direction marks). The PDF writer and a word processor apply them differently
 * (U+202E made the PDF read "abcdcba" and the DOCX "abcabcd"), so the two copies of one report
 * would say different things; a Vietnamese report never needs them.
 */
const FORBIDDEN = /[\u0000\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The distinct forbidden characters of a text, in order of appearance. */
export function forbiddenChars(text: string): string[] {
  return [...new Set(text.match(FORBIDDEN) ?? [])];
}

/** Line and paragraph separators: a one-line field refuses them like a line break. */
export const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/u;

/** "U+202E, U+0000": the code points only, since printing the character itself would turn the message around. */
export function describeForbidden(chars: string[]): string {
  return chars.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
}
