/**
 * A permissive check that a word is one well-formed Vietnamese syllable. Detection uses
 * it to tell "this word is already fine" from "this word only makes sense once decoded",
 * so it errs on the side of accepting: rejecting a real word could turn it into false
 * evidence of legacy encoding.
 */

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const ACUTE = '\u0301';
const DOT = '\u0323';

// Letters of the Vietnamese alphabet without tone (f j w z are loanword-only).
const LETTERS = new Set(Array.from('aăâbcdđeêghiklmnoôơpqrstuưvxy'));

// Longest first so that "ngh" wins over "ng" and "n"; "" allows vowel-initial syllables.
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
const NUCLEI = ['iê', 'yê', 'uô', 'ươ', 'ia', 'ya', 'ua', 'ưa', 'oo', 'ôô',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const CODAS = ['ng', 'nh', 'ch', 'c', 'm', 'n', 'p', 't', 'i', 'y', 'u', 'o', ''];
// Nuclei that cannot end a syllable.
const NEEDS_CODA = new Set(['ă', 'â', 'iê', 'yê', 'uô']);
// Medial glide -> nuclei it can precede (hoa, hoắc, hoe; tuần, thuế, huy, khuyên, thuở, khuya).
const MEDIAL_BEFORE: Record<string, ReadonlySet<string>> = {
  o: new Set(['a', 'ă', 'e']),
  u: new Set(['â', 'ê', 'y', 'yê', 'ơ', 'ya']),
};
const STOPS = new Set(['p', 't', 'c', 'ch']);
// Nuclei that take no coda at all (mía, múa, mưa, khuya).
const OPEN_ONLY = new Set(['ia', 'ua', 'ưa', 'ya']);
// Coda glide -> nuclei it may follow (tôi, tuổi, người; tay, tây; sau, kêu, hưu, rượu; heo, cao).
const GLIDE_AFTER: Record<string, ReadonlySet<string>> = {
  i: new Set(['a', 'o', 'ô', 'ơ', 'u', 'ư', 'uô', 'ươ']),
  y: new Set(['a', 'â']),
  u: new Set(['a', 'â', 'ê', 'i', 'iê', 'yê', 'y', 'ư', 'ươ']),
  o: new Set(['a', 'e']),
};
const FRONT = new Set(['i', 'e', 'ê', 'y']);

/** Spelling rules of the standard orthography (k/gh/ngh before front vowels, c/ng elsewhere). */
function spellingOk(onset: string, next: string): boolean {
  const front = FRONT.has(next);
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return front;
  if (onset === 'c' || onset === 'ng') return !front;
  if (onset === 'g') return !front || next === 'i'; // "gì", "gìn": gi + i written once
  return true;
}

/** Split an NFC lower-case word into toneless letters plus the tone (if any) and its index. */
function untone(word: string): { letters: string; tone: string; toneAt: number } | null {
  let letters = '';
  let tone = '';
  let toneAt = -1;
  for (const ch of word) {
    let base = '';
    for (const part of ch.normalize('NFD')) {
      if (TONES.has(part)) {
        if (tone) return null; // two tone marks
        tone = part;
        toneAt = Array.from(letters).length;
      } else {
        base += part;
      }
    }
    const letter = base.normalize('NFC');
    if (!LETTERS.has(letter)) return null;
    letters += letter;
  }
  return { letters, tone, toneAt };
}

/**
 * True when `word` (any case) is a single structurally valid Vietnamese syllable.
 * `strict` also enforces the c/k/g/gh/ng/ngh spelling rules, which place names such as
 * "Kạn" break, so it is only used to judge decoded words, never to clear Unicode ones.
 */
export function isVietnameseSyllable(word: string, strict = false): boolean {
  const lw = word.normalize('NFC').toLowerCase();
  if (lw.length === 0 || lw.length > 8) return false;
  const u = untone(lw);
  if (!u) return false;
  const { letters, tone, toneAt } = u;
  for (const onset of ONSETS) {
    if (!letters.startsWith(onset)) continue;
    const rest1 = letters.slice(onset.length);
    for (const medial of ['', 'o', 'u']) {
      if (!rest1.startsWith(medial)) continue;
      const rest2 = rest1.slice(medial.length);
      for (const nucleus of NUCLEI) {
        if (!rest2.startsWith(nucleus)) continue;
        if (medial && !MEDIAL_BEFORE[medial]!.has(nucleus)) continue;
        if (strict && !spellingOk(onset, (medial || nucleus)[0]!)) continue;
        const coda = rest2.slice(nucleus.length);
        if (!CODAS.includes(coda)) continue;
        if (coda === '' && NEEDS_CODA.has(nucleus)) continue;
        if (coda !== '' && OPEN_ONLY.has(nucleus)) continue;
        if (GLIDE_AFTER[coda] && !GLIDE_AFTER[coda]!.has(nucleus)) continue;
        // "oo" only appears before ng/c (xoong, moóc).
        if ((nucleus === 'oo' || nucleus === 'ôô') && coda !== 'ng' && coda !== 'c') continue;
        // Syllables closed by p t c ch carry only the acute or the dot-below tone.
        if (STOPS.has(coda) && tone !== ACUTE && tone !== DOT) continue;
        if (tone) {
          // The tone sits on the medial (new-style "hóa") or the nucleus, never elsewhere.
          const from = onset.length;
          const to = onset.length + medial.length + nucleus.length;
          if (toneAt < from || toneAt >= to) continue;
        }
        return true;
      }
    }
  }
  return false;
}
