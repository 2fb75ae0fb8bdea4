import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { limitOption, limits } from '../limits/index.js';
import { limitsMessages } from '../messages/limits.js';
import { periodLabel, previousPeriod, samePeriodLastYear } from '../format/index.js';
import type { Period } from '../format/index.js';
import { frameMessages as words } from '../messages/frame.js';
import { say } from '../messages/types.js';
import { excerpt, formatPath } from './describe.js';
import { parseSource } from './parse.js';
import { decodeUtf8 } from './read.js';
import type { DataPath, Lang, Problem, SourceDocument } from './types.js';

/**
 * Last period's figures from last period's file (issue #14 §2). A data file that names
 * `previous: ../2020/bao-cao-qp-an.yaml` gets the `previous` of each of its figures (quantities)
 * from the same figure of that file, validated as any input. The file must be of the same kind
 * and for the period compared with: the same period a year before, or the one just before when
 * the data says `compareWith: previous` (a monthly bulletin and last month's file; January's
 * is December's of the year before). A value typed by hand wins; where it differs, a warning
 * names both files and lines.
 */

/** What the pipeline gives back for last period's file: its kind and its validated report. */
export type ValidatePrevious = (source: SourceDocument) =>
  | { ok: true; kind: { id: string }; report: unknown }
  | { ok: false; problems: Problem[] };

export interface PreviousResult {
  /** The data without its `previous` key, with the figures' `previous` filled in. */
  source: SourceDocument;
  problems: Problem[];
  warnings: Problem[];
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Where last period's file comes from besides the data's own `previous:`. */
export interface PreviousOption {
  /** `--previous <file>`: last period's file, relative to the current folder; it replaces the data's `previous:`. */
  file?: string;
  /**
   * The folder last period's file must lie in, symlinks resolved (the desk's folder): data typed in
   * a browser never makes the server read a file beyond the folder it serves.
   */
  within?: string;
}

/** Fill the figures' `previous` from the file the data names in `previous`, if it names one. */
export function applyPrevious(source: SourceDocument, kindId: string, lang: Lang, validate: ValidatePrevious, option: PreviousOption = {}): PreviousResult {
  const data = source.data as Record<string, unknown>;
  const override = option.file;
  const named = override ?? data.previous;
  if (named === undefined && !Object.hasOwn(data, 'previous')) return { source, problems: [], warnings: [] };
  const { previous: _omit, ...rest } = data;
  const stripped: SourceDocument = { ...source, data: rest };
  // A --previous flag has no line in the data: its problems are the file's, at line 0.
  const at = override !== undefined ? { line: 0, column: 0 } : source.locate(['previous']);
  const atPath = override !== undefined ? [] : ['previous'];
  const here = (message: string, code: string, more: Problem[] = []): PreviousResult => ({
    source: stripped,
    problems: [{ file: source.file, ...at, path: atPath, code, severity: 'error', message }, ...more],
    warnings: [],
  });
  if (typeof named !== 'string' || named.trim() === '') return here(say(lang, words.previousNotText), 'type');
  // What the data names is shown cut short: it may be anything a file from outside wrote.
  const label = excerpt(named);
  // A relative path is read from the data file's folder, as a clerk writes it beside the file;
  // the flag's from the current folder, as any path on a command line.
  const file = override !== undefined ? path.resolve(named) : path.resolve(path.dirname(withoutSuffix(source.file)), named);
  if (!EXTENSIONS.has(path.extname(file).toLowerCase())) return here(say(lang, words.previousExtension, label), 'format');
  const shown = path.relative(process.cwd(), file) || file;
  const read = readPreviousFile(file, shown, option.within, lang);
  if ('problem' in read) {
    if (read.problem === 'io') return here(say(lang, override !== undefined ? words.previousFlagUnreadable : words.previousUnreadable, label), 'io');
    if (read.problem === 'outside') return here(say(lang, words.previousOutside, label), 'previous-outside');
    if (read.problem === 'not-file') return here(say(lang, words.previousNotFile, label), 'io');
    return here(say(lang, words.previousInvalid, label), 'previous', [read.problem]);
  }
  const warnings: Problem[] = [];
  if (override !== undefined && typeof data.previous === 'string') {
    const message = say(lang, words.previousReplaced, label, excerpt(data.previous));
    warnings.push({ file: source.file, ...source.locate(['previous']), path: ['previous'], code: 'previous-replaced', severity: 'warning', message });
  }
  const parsed = parseSource(read.text, shown, lang);
  if (!parsed.source) return here(say(lang, words.previousInvalid, label), 'previous', parsed.problems);
  // Its own `previous` is not followed: one year back is all a comparison needs.
  const prevData = { ...(parsed.source.data as Record<string, unknown>) };
  delete prevData.previous;
  const prevSource: SourceDocument = { ...parsed.source, data: prevData };
  const checked = validate(prevSource);
  if (!checked.ok) {
    const errors = checked.problems.filter((p) => p.severity === 'error');
    return here(say(lang, words.previousInvalid, label), 'previous', errors);
  }
  if (checked.kind.id !== kindId) return here(say(lang, words.previousKind, label, checked.kind.id, kindId), 'previous-kind');
  const ours = periodOf(rest);
  const theirs = periodOf(checked.report);
  if (!ours || !theirs) return here(say(lang, words.previousNoPeriod, kindId), 'previous-period');
  const expected = rest.compareWith === 'previous' ? previousPeriod(ours) : samePeriodLastYear(ours);
  if (!samePeriod(expected, theirs)) return here(say(lang, words.previousPeriod, label, periodLabel(theirs), periodLabel(expected)), 'previous-period');
  const filled = fill(rest, checked.report, [], (p, typed, taken) => {
    const at = source.locate([...p, 'previous']);
    const there = prevSource.locate([...p]);
    const message = `"${formatPath(p)}": ${say(lang, words.previousDisagrees, String(typed), `${source.file}:${at.line}`, String(taken), `${shown}:${there.line}`)}`;
    warnings.push({ file: source.file, ...at, path: [...p, 'previous'], code: 'previous-differs', severity: 'warning', message });
  });
  return { source: { ...stripped, data: filled }, problems: [], warnings };
}

type ReadPrevious = { text: string } | { problem: 'io' | 'outside' | 'not-file' | Problem };

/**
 * Last period's file, read under the limits of any input: a regular file (a FIFO or a link to
 * /dev/zero would hang the read), at most --max-input-bytes (checked on the open file, and the
 * read never takes more), valid UTF-8; inside `within` when given.
 */
function readPreviousFile(file: string, shown: string, within: string | undefined, lang: Lang): ReadPrevious {
  let fd: number;
  try {
    if (within !== undefined) {
      const rel = path.relative(realpathSync(within), realpathSync(file));
      if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return { problem: 'outside' };
    }
    // Stat before opening: opening a FIFO waits for a writer; O_NONBLOCK spares a swap in between.
    if (!statSync(file).isFile()) return { problem: 'not-file' };
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { problem: 'io' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: 'not-file' };
    const max = limits().inputBytes;
    const tooBig = (size: number): ReadPrevious => ({
      problem: { file: shown, line: 0, column: 0, path: [], code: 'limit', severity: 'error', message: say(lang, limitsMessages.limitInData, '', say(lang, limitsMessages.limit_inputBytes), size, max, limitOption.inputBytes) },
    });
    if (stat.size > max) return tooBig(stat.size);
    // One byte more than the limit: a file grown since fstat is caught without reading it all.
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > max) return tooBig(length);
    const decoded = decodeUtf8(buffer.subarray(0, length), shown, lang);
    return 'problem' in decoded ? { problem: decoded.problem } : { text: decoded.text };
  } catch {
    return { problem: 'io' };
  } finally {
    closeSync(fd);
  }
}

/** The data's reporting period: its `period` object, or its `year` as a whole year. */
function periodOf(data: unknown): Period | undefined {
  const d = data as Record<string, unknown> | null;
  if (!d || typeof d !== 'object') return undefined;
  const p = d.period as Record<string, unknown> | undefined;
  if (p && typeof p === 'object' && typeof p.kind === 'string' && typeof p.year === 'number') {
    try {
      periodLabel(p as unknown as Period); // refuses a month 0 or 13 before any comparison
      return p as unknown as Period;
    } catch {
      return undefined;
    }
  }
  if (typeof d.year === 'number') return { kind: 'year', year: d.year };
  return undefined;
}

function samePeriod(a: Period, b: Period): boolean {
  const key = (p: Period): string => JSON.stringify([p.kind, p.year, (p as { month?: number }).month, (p as { quarter?: number }).quarter, (p as { half?: number }).half]);
  return key(a) === key(b);
}

/** A validated figure: { value, unit, previous? } (src/model/common.ts quantity). */
function isFigure(v: unknown): v is { value: number; unit: string } {
  return !!v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'number' && typeof (v as { unit?: unknown }).unit === 'string';
}

type Disagree = (path: DataPath, typed: unknown, taken: number) => void;

/**
 * The raw data with each figure's `previous` set from the same figure of last period's validated
 * report: a bare number becomes { value, previous }; a typed `previous` is kept (and reported
 * when it differs). Lists are matched item by item, and only where an item's `name` agrees.
 */
function fill(raw: unknown, prev: unknown, at: DataPath, disagree: Disagree): unknown {
  if (isFigure(prev)) {
    if (typeof raw === 'number') return { value: raw, previous: prev.value };
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const r = raw as Record<string, unknown>;
      if (r.previous === undefined) return { ...r, previous: prev.value };
      if (r.previous !== prev.value) disagree(at, r.previous, prev.value);
    }
    return raw;
  }
  if (Array.isArray(raw) && Array.isArray(prev)) {
    return raw.map((item, i) => {
      const other: unknown = prev[i];
      const name = (x: unknown): unknown => (x && typeof x === 'object' ? (x as Record<string, unknown>).name : undefined);
      if (other === undefined || name(item) !== name(other)) return item;
      return fill(item, other, [...at, i], disagree);
    });
  }
  if (raw && typeof raw === 'object' && prev && typeof prev === 'object' && !Array.isArray(raw)) {
    const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const [k, v] of Object.entries(prev as Record<string, unknown>)) {
      if (k === 'frame' || !Object.hasOwn(out, k)) continue;
      out[k] = fill(out[k], v, [...at, k], disagree);
    }
    return out;
  }
  return raw;
}

/** A display name "file.yaml (sheet …)" → "file.yaml"; a scan, not / \(.*\)$/, which backtracks. */
function withoutSuffix(file: string): string {
  if (!file.endsWith(')')) return file;
  const open = file.indexOf(' (');
  return open < 0 ? file : file.slice(0, open);
}
