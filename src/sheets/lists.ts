import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { decodeUtf8, parseSource, validate } from '../load/index.js';
import type { DataPath, Lang, Position, Problem, SourceDocument, ValidateResult } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import { findKind } from '../model/index.js';
import type { FieldSpec, FieldType, KindDefinition } from '../model/index.js';
import type { CsvEncoding } from './csv.js';
import { declaredLegacy, legacyCells } from './legacy.js';
import type { SheetLegacy } from './legacy.js';
import { readSheet } from './read.js';
import { sheetToRecords } from './table.js';
import { foldTitle } from './title.js';
import { SheetError } from './types.js';

/**
 * The one hook into loading: before a data file is validated, every list field written as
 * `{ from: so-lieu-xa.xlsx, sheet: "Tổng hợp", header-row: 3 }` or `{ from-reports: xa/*.yaml,
 * kind: qp-an-xa }` becomes the list of records it stands for. Validation then runs on the
 * records as if they had been typed in the file, and each problem about them is moved to where the
 * value came from: a sheet's cell, or the line of a unit's own report.
 */

const norm = (s: FieldSpec | FieldType): FieldSpec => (typeof s === 'string' ? { type: s } : s);
const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Where a value of the resolved data came from. */
type Origin = { file: string } & Position;

interface Resolution {
  data: unknown;
  /** Each resolved list: where a value under it came from (a path inside the list → origin). */
  places: { path: DataPath; locate(rel: DataPath): Origin | undefined }[];
  problems: Problem[];
  /** Paths whose values could not be read: validation problems under them are not repeated. */
  failed: DataPath[];
}

interface Context {
  source: SourceDocument;
  lang: Lang;
  /** Files being resolved, outermost first: a report that rolls up itself is a loop. */
  chain: string[];
  /** How sheet text in TCVN3/VNI is treated: as the data file's own text (--legacy, legacyEncoding). */
  legacy?: SheetLegacy;
}

const MAX_DEPTH = 4;

const SHEET_KEYS = ['from', 'sheet', 'header-row', 'encoding'];
const REPORT_KEYS = ['from-reports', 'kind', 'units', 'sort'];

/** The lists of `fields` (at any depth of objects) written as a `from`/`from-reports` mapping. */
function findLists(data: unknown, fields: Record<string, FieldSpec | FieldType>, prefix: DataPath = []): { path: DataPath; spec: FieldSpec; value: Record<string, unknown> }[] {
  if (!isPlain(data)) return [];
  const out: { path: DataPath; spec: FieldSpec; value: Record<string, unknown> }[] = [];
  for (const [name, raw] of Object.entries(fields)) {
    const spec = norm(raw);
    const value = data[name];
    if (spec.type === 'list' && isPlain(value) && ('from' in value || 'from-reports' in value)) out.push({ path: [...prefix, name], spec, value });
    else if (spec.type === 'object' && spec.fields) out.push(...findLists(value, spec.fields, [...prefix, name]));
  }
  return out;
}

function setAt(data: unknown, p: DataPath, value: unknown): unknown {
  if (p.length === 0) return value;
  const copy = { ...(data as Record<string, unknown>) };
  copy[p[0] as string] = setAt(copy[p[0] as string], p.slice(1), value);
  return copy;
}

function resolve(kind: KindDefinition, ctx: Context): Resolution | undefined {
  const lists = kind.fields ? findLists(ctx.source.data, kind.fields) : [];
  if (lists.length === 0) return undefined;
  const r: Resolution = { data: ctx.source.data, places: [], problems: [], failed: [] };
  for (const list of lists) {
    const records = 'from-reports' in list.value ? rollUp(list.path, list.spec, list.value, ctx, r) : fromSheet(list.path, list.spec, list.value, ctx, r);
    r.data = setAt(r.data, list.path, records ?? []);
  }
  return r;
}

/** A problem about the `from` mapping itself, at its line in the data file. */
function specProblem(ctx: Context, p: DataPath, message: string, code = 'sheet-spec', severity: 'error' | 'warning' = 'error'): Problem {
  return { file: ctx.source.file, ...ctx.source.locate(p), path: p, code, severity, message };
}

function checkKeys(value: Record<string, unknown>, known: string[], p: DataPath, ctx: Context, r: Resolution): boolean {
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      r.problems.push(specProblem(ctx, [...p, key], say(ctx.lang, M.specBad, say(ctx.lang, M.specUnknownKey, key, known.join(', ')))));
      ok = false;
    }
  }
  return ok;
}

function fromSheet(p: DataPath, spec: FieldSpec, value: Record<string, unknown>, ctx: Context, r: Resolution): unknown[] | undefined {
  const { lang } = ctx;
  const bad = (key: string, detail: string) => {
    r.problems.push(specProblem(ctx, [...p, key], say(lang, M.specBad, detail)));
    r.failed.push(p);
  };
  if (!checkKeys(value, SHEET_KEYS, p, ctx, r)) return r.failed.push(p), undefined;
  const item = spec.items ? norm(spec.items) : undefined;
  if (!item || item.type !== 'object' || !item.fields) return bad('from', say(lang, M.specNotRecords, p.join('.'))), undefined;
  const from = value.from;
  const sheet = value.sheet;
  const headerRow = value['header-row'];
  const encoding = value.encoding;
  if (typeof from !== 'string' || from.trim() === '') return bad('from', say(lang, M.specFrom)), undefined;
  if (sheet !== undefined && typeof sheet !== 'string' && !(typeof sheet === 'number' && Number.isInteger(sheet) && sheet >= 1)) return bad('sheet', say(lang, M.specSheet)), undefined;
  if (headerRow !== undefined && !(typeof headerRow === 'number' && Number.isInteger(headerRow) && headerRow >= 1)) return bad('header-row', say(lang, M.specHeaderRow)), undefined;
  if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'windows-1258') return bad('encoding', say(lang, M.specEncoding)), undefined;

  const display = path.join(path.dirname(ctx.source.file), from);
  let table;
  try {
    const read = readSheet(display, { lang, display, ...(sheet !== undefined ? { sheet: sheet as string | number } : {}), ...(encoding ? { encoding: encoding as CsvEncoding } : {}) });
    table = sheetToRecords(read, item.fields, { lang, ...(headerRow !== undefined ? { headerRow: headerRow as number } : {}) });
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    r.problems.push({ file: display, line: 0, column: 0, path: p, code: 'sheet-read', severity: 'error', message: e.message });
    r.failed.push(p);
    return undefined;
  }
  const legacy = legacyCells(table, ctx.legacy ?? declaredLegacy(ctx.source.data), ctx.lang);
  for (const sp of [...table.problems, ...legacy.problems]) {
    const rel = sp.path ?? [];
    r.problems.push({ file: sp.place, line: 0, column: 0, path: [...p, ...rel], code: sp.code, severity: sp.severity, message: sp.message });
    if (sp.severity === 'error') r.failed.push([...p, ...rel]);
  }
  const t = table;
  r.places.push({ path: p, locate: (rel) => {
    const place = t.place(rel);
    return place === undefined ? undefined : { file: place, line: 0, column: 0 };
  } });
  return legacy.records;
}

/** A unit's name folded, without "xã", "phường", "thị trấn" in front: "Xã Đông Hà" and "Đông Hà" meet. */
function unitKey(name: string): string {
  return foldTitle(name).replace(/^(xa|phuong|thi tran|thi xa|huyen|quan|thanh pho)\s+/, '');
}

function valueAt(data: unknown, dotted: string): unknown {
  let cur = data;
  for (const seg of dotted.split('.')) {
    if (!isPlain(cur)) return undefined;
    cur = cur[seg];
  }
  // A figure written { value, previous } counts by its value in a table.
  if (isPlain(cur) && typeof cur.value === 'number') return cur.value;
  return cur;
}

function rollUp(p: DataPath, spec: FieldSpec, value: Record<string, unknown>, ctx: Context, r: Resolution): unknown[] | undefined {
  const { lang } = ctx;
  const bad = (key: string, detail: string) => {
    r.problems.push(specProblem(ctx, [...p, key], say(lang, M.specBad, detail)));
    r.failed.push(p);
    return undefined;
  };
  if (!checkKeys(value, REPORT_KEYS, p, ctx, r)) return r.failed.push(p), undefined;
  const item = spec.items ? norm(spec.items) : undefined;
  if (!item || item.type !== 'object' || !item.fields) return bad('from-reports', say(lang, M.specNotRecords, p.join('.')));
  const pattern = value['from-reports'];
  const kindId = value.kind;
  const units = value.units;
  const sort = value.sort;
  if (typeof pattern !== 'string' || pattern.trim() === '') return bad('from-reports', say(lang, M.specPattern));
  if (kindId !== undefined && (typeof kindId !== 'string' || !findKind(kindId))) return bad('kind', say(lang, M.specKind, String(kindId)));
  if (units !== undefined && !(Array.isArray(units) && units.every((u) => typeof u === 'string'))) return bad('units', say(lang, M.specUnits));
  if (sort !== undefined && typeof sort !== 'string') return bad('sort', say(lang, M.specSort));
  if (ctx.chain.length >= MAX_DEPTH) return bad('from-reports', say(lang, M.rollupTooDeep));

  const dir = path.dirname(ctx.source.file);
  const self = path.resolve(ctx.source.file);
  const files = globSync(pattern, { cwd: dir, onlyFiles: true })
    .map((f) => path.join(dir, f))
    .filter((f) => /\.(ya?ml|json)$/i.test(f) && !f.endsWith('.schema.json') && path.resolve(f) !== self)
    .sort();
  if (files.length === 0) return bad('from-reports', say(lang, M.rollupNoFiles, pattern));
  if (files.some((f) => ctx.chain.includes(path.resolve(f)))) return bad('from-reports', say(lang, M.rollupTooDeep));

  const fields = Object.entries(item.fields).map(([name, s]) => ({ name, spec: norm(s) }));
  // The unit's name is the record's first text field ("name").
  const nameField = fields.find((f) => f.spec.type === 'text')?.name;
  const got: { record: Record<string, unknown>; file: string; unit: string; origins: Map<string, Origin> }[] = [];
  let failed = false;
  for (const file of files) {
    const unit = loadUnit(file, kindId as string | undefined, ctx);
    r.problems.push(...unit.problems);
    if (!unit.report || !unit.source) {
      failed = true;
      continue;
    }
    const record: Record<string, unknown> = {};
    const origins = new Map<string, Origin>();
    for (const f of fields) {
      const from = f.spec.report ?? f.name;
      const v = valueAt(unit.report, from);
      const pos = unit.source.locate(from.split('.'));
      origins.set(f.name, { file, ...pos });
      if (v === undefined) {
        if (!f.spec.optional && f.spec.default === undefined) {
          r.problems.push({ file, line: 0, column: 0, path: [...p], code: 'rollup-field', severity: 'error', message: say(lang, M.rollupNoValue, f.name, from) });
          failed = true;
        }
        continue;
      }
      record[f.name] = v;
    }
    got.push({ record, file, unit: nameField && typeof record[nameField] === 'string' ? (record[nameField] as string) : path.basename(file), origins });
  }
  if (failed) r.failed.push(p);

  // Expected units: a missing one is an error naming it, an extra one a warning.
  const seen = new Map<string, string>();
  for (const g of got) {
    const key = unitKey(g.unit);
    const first = seen.get(key);
    if (first) r.problems.push(specProblem(ctx, [...p, 'from-reports'], say(lang, M.rollupDuplicate, g.unit, `${first}, ${g.file}`)));
    else seen.set(key, g.file);
  }
  let ordered = got;
  if (Array.isArray(units)) {
    const order = new Map((units as string[]).map((u, i) => [unitKey(u), i]));
    (units as string[]).forEach((u, i) => {
      // A unit whose report failed is already an error at its own file: not "missing" too.
      if (!failed && !seen.has(unitKey(u))) r.problems.push(specProblem(ctx, [...p, 'units', i], say(lang, M.rollupUnitMissing, u, pattern)));
    });
    for (const g of got) if (!order.has(unitKey(g.unit))) r.problems.push(specProblem(ctx, [...p, 'units'], say(lang, M.rollupUnitExtra, g.unit, g.file), 'rollup-extra', 'warning'));
    ordered = [...got].sort((a, b) => (order.get(unitKey(a.unit)) ?? Infinity) - (order.get(unitKey(b.unit)) ?? Infinity));
  }
  if (typeof sort === 'string') {
    const desc = sort.startsWith('-');
    const key = desc ? sort.slice(1) : sort;
    if (!fields.some((f) => f.name === key)) return bad('sort', say(lang, M.rollupSort, key));
    const collator = new Intl.Collator('vi');
    ordered = [...ordered].sort((a, b) => {
      const x = a.record[key];
      const y = b.record[key];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x ?? ''), String(y ?? ''));
      return desc ? -c : c;
    });
  }
  r.places.push({ path: p, locate: (rel) => {
    const g = typeof rel[0] === 'number' ? ordered[rel[0]] : undefined;
    if (!g) return undefined;
    return (typeof rel[1] === 'string' ? g.origins.get(rel[1]) : undefined) ?? { file: g.file, line: 0, column: 0 };
  } });
  return ordered.map((g) => g.record);
}

/** A unit's own report: read, parsed and validated with its own kind, problems at its own lines. */
function loadUnit(file: string, kindId: string | undefined, ctx: Context): { report?: unknown; source?: SourceDocument; problems: Problem[] } {
  const { lang } = ctx;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { problems: [{ file, line: 0, column: 0, path: [], code: 'io', severity: 'error', message: say(lang, M.cannotRead, file) }] };
  }
  const decoded = decodeUtf8(bytes, file, lang);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const parsed = parseSource(decoded.text, file, lang);
  if (!parsed.source) return { problems: parsed.problems };
  const found = (parsed.source.data as Record<string, unknown> | null)?.kind;
  const kind = typeof found === 'string' ? findKind(found) : undefined;
  if (!kind || (kindId !== undefined && found !== kindId)) {
    const message = say(lang, M.rollupWrongKind, path.basename(file), String(found ?? '—'), kindId ?? '—');
    return { problems: [{ file, ...parsed.source.locate(['kind']), path: ['kind'], code: 'rollup-kind', severity: 'error', message }] };
  }
  const { source, result } = resolveAndValidate(parsed.source, kind, lang, [...ctx.chain, path.resolve(file)], ctx.legacy);
  if (!result.ok) return { problems: result.problems };
  return { report: result.value, source, problems: [...parsed.problems, ...result.warnings] };
}

const isPrefix = (a: DataPath, b: DataPath) => a.length <= b.length && a.every((s, i) => s === b[i]);

/** A validation problem about a resolved value, moved to where the value came from. */
function relocate(p: Problem, places: Resolution['places']): Problem {
  for (const list of places) {
    if (!isPrefix(list.path, p.path)) continue;
    const origin = list.locate(p.path.slice(list.path.length));
    if (origin) return { ...p, ...origin };
  }
  return p;
}

function resolveAndValidate(source: SourceDocument, kind: KindDefinition, lang: Lang, chain: string[], legacy?: SheetLegacy): { source: SourceDocument; result: ValidateResult<unknown> } {
  const resolution = resolve(kind, { source, lang, chain, ...(legacy ? { legacy } : {}) });
  if (!resolution) return { source, result: validate(source, kind.schema, lang) };
  const resolved: SourceDocument = { ...source, data: resolution.data };
  const result = validate(resolved, kind.schema, lang);
  const errors = resolution.problems.filter((p) => p.severity === 'error');
  const warnings = resolution.problems.filter((p) => p.severity === 'warning');
  if (!result.ok || errors.length > 0) {
    const others = result.ok ? [] : result.problems.filter((p) => !resolution.failed.some((f) => isPrefix(f, p.path))).map((p) => relocate(p, resolution.places));
    return { source: resolved, result: { ok: false, problems: [...errors, ...others] } };
  }
  return { source: resolved, result: { ok: true, value: result.value, warnings: [...warnings, ...result.warnings.map((p) => relocate(p, resolution.places))] } };
}

/**
 * Validate a parsed data file against its kind, with its `from` / `from-reports` lists filled in
 * first. Returns the data as validated (the lists as records) beside the result; a file without
 * such lists is validated exactly as before.
 */
export function validateWithLists(source: SourceDocument, kind: KindDefinition, lang: Lang = 'vi', legacy?: SheetLegacy): { source: SourceDocument; result: ValidateResult<unknown> } {
  return resolveAndValidate(source, kind, lang, [path.resolve(source.file)], legacy);
}
