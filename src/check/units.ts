import type { Lang } from '../messages/types.js';
import { checkMessages as M } from '../messages/check.js';

/**
 * Measures and citations in a finding: numbers and symbols, not sentences, so they are formatted
 * here (the decimal mark follows the reader's language) rather than worded in the catalogue.
 */

const num = (n: number, lang: Lang): string => {
  const s = String(Math.round(n * 10) / 10);
  return lang === 'vi' ? s.replace('.', ',') : s;
};

export const mm = (lang: Lang, v: number): string => `${num(v, lang)} mm`;
export const mmRange = (lang: Lang, a: number, b: number): string => `${num(a, lang)}–${num(b, lang)} mm`;
export const pageSize = (lang: Lang, w: number, h: number): string => `${num(w, lang)} × ${num(h, lang)} mm`;
export const A4 = 'A4 (210 × 297 mm)';
/** The Party's guidance, cited as its symbol. */
export const REF_DANG = 'HD 36-HD/VPTW';

/** Word alignment ("left", "center", "right", "both") in the reader's words. */
export function alignWords(lang: Lang, a: string): string {
  const m = { left: M.alignLeft, center: M.alignCenter, right: M.alignRight, both: M.alignBoth }[a];
  return m ? m[lang]() : a;
}
