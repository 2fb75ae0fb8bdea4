import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { numberToWords, MAX_WORDS_NUMBER } from '../../src/format/index.js';

describe('numberToWords', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi bốn'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [91, 'chín mươi mốt'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1015, 'một nghìn không trăm mười lăm'],
    [1021, 'một nghìn không trăm hai mươi mốt'],
    [1100, 'một nghìn một trăm'],
    [2130, 'hai nghìn một trăm ba mươi'],
    [4300, 'bốn nghìn ba trăm'],
    [10000, 'mười nghìn'],
    [15000, 'mười lăm nghìn'],
    [21000, 'hai mươi mốt nghìn'],
    [100000, 'một trăm nghìn'],
    [105000, 'một trăm linh năm nghìn'],
    [1_000_000, 'một triệu'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [1_005_000, 'một triệu không trăm linh năm nghìn'],
    [1_250_000, 'một triệu hai trăm năm mươi nghìn'],
    [2_000_000_000, 'hai tỷ'],
    [1_000_000_005, 'một tỷ không trăm linh năm'],
    [1_005_000_000, 'một tỷ không trăm linh năm triệu'],
    [3_000_010_000, 'ba tỷ không trăm mười nghìn'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [1_234_000_000_000, 'một nghìn hai trăm ba mươi bốn tỷ'],
    [1_005_000_000_000, 'một nghìn không trăm linh năm tỷ'],
    [5_000_000_000_001, 'năm nghìn tỷ không trăm linh một'],
    [
      123_456_789_012_345,
      'một trăm hai mươi ba nghìn bốn trăm năm mươi sáu tỷ bảy trăm tám mươi chín triệu không trăm mười hai nghìn ba trăm bốn mươi lăm',
    ],
    [
      999_999_999_999_999,
      'chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín',
    ],
  ])('%d → %s', (n, s) => {
    expect(numberToWords(n)).toBe(s);
  });

  it('options: "lẻ" and "tư"', () => {
    expect(numberToWords(105, { zeroTens: 'lẻ' })).toBe('một trăm lẻ năm');
    expect(numberToWords(1005, { zeroTens: 'lẻ' })).toBe('một nghìn không trăm lẻ năm');
    expect(numberToWords(24, { fourAfterTens: 'tư' })).toBe('hai mươi tư');
    // "tư" only after tens >= 2: 4, 14 and 104 keep "bốn".
    expect(numberToWords(14, { fourAfterTens: 'tư' })).toBe('mười bốn');
    expect(numberToWords(104, { fourAfterTens: 'tư' })).toBe('một trăm linh bốn');
  });

  it('rejects out-of-range, fractional and bad options', () => {
    for (const bad of [-1, 1.5, NaN, Infinity, MAX_WORDS_NUMBER + 1]) {
      expect(() => numberToWords(bad)).toThrow(RangeError);
    }
    expect(() => numberToWords(1, { zeroTens: 'x' as 'linh' })).toThrow(RangeError);
  });

  it('never contains undefined, empty words or bad sequences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_WORDS_NUMBER }), (n) => {
        const s = numberToWords(n);
        expect(s).not.toMatch(/undefined|NaN|\s\s|^\s|\s$/);
        expect(s).not.toMatch(/mươi một|mười mốt|linh lăm|không mươi|tỷ tỷ|nghìn nghìn tỷ/);
        expect(s.split(' ').every((w) => w.length > 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('each group reads the same below and above', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (g) => {
        expect(numberToWords(g * 1000)).toBe(`${numberToWords(g)} nghìn`);
        expect(numberToWords(g * 1_000_000)).toBe(`${numberToWords(g)} triệu`);
        expect(numberToWords(g * 1_000_000_000)).toBe(`${numberToWords(g)} tỷ`);
      }),
    );
  });
});
