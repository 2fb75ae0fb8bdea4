/**
 * Spreadsheets in: XLSX, ODS and CSV files read into the records of a kind's list fields, the
 * roll-up of the units' own reports, and mail merge (one document per row). The pipeline calls
 * `validateWithLists` in place of plain validation; the rest is for the CLI and library users.
 */
export { readSheet, readSheetBytes } from './read.js';
export type { ReadOptions } from './read.js';
export { sheetToRecords, fieldTitles } from './table.js';
export type { SheetProblem, TableOptions, TableResult } from './table.js';
export { convertCell, readVietnameseNumber, readDateText } from './cells.js';
export { validateWithLists } from './lists.js';
export { serialToDate, isDateFormat } from './xlsx.js';
export { decodeCsv } from './csv.js';
export { foldTitle } from './title.js';
export { DEFAULT_LIMITS, SheetError, columnLetter, parseRef } from './types.js';
export type { Cell, Merge, Sheet, SheetLimits, SheetRow } from './types.js';
export { legacyCells, declaredLegacy } from './legacy.js';
export type { SheetLegacy } from './legacy.js';
