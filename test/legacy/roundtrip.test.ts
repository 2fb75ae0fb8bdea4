import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertLegacy } from '../../src/legacy/index.js';
import { encodeLegacy } from './encode.js';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const LOWER = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];
const UPPER = LOWER.map((l) => l.toUpperCase());

describe('every Vietnamese letter round-trips', () => {
  it('has 146 letters to test', () => {
    expect(new Set([...LOWER, ...UPPER]).size).toBe(146);
  });

  it.each(['tcvn3', 'vni'] as const)('%s: all lower-case letters', (enc) => {
    for (const l of LOWER) expect(convertLegacy(encodeLegacy(l, enc), enc), l).toBe(l);
  });

  it('vni: all capitals', () => {
    for (const l of UPPER) expect(convertLegacy(encodeLegacy(l, 'vni'), 'vni'), l).toBe(l);
  });

  it('tcvn3: capitals without tone marks; toned capitals are not in VN3', () => {
    const untoned = UPPER.filter((l) => /^[AĂÂEÊIOÔƠUƯYĐ]$/u.test(l));
    expect(untoned).toHaveLength(13);
    for (const l of untoned) expect(convertLegacy(encodeLegacy(l, 'tcvn3'), 'tcvn3')).toBe(l);
    for (const l of UPPER.filter((x) => !untoned.includes(x))) {
      expect(() => encodeLegacy(l, 'tcvn3'), l).toThrow();
    }
  });

  it('tcvn3: text typed in an all-capitals font (.VnTimeH) decodes to lower-case letters', () => {
    // .VnTimeH draws the lower-case codes as capitals: "UỶ BAN NHÂN DÂN" is stored as below.
    const decoded = convertLegacy('Uû BAN NH¢N D¢N', 'tcvn3');
    expect(decoded).toBe('Uỷ BAN NHÂN DÂN');
    expect(decoded.toUpperCase()).toBe('UỶ BAN NHÂN DÂN');
  });

  it('output is NFC even when the input was stored decomposed', () => {
    const nfd = 'Qu¶ng Ng·i'.normalize('NFD') + ' ' + 'Quaûng'.normalize('NFD');
    expect(convertLegacy('Qu¶ng Ng·i'.normalize('NFD'), 'tcvn3')).toBe('Quảng Ngãi');
    expect(convertLegacy('Quaûng Ngaõi'.normalize('NFD'), 'vni')).toBe('Quảng Ngãi');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
  });
});

/**
 * The round trip above encodes with the code's own tables, so it would pass if a table swapped two
 * letters (or if both directions were the identity). These rows come from outside the code: TCVN3
 * from glibc's TCVN5712-1 decoder, VNI from the published mark bytes (see the fixture's header).
 */
const KNOWN = readFileSync(new URL('./fixtures/letters.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => {
    const [letter, tcvn3, vni] = l.split('\t') as [string, string, string];
    const bytes = (hex: string) => (hex === '-' ? null : String.fromCharCode(...hex.split(' ').map((h) => parseInt(h, 16))));
    return { letter, tcvn3: bytes(tcvn3), vni: bytes(vni)! };
  });

describe('every Vietnamese letter against independently known bytes', () => {
  it('lists all 146 letters, 74 of them in VN3', () => {
    expect(KNOWN.map((k) => k.letter).join('')).toBe(readFileSync('test/fixtures/vietnamese-letters.txt', 'utf8').split('\n').join(''));
    expect(KNOWN.filter((k) => k.tcvn3 !== null)).toHaveLength(74);
  });

  it.each(['tcvn3', 'vni'] as const)('%s: decodes the known bytes of each letter', (enc) => {
    for (const k of KNOWN) {
      const legacy = k[enc];
      if (legacy === null) continue;
      expect(convertLegacy(legacy, enc), `${k.letter} from ${[...legacy].map((c) => c.charCodeAt(0).toString(16)).join(' ')}`).toBe(k.letter);
    }
  });

  it.each(['tcvn3', 'vni'] as const)('%s: the tables the round trip encodes with give the known bytes', (enc) => {
    for (const k of KNOWN) {
      if (/^[a-zA-Z]$/.test(k.letter)) continue;
      const legacy = k[enc];
      if (legacy === null) expect(() => encodeLegacy(k.letter, enc), k.letter).toThrow();
      else expect(encodeLegacy(k.letter, enc), k.letter).toBe(legacy);
    }
  });

  it('decodes whole words typed in the legacy fonts', () => {
    expect(convertLegacy('Vi\u00d6t Nam', 'tcvn3')).toBe('Việt Nam');
    expect(convertLegacy('Vie\u00e4t Nam', 'vni')).toBe('Việt Nam');
    expect(convertLegacy('\u00a7\u00e9c l\u00cbp - T\u00f9 do - H\u00b9nh ph\u00f3c', 'tcvn3')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(convertLegacy('\u00d1o\u00e4c la\u00e4p - T\u00f6\u00ef do - Ha\u00efnh phu\u00f9c', 'vni')).toBe('Độc lập - Tự do - Hạnh phúc');
  });
});

describe('Windows-1252 and Latin-1 readings', () => {
  it('decode the same; C1 controls from a Latin-1 reader become the cp1252 symbols', () => {
    for (const enc of ['tcvn3', 'vni'] as const) {
      const text = '“Chỉ đạo” – Quốc phòng…';
      const cp = encodeLegacy(text, enc);
      const l1 = encodeLegacy(text, enc, true);
      expect(l1).not.toBe(cp);
      expect(l1).toContain('\u0093');
      expect(convertLegacy(cp, enc)).toBe(text);
      expect(convertLegacy(l1, enc)).toBe(text);
    }
  });

  it('keeps ASCII, digits and unrelated symbols', () => {
    for (const enc of ['tcvn3', 'vni'] as const) {
      expect(convertLegacy('15/BC-UBND, 98,5% (2020) € @# ~', enc)).toBe('15/BC-UBND, 98,5% (2020) € @# ~');
    }
  });
});

describe('VNI case variants', () => {
  it('accepts a mark recased on its own (Word "Title Case")', () => {
    expect(convertLegacy('Aùnh AÙNH aùnh', 'vni')).toBe('Ánh ÁNH ánh');
    expect(convertLegacy('Ñoàng', 'vni')).toBe('Đồng');
  });

  it('uses the longest match', () => {
    expect(convertLegacy('ôù öø aâ aê', 'vni')).toBe('ớ ừ â ă');
  });
});
