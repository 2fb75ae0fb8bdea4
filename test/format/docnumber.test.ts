import { describe, it, expect } from 'vitest';
import { documentNumber, BLANK_NUMBER } from '../../src/format/index.js';

describe('documentNumber', () => {
  it('pads below 10 only', () => {
    expect(documentNumber(5, 'BC-UBND')).toBe('Số: 05/BC-UBND');
    expect(documentNumber(1, 'QĐ-BNV')).toBe('Số: 01/QĐ-BNV');
    expect(documentNumber(10, 'BC-UBND')).toBe('Số: 10/BC-UBND');
    expect(documentNumber(123, 'BC-UBND')).toBe('Số: 123/BC-UBND');
    expect(documentNumber(1234, 'UBND-VX')).toBe('Số: 1234/UBND-VX');
  });

  it('leaves a no-break gap in drafts', () => {
    const blank = '\u00A0'.repeat(8);
    expect(BLANK_NUMBER).toBe(blank);
    expect(documentNumber(null, 'BC-UBND')).toBe(`Số:${blank}/BC-UBND`);
    expect(documentNumber(undefined, 'BC-UBND')).toBe(`Số:${blank}/BC-UBND`);
  });

  it('accepts the decree abbreviations, including mixed case ones', () => {
    for (const sym of ['TTr-UBND', 'CTr-UBND', 'QyĐ-UBND', 'KH-BCĐ', 'ĐA-UBND', 'HĐ-UBND', 'BNV-VP', 'BC-BCH135']) {
      expect(documentNumber(2, sym)).toBe(`Số: 02/${sym}`);
    }
  });

  it.each(['', 'bc-UBND', 'BC UBND', 'BC--UBND', '-BC', 'BC-', 'BC/UBND', 'BC-UBND ', 'CV–UBND', 'BÁO-UBND'])(
    'rejects symbol %j',
    (sym) => {
      expect(() => documentNumber(1, sym)).toThrow(RangeError);
    },
  );

  it('rejects bad numbers', () => {
    expect(() => documentNumber(0, 'BC-UBND')).toThrow(RangeError);
    expect(() => documentNumber(-3, 'BC-UBND')).toThrow(RangeError);
    expect(() => documentNumber(2.5, 'BC-UBND')).toThrow(RangeError);
    expect(() => documentNumber(NaN, 'BC-UBND')).toThrow(RangeError);
    expect(() => documentNumber(1, 42 as unknown as string)).toThrow(TypeError);
  });
});
