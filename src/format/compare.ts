// The wordings real reports use to compare figures: bare deltas, percentages alone, the signed
// bracket of police bulletins, the comparison phrase as a piece of its own, plan against actual
// above 100 %, rates between two figures, and periods (month, quarter, half-year, nine months,
// year) with their arithmetic. Exact decimals, half-up by default; truncation only when asked.

import { assertIntegerInRange, assertNonNegative, assertNonNegativeInteger, requireText } from './assert.js';
import { cmp, percentScaled, renderScaled, roundScaled, sub, toDec } from './decimal.js';
import type { Dec, Rounding } from './decimal.js';
import { MAX_PLACES, formatInteger, padCount } from './number.js';
import { roman } from './ordinal.js';

/** How a percentage is written: decimal places (default 1), rounding, and whether ",0" is dropped. */
export interface PercentOptions {
  places?: number;
  /** half-up (default, as the decree's examples) or truncate (some offices cut): never silent. */
  rounding?: Rounding;
  /** Drop trailing zeros of the decimals: "25%" instead of "25,0%". */
  trimZeros?: boolean;
}

export interface DeltaOptions extends PercentOptions {
  /** Unit after the amount ("vụ", "người"); a space always stands before it. */
  unit?: string;
}

function unitText(unit: unknown): string {
  if (unit === undefined || unit === null) return '';
  if (typeof unit !== 'string') throw new TypeError(`unit must be a string, got ${typeof unit}`);
  const u = unit.trim();
  return u ? ` ${u}` : '';
}

function percentText(part: Dec, whole: Dec, o: PercentOptions): string {
  const places = o.places ?? 1;
  assertIntegerInRange(places, 0, MAX_PLACES, 'places');
  return `${renderScaled(percentScaled(part, whole, places, o.rounding ?? 'half-up'), places, o.trimZeros ?? false)}%`;
}

/** The exact difference as digits: "12", "1.206,4". */
function amountText(d: Dec): string {
  return renderScaled(d.coef < 0n ? -d.coef : d.coef, d.scale, true);
}

function compared(current: number, previous: number): { cur: Dec; prev: Dec; order: number; diff: Dec } {
  assertNonNegative(current, 'current');
  assertNonNegative(previous, 'previous');
  const cur = toDec(current, 'current');
  const prev = toDec(previous, 'previous');
  return { cur, prev, order: cmp(cur, prev), diff: sub(cur, prev) };
}

/** (9, 12, { unit: "vụ" }) → "giảm 3 vụ"; (112, 100, { unit: "người" }) → "tăng 12 người"; equal → "bằng". */
export function delta(current: number, previous: number, o: DeltaOptions = {}): string {
  const { order, diff } = compared(current, previous);
  if (order === 0) return 'bằng';
  return `${order > 0 ? 'tăng' : 'giảm'} ${amountText(diff)}${unitText(o.unit)}`;
}

/**
 * (115, 100) → "tăng 15,0%"; (1250, 2130) → "giảm 41,3%"; equal → "bằng". Against 0 there is no
 * percentage: the bare delta is written instead ("tăng 5 vụ").
 */
export function percentChange(current: number, previous: number, o: DeltaOptions = {}): string {
  const { prev, order, diff } = compared(current, previous);
  if (order === 0) return 'bằng';
  if (prev.coef === 0n) return delta(current, previous, o);
  return `${order > 0 ? 'tăng' : 'giảm'} ${percentText(diff, prev, o)}`;
}

/**
 * The change with its percentage, for a sentence or inside brackets without nesting them:
 * "giảm 880 người, 41,3%" (style comma, default) or "giảm 880 người (41,3%)" (style paren).
 */
export function deltaWithPercent(current: number, previous: number, o: DeltaOptions & { style?: 'comma' | 'paren' } = {}): string {
  const { prev, order, diff } = compared(current, previous);
  if (order === 0) return 'bằng';
  const head = `${order > 0 ? 'tăng' : 'giảm'} ${amountText(diff)}${unitText(o.unit)}`;
  if (prev.coef === 0n) return head;
  const pct = percentText(diff, prev, o);
  return o.style === 'paren' ? `${head} (${pct})` : `${head}, ${pct}`;
}

/**
 * The signed bracket of police bulletins: (12, 10, "vụ") → "(+2 vụ; +20,0%)", (9, 12, "vụ") →
 * "(- 3 vụ; - 25,0%)" (a minus is followed by a space, as the bulletins print it so the sign
 * is not read as a dash), equal → "(bằng)", against 0 → "(+5 vụ)". That space is a no-break
 * space (U+00A0): a line never ends on the minus with its figure on the next one (PDF and DOCX).
 */
export function signedChange(current: number, previous: number, o: DeltaOptions = {}): string {
  const { prev, order, diff } = compared(current, previous);
  if (order === 0) return '(bằng)';
  const sign = order > 0 ? '+' : '-\u00a0';
  const amount = `${sign}${amountText(diff)}${unitText(o.unit)}`;
  return prev.coef === 0n ? `(${amount})` : `(${amount}; ${sign}${percentText(diff, prev, o)})`;
}

export interface RatioOptions extends PercentOptions {
  unit?: string;
  /** Zero-pad both counts to this many digits where offices pad them ("05/05 xã"). */
  pad?: number;
}

function countText(n: number, pad: number | undefined): string {
  return pad === undefined ? formatInteger(n) : padCount(n, pad);
}

/**
 * Plan against actual: (318, 300, { unit: "người" }) → "318/300 người, vượt 6,0% kế hoạch";
 * (280, 300) → "280/300, đạt 93,3% kế hoạch"; the actual may exceed the plan.
 */
export function planRatio(actual: number, planned: number, o: RatioOptions = {}): string {
  assertNonNegativeInteger(actual, 'actual');
  assertNonNegativeInteger(planned, 'planned');
  if (planned === 0) throw new RangeError('planned must be greater than 0');
  const a = toDec(actual);
  const p = toDec(planned);
  const ratio = `${countText(actual, o.pad)}/${countText(planned, o.pad)}${unitText(o.unit)}`;
  if (cmp(a, p) > 0) {
    const excess = percentText(sub(a, p), p, o);
    if (!/^0(,0*)?%$/.test(excess)) return `${ratio}, vượt ${excess} kế hoạch`;
  }
  return `${ratio}, đạt ${percentText(a, p, o)} kế hoạch`;
}

/** A rate between two figures: (27, 31, { unit: "vụ" }) → "27/31 vụ, đạt 87,1%". The part may not exceed the whole. */
export function rate(part: number, whole: number, o: RatioOptions = {}): string {
  assertNonNegativeInteger(part, 'part');
  assertNonNegativeInteger(whole, 'whole');
  if (whole === 0) throw new RangeError('whole must be greater than 0');
  if (part > whole) throw new RangeError(`part (${part}) must not exceed whole (${whole}); use planRatio for plan against actual`);
  return `${countText(part, o.pad)}/${countText(whole, o.pad)}${unitText(o.unit)}, đạt ${percentText(toDec(part), toDec(whole), o)}`;
}

/** A figure with its unit, decimals as written: (12.5, "tỷ đồng") → "12,5 tỷ đồng", (1206.4, "tấn") → "1.206,4 tấn". */
export function amount(value: number, unit: string, o: { places?: number; rounding?: Rounding } = {}): string {
  const d = toDec(value, 'value');
  const places = o.places;
  if (places !== undefined) assertIntegerInRange(places, 0, MAX_PLACES, 'places');
  const digits = places === undefined ? renderScaled(d.coef, d.scale, true) : renderScaled(roundScaled(d, places, o.rounding ?? 'half-up'), places, true);
  return `${digits}${unitText(requireText(unit, 'unit'))}`;
}

// ---- Periods ----------------------------------------------------------------------------------

/** A reporting period: a month, a quarter, a half-year, the first nine months, or a year. */
export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'nineMonths'; year: number }
  | { kind: 'year'; year: number };

function checkPeriod(p: Period): void {
  assertIntegerInRange(p.year, 1, 9999, 'year');
  if (p.kind === 'month') assertIntegerInRange(p.month, 1, 12, 'month');
  if (p.kind === 'quarter') assertIntegerInRange(p.quarter, 1, 4, 'quarter');
  if (p.kind === 'half' && p.half !== 1 && p.half !== 2) throw new RangeError(`half must be 1 or 2, got ${String(p.half)}`);
}

/**
 * The period's name: "tháng 01 năm 2024" (months 1 and 2 padded as in the decree's dates),
 * "quý I năm 2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "9 tháng đầu năm 2024", "năm 2024".
 */
export function periodLabel(p: Period): string {
  checkPeriod(p);
  switch (p.kind) {
    case 'month':
      return `tháng ${p.month <= 2 ? `0${p.month}` : p.month} năm ${p.year}`;
    case 'quarter':
      return `quý ${roman(p.quarter)} năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.half === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'nineMonths':
      return `9 tháng đầu năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
  }
}

/** The period just before: January → December of the year before (never "tháng 0"), Q1 → Q4, H1 → H2 of the year before. */
export function previousPeriod(p: Period): Period {
  checkPeriod(p);
  switch (p.kind) {
    case 'month':
      return p.month === 1 ? { kind: 'month', year: p.year - 1, month: 12 } : { ...p, month: p.month - 1 };
    case 'quarter':
      return p.quarter === 1 ? { kind: 'quarter', year: p.year - 1, quarter: 4 } : { ...p, quarter: p.quarter - 1 };
    case 'half':
      return p.half === 1 ? { kind: 'half', year: p.year - 1, half: 2 } : { ...p, half: 1 };
    case 'nineMonths':
    case 'year':
      return { ...p, year: p.year - 1 };
  }
}

/** The same period a year earlier ("cùng kỳ"). */
export function samePeriodLastYear(p: Period): Period {
  checkPeriod(p);
  return { ...p, year: p.year - 1 };
}

/** What a figure is compared with: the same period of last year, or the period just before. */
export type Against = 'lastYear' | 'previous';

/**
 * The comparison phrase, a piece of its own so several figures can share it:
 * lastYear → "so với cùng kỳ năm 2023" (a year: "so với năm 2023"); previous → "so với tháng
 * trước", "so với quý trước", "so với 6 tháng đầu năm 2024"; `explicit` names the period
 * ("so với tháng 12 năm 2023"); `short` leaves the year out ("so với cùng kỳ").
 */
export function comparison(p: Period, against: Against = 'lastYear', o: { explicit?: boolean; short?: boolean } = {}): string {
  checkPeriod(p);
  if (against === 'lastYear') {
    if (p.kind === 'year') return `so với năm ${p.year - 1}`;
    if (o.short) return 'so với cùng kỳ';
    return o.explicit ? `so với ${periodLabel(samePeriodLastYear(p))}` : `so với cùng kỳ năm ${p.year - 1}`;
  }
  const before = previousPeriod(p);
  if (o.explicit || p.kind === 'half' || p.kind === 'nineMonths' || p.kind === 'year') return `so với ${periodLabel(before)}`;
  return p.kind === 'month' ? 'so với tháng trước' : 'so với quý trước';
}
