import type { Lang } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M, sheetNumber } from '../messages/sheets.js';
import type { FieldSpec } from '../model/index.js';
import type { Cell } from './types.js';
import { serialToDate } from './xlsx.js';

/**
 * A cell → the value a field of the declared type takes, or the reason it cannot. Numbers typed as
 * numbers stay numbers; numbers typed as text are read in Vietnamese notation (a dot between
 * thousands, a decimal comma), and what could be read two ways is refused rather than guessed.
 */

export type Converted = { value: unknown } | { error: string };

/** How a value is shown in a message: text quoted, a number in Vietnamese notation. */
export function showCell(cell: Cell, lang: Lang): string {
  switch (cell.kind) {
    case 'text': return say(lang, M.foundText, cell.value.length > 40 ? `${cell.value.slice(0, 40)}…` : cell.value);
    case 'number': return sheetNumber(cell.value, lang);
    case 'date': return say(lang, M.foundDate, cell.value);
    case 'bool': return say(lang, M.foundBool, cell.value);
    case 'error': return cell.value;
  }
}

export type NumberReading = { value: number } | { ambiguous: [thousands: string, decimal: string] } | { foreign: string } | { invalid: true };

/** "1.250" → 1250, "12,5" → 12.5, "1.250,5" → 1250.5; "1,250" is ambiguous; "1,250.5" and "1.5" are not Vietnamese notation. */
export function readVietnameseNumber(text: string): NumberReading {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const num = (t: string) => ({ value: sign * Number(t) });
  if (/^\d+$/.test(s)) return num(s);
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return num(s.replaceAll('.', '').replace(',', '.'));
  if (/^\d+,\d+$/.test(s)) {
    if (/^[1-9]\d{0,2},\d{3}$/.test(s)) {
      const [a, b] = s.split(',') as [string, string];
      return { ambiguous: [`${a}.${b}`, `${a},${b.replace(/0+$/, '') || '0'}`] };
    }
    return num(s.replace(',', '.'));
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) || /^\d+\.\d+$/.test(s)) {
    const [int, frac] = s.replaceAll(',', '').split('.') as [string, string | undefined];
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return { foreign: `${sign < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}` };
  }
  return { invalid: true };
}

/** "05/01/2022", "5-1-2022", "2022-01-05" → "2022-01-05". */
export function readDateText(text: string): string | undefined {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

const YES = new Set(['co', 'x', 'yes', 'true', 'dung', '1']);
const NO = new Set(['khong', 'no', 'false', 'sai', '0']);

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase().trim();
}

export function convertCell(cell: Cell, spec: FieldSpec, lang: Lang): Converted {
  if (cell.kind === 'error') return { error: cell.value === '' ? say(lang, M.formulaNoValue) : say(lang, M.errorCell, cell.value) };
  switch (spec.type) {
    case 'integer':
    case 'number':
    case 'quantity':
    case 'year': {
      const whole = spec.type === 'integer' || spec.type === 'year';
      let n: number;
      if (cell.kind === 'number') n = cell.value;
      else if (cell.kind === 'text') {
        const r = readVietnameseNumber(cell.value);
        if ('ambiguous' in r) return { error: say(lang, M.ambiguousNumber, cell.value.trim(), r.ambiguous[0], r.ambiguous[1]) };
        if ('foreign' in r) return { error: say(lang, M.foreignNotation, cell.value.trim(), r.foreign) };
        if ('invalid' in r) return { error: say(lang, whole ? M.needInteger : M.needNumber, showCell(cell, lang)) };
        n = r.value;
      } else return { error: say(lang, whole ? M.needInteger : M.needNumber, showCell(cell, lang)) };
      // A formula's cached 12.000000000001 is 12; anything further from a whole number is not.
      if (whole) {
        const r = Math.round(n);
        if (Math.abs(n - r) > 1e-9) return { error: say(lang, M.needInteger, showCell({ kind: 'number', value: n }, lang)) };
        n = r;
      }
      return { value: n };
    }
    case 'date': {
      if (cell.kind === 'date') return { value: cell.value };
      if (cell.kind === 'number') {
        const d = serialToDate(cell.value);
        return d ? { value: d } : { error: say(lang, M.needDate, showCell(cell, lang)) };
      }
      if (cell.kind === 'text') {
        const d = readDateText(cell.value);
        return d ? { value: d } : { error: say(lang, M.needDate, showCell(cell, lang)) };
      }
      return { error: say(lang, M.needDate, showCell(cell, lang)) };
    }
    case 'boolean': {
      if (cell.kind === 'bool') return { value: cell.value };
      const f = cell.kind === 'number' ? String(cell.value) : cell.kind === 'text' ? fold(cell.value) : '';
      if (YES.has(f)) return { value: true };
      if (NO.has(f)) return { value: false };
      return { error: say(lang, M.needBoolean, showCell(cell, lang)) };
    }
    default: {
      // text, prose, enum: what the cell shows
      if (cell.kind === 'text') return { value: spec.type === 'prose' ? cell.value.trim() : cell.value.replace(/\s+/g, ' ').trim() };
      if (cell.kind === 'number') return { value: String(cell.value) };
      if (cell.kind === 'date') return { value: cell.value };
      return { value: cell.value ? 'có' : 'không' };
    }
  }
}
