import { ordinalWords } from './ordinal.js';
import { numberToWords } from './words.js';

/** 1 → "thứ nhất", 2 → "thứ hai", 4 → "thứ tư", 10 → "thứ mười", 21 → "thứ hai mươi mốt". */
export function ordinalText(n: number): string {
  return ordinalWords(n, (k) => numberToWords(k));
}
