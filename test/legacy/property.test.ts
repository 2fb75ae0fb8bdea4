import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertLegacy, detectLegacy, isVietnameseSyllable, type LegacyEncoding } from '../../src/legacy/index.js';
import { encodeLegacy, VIET_ONLY } from './encode.js';

// Syllables built from real rhymes, onsets chosen by the spelling rules, tone placed on the main vowel.
const RHYMES = [
  'a', 'ai', 'ao', 'au', 'ay', 'am', 'an', 'ang', 'anh', 'ac', 'ach', 'ap', 'at',
  'ăm', 'ăn', 'ăng', 'ăc', 'ăp', 'ăt', 'âm', 'ân', 'âng', 'âc', 'âp', 'ât', 'âu', 'ây',
  'e', 'eo', 'em', 'en', 'eng', 'ec', 'ep', 'et', 'ê', 'êu', 'êm', 'ên', 'ênh', 'êch', 'êp', 'êt',
  'i', 'ia', 'iu', 'im', 'in', 'inh', 'ich', 'ip', 'it', 'iêm', 'iên', 'iêng', 'iêc', 'iêp', 'iêt', 'iêu',
  'o', 'oi', 'om', 'on', 'ong', 'oc', 'op', 'ot', 'oa', 'oai', 'oay', 'oan', 'oang', 'oanh', 'oac', 'oach', 'oat',
  'oăn', 'oăng', 'oăc', 'oăt', 'oe', 'oen', 'oet', 'ô', 'ôi', 'ôm', 'ôn', 'ông', 'ôc', 'ôp', 'ôt',
  'ơ', 'ơi', 'ơm', 'ơn', 'ơp', 'ơt', 'u', 'ua', 'ui', 'um', 'un', 'ung', 'uc', 'up', 'ut',
  'uân', 'uât', 'uây', 'uê', 'uy', 'uya', 'uyên', 'uyêt', 'uynh', 'uych', 'uyt',
  'uôi', 'uôm', 'uôn', 'uông', 'uôc', 'uôt', 'ư', 'ưa', 'ưi', 'ưu', 'ưng', 'ưc', 'ưt',
  'ươi', 'ươu', 'ươm', 'ươn', 'ương', 'ươc', 'ươp', 'ươt',
];
const COMMON = ['b', 'ch', 'd', 'đ', 'h', 'kh', 'l', 'm', 'n', 'nh', 'ph', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

function placeTone(rhyme: string, tone: string): string {
  const chars = Array.from(rhyme);
  const vowelIdx = chars.flatMap((c, i) => (/[aăâeêioôơuưy]/.test(c) ? [i] : []));
  const marked = vowelIdx.filter((i) => /[ăâêôơư]/.test(chars[i]!));
  let at: number;
  if (marked.length) at = marked[marked.length - 1]!;
  else if (vowelIdx[vowelIdx.length - 1]! < chars.length - 1 || /^(oa|oe|uy)$/.test(rhyme)) at = vowelIdx[vowelIdx.length - 1]!;
  else at = vowelIdx[Math.max(0, vowelIdx.length - 2)]!;
  chars[at] = chars[at]! + tone;
  return chars.join('').normalize('NFC');
}

const SYLLABLES: string[] = [];
for (const rhyme of RHYMES) {
  const front = /^[ieêy]/.test(rhyme);
  const onsets = [...COMMON, ...(front ? ['k', 'gh', 'ngh'] : ['c', 'g', 'ng', 'gi'])];
  if (!rhyme.startsWith('iê')) onsets.push('');
  const stop = /(p|t|c|ch)$/.test(rhyme);
  for (const onset of onsets) {
    for (const tone of TONES) {
      if (stop && tone !== '\u0301' && tone !== '\u0323') continue;
      SYLLABLES.push(onset + placeTone(rhyme, tone));
    }
  }
}
const VALID = SYLLABLES.filter((s) => isVietnameseSyllable(s, true));
const DIACRITIC = VALID.filter((s) => VIET_ONLY.test(s));
const LATIN1_ONLY = VALID.filter((s) => /^[a-z\u00e0-\u00fd]+$/.test(s));

type Casing = 'lower' | 'title' | 'upper';
function applyCase(s: string, c: Casing): string {
  if (c === 'upper') return s.toUpperCase();
  if (c === 'title') return s[0]!.toUpperCase() + s.slice(1);
  return s;
}
// TCVN3 holds no capitals with tone marks.
const encodable = (s: string, enc: LegacyEncoding): boolean => {
  try {
    encodeLegacy(s, enc);
    return true;
  } catch {
    return false;
  }
};

const word = (pool: string[], enc: LegacyEncoding) =>
  fc
    .tuple(fc.constantFrom(...pool), fc.constantFrom<Casing>('lower', 'lower', 'title', 'upper'))
    .map(([s, c]) => applyCase(s, c))
    .filter((s) => encodable(s, enc));
const text = (pool: string[], enc: LegacyEncoding, min: number, max: number) =>
  fc
    .array(fc.tuple(word(pool, enc), fc.constantFrom(' ', ' ', ', ', '. ', ' - ', '\n')), { minLength: min, maxLength: max })
    .map((parts) => parts.map(([w, sep]) => w + sep).join('').trim());

describe('generated syllables', () => {
  it('are nearly all valid under the strict checker', () => {
    expect(VALID.length / SYLLABLES.length).toBeGreaterThan(0.97);
    expect(DIACRITIC.length).toBeGreaterThan(3000);
    expect(LATIN1_ONLY.length).toBeGreaterThan(200);
  });
});

describe.each(['tcvn3', 'vni'] as const)('%s properties', (enc) => {
  it('decode(encode(text)) gives back the NFC original', () => {
    fc.assert(
      fc.property(text(VALID, enc, 1, 20), (t) => {
        expect(convertLegacy(encodeLegacy(t, enc), enc)).toBe(t.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips arbitrary strings of letters, digits and punctuation', () => {
    const letters = Array.from(new Set(VALID.join('') + 'bcdđfghjklmnpqrstvwxz0123456789 .,;:-()“”–…'));
    const pool = [...letters, ...letters.map((l) => l.toUpperCase())].filter((l) => encodable(l, enc));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }).map((a) => a.join('')), (t) => {
        expect(convertLegacy(encodeLegacy(t, enc), enc)).toBe(t.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });

  it('detects the encoding when the text has enough diacritics', () => {
    fc.assert(
      fc.property(text(DIACRITIC, enc, 6, 20), text(VALID, enc, 0, 10), (marked, mixed) => {
        const t = `${marked} ${mixed}`.trim();
        const d = detectLegacy(encodeLegacy(t, enc));
        expect(d?.encoding).toBe(enc);
      }),
      { numRuns: 300 },
    );
  });

  it('never reports the other encoding', () => {
    fc.assert(
      fc.property(text(VALID, enc, 1, 8), (t) => {
        const d = detectLegacy(encodeLegacy(t, enc));
        if (d) expect(d.encoding).toBe(enc);
      }),
      { numRuns: 300 },
    );
  });
});

it('never detects legacy text in Unicode Vietnamese, even with Latin-1-only words', () => {
  fc.assert(
    fc.property(fc.oneof(text(VALID, 'vni', 1, 15), text(LATIN1_ONLY, 'vni', 1, 15)), (t) => {
      expect(detectLegacy(t)).toBeNull();
      expect(detectLegacy(t.normalize('NFD'))).toBeNull();
    }),
    { numRuns: 500 },
  );
});
