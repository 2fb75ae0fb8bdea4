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
