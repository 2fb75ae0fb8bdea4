// Test-only inverse of the published tables: Unicode -> legacy text as a cp1252 reader shows it.
import { CP1252_HIGH, TCVN3_TABLE, VNI_TABLE, type LegacyEncoding } from '../../src/legacy/index.js';

const TCVN3_ENCODE = new Map<string, string>(TCVN3_TABLE.map(([b, l]) => [l, String.fromCharCode(b)]));
const VNI_ENCODE = new Map<string, string>(VNI_TABLE.map(([seq, l]) => [l, seq]));
const CP1252_TO_C1 = new Map<string, string>(CP1252_HIGH.map(([b, c]) => [c, String.fromCharCode(b)]));

/** Vietnamese letters beyond ASCII (lower and upper): what an encoder must handle. */
export const VIET_ONLY = /[\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;

/**
 * Encode NFC Unicode Vietnamese. Throws for letters the encoding cannot hold (TCVN3
 * capitals with tone marks). `latin1` simulates a Latin-1 reader: cp1252 symbols at
 * 0x80-0x9F become C1 controls.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding, latin1 = false): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const enc = encoding === 'tcvn3' ? TCVN3_ENCODE.get(ch) : VNI_ENCODE.get(ch);
    if (enc !== undefined) out += enc;
    else if (VIET_ONLY.test(ch) && !(encoding === 'tcvn3' && ch === '\u00fd') && !(encoding === 'vni' && /[íìÍÌ]/.test(ch))) {
      throw new Error(`${encoding} cannot encode ${ch}`);
    } else out += latin1 ? (CP1252_TO_C1.get(ch) ?? ch) : ch;
  }
  return out;
}
