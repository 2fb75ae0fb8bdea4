import type { Position, SourceDocument } from './types.js';

/**
 * How a clerk writes a number or a date on paper, and what the data file needs instead: "bảy" →
 * 7, "4.678" → 4678 (a dot groups thousands in Vietnamese), "79,1" → 79.1 (a comma is the decimal
 * mark), "9/12/2020" → 2020-12-09. Each returns the value to write, or undefined when the text
 * does not read as that mistake.
 */

const DIGITS: Record<string, number> = {
  không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9,
};

/** A number written in Vietnamese words ("bảy", "hai mươi lăm", "một trăm linh năm", "hai nghìn"), up to millions. */
export function numberFromWords(text: string): number | undefined {
  const words = text.normalize('NFC').toLowerCase().trim().split(/[\s-]+/).filter(Boolean);
  if (words.length === 0 || words.length > 12) return undefined;
  let total = 0;
  let current = 0;
  let pending: number | undefined;
  let any = false;
  for (const w of words) {
    const d = DIGITS[w];
    if (d !== undefined) {
      if (pending !== undefined) return undefined;
      pending = d;
      any = true;
    } else if (w === 'mười') {
      if (pending !== undefined) return undefined;
      current += 10;
      any = true;
    } else if (w === 'mươi') {
      if (pending === undefined) return undefined;
      current += pending * 10;
      pending = undefined;
    } else if (w === 'trăm') {
      if (pending === undefined) return undefined;
      current += pending * 100;
      pending = undefined;
    } else if (w === 'linh' || w === 'lẻ') {
      continue;
    } else if (w === 'nghìn' || w === 'ngàn' || w === 'triệu') {
      const group = current + (pending ?? 0);
      if (group === 0) return undefined;
      total += group * (w === 'triệu' ? 1_000_000 : 1000);
      current = 0;
      pending = undefined;
    } else {
      return undefined;
    }
  }
  return any || total > 0 ? total + current + (pending ?? 0) : undefined;
}

/**
 * A number as printed in a Vietnamese document → as the data file needs it: "4.678" → "4678",
 * "79,1" → "79.1", "1.206,4" → "1206.4", "4.678.000" → "4678000".
 */
export function numberFromPrinted(text: string): string | undefined {
  const t = text.trim();
  if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) return t.replaceAll('.', '');
  if (/^-?\d+,\d+$/.test(t)) return t.replace(',', '.');
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(t)) return t.replaceAll('.', '').replace(',', '.');
  return undefined;
}

/** "9/12/2020", "09-12-2020", "9.12.2020" (day first, as Vietnamese dates are written) → "2020-12-09". */
export function dateFromDayFirst(text: string): string | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** The plain text of the scalar at a position, as typed (YAML reads "4.600" as 4.6; the clerk typed "4.600"). */
export function typedAt(source: SourceDocument, at: Position): string | undefined {
  if (!at.line) return undefined;
  let offset = 0;
  for (let l = 1; l < at.line; l++) {
    const nl = source.text.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  const rest = source.text.slice(offset + at.column - 1, offset + at.column + 63);
  const m = /^[^\s,\]}#]+/.exec(rest);
  return m?.[0];
}
