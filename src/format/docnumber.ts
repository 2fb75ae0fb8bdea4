// "Số: 05/BC-UBND" (Decree 30 §4).

import { assertIntegerInRange } from './assert.js';

/**
 * Gap left for the registry number in drafts: 8 no-break spaces (U+00A0). Plain spaces are
 * collapsed by HTML, need xml:space in DOCX and let pdfmake break the line between "Số:" and
 * the symbol; NBSP keeps "Số:      /BC-UBND" one unbreakable run of fixed width (Tinos has the glyph).
 */
export const BLANK_NUMBER = '\u00A0'.repeat(8);

/**
 * Groups of ASCII letters, Đ/đ and digits joined by "-", each starting with an upper-case
 * letter or digit. Lower case is allowed after the first character because Decree 30's own
 * abbreviations contain it: "TTr" (tờ trình), "CTr", "QyĐ", "TrS".
 */
const SYMBOL_RE = /^[A-ZĐ0-9][A-Za-zĐđ0-9]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*$/;

export function validateSymbol(symbol: string): string {
  if (typeof symbol !== 'string') {
    throw new TypeError(`symbol must be a string, got ${typeof symbol}`);
  }
  const s = symbol.normalize('NFC');
  if (!SYMBOL_RE.test(s)) {
    throw new RangeError(
      `invalid document symbol ${JSON.stringify(symbol)}: expected groups like "BC-UBND" ` +
        '(letters, Đ, digits, joined by "-", no spaces)',
    );
  }
  return s;
}

/** (5, "BC-UBND") → "Số: 05/BC-UBND"; (null, "BC-UBND") → "Số:" + BLANK_NUMBER + "/BC-UBND". */
export function documentNumber(number: number | null | undefined, symbol: string): string {
  const s = validateSymbol(symbol);
  if (number === null || number === undefined) {
    return `Số:${BLANK_NUMBER}/${s}`;
  }
  assertIntegerInRange(number, 1, Number.MAX_SAFE_INTEGER, 'number');
  // Pad below 10 only; no thousands separator ("1234" as written in the register).
  const n = number < 10 ? '0' + number : String(number);
  return `Số: ${n}/${s}`;
}
