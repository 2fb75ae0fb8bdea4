import path from 'node:path/posix';
import type { Lang } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import { SheetError, parseRef } from './types.js';
import type { Cell, Merge, Sheet, SheetLimits, SheetRow } from './types.js';
import { local, parseXml, unzipParts } from './zip.js';

/**
 * XLSX (Office Open XML, SpreadsheetML) read from its parts: the workbook names the sheets, the
 * shared-strings table holds the text, the styles say which numbers are dates, and the sheet holds
 * the cells with each formula's cached value (`<v>`), which is all we take: nothing is evaluated,
 * external links are never opened.
 */

/** Built-in number formats that show a date (ECMA-376 §18.8.30, and the East Asian date ids). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code shows a date when, outside quoted text and [colour] sections, it has d or y. */
export function isDateFormat(code: string): boolean {
  // Excel keeps a format code to 255 characters: no longer one reaches the expressions below.
  const bare = code.slice(0, 255).replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').split(';')[0]!;
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare) && !/[#0?]/.test(bare));
}

/** An Excel serial day → YYYY-MM-DD, in the 1900 system (with Lotus's 29 February 1900) or 1904. */
export function serialToDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return undefined;
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Cells and rows that hold nothing (a style only) are dropped before parsing: a sheet formatted
 * down to row 1,048,576 costs one pass over the text, not a million parser events. Only
 * elements with their "r" reference go, so the position of what follows never shifts.
 */
export function dropEmpty(xml: string): string {
  // A scan, in place of /<((?:\w+:)?row)\s[^>]*?\br="\d+"[^>/]*(?:\/>|>(?:\s*<(?:\w+:)?c\s[^>]*\/>)*\s*<\/\1>)/g,
  // which searched to the end of the sheet from every row whose tag never closes (quadratic).
  const rowTag = /<((?:\w+:)?row)\s/g;
  const rRef = /\br="\d+"/g;
  const cellTag = /<(?:\w+:)?c\s/y;
  // The first ">" at or after `from`; `from` only grows, so the sheet is searched once.
  let gtMemo = -1;
  const gtFrom = (from: number): number => {
    if (gtMemo !== -2 && gtMemo < from) gtMemo = xml.indexOf('>', from) < 0 ? -2 : xml.indexOf('>', from);
    return gtMemo === -2 ? -1 : gtMemo;
  };
  let out = '';
  let kept = 0;
  for (let m = rowTag.exec(xml); m; m = rowTag.exec(xml)) {
    const at = m.index;
    const name = m[1]!;
    const gt = gtFrom(at + m[0].length);
    if (gt < 0) break;
    const selfClosing = xml[gt - 1] === '/';
    // Its reference r="…", after which the tag holds no "/" (but the one that closes it).
    const attrs = xml.slice(at + 1 + name.length, selfClosing ? gt - 1 : gt);
    rRef.lastIndex = attrs.lastIndexOf('/') + 1;
    if (!rRef.test(attrs)) continue;
    let end = -1;
    if (selfClosing) end = gt + 1;
    else {
      // Nothing inside but spaces and cells that are empty tags (<c r="B2" s="3"/>).
      let pos = gt + 1;
      for (;;) {
        while (pos < xml.length && /\s/.test(xml[pos]!)) pos++;
        if (xml.startsWith(`</${name}>`, pos)) {
          end = pos + name.length + 3;
          break;
        }
        cellTag.lastIndex = pos;
        if (!cellTag.test(xml)) break;
        const cellEnd = xml.indexOf('>', cellTag.lastIndex);
        if (cellEnd < 0 || xml[cellEnd - 1] !== '/') break;
        pos = cellEnd + 1;
      }
    }
    if (end < 0) continue;
    out += xml.slice(kept, at);
    kept = end;
    rowTag.lastIndex = end;
  }
  return out + xml.slice(kept);
}

export function sheetNamesXlsx(bytes: Uint8Array, lang: Lang, limits: SheetLimits): string[] {
  return readWorkbook(bytes, lang, limits).sheets.map((s) => s.name);
}

interface Workbook {
  sheets: { name: string; target: string }[];
  date1904: boolean;
}

function readWorkbook(bytes: Uint8Array, lang: Lang, limits: SheetLimits): Workbook {
  const parts = unzipParts(bytes, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || n === '[Content_Types].xml', limits.partBytes, 'XLSX', lang);
  const wb = parts['xl/workbook.xml'];
  if (!wb) throw new SheetError(say(lang, M.missingPart, 'xl/workbook.xml'));
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  parseXml(wb, 'xl/workbook.xml', {
    open(name, a) {
      const n = local(name);
      if (n === 'sheet') sheets.push({ name: (a.name ?? '').normalize('NFC'), rid: a['r:id'] ?? Object.entries(a).find(([k]) => local(k) === 'id')?.[1] ?? '' });
      else if (n === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  }, lang);
  const targets = new Map<string, string>();
  const rels = parts['xl/_rels/workbook.xml.rels'];
  if (rels) {
    parseXml(rels, 'xl/_rels/workbook.xml.rels', {
      open(name, a) {
        if (local(name) === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : path.join('xl', a.Target));
      },
    }, lang);
  }
  return { sheets: sheets.map((s, i) => ({ name: s.name, target: targets.get(s.rid) ?? `xl/worksheets/sheet${i + 1}.xml` })), date1904 };
}

/** Read one sheet (by name, by 1-based position, or the first). */
export function readXlsx(bytes: Uint8Array, file: string, want: string | number | undefined, lang: Lang, limits: SheetLimits, pick: (names: string[], want: string | number | undefined) => number): Sheet {
  const wb = readWorkbook(bytes, lang, limits);
  const index = pick(wb.sheets.map((s) => s.name), want);
  const target = wb.sheets[index]!;
  const parts = unzipParts(bytes, (n) => n === target.target || n === 'xl/sharedStrings.xml' || n === 'xl/styles.xml', limits.partBytes, 'XLSX', lang);
  const sheetXml = parts[target.target];
  if (!sheetXml) throw new SheetError(say(lang, M.missingPart, target.target));
  const strings = parts['xl/sharedStrings.xml'] ? readSharedStrings(parts['xl/sharedStrings.xml'], lang) : [];
  const dateStyles = parts['xl/styles.xml'] ? readDateStyles(parts['xl/styles.xml'], lang) : new Set<number>();

  const rows: SheetRow[] = [];
  const merges: Merge[] = [];
  let row: SheetRow | undefined;
  let rowNumber = 0;
  let col = 0;
  let cell: { col: number; t: string; s: number; formula: boolean } | undefined;
  let value = '';
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  let width = 0;

  const finishCell = () => {
    if (!cell || !row) return;
    // A formula saved without its value (written by a program, never opened in Excel): no figure to take.
    const c = cell.formula && value === '' ? ({ kind: 'error', value: '' } as const) : toCell(cell.t, value, dateStyles.has(cell.s), strings, wb.date1904);
    if (c) {
      if (cell.col > limits.columns) throw new SheetError(say(lang, M.tooManyColumns, limits.columns));
      row.cells[cell.col] = c;
      width = Math.max(width, cell.col);
    }
  };

  parseXml(sheetXml, target.target, {
    open(name, a) {
      switch (local(name)) {
        case 'row':
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          col = 0;
          row = { row: rowNumber, cells: [] };
          break;
        case 'c': {
          const ref = a.r ? parseRef(a.r) : undefined;
          col = ref ? ref.col : col + 1;
          cell = { col, t: a.t ?? 'n', s: a.s ? Number(a.s) : 0, formula: false };
          value = '';
          break;
        }
        case 'v':
          inValue = true;
          break;
        case 'f':
          if (cell) cell.formula = true;
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 'mergeCell': {
          const [from, to] = (a.ref ?? '').split(':');
          const p = from ? parseRef(from) : undefined;
          const q = to ? parseRef(to) : p;
          if (p && q) merges.push({ r1: p.row, c1: p.col, r2: q.row, c2: q.col });
          break;
        }
      }
    },
    text(t) {
      if (inValue || (inInline && !inPhonetic)) value += t;
    },
    close(name) {
      switch (local(name)) {
        case 'v':
          inValue = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          finishCell();
          cell = undefined;
          break;
        case 'row':
          if (row && row.cells.length > 0) {
            rows.push(row);
            if (rows.length > limits.rows) throw new SheetError(say(lang, M.tooManyRows, limits.rows));
          }
          row = undefined;
          break;
      }
    },
  }, lang, dropEmpty);
  return { file, name: target.name, rows, merges };
}

function toCell(t: string, raw: string, dateStyle: boolean, strings: string[], date1904: boolean): Cell | undefined {
  switch (t) {
    case 's': {
      const s = strings[Number(raw)];
      return s === undefined || s.trim() === '' ? undefined : { kind: 'text', value: s };
    }
    case 'str':
    case 'inlineStr': {
      const s = raw.normalize('NFC');
      return s.trim() === '' ? undefined : { kind: 'text', value: s };
    }
    case 'b':
      return raw === '' ? undefined : { kind: 'bool', value: raw === '1' || raw === 'true' };
    case 'e':
      return raw === '' ? undefined : { kind: 'error', value: raw };
    case 'd':
      return raw === '' ? undefined : { kind: 'date', value: raw.slice(0, 10) };
    default: {
      if (raw.trim() === '') return undefined;
      const n = Number(raw);
      if (!Number.isFinite(n)) return { kind: 'text', value: raw };
      if (dateStyle) {
        const d = serialToDate(n, date1904);
        if (d) return { kind: 'date', value: d };
      }
      return { kind: 'number', value: n };
    }
  }
}

function readSharedStrings(bytes: Uint8Array, lang: Lang): string[] {
  const out: string[] = [];
  let current: string | undefined;
  let inText = false;
  let inPhonetic = false;
  parseXml(bytes, 'xl/sharedStrings.xml', {
    open(name) {
      const n = local(name);
      if (n === 'si') current = '';
      else if (n === 't') inText = true;
      else if (n === 'rPh') inPhonetic = true;
    },
    text(t) {
      if (inText && !inPhonetic && current !== undefined) current += t;
    },
    close(name) {
      const n = local(name);
      if (n === 't') inText = false;
      else if (n === 'rPh') inPhonetic = false;
      else if (n === 'si') {
        out.push((current ?? '').normalize('NFC'));
        current = undefined;
      }
    },
  }, lang);
  return out;
}

/** The cell style indexes (cellXfs) whose number format shows a date. */
function readDateStyles(bytes: Uint8Array, lang: Lang): Set<number> {
  const custom = new Map<number, string>();
  const dates = new Set<number>();
  let inXfs = false;
  let index = 0;
  parseXml(bytes, 'xl/styles.xml', {
    open(name, a) {
      const n = local(name);
      if (n === 'numFmt' && a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (n === 'cellXfs') {
        inXfs = true;
        index = 0;
      } else if (n === 'xf' && inXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(index);
        index++;
      }
    },
    close(name) {
      if (local(name) === 'cellXfs') inXfs = false;
    },
  }, lang);
  return dates;
}
