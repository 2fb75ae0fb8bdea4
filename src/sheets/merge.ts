import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { runBatch } from '../batch/index.js';
import type { JobOptions, JobResult, JobSource } from '../batch/index.js';
import { decodeUtf8, formatProblem, parseSource } from '../load/index.js';
import type { Lang, Problem, SourceDocument } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import { findKind } from '../model/index.js';
import type { FieldSpec, FieldType, KindDefinition } from '../model/index.js';
import { asciiSafe, outputStem, validateSource } from '../pipeline/index.js';
import { readSheet } from './read.js';
import { sheetToRecords } from './table.js';
import { SheetError } from './types.js';

/**
 * Mail merge: one shared data file (the frame and everything common) and one row of a sheet per
 * document. A row's columns fill the kind's own fields (by name or declared title) and a few
 * frame fields ("Số văn bản", "Ngày ban hành", "Kính gửi" …); each row is validated and rendered
 * on its own, named without collision, and reported on its own line.
 */

/** Frame fields a row may set, with the titles a clerk would give their columns. */
const FRAME_COLUMNS: Record<string, FieldSpec> = {
  'frame.number': { type: 'integer', optional: true, column: ['Số', 'Số văn bản'] },
  'frame.date': { type: 'date', optional: true, column: ['Ngày', 'Ngày ban hành'] },
  'frame.summary': { type: 'text', optional: true, column: ['Trích yếu'] },
  'frame.issuingAgency': { type: 'text', optional: true, column: ['Cơ quan ban hành'] },
  'frame.parentAgency': { type: 'text', optional: true, column: ['Cơ quan chủ quản'] },
  'frame.place': { type: 'text', optional: true, column: ['Địa danh'] },
  'frame.addressees': { type: 'text', optional: true, column: ['Kính gửi'] },
  'frame.signer.name': { type: 'text', optional: true, column: ['Người ký'] },
};

const norm = (s: FieldSpec | FieldType): FieldSpec => (typeof s === 'string' ? { type: s } : s);

/** The columns a row may have: the kind's top-level fields that fit in a cell, and the frame's. */
export function rowFields(kind: KindDefinition): Record<string, FieldSpec> {
  const out: Record<string, FieldSpec> = {};
  for (const [name, raw] of Object.entries(kind.fields ?? {})) {
    const spec = norm(raw);
    if (spec.type !== 'object' && spec.type !== 'list') out[name] = { ...spec, optional: true };
  }
  return { ...out, ...FRAME_COLUMNS };
}

function setDotted(data: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = dotted.split('.') as [string, ...string[]];
  const copy = { ...data };
  copy[head] = rest.length === 0 ? value : setDotted((copy[head] as Record<string, unknown>) ?? {}, rest.join('.'), value);
  return copy;
}

/**
 * Every option of a render applies to each row's document (profile, name, legacy text, PDF/A,
 * e-mail draft, creation date, the electronic layout and separate appendices …): each row is one
 * job of the batch, rendered in a worker within the limits of one document.
 */
export interface MergeOptions extends JobOptions {
  /** The shared data file; the kind's sample when absent (then `kind` is needed). */
  base?: string;
  kind?: string;
  rows: string;
  sheet?: string | number;
  headerRow?: number;
  /** Worker threads (--jobs); the number of cores by default. */
  threads?: number;
  /** Aborting stops the rendering (Ctrl-C). */
  signal?: AbortSignal;
  /** Called with each row's result as soon as it is known. */
  onResult?: (r: JobResult) => void;
  /** A notice for the clerk (the sample used as the frame …). */
  onNotice?: (message: string) => void;
}

/** One loaded row: its place, the label it is named by, and the validated report or its problems. */
interface Row {
  input: string;
  label: string;
  result: ReturnType<typeof validateSource>;
  data: Record<string, unknown>;
}

/** Render one document per row; never throws for bad data (each row's result says what happened). */
export async function renderRows(options: MergeOptions): Promise<JobResult[]> {
  const { lang } = options;
  const base = await loadBase(options);
  if ('problems' in base) return [failed(options.base ?? options.rows, base.problems, 'invalid')];
  const { source, kind } = base;
  let table;
  try {
    const sheet = readSheet(options.rows, { lang, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    table = sheetToRecords(sheet, rowFields(kind), { lang, ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}) });
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    return [failed(options.rows, [{ file: options.rows, line: 0, column: 0, path: [], code: 'sheet-read', severity: 'error', message: e.message }], 'io')];
  }
  const tableErrors = table.problems.filter((p) => p.severity === 'error' && p.path === undefined);
  if (tableErrors.length > 0) return [failed(options.rows, tableErrors.map((p) => toProblem(p.place, p.message, p.code, p.severity)), 'invalid')];
  if (table.records.length === 0) return [failed(options.rows, [toProblem(options.rows, say(lang, M.mergeNoRows, options.rows), 'sheet-empty', 'error')], 'invalid')];
  // A warning about the sheet, not one row (a totals row that disagrees): said once, at its cell.
  for (const p of table.problems) if (p.severity === 'warning' && p.path === undefined) options.onNotice?.(formatProblem(toProblem(p.place, p.message, p.code, p.severity), lang));

  const rows: Row[] = table.records.map((record, i) => {
    let data = source.data as Record<string, unknown>;
    for (const [dotted, value] of Object.entries(record)) data = setDotted(data, dotted, dotted === 'frame.addressees' ? [value] : value);
    const input = table.place([i])!;
    const cellErrors = table.problems.filter((p) => p.path?.[0] === i).map((p) => toProblem(p.place, p.message, p.code, p.severity));
    const rowSource: SourceDocument = { ...source, file: `${source.file} + ${input}`, data };
    const validated = cellErrors.length > 0 ? { ok: false as const, problems: cellErrors } : validateSource(rowSource, lang, options.legacy);
    // A problem about a value the row gave is reported at its cell, not at the shared file's line.
    const atCell = (pr: Problem): Problem => {
      const key = Object.keys(record).find((k) => k.split('.').every((seg, j) => pr.path[j] === seg));
      const place = key === undefined ? undefined : table.place([i, key]);
      return place === undefined ? pr : { ...pr, file: place, line: 0, column: 0 };
    };
    const result = validated.ok ? { ...validated, warnings: validated.warnings.map(atCell) } : { ok: false as const, problems: validated.problems.map(atCell) };
    const label = Object.entries(record).find(([k, v]) => typeof v === 'string' && !k.startsWith('frame.') && rowFields(kind)[k]?.type === 'text')?.[1] as string | undefined;
    return { input, label: label ?? say(lang, M.mergeRow, String(table.rows[i])), result, data };
  });

  const stems = nameRows(rows, kind, table.rows, options.name);
  const results = new Map<string, JobResult>();
  const byInput = new Map(rows.map((row) => [row.input, row]));
  const report = (r: JobResult) => {
    // A row's warnings as found here: those about its values are at its cells.
    const row = byInput.get(r.input);
    const done = row?.result.ok && r.status !== 'invalid' ? { ...r, warnings: row.result.warnings } : r;
    results.set(done.input, done);
    options.onResult?.(done);
  };
  for (const row of rows) if (!row.result.ok) report(failed(row.input, row.result.problems, 'invalid'));
  // The good rows are one batch: each row's data (the shared file with its values in) rendered as
  // if it were the shared file, so its images and sheets are found beside it, under its own name.
  const sources = new Map<string, JobSource>();
  rows.forEach((row, i) => {
    if (row.result.ok) sources.set(row.input, { file: source.file, bytes: Buffer.from(stringify(row.data), 'utf8'), name: `${stems[i]}.yaml`, stem: stems[i]! });
  });
  const { onResult: _r, onNotice: _n, base: _b, kind: _k, rows: _rows, sheet: _s, headerRow: _h, threads, signal, ...job } = options;
  if (sources.size > 0) {
    await runBatch([...sources.keys()], job, { ...(threads ? { threads } : {}), ...(signal ? { signal } : {}), sources: (input) => sources.get(input), onResult: report });
  }
  return rows.map((row) => results.get(row.input)!);
}

function toProblem(file: string, message: string, code: string, severity: 'error' | 'warning'): Problem {
  return { file, line: 0, column: 0, path: [], code, severity, message };
}

function failed(input: string, problems: Problem[], status: JobResult['status']): JobResult {
  return { input, status, outputs: [], problems, warnings: [], ms: 0 };
}

async function loadBase(options: MergeOptions): Promise<{ source: SourceDocument; kind: KindDefinition } | { problems: Problem[] }> {
  const { lang } = options;
  let file = options.base;
  if (!file) {
    const kind = options.kind ? findKind(options.kind) : undefined;
    if (!kind) return { problems: [toProblem(options.rows, say(lang, M.mergeNeedKind), 'usage', 'error')] };
    file = kind.sample;
    options.onNotice?.(say(lang, M.mergeFromSample, path.relative(process.cwd(), file)));
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { problems: [toProblem(file, say(lang, M.cannotRead, file), 'io', 'error')] };
  }
  const decoded = decodeUtf8(bytes, file, lang);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const parsed = parseSource(decoded.text, file, lang);
  if (!parsed.source) return { problems: parsed.problems };
  const found = (parsed.source.data as Record<string, unknown>).kind;
  const kind = typeof found === 'string' ? findKind(found) : undefined;
  if (!kind) return validateSource(parsed.source, lang) as { ok: false; problems: Problem[] };
  if (options.kind && options.kind !== kind.id) return { problems: [toProblem(file, say(lang, M.mergeKindMismatch, file, kind.id, options.kind), 'usage', 'error')] };
  return { source: parsed.source, kind };
}

/**
 * Output names: each row's own stem (date, number, kind's file stem); rows that would share one get
 * their label ("Xa-Dong-Ha"), and rows still sharing one their row number.
 */
function nameRows(rows: Row[], kind: KindDefinition, sheetRows: number[], name?: string): string[] {
  // --name names every row's file: the rows then differ by their labels, or their row numbers.
  const stems = rows.map((r) => (r.result.ok ? name ?? outputStem(kind, r.result.report) : ''));
  const count = (list: string[]) => list.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<string, number>());
  const first = count(stems);
  const labelled = stems.map((s, i) => (first.get(s)! > 1 ? `${s}_${asciiSafe(rows[i]!.label)}` : s));
  const second = count(labelled);
  return labelled.map((s, i) => (second.get(s)! > 1 ? `${stems[i]}_dong-${sheetRows[i]}` : s));
}
