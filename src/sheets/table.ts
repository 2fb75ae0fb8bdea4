import type { Lang, Severity } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import type { FieldSpec, FieldType } from '../model/index.js';
import { convertCell } from './cells.js';
import { columnLetter } from './types.js';
import type { Cell, Sheet, SheetRow } from './types.js';
import { foldTitle, isOrdinalTitle, isTotalsLabel } from './title.js';

/**
 * A sheet → the records of a list field. The heading row names the columns (by field name or by
 * the Vietnamese title kind.yaml declares, folded); merged heading cells lend their title to the
 * columns below them; blank rows are skipped; a totals row ends the table and is checked against
 * the sum of the rows above it. Every problem names its cell.
 */

export interface SheetProblem {
  /** "so-lieu-xa.xlsx, sheet Tổng hợp, ô D7" */
  place: string;
  message: string;
  severity: Severity;
  code: string;
  /** The path inside the list ([3, "securityTeams"]) when the problem is about one value. */
  path?: (string | number)[];
}

export interface TableResult {
  records: Record<string, unknown>[];
  /** Where a record ([3]) or one of its fields ([3, "securityTeams"]) came from; worded on demand. */
  place(rel: (string | number)[]): string | undefined;
  /** The sheet's row number of each record. */
  rows: number[];
  problems: SheetProblem[];
}

export interface TableOptions {
  /** 1-based row of the column titles; found by looking for a row that names a field otherwise. */
  headerRow?: number;
  lang?: Lang;
}

const norm = (s: FieldSpec | FieldType): FieldSpec => (typeof s === 'string' ? { type: s } : s);

/** What a column may be called: the field's name and its declared titles. */
export function fieldTitles(name: string, spec: FieldSpec): string[] {
  const declared = spec.column === undefined ? [] : Array.isArray(spec.column) ? spec.column : [spec.column];
  return [...declared, name];
}

const text = (c: Cell | undefined): string | undefined => (c && c.kind === 'text' ? c.value.trim() : c && c.kind === 'number' ? String(c.value) : undefined);

export function sheetToRecords(sheet: Sheet, fields: Record<string, FieldSpec | FieldType>, options: TableOptions = {}): TableResult {
  const lang = options.lang ?? 'vi';
  const cellPlace = (row: number, col: number) => say(lang, M.placeCell, sheet.file, sheet.name, `${columnLetter(col)}${row}`);
  const rowPlace = (row: number) => say(lang, M.placeRow, sheet.file, sheet.name, row);
  const sheetPlace = say(lang, M.placeSheet, sheet.file, sheet.name);
  const problems: SheetProblem[] = [];
  const specs = Object.entries(fields).map(([name, s]) => ({ name, spec: norm(s), folded: fieldTitles(name, norm(s)).map(foldTitle) }));
  const byRow = new Map(sheet.rows.map((r) => [r.row, r]));
  const at = (row: number, col: number) => byRow.get(row)?.cells[col];

  /** The titles a column of the heading row may go by: its own, a merged cell's above or to the left, and "group own". */
  const candidates = (h: number, c: number): { own?: string; all: string[] } => {
    const own = text(at(h, c));
    const all: string[] = own ? [own] : [];
    for (const m of sheet.merges) {
      if (m.c1 <= c && c <= m.c2 && m.r1 <= h && h <= m.r2 && (m.r1 !== h || m.c1 !== c) && m.c1 === c) {
        const origin = text(at(m.r1, m.c1));
        if (origin) all.push(origin);
      }
      if (m.r2 < h && m.c1 <= c && c <= m.c2 && m.c2 > m.c1) {
        const group = text(at(m.r1, m.c1));
        if (group && own) all.push(`${group} ${own}`);
      }
    }
    return { ...(own ? { own } : {}), all };
  };
  const match = (titles: string[]) => specs.find((f) => titles.some((t) => f.folded.includes(foldTitle(t))));
  const width = Math.max(0, ...sheet.rows.map((r) => r.cells.length - 1));

  let header = options.headerRow;
  if (header === undefined) {
    // The row (among the first 30) that names the most fields: in a two-row heading, the lower one.
    let best = 0;
    for (const r of sheet.rows.slice(0, 30)) {
      let named = 0;
      for (let c = 1; c <= Math.max(r.cells.length - 1, ...sheet.merges.map((m) => m.c2)); c++) if (match(candidates(r.row, c).all)) named++;
      if (named > best) [best, header] = [named, r.row];
    }
    if (header === undefined) {
      problems.push({ place: sheetPlace, code: 'sheet-header', severity: 'error', message: say(lang, M.headerNotFound, specs.map((s) => `"${fieldTitles(s.name, s.spec)[0]}"`).join(', ')) });
      return { records: [], place: () => undefined, rows: [], problems };
    }
  }

  const columns = new Map<number, (typeof specs)[number]>();
  const taken = new Map<string, number>();
  const unknown: { col: number; title: string }[] = [];
  for (let c = 1; c <= width; c++) {
    const { own, all } = candidates(header, c);
    if (all.length === 0) continue;
    const f = match(all);
    if (!f) {
      if (own && !isOrdinalTitle(own)) unknown.push({ col: c, title: own });
      continue;
    }
    if (f.spec.type === 'object' || f.spec.type === 'list') {
      problems.push({ place: cellPlace(header, c), code: 'sheet-column', severity: 'error', message: say(lang, M.columnNotCell, f.name) });
      continue;
    }
    const first = taken.get(f.name);
    if (first !== undefined) {
      problems.push({ place: cellPlace(header, c), code: 'sheet-column', severity: 'error', message: say(lang, M.columnTwice, f.name, columnLetter(first)) });
      continue;
    }
    taken.set(f.name, c);
    columns.set(c, f);
  }
  const usable = specs.filter((s) => s.spec.type !== 'object' && s.spec.type !== 'list').map((s) => `"${fieldTitles(s.name, s.spec)[0]}"`).join(', ');
  for (const u of unknown) problems.push({ place: cellPlace(header, u.col), code: 'sheet-column', severity: 'error', message: say(lang, M.columnUnknown, u.title, usable) });
  for (const f of specs) {
    const required = !f.spec.optional && f.spec.default === undefined;
    if (required && !taken.has(f.name)) {
      problems.push({ place: sheetPlace, code: 'sheet-column', severity: 'error', message: say(lang, M.columnMissing, f.name, fieldTitles(f.name, f.spec).map((t) => `"${t}"`).join(lang === 'vi' ? ' hoặc ' : ' or ')) });
    }
  }
  if (problems.some((p) => p.severity === 'error')) return { records: [], place: () => undefined, rows: [], problems };

  // Data starts below the heading, and below any heading cell merged downwards from it.
  const start = Math.max(header, ...sheet.merges.filter((m) => m.r1 <= header! && header! <= m.r2).map((m) => m.r2)) + 1;
  const records: Record<string, unknown>[] = [];
  const rows: number[] = [];
  const columnOf = new Map([...columns].map(([c, f]) => [f.name, c]));
  const place = (rel: (string | number)[]): string | undefined => {
    const row = typeof rel[0] === 'number' ? rows[rel[0]] : undefined;
    if (row === undefined) return undefined;
    const col = typeof rel[1] === 'string' ? columnOf.get(rel[1]) : undefined;
    return col === undefined ? rowPlace(row) : cellPlace(row, col);
  };
  const sums = new Map<string, number>();
  // A column with a cell that could not be read has no sum to check a totals row against.
  const unread = new Set<string>();
  for (const r of sheet.rows) {
    if (r.row < start) continue;
    if (isTotalsRow(r, columns)) {
      checkTotals(r, columns, sums, unread, cellPlace, problems, lang);
      break;
    }
    if (![...columns.keys()].some((c) => r.cells[c] !== undefined)) continue; // a blank separator row
    const i = records.length;
    const record: Record<string, unknown> = {};
    rows.push(r.row);
    for (const [c, f] of columns) {
      const cell = r.cells[c];
      if (!cell) continue;
      const converted = convertCell(cell, f.spec, lang);
      if ('error' in converted) {
        problems.push({ place: cellPlace(r.row, c), code: 'sheet-cell', severity: 'error', message: converted.error, path: [i, f.name] });
        unread.add(f.name);
        continue;
      }
      record[f.name] = converted.value;
      if (typeof converted.value === 'number') sums.set(f.name, (sums.get(f.name) ?? 0) + converted.value);
    }
    records.push(record);
  }
  return { records, place, rows, problems };
}

/** A row whose first text cells (before the figures) say "Tổng cộng" / "Cộng". */
function isTotalsRow(r: SheetRow, columns: Map<number, { spec: FieldSpec }>): boolean {
  for (let c = 1; c < r.cells.length && c <= 4; c++) {
    const cell = r.cells[c];
    if (!cell) continue;
    if (cell.kind === 'text' && isTotalsLabel(cell.value)) return true;
    const spec = columns.get(c)?.spec;
    if (cell.kind !== 'text' && spec && spec.type !== 'text') return false;
  }
  return false;
}

function checkTotals(r: SheetRow, columns: Map<number, { name: string; spec: FieldSpec }>, sums: Map<string, number>, unread: Set<string>, cellPlace: (row: number, col: number) => string, problems: SheetProblem[], lang: Lang): void {
  for (const [c, f] of columns) {
    if (!['integer', 'number', 'quantity'].includes(f.spec.type) || unread.has(f.name)) continue;
    const cell = r.cells[c];
    if (!cell) continue;
    const converted = convertCell(cell, { type: 'number' }, lang);
    if (!('value' in converted) || typeof converted.value !== 'number') continue;
    const computed = sums.get(f.name) ?? 0;
    if (Math.abs(converted.value - computed) > 1e-6) {
      const round = (n: number) => Math.round(n * 1e6) / 1e6;
      problems.push({ place: cellPlace(r.row, c), code: 'sheet-total', severity: 'warning', message: say(lang, M.totalDiffers, f.name, round(converted.value), round(computed)) });
    }
  }
}
