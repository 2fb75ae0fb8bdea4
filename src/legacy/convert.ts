import { CP1252_HIGH, TCVN3_TABLE, VNI_TABLE } from './tables.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Thrown when asked to convert text that is already Unicode Vietnamese. */
export class LegacyConversionError extends Error {
  override name = 'LegacyConversionError';
}

// Windows-1252 character -> byte; Latin-1 readings need no map (code point = byte).
const CP1252_TO_BYTE = new Map<string, number>(CP1252_HIGH.map(([b, c]) => [c, b]));
const BYTE_TO_CP1252 = new Map<number, string>(CP1252_HIGH);

const TCVN3_DECODE = new Map<number, string>(TCVN3_TABLE);

/** Byte-string key (one char per byte, U+0000-U+00FF) -> letter. */
const VNI_STRICT = new Map<string, string>(VNI_TABLE);
const VNI_DECODE = buildVniLenient();

function buildVniLenient(): Map<string, string> {
  const m = new Map<string, string>(VNI_TABLE);
  // Word's "Change Case" recases the mark byte on its own ("Aùnh" for Ánh), so accept a
  // mark of either case; the letter takes the case of the base.
  for (const [seq, letter] of VNI_TABLE) {
    if (seq.length !== 2) continue;
    const base = seq[0]!;
    const mark = seq[1]!;
    const flipped = mark === mark.toLowerCase() ? mark.toUpperCase() : mark.toLowerCase();
    const key = base + flipped;
    if (!m.has(key)) {
      m.set(key, base === base.toUpperCase() ? letter.toUpperCase() : letter.toLowerCase());
    }
  }
  return m;
}

/** Legacy byte behind a character read as cp1252 or Latin-1, or undefined if none. */
function toByte(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code <= 0xff) return code;
  return CP1252_TO_BYTE.get(ch);
}

/** What an unmapped byte looked like in the legacy font: Windows-1252 for 0x80-0x9F. */
function passThrough(ch: string, byte: number | undefined): string {
  if (byte !== undefined && byte >= 0x80 && byte <= 0x9f) return BYTE_TO_CP1252.get(byte) ?? ch;
  return ch;
}

// Letters that only exist in Unicode Vietnamese: no cp1252/Latin-1 reading of legacy
// bytes can produce them (plus the combining tone/shape marks).
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]/u;

/** True when the text contains letters that exist only in Unicode Vietnamese. */
export function hasUnicodeVietnamese(text: string): boolean {
  return UNICODE_ONLY.test(text.normalize('NFC'));
}

/**
 * Decode without the already-Unicode guard. `strict` drops the VNI mixed-case pairs,
 * which detection must not count as evidence ("Uû" is TCVN3 "Uỷ", not VNI "Ủ").
 */
export function decodeUnchecked(text: string, encoding: LegacyEncoding, strict = false): string {
  // NFC first: an editor may have stored "é" as e + U+0301, which is still the byte 0xE9.
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  if (encoding === 'tcvn3') {
    for (const ch of chars) {
      const b = toByte(ch);
      out += (b !== undefined ? TCVN3_DECODE.get(b) : undefined) ?? passThrough(ch, b);
    }
  } else {
    const table = strict ? VNI_STRICT : VNI_DECODE;
    const bytes = chars.map(toByte);
    for (let i = 0; i < chars.length; i++) {
      const b0 = bytes[i];
      const b1 = bytes[i + 1];
      // Longest match: base + mark first, then a single-byte letter.
      if (b0 !== undefined && b1 !== undefined) {
        const two = table.get(String.fromCharCode(b0, b1));
        if (two !== undefined) {
          out += two;
          i++;
          continue;
        }
      }
      const ch = chars[i]!;
      out += (b0 !== undefined ? table.get(String.fromCharCode(b0)) : undefined) ?? passThrough(ch, b0);
    }
  }
  return out.normalize('NFC');
}

/**
 * Convert text typed in a legacy encoding (and read as Windows-1252/Latin-1) to NFC
 * Unicode. Throws LegacyConversionError if the text already contains Unicode-only
 * Vietnamese letters, since converting it again would garble it.
 */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  if (encoding !== 'tcvn3' && encoding !== 'vni') {
    throw new TypeError(`unknown legacy encoding: ${String(encoding)}`);
  }
  if (hasUnicodeVietnamese(text)) {
    throw new LegacyConversionError(
      `text already contains Unicode Vietnamese letters; refusing to convert it from ${encoding}`,
    );
  }
  return decodeUnchecked(text, encoding);
}
