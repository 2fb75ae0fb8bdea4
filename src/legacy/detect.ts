import { decodeUnchecked, hasUnicodeVietnamese, type LegacyEncoding } from './convert.js';
import { isVietnameseSyllable } from './syllable.js';

export interface LegacyDetection {
  encoding: LegacyEncoding;
  /** 0..1: share of the unusual words the encoding explains, damped when there are few. */
  confidence: number;
  /** Up to 5 "legacy → decoded" word pairs that gave the verdict away. */
  samples: string[];
}

// A word: letters plus every Latin-1 symbol a legacy byte may show as (¶ · ¸ ¨ © soft hyphen ...).
const WORD = /[\p{L}\p{M}\u00a1-\u00ff]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni'];
const MIN_RATIO = 0.6;
const MAX_SAMPLES = 5;

/**
 * Heuristic detection of TCVN3/VNI text read as cp1252/Latin-1.
 *
 * Only words with non-ASCII characters are looked at. A word is evidence for an encoding
 * when it is not a valid Vietnamese syllable as it stands but becomes one once decoded
 * ("Qu¶ng" → "Quảng", "Vieät" → "Việt"); decoded words must also follow the spelling
 * rules (k/gh/ngh before i e ê y). Words that are valid as they stand ("chào",
 * "hoàn") are ignored, so real Unicode Vietnamese never counts; words that decode validly
 * under both encodings count for neither. Text containing Unicode-only Vietnamese letters
 * (ư, ạ, đ, ...) is never reported.
 */
export function detectLegacy(text: string): LegacyDetection | null {
  if (typeof text !== 'string' || !NON_ASCII.test(text)) return null;
  if (hasUnicodeVietnamese(text)) return null;

  const evidence: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  const samples: Record<LegacyEncoding, string[]> = { tcvn3: [], vni: [] };
  // Evidence words that start with an ASCII letter ("S¬n", "Uû"), not a stray symbol ("µm").
  const anchored: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  let unexplained = 0;

  for (const [word] of text.matchAll(WORD)) {
    if (!NON_ASCII.test(word)) continue;
    // A lone letter is no evidence either way: nearly every Latin-1 letter decodes to some lone
    // vowel ("â" → "õ"), so "â â" in Unicode text would read as TCVN3. Real legacy text has words.
    if ([...word].length === 1) continue;
    if (isVietnameseSyllable(word)) continue;
    const hits = ENCODINGS.filter((enc) => {
      const decoded = decodeUnchecked(word, enc, true);
      return decoded !== word && isVietnameseSyllable(decoded, true);
    });
    if (hits.length === 1) {
      const enc = hits[0]!;
      evidence[enc]++;
      if (/^[A-Za-z]/.test(word)) anchored[enc]++;
      const sample = `${word} → ${decodeUnchecked(word, enc, true)}`;
      if (samples[enc].length < MAX_SAMPLES && !samples[enc].includes(sample)) samples[enc].push(sample);
    } else if (hits.length === 0) {
      unexplained++;
    }
  }

  const encoding: LegacyEncoding = evidence.vni > evidence.tcvn3 ? 'vni' : 'tcvn3';
  const e = evidence[encoding];
  const other = evidence[encoding === 'vni' ? 'tcvn3' : 'vni'];
  if (e === 0) return null;
  const ratio = e / (e + other + unexplained);
  if (ratio < MIN_RATIO) return null;
  // One tell-tale word suffices only if nothing contradicts it and it is a real word
  // ("Nghi S¬n"), not a symbol in front of letters ("5 µm").
  if (e === 1 && (ratio < 1 || anchored[encoding] === 0)) return null;
  const confidence = Math.round(ratio * (1 - 0.5 ** e) * 1000) / 1000;
  return { encoding, confidence, samples: samples[encoding] };
}
