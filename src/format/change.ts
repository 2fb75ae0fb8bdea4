// Comparison phrases for reports: change against a previous period and plan fulfilment.
// Percentages are computed exactly on decimals (see decimal.ts) and rounded half-up.

import { assertIntegerInRange, assertNonNegative, requireText } from './assert.js';
import { cmp, percentScaled, renderScaled, sub, toDec } from './decimal.js';
import { MAX_PLACES } from './number.js';

export interface ChangeOptions {
  /** Unit after the difference, e.g. "vụ", "tỷ đồng". Omitted or empty: no unit. */
  unit?: string;
  /** Compared period, e.g. "năm 2019". Default "cùng kỳ". */
  periodLabel?: string;
  /** Decimal places of the percentage. Default 1. */
  places?: number;
  /**
   * Where the percentage goes: "tăng 12 vụ (15,0%) so với năm 2019" (paren, default) or, for a
   * phrase that itself stands in brackets, "tăng 12 vụ, 15,0% so với năm 2019" (comma).
   */
  style?: 'paren' | 'comma';
}

export interface PlanOptions {
  places?: number;
}

function checkPlaces(places: number): void {
  assertIntegerInRange(places, 0, MAX_PLACES, 'places');
}

function optionalUnit(unit: unknown): string {
  if (unit === undefined) return '';
  if (typeof unit !== 'string') {
    throw new TypeError(`unit must be a string, got ${typeof unit}`);
  }
  const u = unit.trim();
  return u ? ' ' + u : '';
}

/**
 * (112, 100, { unit: "vụ", periodLabel: "năm 2019" }) → "tăng 12 vụ (12,0%) so với năm 2019".
 * Equal → "bằng năm 2019"; previous 0 → no percentage (division by zero).
 * Both values must be >= 0: a percentage against a negative base is meaningless.
 */
export function describeChange(current: number, previous: number, options: ChangeOptions = {}): string {
  assertNonNegative(current, 'current');
  assertNonNegative(previous, 'previous');
  const places = options.places ?? 1;
  checkPlaces(places);
  const unit = optionalUnit(options.unit);
  const period = options.periodLabel === undefined ? 'cùng kỳ' : requireText(options.periodLabel, 'periodLabel');

  const cur = toDec(current, 'current');
  const prev = toDec(previous, 'previous');
  const order = cmp(cur, prev);
  if (order === 0) return `bằng ${period}`;

  const verb = order > 0 ? 'tăng' : 'giảm';
  const diff = sub(cur, prev);
  // The difference is exact (decimal arithmetic), so print all its digits: no "tăng 0".
  const amount = renderScaled(order > 0 ? diff.coef : -diff.coef, diff.scale, true);
  const p = prev.coef === 0n ? '' : renderScaled(percentScaled(diff, prev, places), places);
  const pct = p === '' ? '' : options.style === 'comma' ? `, ${p}%` : ` (${p}%)`;
  return `${verb} ${amount}${unit}${pct} so với ${period}`;
}

function checkPlan(actual: number, planned: number): void {
  assertNonNegative(actual, 'actual');
  assertNonNegative(planned, 'planned');
  if (planned === 0) {
    throw new RangeError('planned must be greater than 0');
  }
}

/** (105.8, 100) → "đạt 105,8% kế hoạch". */
export function describePlan(actual: number, planned: number, options: PlanOptions = {}): string {
  checkPlan(actual, planned);
  const places = options.places ?? 1;
  checkPlaces(places);
  return `đạt ${renderScaled(percentScaled(toDec(actual), toDec(planned), places), places)}% kế hoạch`;
}

/**
 * Above plan → "vượt 5,8% kế hoạch" (the excess); otherwise "đạt 95,0% kế hoạch".
 * An excess that rounds to zero is reported as "đạt 100,0% kế hoạch" rather than "vượt 0,0%".
 */
export function describeExceed(actual: number, planned: number, options: PlanOptions = {}): string {
  checkPlan(actual, planned);
  const places = options.places ?? 1;
  checkPlaces(places);
  const a = toDec(actual);
  const p = toDec(planned);
  if (cmp(a, p) > 0) {
    const excess = percentScaled(sub(a, p), p, places);
    if (excess > 0n) return `vượt ${renderScaled(excess, places)}% kế hoạch`;
  }
  return describePlan(actual, planned, { places });
}
