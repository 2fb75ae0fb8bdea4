import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { roman, parseRoman, pointLetter, POINT_LETTERS } from '../../src/format/index.js';

describe('roman', () => {
  it.each([
    [1, 'I'], [2, 'II'], [3, 'III'], [4, 'IV'], [5, 'V'], [9, 'IX'], [10, 'X'], [14, 'XIV'],
    [19, 'XIX'], [40, 'XL'], [49, 'XLIX'], [90, 'XC'], [400, 'CD'], [1994, 'MCMXCIV'],
    [2020, 'MMXX'], [3999, 'MMMCMXCIX'],
  ])('%d → %s', (n, s) => {
    expect(roman(n)).toBe(s);
    expect(parseRoman(s)).toBe(n);
  });

  it('rejects out-of-range and non-integers', () => {
    for (const bad of [0, -1, 4000, 1.5, NaN, Infinity]) {
      expect(() => roman(bad)).toThrow(RangeError);
    }
  });

  it('parseRoman rejects non-canonical numerals', () => {
    for (const bad of ['', 'IIII', 'IC', 'VX', 'iv', 'MMMM', 'XIVX']) {
      expect(() => parseRoman(bad)).toThrow(RangeError);
    }
  });

  it('1..3999 are unique and parse back', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 3999; n++) seen.add(roman(n));
    expect(seen.size).toBe(3999);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (n) => {
        expect(parseRoman(roman(n))).toBe(n);
        expect(roman(n)).toMatch(/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/);
      }),
    );
  });
});

describe('pointLetter', () => {
  it('follows the Vietnamese sequence', () => {
    const all = Array.from({ length: 23 }, (_, i) => pointLetter(i + 1)).join(' ');
    expect(all).toBe('a b c d đ e g h i k l m n o p q r s t u v x y');
    expect(POINT_LETTERS).toHaveLength(23);
    expect(pointLetter(5)).toBe('đ');
    expect(pointLetter(6)).toBe('e');
    expect(pointLetter(7)).toBe('g');
  });
  it('has no f, j, w, z and throws beyond 23', () => {
    for (const l of ['f', 'j', 'w', 'z']) expect(POINT_LETTERS).not.toContain(l);
    for (const bad of [0, 24, -1, 1.5, NaN]) expect(() => pointLetter(bad)).toThrow(RangeError);
  });
});

describe('ordinalText', () => {
  it('words ordinals as "Phần thứ …" does: nhất and tư on their own only', async () => {
    const { ordinalText } = await import('../../src/format/index.js');
    expect([1, 2, 3, 4, 5, 10, 14, 21].map(ordinalText)).toEqual(['thứ nhất', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ mười', 'thứ mười bốn', 'thứ hai mươi mốt']);
    expect(() => ordinalText(0)).toThrow(RangeError);
  });
});
