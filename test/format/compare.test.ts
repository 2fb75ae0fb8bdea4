import { describe, expect, it } from 'vitest';
import {
  amount,
  comparison,
  delta,
  deltaWithPercent,
  describeChange,
  percentChange,
  periodLabel,
  planRatio,
  previousPeriod,
  rate,
  samePeriodLastYear,
  signedChange,
} from '../../src/format/index.js';
import type { Period } from '../../src/format/index.js';

// The wordings of real reports (issue: crime-prevention reports, police bulletins, half-year
// socio-economic reports, plans), on exact strings.

describe('bare deltas and percentages', () => {
  it('words a delta without a percentage', () => {
    expect(delta(9, 12, { unit: 'vụ' })).toBe('giảm 3 vụ');
    expect(delta(112, 100, { unit: 'người' })).toBe('tăng 12 người');
    expect(delta(7, 7, { unit: 'vụ' })).toBe('bằng');
    expect(delta(1206.4, 1000, { unit: 'tấn' })).toBe('tăng 206,4 tấn');
  });

  it('words a percentage alone', () => {
    expect(percentChange(115, 100)).toBe('tăng 15,0%');
    expect(percentChange(1250, 2130)).toBe('giảm 41,3%');
    expect(percentChange(5, 5)).toBe('bằng');
    // Against nothing there is no percentage: the delta says it.
    expect(percentChange(5, 0, { unit: 'vụ' })).toBe('tăng 5 vụ');
  });

  it('puts the percentage after a comma inside brackets, never a bracket in a bracket', () => {
    expect(deltaWithPercent(1250, 2130, { unit: 'người' })).toBe('giảm 880 người, 41,3%');
    expect(deltaWithPercent(1250, 2130, { unit: 'người', style: 'paren' })).toBe('giảm 880 người (41,3%)');
    expect(`(${describeChange(1250, 2130, { unit: 'người', periodLabel: 'năm 2020', style: 'comma' })})`).toBe('(giảm 880 người, 41,3% so với năm 2020)');
  });

  it('writes the signed bracket of bulletins', () => {
    expect(`12 vụ ${signedChange(12, 10, { unit: 'vụ' })}`).toBe('12 vụ (+2 vụ; +20,0%)');
    expect(signedChange(9, 12, { unit: 'vụ' })).toBe('(-\u00a03 vụ; -\u00a025,0%)'); // no-break space after the minus
    expect(signedChange(4, 4, { unit: 'vụ' })).toBe('(bằng)');
    expect(signedChange(5, 0, { unit: 'vụ' })).toBe('(+5 vụ)');
  });
});

describe('decimal places and rounding', () => {
  it('rounds half-up by default and truncates only when asked: 6,25 → 6,3 or 6,2', () => {
    expect(percentChange(106.25, 100)).toBe('tăng 6,3%');
    expect(percentChange(106.25, 100, { rounding: 'truncate' })).toBe('tăng 6,2%');
    expect(planRatio(17, 16)).toBe('17/16, vượt 6,3% kế hoạch');
    expect(planRatio(17, 16, { rounding: 'truncate' })).toBe('17/16, vượt 6,2% kế hoạch');
    // 6,249… stays 6,2 both ways; 6,35 → 6,4 half-up.
    expect(percentChange(106.249, 100)).toBe('tăng 6,2%');
    expect(percentChange(106.35, 100)).toBe('tăng 6,4%');
  });

  it('takes the places per call and drops ",0" when asked', () => {
    expect(percentChange(125, 100, { trimZeros: true })).toBe('tăng 25%');
    expect(percentChange(125, 100)).toBe('tăng 25,0%');
    expect(percentChange(1, 3, { places: 2 })).toBe('giảm 66,67%');
    expect(percentChange(1, 3, { places: 0 })).toBe('giảm 67%');
    expect(() => percentChange(1, 3, { places: 9 })).toThrow(RangeError);
  });
});

describe('plan against actual, rates and amounts', () => {
  it('accepts an actual above the plan, worded "vượt"', () => {
    expect(planRatio(318, 300, { unit: 'người' })).toBe('318/300 người, vượt 6,0% kế hoạch');
    expect(planRatio(280, 300, { unit: 'người' })).toBe('280/300 người, đạt 93,3% kế hoạch');
    expect(planRatio(300, 300, { unit: 'người' })).toBe('300/300 người, đạt 100,0% kế hoạch');
    // An excess that rounds to nothing is not "vượt 0,0%".
    expect(planRatio(10001, 10000)).toBe('10.001/10.000, đạt 100,0% kế hoạch');
    expect(planRatio(5, 5, { unit: 'xã', pad: 2 })).toBe('05/05 xã, đạt 100,0% kế hoạch');
  });

  it('words a rate between two figures and refuses a part above the whole', () => {
    expect(`điều tra làm rõ ${rate(27, 31, { unit: 'vụ' })}`).toBe('điều tra làm rõ 27/31 vụ, đạt 87,1%');
    expect(() => rate(32, 31)).toThrow(/planRatio/);
    expect(() => rate(1, 0)).toThrow(RangeError);
  });

  it('writes decimal amounts with a space before the unit', () => {
    expect(amount(12.5, 'tỷ đồng')).toBe('12,5 tỷ đồng');
    expect(amount(480, 'ha')).toBe('480 ha');
    expect(amount(1206.4, 'tấn')).toBe('1.206,4 tấn');
    expect(amount(1206.45, 'tấn', { places: 1 })).toBe('1.206,5 tấn');
    expect(amount(1206.45, 'tấn', { places: 1, rounding: 'truncate' })).toBe('1.206,4 tấn');
  });
});

describe('periods', () => {
  const m = (year: number, month: number): Period => ({ kind: 'month', year, month });

  it('names each kind of period', () => {
    expect(periodLabel(m(2024, 1))).toBe('tháng 01 năm 2024');
    expect(periodLabel(m(2024, 11))).toBe('tháng 11 năm 2024');
    expect(periodLabel({ kind: 'quarter', year: 2024, quarter: 2 })).toBe('quý II năm 2024');
    expect(periodLabel({ kind: 'half', year: 2022, half: 1 })).toBe('6 tháng đầu năm 2022');
    expect(periodLabel({ kind: 'half', year: 2022, half: 2 })).toBe('6 tháng cuối năm 2022');
    expect(periodLabel({ kind: 'nineMonths', year: 2023 })).toBe('9 tháng đầu năm 2023');
    expect(periodLabel({ kind: 'year', year: 2023 })).toBe('năm 2023');
  });

  it('steps back over the turn of the year: January follows December, never "tháng 0"', () => {
    expect(previousPeriod(m(2024, 1))).toEqual(m(2023, 12));
    expect(previousPeriod(m(2024, 3))).toEqual(m(2024, 2));
    expect(previousPeriod({ kind: 'quarter', year: 2024, quarter: 1 })).toEqual({ kind: 'quarter', year: 2023, quarter: 4 });
    expect(previousPeriod({ kind: 'half', year: 2024, half: 1 })).toEqual({ kind: 'half', year: 2023, half: 2 });
    expect(samePeriodLastYear(m(2024, 1))).toEqual(m(2023, 1));
    expect(() => periodLabel(m(2024, 0))).toThrow(RangeError);
    expect(() => periodLabel(m(2024, 13))).toThrow(RangeError);
  });

  it('words the comparison as a piece of its own, shared by several figures', () => {
    const p = m(2024, 1);
    expect(comparison(p)).toBe('so với cùng kỳ năm 2023');
    expect(comparison(p, 'lastYear', { short: true })).toBe('so với cùng kỳ');
    expect(comparison(p, 'lastYear', { explicit: true })).toBe('so với tháng 01 năm 2023');
    expect(comparison(p, 'previous')).toBe('so với tháng trước');
    expect(comparison(p, 'previous', { explicit: true })).toBe('so với tháng 12 năm 2023');
    expect(comparison({ kind: 'quarter', year: 2024, quarter: 1 }, 'previous')).toBe('so với quý trước');
    expect(comparison({ kind: 'half', year: 2023, half: 1 }, 'lastYear', { explicit: true })).toBe('so với 6 tháng đầu năm 2022');
    expect(comparison({ kind: 'half', year: 2023, half: 2 }, 'previous')).toBe('so với 6 tháng đầu năm 2023');
    expect(comparison({ kind: 'year', year: 2021 })).toBe('so với năm 2020');
    const shared = `${comparison({ kind: 'year', year: 2024 }).replace('năm', 'cùng kỳ năm')}, ${delta(12, 18, { unit: 'vụ' })}, ${delta(3, 7, { unit: 'người chết' })}, ${delta(5, 14, { unit: 'người bị thương' })}`;
    expect(shared).toBe('so với cùng kỳ năm 2023, giảm 6 vụ, giảm 4 người chết, giảm 9 người bị thương');
  });
});
