import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  formatInteger,
  formatDecimal,
  formatNumber,
  formatPercent,
  padCount,
  formatRatio,
} from '../../src/format/index.js';

describe('formatInteger', () => {
  it.each([
    [0, '0'],
    [94, '94'],
    [999, '999'],
    [1000, '1.000'],
    [2130, '2.130'],
    [1250000, '1.250.000'],
    [-1250, '-1.250'],
    [-5, '-5'],
    [-0, '0'],
    [Number.MAX_SAFE_INTEGER, '9.007.199.254.740.991'],
  ])('%d → %s', (n, s) => {
    expect(formatInteger(n)).toBe(s);
  });

  it('rejects non-integers and non-finite values', () => {
    expect(() => formatInteger(1.5)).toThrow(RangeError);
    expect(() => formatInteger(NaN)).toThrow(RangeError);
    expect(() => formatInteger(Infinity)).toThrow(RangeError);
    expect(() => formatInteger(1e21)).toThrow(RangeError);
    expect(() => formatInteger('12' as unknown as number)).toThrow(TypeError);
  });

  it('round-trips: removing the dots gives the integer back', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const s = formatInteger(n);
        expect(Number(s.replace(/\./g, ''))).toBe(n === 0 ? 0 : n);
        expect(s).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
      }),
    );
  });
});

describe('formatDecimal', () => {
  it.each([
    [2.345, 2, '2,35'],
    [1.005, 2, '1,01'],
    [0.285, 2, '0,29'],
    [1.45, 1, '1,5'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [-2.345, 2, '-2,35'],
    [1234567.891, 2, '1.234.567,89'],
    [1250000, 0, '1.250.000'],
    [1250000, 2, '1.250.000,00'],
    [0, 1, '0,0'],
    [15, 1, '15,0'],
    [0.1 + 0.2, 2, '0,30'],
    [9.995, 2, '10,00'],
    [999.5, 0, '1.000'],
    [1e-7, 6, '0,000000'],
    [5e-7, 6, '0,000001'],
    [1e21, 0, '1.000.000.000.000.000.000.000'],
    [-0.001, 2, '0,00'],
    [0.125, 6, '0,125000'],
  ])('(%d, %d) → %s', (n, places, s) => {
    expect(formatDecimal(n, places)).toBe(s);
  });

  it('rejects bad input', () => {
    expect(() => formatDecimal(NaN, 2)).toThrow(RangeError);
    expect(() => formatDecimal(-Infinity, 2)).toThrow(RangeError);
    expect(() => formatDecimal(1, 7)).toThrow(RangeError);
    expect(() => formatDecimal(1, -1)).toThrow(RangeError);
    expect(() => formatDecimal(1, 1.5)).toThrow(RangeError);
  });

  it('never has more than `places` digits after the comma and never says NaN', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 6 }), (n, places) => {
        const s = formatDecimal(n, places);
        const [intPart, frac] = s.split(',');
        expect(s).not.toMatch(/NaN|Infinity|e/);
        expect(intPart).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
        if (places === 0) expect(frac).toBeUndefined();
        else expect(frac).toHaveLength(places);
      }),
    );
  });

  it('agrees with toFixed when the value is far from a rounding tie', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (k, places) => {
        // k/1000 + 0.0001 is never a tie at ≤ 3 places.
        const n = k / 1000 + 0.0001;
        const expected = n.toFixed(places).replace('.', ',');
        const got = formatDecimal(n, places).replace(/\./g, '');
        expect(got).toBe(expected.replace(/^-(0(,0*)?)$/, '$1'));
      }),
    );
  });
});

describe('formatNumber', () => {
  it.each([
    [12.5, undefined, '12,5'],
    [3, undefined, '3'],
    [1250000.25, undefined, '1.250.000,25'],
    [0.1 + 0.2, undefined, '0,3'],
    [2.3456, 2, '2,35'],
    [2.004, 2, '2'],
  ])('(%d, %s) → %s', (n, maxPlaces, s) => {
    expect(formatNumber(n, maxPlaces)).toBe(s);
  });
});

describe('formatPercent', () => {
  it('formats with a comma and no space', () => {
    expect(formatPercent(5.71)).toBe('5,7%');
    expect(formatPercent(5.75)).toBe('5,8%');
    expect(formatPercent(100, 0)).toBe('100%');
    expect(formatPercent(12.345, 2)).toBe('12,35%');
  });
  it('rejects NaN', () => {
    expect(() => formatPercent(NaN)).toThrow(RangeError);
  });
});

describe('padCount', () => {
  it('pads only to the requested width', () => {
    expect(padCount(7)).toBe('07');
    expect(padCount(0)).toBe('00');
    expect(padCount(12)).toBe('12');
    expect(padCount(7, 3)).toBe('007');
    expect(padCount(7, 1)).toBe('7');
    expect(padCount(1250)).toBe('1.250');
  });
  it('rejects negatives and fractions', () => {
    expect(() => padCount(-1)).toThrow(RangeError);
    expect(() => padCount(1.5)).toThrow(RangeError);
    expect(() => padCount(1, 0)).toThrow(RangeError);
  });
});

describe('formatRatio', () => {
  it('formats part/whole with an optional unit', () => {
    expect(formatRatio(6, 6, 'xã')).toBe('6/6 xã');
    expect(formatRatio(6, 6)).toBe('6/6');
    expect(formatRatio(0, 12, 'thôn')).toBe('0/12 thôn');
    expect(formatRatio(1250, 2130, 'hộ')).toBe('1.250/2.130 hộ');
    expect(formatRatio(3, 5, '  ')).toBe('3/5');
  });
  it('rejects part > whole, negatives and non-integers', () => {
    expect(() => formatRatio(7, 6)).toThrow(RangeError);
    expect(() => formatRatio(-1, 6)).toThrow(RangeError);
    expect(() => formatRatio(1, -6)).toThrow(RangeError);
    expect(() => formatRatio(1.5, 6)).toThrow(RangeError);
    expect(() => formatRatio(1, 6, 5 as unknown as string)).toThrow(TypeError);
  });
});
