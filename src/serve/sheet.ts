import type { Lang } from '../load/index.js';
import { serveMessages } from '../messages/serve.js';
import { say } from '../messages/types.js';
import { findKind } from '../model/index.js';
import type { FieldSpec, FieldType } from '../model/index.js';
import { SheetError, legacyCells, readSheetBytes, sheetToRecords } from '../sheets/index.js';
import type { SheetLegacy } from '../sheets/index.js';
import type { SheetAnswer } from './protocol.js';

/**
 * A clerk's spreadsheet (XLSX, ODS, CSV) uploaded on a list's grid: read by the same code as
 * `communes: { from: … }` in a data file and `init --list`, so the columns map by the same titles,
 * each bad cell is named the same way, and text in TCVN3/VNI is treated as the data file's own
 * (converted when the file declares `legacyEncoding`, refused at its cell otherwise).
 */

const norm = (s: FieldSpec | FieldType): FieldSpec => (typeof s === 'string' ? { type: s } : s);

export function sheetForList(bytes: Uint8Array, q: URLSearchParams, lang: Lang): SheetAnswer {
  const name = (q.get('name') ?? '').split(/[\\/]/).pop() || 'bang-tinh.xlsx';
  const fail = (message: string): SheetAnswer => ({ ok: false, records: [], problems: [{ place: name, message, severity: 'error' }] });
  const kind = findKind(q.get('kind') ?? '');
  if (!kind) return fail(say(lang, serveMessages.unknownKind, q.get('kind') ?? ''));
  // The list's declaration, through the objects on its path ("communes", "plan.tasks").
  let fields: Record<string, FieldSpec | FieldType> | undefined = kind.fields;
  let spec: FieldSpec | undefined;
  for (const key of (q.get('field') ?? '').split('.')) {
    spec = fields?.[key] === undefined ? undefined : norm(fields[key]!);
    fields = spec?.fields;
  }
  const items = spec?.type === 'list' && spec.items !== undefined ? norm(spec.items) : undefined;
  if (!items || items.type !== 'object' || !items.fields) return fail(say(lang, serveMessages.sheetNotRecords, q.get('field') ?? ''));
  const sheetParam = q.get('sheet');
  const headerRow = Number(q.get('header-row') ?? '');
  const legacy = q.get('legacy');
  try {
    const sheet = readSheetBytes(bytes, name, { lang, ...(sheetParam ? { sheet: /^\d+$/.test(sheetParam) ? Number(sheetParam) : sheetParam } : {}) });
    const table = sheetToRecords(sheet, items.fields, { lang, ...(Number.isInteger(headerRow) && headerRow >= 1 ? { headerRow } : {}) });
    const checked = legacyCells(table, legacy === 'tcvn3' || legacy === 'vni' || legacy === 'unicode' ? (legacy as SheetLegacy) : undefined, lang);
    const problems = [...table.problems, ...checked.problems].map((p) => ({ place: p.place, message: p.message, severity: p.severity }));
    const ok = !problems.some((p) => p.severity === 'error');
    return { ok, records: ok ? checked.records : [], problems };
  } catch (e) {
    if (e instanceof SheetError) return fail(e.message);
    throw e;
  }
}
