import type { Lang } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import { SheetError } from './types.js';
import type { Cell, Merge, Sheet, SheetLimits, SheetRow } from './types.js';
import { local, parseXml, unzipParts } from './zip.js';

/**
 * ODS (OpenDocument spreadsheet): every sheet is a <table:table> in content.xml. Cells carry their
 * type and value as attributes (office:value-type, office:value, office:date-value), the text in
 * <text:p>. LibreOffice writes a run of identical rows or cells once with a repeat count (a million
 * empty formatted rows are one element); empty repeats only move the counter, and a repeat of a
 * cell with content is expanded only up to the limits.
 */

function readContent(bytes: Uint8Array, lang: Lang, limits: SheetLimits): Uint8Array {
  const parts = unzipParts(bytes, (n) => n === 'content.xml', limits.partBytes, 'ODS', lang);
  const content = parts['content.xml'];
  if (!content) throw new SheetError(say(lang, M.missingPart, 'content.xml'));
  return content;
}

/** Sheet names only: a pass that looks at nothing but the table elements. */
export function sheetNamesOds(bytes: Uint8Array, lang: Lang, limits: SheetLimits): string[] {
  return tableNames(readContent(bytes, lang, limits), lang);
}

function tableNames(content: Uint8Array, lang: Lang): string[] {
  const names: string[] = [];
  parseXml(content, 'content.xml', {
    open(name, a) {
      if (local(name) === 'table' && name.startsWith('table:')) names.push((a['table:name'] ?? '').normalize('NFC'));
    },
  }, lang);
  return names;
}

export function readOds(bytes: Uint8Array, file: string, want: string | number | undefined, lang: Lang, limits: SheetLimits, pick: (names: string[], want: string | number | undefined) => number): Sheet {
  const content = readContent(bytes, lang, limits);
  const names = tableNames(content, lang);
  const index = pick(names, want);

  const rows: SheetRow[] = [];
  const merges: Merge[] = [];
  let table = -1;
  let inTable = false;
  let depth = 0; // nested tables (a sub-table inside a cell) are not rows of ours
  let rowNumber = 0;
  let rowRepeat = 1;
  let row: SheetRow | undefined;
  let col = 0;
  let cell: { type: string; value?: string; date?: string; bool?: string; repeat: number; text: string; paragraphs: number } | undefined;
  let inP = 0;
  let note = 0; // a cell's comment (office:annotation) holds paragraphs too: not the cell's text

  const finishCell = () => {
    if (!cell || !row) return;
    const c = toCell(cell);
    const repeat = cell.repeat;
    if (c) {
      for (let i = 0; i < repeat; i++) {
        const at = col + 1 + i;
        if (at > limits.columns) throw new SheetError(say(lang, M.tooManyColumns, limits.columns));
        row.cells[at] = c;
      }
    }
    col += repeat;
  };

  parseXml(content, 'content.xml', {
    open(name, a) {
      if (name === 'table:table') {
        depth++;
        if (depth === 1) {
          table++;
          inTable = table === index;
          rowNumber = 0;
        }
        return;
      }
      if (!inTable || depth !== 1) return;
      if (name === 'office:annotation') note++;
      if (note > 0) return;
      switch (name) {
        case 'table:table-row':
          rowRepeat = Math.max(1, Number(a['table:number-rows-repeated'] ?? 1));
          row = { row: rowNumber + 1, cells: [] };
          col = 0;
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell': {
          const type = a['office:value-type'] ?? '';
          cell = {
            type,
            ...(a['office:value'] !== undefined ? { value: a['office:value'] } : {}),
            ...(a['office:date-value'] !== undefined ? { date: a['office:date-value'] } : {}),
            ...(a['office:boolean-value'] !== undefined ? { bool: a['office:boolean-value'] } : {}),
            repeat: Math.max(1, Number(a['table:number-columns-repeated'] ?? 1)),
            text: '',
            paragraphs: 0,
          };
          const cs = Number(a['table:number-columns-spanned'] ?? 1);
          const rs = Number(a['table:number-rows-spanned'] ?? 1);
          if (name === 'table:table-cell' && (cs > 1 || rs > 1)) merges.push({ r1: row!.row, c1: col + 1, r2: row!.row + rs - 1, c2: col + cs });
          break;
        }
        case 'text:p':
        case 'text:h':
          if (cell) {
            if (cell.paragraphs > 0) cell.text += '\n';
            cell.paragraphs++;
            inP++;
          }
          break;
        case 'text:s':
          if (cell && inP) cell.text += ' '.repeat(Math.min(1000, Number(a['text:c'] ?? 1)));
          break;
        case 'text:tab':
          if (cell && inP) cell.text += '\t';
          break;
        case 'text:line-break':
          if (cell && inP) cell.text += '\n';
          break;
      }
    },
    text(t) {
      if (inTable && depth === 1 && cell && inP && note === 0) cell.text += t;
    },
    close(name) {
      if (name === 'table:table') {
        depth--;
        if (depth === 0) inTable = false;
        return;
      }
      if (!inTable || depth !== 1) return;
      if (name === 'office:annotation') {
        note--;
        return;
      }
      if (note > 0) return;
      switch (name) {
        case 'text:p':
        case 'text:h':
          if (inP) inP--;
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          finishCell();
          cell = undefined;
          break;
        case 'table:table-row':
          if (row && row.cells.length > 0) {
            for (let i = 0; i < rowRepeat; i++) {
              rows.push(i === 0 ? row : { row: row.row + i, cells: [...row.cells] });
              if (rows.length > limits.rows) throw new SheetError(say(lang, M.tooManyRows, limits.rows));
            }
          }
          rowNumber += rowRepeat;
          row = undefined;
          break;
      }
    },
  }, lang);
  return { file, name: names[index]!, rows, merges };
}

function toCell(c: { type: string; value?: string; date?: string; bool?: string; text: string }): Cell | undefined {
  switch (c.type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const n = Number(c.value);
      return Number.isFinite(n) ? { kind: 'number', value: n } : undefined;
    }
    case 'date':
      return c.date ? { kind: 'date', value: c.date.slice(0, 10) } : undefined;
    case 'boolean':
      return { kind: 'bool', value: c.bool === 'true' };
    default: {
      const s = c.text.normalize('NFC');
      if (s.trim() === '') return undefined;
      // LibreOffice marks formula errors as text "Err:502" / "#DIV/0!" with a formula attribute; keep them as text.
      return { kind: 'text', value: s };
    }
  }
}
