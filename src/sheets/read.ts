import { readFileSync, statSync } from 'node:fs';
import type { Lang } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import { readCsv } from './csv.js';
import type { CsvEncoding } from './csv.js';
import { readOds } from './ods.js';
import { DEFAULT_LIMITS, SheetError } from './types.js';
import type { Sheet, SheetLimits } from './types.js';
import { readXlsx } from './xlsx.js';
import { isOle, isZip } from './zip.js';
import { foldTitle } from './title.js';

export interface ReadOptions {
  /** A sheet's name (case- and diacritic-insensitive) or 1-based position; the first by default. */
  sheet?: string | number;
  /** CSV only: the encoding when it is known (otherwise UTF-8, then Windows-1258). */
  encoding?: CsvEncoding;
  /** The name the clerk knows the file by, for messages (the path by default). */
  display?: string;
  limits?: Partial<SheetLimits>;
  lang?: Lang;
}

/** Read one sheet of an XLSX, ODS or CSV file; throws SheetError with a worded message. */
export function readSheet(file: string, options: ReadOptions = {}): Sheet {
  const lang = options.lang ?? 'vi';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const display = options.display ?? file;
  const size = statSync(file, { throwIfNoEntry: false });
  if (!size?.isFile()) throw new SheetError(say(lang, M.cannotRead, display));
  if (size.size > limits.fileBytes) throw new SheetError(say(lang, M.tooLarge, size.size, limits.fileBytes));
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new SheetError(say(lang, M.cannotRead, display));
  }
  return readSheetBytes(bytes, display, { ...options, lang, limits });
}

export function readSheetBytes(bytes: Uint8Array, display: string, options: ReadOptions = {}): Sheet {
  const lang = options.lang ?? 'vi';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.fileBytes) throw new SheetError(say(lang, M.tooLarge, bytes.length, limits.fileBytes));
  const ext = /\.([a-z]+)$/i.exec(display)?.[1]?.toLowerCase();
  const pick = (names: string[], want: string | number | undefined) => pickSheet(names, want, lang);
  if (ext === 'csv' || ext === 'txt') return readCsv(bytes, display, lang, limits, options.encoding);
  if (isOle(bytes) || ext === 'xls') throw new SheetError(say(lang, M.oldExcel));
  if (ext === 'ods') return readOds(bytes, display, options.sheet, lang, limits, pick);
  if (ext === 'xlsx' || ext === 'xlsm') {
    if (!isZip(bytes)) throw new SheetError(say(lang, M.notZip, 'XLSX'));
    return readXlsx(bytes, display, options.sheet, lang, limits, pick);
  }
  throw new SheetError(say(lang, M.unknownFormat, display));
}

function pickSheet(names: string[], want: string | number | undefined, lang: Lang): number {
  if (names.length === 0) throw new SheetError(say(lang, M.noSheet, String(want ?? 1), '—'));
  if (want === undefined) return 0;
  if (typeof want === 'number') {
    if (Number.isInteger(want) && want >= 1 && want <= names.length) return want - 1;
  } else {
    const exact = names.indexOf(want.normalize('NFC'));
    if (exact >= 0) return exact;
    const folded = names.findIndex((n) => foldTitle(n) === foldTitle(want));
    if (folded >= 0) return folded;
  }
  throw new SheetError(say(lang, M.noSheet, String(want), names.map((n) => `"${n}"`).join(', ')));
}
