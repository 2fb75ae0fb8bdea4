import { describe, it, expect } from 'vitest';
import { describeChange, describePlan, describeExceed } from '../../src/format/index.js';

const y2019 = { unit: 'vụ', periodLabel: 'năm 2019' };

describe('describeChange', () => {
  it('increase, decrease and equal', () => {
    expect(describeChange(92, 80, y2019)).toBe('tăng 12 vụ (15,0%) so với năm 2019');
    expect(describeChange(45, 50, y2019)).toBe('giảm 5 vụ (10,0%) so với năm 2019');
    expect(describeChange(50, 50, y2019)).toBe('bằng năm 2019');
  });

  it('previous 0: no percentage', () => {
    expect(describeChange(12, 0, y2019)).toBe('tăng 12 vụ so với năm 2019');
    expect(describeChange(0, 0, y2019)).toBe('bằng năm 2019');
  });

  it('defaults: no unit, "cùng kỳ", one place', () => {
    expect(describeChange(3, 2)).toBe('tăng 1 (50,0%) so với cùng kỳ');
    expect(describeChange(2, 2)).toBe('bằng cùng kỳ');
    expect(describeChange(0, 5)).toBe('giảm 5 (100,0%) so với cùng kỳ');
  });

  it('rounds half-up and honours places', () => {
    // 1/8 = 12.5% → 13% with 0 places; 1/16 = 6.25% → 6.3%.
    expect(describeChange(9, 8, { places: 0 })).toBe('tăng 1 (13%) so với cùng kỳ');
    expect(describeChange(17, 16)).toBe('tăng 1 (6,3%) so với cùng kỳ');
    expect(describeChange(1, 3, { places: 2 })).toBe('giảm 2 (66,67%) so với cùng kỳ');
    // 0.285 × 100 would be 28.499999… in binary floating point.
    expect(describeChange(1.285, 1, { places: 1 })).toBe('tăng 0,285 (28,5%) so với cùng kỳ');
    expect(describeChange(1285, 1000, { places: 1 })).toBe('tăng 285 (28,5%) so với cùng kỳ');
  });

  it('formats large and decimal amounts exactly', () => {
    expect(describeChange(2_500_000, 1_250_000, { unit: 'đồng' })).toBe(
      'tăng 1.250.000 đồng (100,0%) so với cùng kỳ',
    );
    expect(describeChange(12.5, 10.2, { unit: 'tỷ đồng', periodLabel: 'năm 2019' })).toBe(
      'tăng 2,3 tỷ đồng (22,5%) so với năm 2019',
    );
  });

  it('prints tiny differences in full', () => {
    expect(describeChange(1.0000001, 1, { places: 0 })).toBe('tăng 0,0000001 (0%) so với cùng kỳ');
  });

  it('rejects invalid input', () => {
    expect(() => describeChange(NaN, 1)).toThrow(RangeError);
    expect(() => describeChange(1, Infinity)).toThrow(RangeError);
    expect(() => describeChange(-1, 1)).toThrow(RangeError);
    expect(() => describeChange(1, 2, { places: 7 })).toThrow(RangeError);
    expect(() => describeChange(1, 2, { periodLabel: ' ' })).toThrow(RangeError);
  });
});

describe('describePlan / describeExceed', () => {
  it('describePlan', () => {
    expect(describePlan(105.8, 100)).toBe('đạt 105,8% kế hoạch');
    expect(describePlan(1058, 1000)).toBe('đạt 105,8% kế hoạch');
    expect(describePlan(95, 100)).toBe('đạt 95,0% kế hoạch');
    expect(describePlan(2, 3, { places: 2 })).toBe('đạt 66,67% kế hoạch');
    expect(describePlan(0, 3)).toBe('đạt 0,0% kế hoạch');
  });

  it('describeExceed', () => {
    expect(describeExceed(1058, 1000)).toBe('vượt 5,8% kế hoạch');
    expect(describeExceed(950, 1000)).toBe('đạt 95,0% kế hoạch');
    expect(describeExceed(1000, 1000)).toBe('đạt 100,0% kế hoạch');
    // An excess that rounds to 0,0% is not called "vượt".
    expect(describeExceed(100001, 100000)).toBe('đạt 100,0% kế hoạch');
    expect(describeExceed(3, 2, { places: 0 })).toBe('vượt 50% kế hoạch');
  });

  it('planned must be > 0, actual >= 0', () => {
    expect(() => describePlan(1, 0)).toThrow(RangeError);
    expect(() => describeExceed(1, 0)).toThrow(RangeError);
    expect(() => describePlan(-1, 10)).toThrow(RangeError);
    expect(() => describePlan(NaN, 10)).toThrow(RangeError);
    expect(() => describeExceed(1, -5)).toThrow(RangeError);
  });
});
