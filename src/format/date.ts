// Dates per Decree 30 §5/§15: day < 10 padded ("05"), only months 1 and 2 padded ("01", "02").

import { assertIntegerInRange, requireText } from './assert.js';

/** A date-only value: a JS Date (its UTC components are used) or "YYYY-MM-DD". */
export type DateInput = Date | string;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Validate and split a date input; throws on impossible dates such as 2021-02-29. */
export function toCalendarDate(input: DateInput): CalendarDate {
  let year: number;
  let month: number;
  let day: number;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) {
      throw new RangeError('invalid Date');
    }
    // UTC so that a date parsed from "2020-12-09" does not shift with the local time zone.
    year = input.getUTCFullYear();
    month = input.getUTCMonth() + 1;
    day = input.getUTCDate();
  } else if (typeof input === 'string') {
    const m = ISO_DATE_RE.exec(input);
    if (!m) {
      throw new RangeError(`date must be "YYYY-MM-DD", got ${JSON.stringify(input)}`);
    }
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    throw new TypeError(`date must be a Date or a "YYYY-MM-DD" string, got ${typeof input}`);
  }
  if (year < 1 || year > 9999) {
    throw new RangeError(`year out of range 1..9999: ${year}`);
  }
  if (month < 1 || month > 12) {
    throw new RangeError(`invalid month ${month} in ${String(input)}`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`invalid day ${day} for ${year}-${month}`);
  }
  return { year, month, day };
}

function dayText(day: number): string {
  return day < 10 ? '0' + day : String(day);
}

function monthText(month: number): string {
  return month <= 2 ? '0' + month : String(month);
}

/** "ngày 09 tháng 12 năm 2020". */
export function fullDate(date: DateInput): string {
  const { year, month, day } = toCalendarDate(date);
  return `ngày ${dayText(day)} tháng ${monthText(month)} năm ${year}`;
}

/** "Nghi Sơn, ngày 09 tháng 12 năm 2020" (ô 4). */
export function headerDate(date: DateInput, place: string): string {
  const p = requireText(place, 'place');
  return `${p}, ${fullDate(date)}`;
}

/** Dot leader used for blanks, as in the official templates ("ngày …… tháng ……"). */
export const DATE_BLANK = '……';

/**
 * Undated draft: "Nghi Sơn, ngày …… tháng …… năm ……", the official template form with the
 * place filled in. Ellipsis characters (not runs of spaces) so the blank stays visible and is
 * not collapsed or trimmed by HTML/PDF layout. Pass `year` to pre-fill it: "… năm 2020".
 */
export function headerDateBlank(place: string, year?: number): string {
  const p = requireText(place, 'place');
  let y = DATE_BLANK;
  if (year !== undefined) {
    assertIntegerInRange(year, 1, 9999, 'year');
    y = String(year);
  }
  return `${p}, ngày ${DATE_BLANK} tháng ${DATE_BLANK} năm ${y}`;
}

/** "05/3/2020", "09/12/2020", "05/01/2021". */
export function shortDate(date: DateInput): string {
  const { year, month, day } = toCalendarDate(date);
  return `${dayText(day)}/${monthText(month)}/${year}`;
}

/** "2017 - 2021" (spaced hyphen, §15). Years are plain digits, never "2.017". */
export function yearRange(from: number, to: number): string {
  assertIntegerInRange(from, 1, 9999, 'from');
  assertIntegerInRange(to, 1, 9999, 'to');
  if (from > to) {
    throw new RangeError(`year range is reversed: ${from} > ${to}`);
  }
  return `${from} - ${to}`;
}
