import { emlForOutputs } from '../archive/eml.js';
import { parseCreationDate } from '../batch/job.js';
import { DataError } from '../load/index.js';
import type { Lang, Problem } from '../load/index.js';
import { formatPath } from '../load/describe.js';
import { notJson } from '../limits/json.js';
import { limits } from '../limits/index.js';
import { apiMessages } from '../messages/api.js';
import { UsageError } from '../messages/errors.js';
import { limitsMessages } from '../messages/limits.js';
import { say } from '../messages/types.js';
import { buildDocument, loadReport, loadReportText, outputStem, renderDocument, withCreationDate, FORMATS } from '../pipeline/index.js';
import type { Format, LegacyOption, LoadResult, PdfA } from '../pipeline/index.js';
import { getProfile } from '../profile/index.js';

/**
 * The library's render in the calling thread: what renderFile and renderData do inside their
 * worker (src/library/isolate.ts), or here when asked with `isolate: false`.
 */

export interface RenderOptions {
  /** Formats to produce; all available formats by default. */
  formats?: Format[];
  /** Layout profile id; the kind's own by default. */
  profile?: string;
  /** Language of problem messages. */
  lang?: Lang;
  /** Text typed in a legacy encoding: convert it (tcvn3, vni) or declare there is none (unicode). */
  legacy?: LegacyOption;
  /** PDF/A level: 3b (default; the data file travels inside the PDF), 2b (no attachment), none. */
  pdfa?: PdfA;
  /** Creation date for the files' metadata, instead of the document's own date. */
  creationDate?: Date | string;
  /** Also compose an e-mail draft (.eml) with the rendered files attached. */
  eml?: boolean;
  /**
   * Render in a worker thread that is ended when the document exceeds `maxSeconds` or
   * `maxMemoryMb` (default true). With false the render runs in the calling thread, unbounded
   * in time and memory: only for data you trust.
   */
  isolate?: boolean;
  /** Time limit of this render in seconds (the CLI's --max-seconds; default 60). */
  maxSeconds?: number;
  /** Memory limit of this render's worker in MiB (the CLI's --max-memory-mb; default 2048). */
  maxMemoryMb?: number;
}

export interface RenderResult {
  kind: string;
  /** Meaningful ASCII file name without extension, e.g. "2020-12-09_BC-UBND_qp-an-2020". */
  name: string;
  outputs: Partial<Record<Format, Buffer>>;
  /** The e-mail draft, when asked for with `eml: true`. */
  eml?: Buffer;
  warnings: Problem[];
}

/** Validate a data object (as parsed from JSON); problem positions refer to its JSON text. */
export function validateData(data: unknown, lang: Lang = 'vi', name = 'dữ liệu.json', legacy?: LegacyOption): LoadResult {
  // A function, undefined or a cycle would be dropped or crash in JSON: refused at its field.
  const odd = notJson(data, limits().dataDepth);
  if (odd) {
    const message = say(lang, limitsMessages.notJson, formatPath(odd.path), odd.what);
    return { ok: false, problems: [{ file: name, line: 0, column: 0, path: odd.path, code: 'type', severity: 'error', message }] };
  }
  return loadReportText(JSON.stringify(data, null, 2) ?? 'null', name, lang, legacy);
}

export async function renderFileHere(file: string, options: RenderOptions): Promise<RenderResult> {
  if (options.profile !== undefined) getProfile(options.profile); // an unknown id fails before any file is read
  return renderLoaded(await loadReport(file, options.lang, options.legacy), options);
}

export async function renderDataHere(data: unknown, options: RenderOptions): Promise<RenderResult> {
  if (options.profile !== undefined) getProfile(options.profile);
  return renderLoaded(validateData(data, options.lang, undefined, options.legacy), options);
}

async function renderLoaded(loaded: LoadResult, options: RenderOptions): Promise<RenderResult> {
  if (!loaded.ok) throw new DataError(loaded.problems, options.lang);
  const profile = options.profile ?? loaded.kind.profile;
  const date = typeof options.creationDate === 'string' ? parseCreationDate(options.creationDate) : options.creationDate;
  if (options.creationDate !== undefined && (!date || Number.isNaN(date.getTime()))) throw new UsageError((lang) => say(lang, apiMessages.badCreationDate, String(options.creationDate)));
  const doc = withCreationDate(buildDocument(loaded.kind, loaded.report, profile, options.lang), date);
  const pdfa = options.pdfa ?? '3b';
  const outputs: Partial<Record<Format, Buffer>> = {};
  for (const format of options.formats ?? FORMATS) {
    if (!FORMATS.includes(format)) throw new UsageError((lang) => say(lang, limitsMessages.unknownFormat, String(format), FORMATS.join(', ')));
  }
  for (const format of options.formats ?? FORMATS) {
    outputs[format] = await renderDocument(doc, format, profile, {
      pdfa,
      ...(loaded.source ? { source: { ...loaded.source, kind: loaded.kind.id } } : {}),
    });
  }
  const result: RenderResult = { kind: loaded.kind.id, name: outputStem(loaded.kind, loaded.report), outputs, warnings: loaded.warnings };
  if (options.eml) {
    const files = (Object.entries(outputs) as [Format, Buffer][]).map(([format, bytes]) => ({ format, bytes }));
    result.eml = await emlForOutputs(doc, loaded.report.frame.date ?? null, files, pdfa);
  }
  return result;
}
