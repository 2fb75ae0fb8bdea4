// Pure formatting helpers for Vietnamese official text (Decree 30/2020/NĐ-CP).

export {
  MAX_PLACES,
  formatInteger,
  formatDecimal,
  formatNumber,
  formatPercent,
  padCount,
  formatRatio,
} from './number.js';
export { describeChange, describePlan, describeExceed } from './change.js';
export type { ChangeOptions, PlanOptions } from './change.js';
export { amount, comparison, delta, deltaWithPercent, percentChange, periodLabel, planRatio, previousPeriod, rate, samePeriodLastYear, signedChange } from './compare.js';
export type { Against, DeltaOptions, PercentOptions, Period, RatioOptions } from './compare.js';
export type { Rounding } from './decimal.js';
export {
  toCalendarDate,
  daysInMonth,
  fullDate,
  headerDate,
  headerDateBlank,
  shortDate,
  yearRange,
  DATE_BLANK,
} from './date.js';
export type { DateInput, CalendarDate } from './date.js';
export { documentNumber, validateSymbol, BLANK_NUMBER } from './docnumber.js';
export { roman, parseRoman, pointLetter, POINT_LETTERS } from './ordinal.js';
export { ordinalText } from './ordinal-words.js';
export { numberToWords, MAX_WORDS_NUMBER } from './words.js';
export type { WordsOptions } from './words.js';
export { upperVi, setTonePlacement } from './case.js';
export type { ToneStyle, UpperOptions } from './case.js';
