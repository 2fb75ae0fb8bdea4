import { describe, it, expect } from 'vitest';
import {
  fullDate,
  headerDate,
  headerDateBlank,
  shortDate,
  yearRange,
  toCalendarDate,
} from '../../src/format/index.js';

describe('headerDate', () => {
  it.each([
    ['2020-12-09', 'Nghi Sơn', 'Nghi Sơn, ngày 09 tháng 12 năm 2020'],
    ['2020-01-05', 'Hà Nội', 'Hà Nội, ngày 05 tháng 01 năm 2020'],
    ['2019-06-29', 'Thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019'],
    ['2020-02-29', 'Hà Nội', 'Hà Nội, ngày 29 tháng 02 năm 2020'],
    ['2021-03-10', 'Hà Nội', 'Hà Nội, ngày 10 tháng 3 năm 2021'],
    ['2021-10-01', 'Hà Nội', 'Hà Nội, ngày 01 tháng 10 năm 2021'],
  ])('%s', (iso, place, expected) => {
    expect(headerDate(iso, place)).toBe(expected);
  });

  it('uses the UTC components of a Date', () => {
    expect(headerDate(new Date(Date.UTC(2020, 11, 9)), 'Nghi Sơn')).toBe('Nghi Sơn, ngày 09 tháng 12 năm 2020');
    expect(headerDate(new Date('2020-12-31T23:30:00Z'), 'Hà Nội')).toBe('Hà Nội, ngày 31 tháng 12 năm 2020');
  });

  it('rejects an empty place', () => {
    expect(() => headerDate('2020-12-09', '  ')).toThrow(RangeError);
    expect(() => headerDate('2020-12-09', undefined as unknown as string)).toThrow(TypeError);
  });
});

describe('headerDateBlank', () => {
  it('follows the official template form', () => {
    expect(headerDateBlank('Nghi Sơn')).toBe('Nghi Sơn, ngày …… tháng …… năm ……');
    expect(headerDateBlank('Nghi Sơn', 2020)).toBe('Nghi Sơn, ngày …… tháng …… năm 2020');
  });
  it('validates', () => {
    expect(() => headerDateBlank('')).toThrow(RangeError);
    expect(() => headerDateBlank('Hà Nội', 20.5)).toThrow(RangeError);
  });
});

describe('fullDate / shortDate', () => {
  it.each([
    ['2020-12-09', 'ngày 09 tháng 12 năm 2020', '09/12/2020'],
    ['2020-03-05', 'ngày 05 tháng 3 năm 2020', '05/3/2020'],
    ['2021-01-05', 'ngày 05 tháng 01 năm 2021', '05/01/2021'],
    ['2021-02-15', 'ngày 15 tháng 02 năm 2021', '15/02/2021'],
    ['2000-02-29', 'ngày 29 tháng 02 năm 2000', '29/02/2000'],
    ['2021-11-30', 'ngày 30 tháng 11 năm 2021', '30/11/2021'],
  ])('%s', (iso, full, short) => {
    expect(fullDate(iso)).toBe(full);
    expect(shortDate(iso)).toBe(short);
  });

  it.each([
    '2021-02-29',
    '1900-02-29',
    '2021-04-31',
    '2021-13-01',
    '2021-00-10',
    '2021-01-00',
    '2021-1-5',
    '05/03/2020',
    '2020-12-09T00:00:00Z',
    '',
    '0000-01-01',
  ])('rejects %j', (bad) => {
    expect(() => fullDate(bad)).toThrow(RangeError);
  });

  it('rejects invalid Dates and other types', () => {
    expect(() => shortDate(new Date('nope'))).toThrow(RangeError);
    expect(() => shortDate(20201209 as unknown as string)).toThrow(TypeError);
    expect(() => shortDate(null as unknown as string)).toThrow(TypeError);
  });

  it('toCalendarDate splits', () => {
    expect(toCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('yearRange', () => {
  it('uses a spaced hyphen and plain digits', () => {
    expect(yearRange(2017, 2021)).toBe('2017 - 2021');
    expect(yearRange(2020, 2025)).toBe('2020 - 2025');
  });
  it('rejects reversed or invalid years', () => {
    expect(() => yearRange(2021, 2017)).toThrow(RangeError);
    expect(() => yearRange(2017.5, 2021)).toThrow(RangeError);
    expect(() => yearRange(NaN, 2021)).toThrow(RangeError);
    expect(() => yearRange(-1, 2021)).toThrow(RangeError);
  });
});
