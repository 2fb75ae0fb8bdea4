import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Lang, Problem } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import type { FieldSpec, KindDefinition } from '../model/index.js';
import { readSheet } from './read.js';
import { sheetToRecords } from './table.js';
import { SheetError } from './types.js';

/**
 * `baocao init <kind> file.yaml --list communes=so-lieu-xa.xlsx`: the starting file's list is
 * written as `{ from: so-lieu-xa.xlsx }` instead of sample rows, once the sheet is read and its
 * columns match the list's fields, so the clerk starts from the figures already kept in Excel.
 */
export interface SheetList {
  field: string;
  sheetFile: string;
  sheet?: string | number;
  headerRow?: number;
}

export function starterWithSheet(starterYaml: string, kind: KindDefinition, dataFile: string, list: SheetList, lang: Lang): { yaml: string; records: number } | { problems: Problem[] } {
  const raw = kind.fields?.[list.field];
  const spec: FieldSpec | undefined = typeof raw === 'string' ? { type: raw } : raw;
  const items = spec?.items === undefined ? undefined : typeof spec.items === 'string' ? { type: spec.items } : spec.items;
  const fail = (file: string, message: string): { problems: Problem[] } => ({ problems: [{ file, line: 0, column: 0, path: [list.field], code: 'sheet-spec', severity: 'error', message }] });
  if (!spec || spec.type !== 'list' || items?.type !== 'object' || !items.fields) return fail(dataFile, say(lang, M.specNotRecords, list.field));
  let table;
  try {
    const sheet = readSheet(list.sheetFile, { lang, ...(list.sheet !== undefined ? { sheet: list.sheet } : {}) });
    table = sheetToRecords(sheet, items.fields, { lang, ...(list.headerRow !== undefined ? { headerRow: list.headerRow } : {}) });
  } catch (e) {
    if (e instanceof SheetError) return fail(list.sheetFile, e.message);
    throw e;
  }
  const errors = table.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { problems: errors.map((p) => ({ file: p.place, line: 0, column: 0, path: [list.field], code: p.code, severity: p.severity, message: p.message })) };
  const doc = parseDocument(starterYaml);
  const from: Record<string, unknown> = { from: path.relative(path.dirname(path.resolve(dataFile)), path.resolve(list.sheetFile)).split(path.sep).join('/') };
  if (list.sheet !== undefined) from.sheet = list.sheet;
  if (list.headerRow !== undefined) from['header-row'] = list.headerRow;
  const node = doc.createNode(from);
  node.flow = true;
  doc.set(list.field, node);
  return { yaml: doc.toString({ lineWidth: 0 }), records: table.records.length };
}
