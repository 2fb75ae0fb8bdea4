import { parse } from 'csv-parse/sync';
import type { Lang } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import { SheetError } from './types.js';
import type { Sheet, SheetLimits, SheetRow } from './types.js';

/**
 * CSV as Excel and LibreOffice write it in Vietnam: UTF-8 (with or without BOM) or the old
 * Windows code page 1258, comma- or semicolon-separated (a decimal-comma locale saves ";").
 * Every cell is text; the table stage reads numbers in Vietnamese notation from it.
 */

export type CsvEncoding = 'utf-8' | 'windows-1258';

/** Letters a Vietnamese text can hold after NFC: ASCII, the Vietnamese letters, common punctuation. */
const VIETNAMESE = /^[\p{ASCII}ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ–—‘’“”…°§·€\u00a0]*$/u;

export function decodeCsv(bytes: Uint8Array, lang: Lang, encoding?: CsvEncoding): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new SheetError(say(lang, M.csvUtf16));
  // A text file never holds NUL: UTF-16 saved without its mark (one NUL beside each Latin letter)
  // would otherwise pass as UTF-8 with a NUL in every cell; any other NUL is another encoding.
  const head = bytes.subarray(0, 4096);
  const nuls = head.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nuls > 0) throw new SheetError(say(lang, nuls * 4 >= head.length ? M.csvUtf16 : M.csvEncoding));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding !== 'windows-1258') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes).normalize('NFC');
    } catch {
      if (encoding === 'utf-8' || bom) throw new SheetError(say(lang, M.csvEncoding));
    }
  }
  // Windows-1258 writes tones as combining marks; NFC composes them. Anything outside the
  // Vietnamese repertoire means another code page (Windows-1252, TCVN3 …): refused, not guessed.
  const text = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  if (text.includes('\u0000') || !VIETNAMESE.test(text)) throw new SheetError(say(lang, M.csvEncoding));
  return text;
}

/** The separator: the most frequent of ; , and tab outside quotes in the first five lines (";" wins a tie). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n' && ++lines === 5) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

export function readCsv(bytes: Uint8Array, file: string, lang: Lang, limits: SheetLimits, encoding?: CsvEncoding): Sheet {
  const text = decodeCsv(bytes, lang, encoding);
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    throw new SheetError(say(lang, M.csvSyntax, (e as Error).message));
  }
  const rows: SheetRow[] = [];
  records.forEach((record, i) => {
    if (record.length > limits.columns && record.slice(limits.columns).some((v) => v.trim() !== '')) throw new SheetError(say(lang, M.tooManyColumns, limits.columns));
    const cells: SheetRow['cells'] = [];
    record.forEach((v, c) => {
      if (v.trim() !== '') cells[c + 1] = { kind: 'text', value: v };
    });
    if (cells.length > 0) rows.push({ row: i + 1, cells });
  });
  if (rows.length > limits.rows) throw new SheetError(say(lang, M.tooManyRows, limits.rows));
  return { file, rows, merges: [] };
}
