/**
 * A sheet as the readers hand it over: only the rows that hold something (a million empty
 * formatted rows cost nothing), each cell with the type the spreadsheet gave it. Rows and columns
 * are numbered as the clerk sees them: row 1 is the first row, column 1 is A.
 */

/** One cell's content; formulas arrive as their cached value, never evaluated. */
export type Cell =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean }
  /** A date cell (or a number formatted as a date): ISO YYYY-MM-DD. */
  | { kind: 'date'; value: string }
  /** An error value the spreadsheet computed (#DIV/0! …); "" for a formula saved without its value. */
  | { kind: 'error'; value: string };

export interface SheetRow {
  /** 1-based row number. */
  row: number;
  /** Cells by 1-based column; index 0 is unused. */
  cells: (Cell | undefined)[];
}

/** A merged range, 1-based and inclusive. */
export interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Sheet {
  /** The file as the clerk named it (relative to the data file's folder or as given). */
  file: string;
  /** The sheet's name; undefined for a CSV file (one table, no sheets). */
  name?: string;
  rows: SheetRow[];
  merges: Merge[];
}

/** Reading limits: what a hostile or broken file may cost before it is refused. */
export interface SheetLimits {
  /** Bytes of the file itself. */
  fileBytes: number;
  /** Bytes of one XML part once inflated (a zip bomb is refused here). */
  partBytes: number;
  /** Rows that hold something. */
  rows: number;
  /** Columns that hold something. */
  columns: number;
}

export const DEFAULT_LIMITS: SheetLimits = {
  fileBytes: 50 * 1024 * 1024,
  partBytes: 256 * 1024 * 1024,
  rows: 200_000,
  columns: 1_000,
};

/** "D" for 4, "AA" for 27. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "D7" → { row: 7, col: 4 }. */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** A reading failure, already worded for the clerk. */
export class SheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetError';
  }
}
