// Roman numerals (Phần, Chương, Phụ lục, report Mục) and point letters "a)", "b)", … (§7.2).

import { assertIntegerInRange } from './assert.js';

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'],
  [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'],
  [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1..3999 → "I" … "MMMCMXCIX". */
export function roman(n: number): string {
  assertIntegerInRange(n, 1, 3999, 'n');
  let rest = n;
  let out = '';
  for (const [value, sym] of ROMAN) {
    while (rest >= value) {
      out += sym;
      rest -= value;
    }
  }
  return out;
}

/** Strict inverse of roman(): accepts only canonical upper-case numerals. */
export function parseRoman(s: string): number {
  if (typeof s !== 'string') {
    throw new TypeError(`roman numeral must be a string, got ${typeof s}`);
  }
  let rest = s;
  let n = 0;
  for (const [value, sym] of ROMAN) {
    while (rest.startsWith(sym)) {
      n += value;
      rest = rest.slice(sym.length);
    }
  }
  // Re-encode to reject non-canonical forms such as "IIII" or "IC".
  if (rest !== '' || n === 0 || n > 3999 || roman(n) !== s) {
    throw new RangeError(`invalid roman numeral ${JSON.stringify(s)}`);
  }
  return n;
}

/** Vietnamese alphabet order without f, j, w, z; "đ" follows "d". */
export const POINT_LETTERS: readonly string[] = [
  'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm',
  'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y',
];

/** 1-based: 1 → "a", 5 → "đ", 23 → "y". */
export function pointLetter(i: number): string {
  assertIntegerInRange(i, 1, POINT_LETTERS.length, 'point index');
  return POINT_LETTERS[i - 1] as string;
}

const ORDINAL_FIRST: Readonly<Record<number, string>> = { 1: 'nhất', 4: 'tư' };

/**
 * 1 → "thứ nhất", 2 → "thứ hai", 4 → "thứ tư", 5 → "thứ năm", 14 → "thứ mười bốn": the ordinal
 * words of "Phần thứ nhất". One and four take their ordinal forms only on their own.
 */
export function ordinalWords(n: number, words: (n: number) => string): string {
  assertIntegerInRange(n, 1, 999, 'n');
  return `thứ ${ORDINAL_FIRST[n] ?? words(n)}`;
}
