// Vietnamese upper case and tone-mark placement for the open syllables oa, oe, uy.

export type ToneStyle = 'old' | 'new';

// Combining tone marks in NFD: grave, acute, tilde, hook above, dot below.
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

// Onsets that may precede oa/oe/uy. "q" is excluded on purpose: in "quý" the "u" belongs to
// the consonant "qu", so the tone already sits on the nucleus "y" and must not move.
// "gi" is not listed because its "i" is a vowel letter and never precedes oa/oe/uy.
const ONSETS = new Set([
  '', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh',
  'nh', 'p', 'ph', 'r', 's', 't', 'th', 'tr', 'v', 'x',
]);

const NUCLEI = new Set(['oa', 'oe', 'uy']);

function checkStyle(style: unknown): asserts style is ToneStyle {
  if (style !== 'old' && style !== 'new') {
    throw new RangeError(`tone style must be "old" or "new", got ${String(style)}`);
  }
}

function rewriteWord(word: string, style: ToneStyle): string {
  // One cluster = a base letter plus its combining marks.
  const clusters = word.match(/\p{L}\p{M}*/gu);
  if (!clusters || clusters.length < 2 || clusters.join('') !== word) return word;
  const v1 = clusters[clusters.length - 2] as string;
  const v2 = clusters[clusters.length - 1] as string;
  const onsetClusters = clusters.slice(0, -2);
  // The onset must be plain consonant letters; no final consonant follows the nucleus
  // because v2 is the last letter ("hoàng", "khoảng", "thuyền" never match).
  if (onsetClusters.some((c) => c.length !== 1)) return word;
  if (!ONSETS.has(onsetClusters.join('').toLowerCase())) return word;
  const b1 = v1[0] as string;
  const b2 = v2[0] as string;
  if (!NUCLEI.has((b1 + b2).toLowerCase())) return word;
  const marks = [...v1.slice(1), ...v2.slice(1)];
  // Only a single tone mark and no vowel-quality marks (ô, ơ, ă…) may be present.
  if (marks.length !== 1 || !TONE_MARKS.has(marks[0] as string)) return word;
  const tone = marks[0] as string;
  const nucleus = style === 'old' ? b1 + tone + b2 : b1 + b2 + tone;
  return onsetClusters.join('') + nucleus;
}

/**
 * Rewrite oa/oe/uy syllables without a final consonant to one tone style:
 * old "hòa, hỏe, ủy" ↔ new "hoà, hoẻ, uỷ". Other words are untouched. Output is NFC.
 */
export function setTonePlacement(s: string, style: ToneStyle): string {
  if (typeof s !== 'string') {
    throw new TypeError(`text must be a string, got ${typeof s}`);
  }
  checkStyle(style);
  return s
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, (w) => rewriteWord(w, style))
    .normalize('NFC');
}

export interface UpperOptions {
  /** Tone placement applied before upper-casing; "keep" leaves it as written. Default "old". */
  tone?: ToneStyle | 'keep';
}

/** "Ủy ban nhân dân thị xã Nghi Sơn" → "ỦY BAN NHÂN DÂN THỊ XÃ NGHI SƠN" (NFC). */
export function upperVi(s: string, options: UpperOptions = {}): string {
  if (typeof s !== 'string') {
    throw new TypeError(`text must be a string, got ${typeof s}`);
  }
  const tone = options.tone ?? 'old';
  const placed = tone === 'keep' ? s.normalize('NFC') : setTonePlacement(s, tone);
  // toUpperCase maps every precomposed Vietnamese letter (đ → Đ, ỷ → Ỷ); re-NFC for safety.
  return placed.toUpperCase().normalize('NFC');
}
