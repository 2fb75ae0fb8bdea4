// Integers in Vietnamese words ("đọc số"), northern/official vocabulary: "nghìn", "tỷ".

import { assertIntegerInRange } from './assert.js';

export interface WordsOptions {
  /** Word for a zero tens digit before a unit: "một trăm linh năm" / "một trăm lẻ năm". */
  zeroTens?: 'linh' | 'lẻ';
  /** 4 after a tens digit >= 2: "hai mươi bốn" (default, always correct) or "hai mươi tư". */
  fourAfterTens?: 'bốn' | 'tư';
}

export const MAX_WORDS_NUMBER = 999_999_999_999_999;

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function digit(d: number): string {
  return DIGITS[d] as string;
}

/**
 * Read a group 0..999. `full` = a higher group precedes it, so a zero hundreds digit is
 * still read ("một nghìn không trăm linh năm").
 */
function readGroup(g: number, full: boolean, o: Required<WordsOptions>): string[] {
  const h = Math.floor(g / 100);
  const t = Math.floor(g / 10) % 10;
  const u = g % 10;
  const w: string[] = [];
  if (h > 0 || full) w.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (w.length > 0) w.push(o.zeroTens);
      w.push(digit(u));
    }
  } else if (t === 1) {
    w.push('mười');
    if (u === 5) w.push('lăm');
    else if (u > 0) w.push(digit(u));
  } else {
    w.push(digit(t), 'mươi');
    if (u === 1) w.push('mốt');
    else if (u === 4) w.push(o.fourAfterTens);
    else if (u === 5) w.push('lăm');
    else if (u > 0) w.push(digit(u));
  }
  return w;
}

/** 0 < n < 10^9 as triệu/nghìn/units groups; zero groups are skipped. */
function readBelowBillion(n: number, full: boolean, o: Required<WordsOptions>): string[] {
  const groups: Array<[number, string]> = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, 'nghìn'],
    [n % 1000, ''],
  ];
  const w: string[] = [];
  let started = full;
  for (const [g, name] of groups) {
    if (g === 0) continue;
    w.push(...readGroup(g, started, o));
    if (name) w.push(name);
    started = true;
  }
  return w;
}

/**
 * 0 … 999 999 999 999 999 in words: 15 → "mười lăm", 21 → "hai mươi mốt",
 * 1005 → "một nghìn không trăm linh năm", 2·10^12 → "hai nghìn tỷ".
 * Amounts of tỷ are read recursively ("một nghìn hai trăm tỷ") instead of using a separate
 * "nghìn tỷ" group, so 1 234 000 000 000 is not read as "một nghìn tỷ hai trăm ba mươi bốn tỷ".
 */
export function numberToWords(n: number, options: WordsOptions = {}): string {
  assertIntegerInRange(n, 0, MAX_WORDS_NUMBER, 'n');
  const o: Required<WordsOptions> = {
    zeroTens: options.zeroTens ?? 'linh',
    fourAfterTens: options.fourAfterTens ?? 'bốn',
  };
  if (o.zeroTens !== 'linh' && o.zeroTens !== 'lẻ') {
    throw new RangeError(`zeroTens must be "linh" or "lẻ", got ${String(o.zeroTens)}`);
  }
  if (o.fourAfterTens !== 'bốn' && o.fourAfterTens !== 'tư') {
    throw new RangeError(`fourAfterTens must be "bốn" or "tư", got ${String(o.fourAfterTens)}`);
  }
  if (n === 0) return 'không';
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  const w: string[] = [];
  if (billions > 0) w.push(...readBelowBillion(billions, false, o), 'tỷ');
  if (rest > 0) w.push(...readBelowBillion(rest, billions > 0, o));
  return w.join(' ');
}
