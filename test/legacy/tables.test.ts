import { describe, expect, it } from 'vitest';
import { CP1252_HIGH, TCVN3_TABLE, VNI_TABLE } from '../../src/legacy/index.js';

describe('TCVN3 (VN3) table', () => {
  it('has the 75 VN3 assignments: NBSP, 7 capitals, 67 lower-case letters', () => {
    expect(TCVN3_TABLE).toHaveLength(75);
    const letters = TCVN3_TABLE.map(([, l]) => l);
    expect(new Set(TCVN3_TABLE.map(([b]) => b)).size).toBe(75);
    expect(new Set(letters).size).toBe(75);
    expect(letters.filter((l) => l !== '\u00a0' && l === l.toUpperCase())).toEqual(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']);
    expect(letters.filter((l) => l !== l.toUpperCase())).toHaveLength(67);
  });

  it('uses only 0xA0-0xFE and stores NFC letters', () => {
    for (const [b, l] of TCVN3_TABLE) {
      expect(b).toBeGreaterThanOrEqual(0xa0);
      expect(b).toBeLessThanOrEqual(0xfe);
      expect(l.normalize('NFC')).toBe(l);
    }
  });

  it('agrees with independently known code points', () => {
    const m = new Map(TCVN3_TABLE);
    // From the VN3 chart: ă â ê ô ơ ư đ at 0xA8-0xAE, à ả ã á ạ at 0xB5-0xB9, ỵ at 0xFE.
    expect([0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae].map((b) => m.get(b)).join('')).toBe('ăâêôơưđ');
    expect([0xb5, 0xb6, 0xb7, 0xb8, 0xb9].map((b) => m.get(b)).join('')).toBe('àảãáạ');
    expect(m.get(0xfe)).toBe('ỵ');
  });
});

describe('VNI-Windows table', () => {
  it('covers every non-ASCII Vietnamese letter once, in both cases', () => {
    // 12 vowels x 6 tones x 2 cases + Đ đ = 146 letters; A E I O U Y a e i o u y and Í Ì í ì are identity.
    expect(VNI_TABLE).toHaveLength(146 - 12 - 4);
    expect(new Set(VNI_TABLE.map(([s]) => s)).size).toBe(VNI_TABLE.length);
    expect(new Set(VNI_TABLE.map(([, l]) => l)).size).toBe(VNI_TABLE.length);
  });

  it('is a base letter plus one mark byte, or a single byte', () => {
    for (const [seq, letter] of VNI_TABLE) {
      expect(seq.length === 1 || seq.length === 2).toBe(true);
      for (const c of seq) expect(c.charCodeAt(0)).toBeLessThan(0x100);
      if (seq.length === 2) expect(seq[0]).toMatch(/[aeouyAEOUYôöÔÖ]/);
      // Case of the legacy sequence follows the case of the letter.
      expect(seq === seq.toUpperCase()).toBe(letter === letter.toUpperCase());
    }
  });

  it('has the known VNI marks', () => {
    const m = new Map(VNI_TABLE);
    expect(m.get('aâ')).toBe('â');
    expect(m.get('aê')).toBe('ă');
    expect(m.get('aá')).toBe('ấ');
    expect(m.get('eä')).toBe('ệ');
    expect(m.get('ö')).toBe('ư');
    expect(m.get('ô')).toBe('ơ');
    expect(m.get('ñ')).toBe('đ');
    expect(m.get('Ñ')).toBe('Đ');
  });
});

describe('cp1252 table', () => {
  it('lists the 27 defined characters of 0x80-0x9F', () => {
    expect(CP1252_HIGH).toHaveLength(27);
    expect(CP1252_HIGH.map(([, c]) => c).join('')).toBe('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(CP1252_HIGH.some(([x]) => x === b)).toBe(false);
  });
});
