/**
 * baocao as a library: the same engine the CLI uses, for an e-office system or a script.
 *
 *   import { renderFile, validateFile, listKinds, kindSchema } from 'baocao';
 *   const { outputs } = await renderFile('bao-cao.yaml', { formats: ['pdf'] });
 */
import { emlForOutputs } from './archive/eml.js';
import { parseCreationDate } from './batch/job.js';
import { buildDocument, loadReport, loadReportText, outputStem, renderDocument, withCreationDate, FORMATS } from './pipeline/index.js';
import type { Format, LegacyOption, LoadResult, PdfA } from './pipeline/index.js';
import { DataError } from './load/index.js';
import type { Lang, Problem } from './load/index.js';
import { findKind, kindJsonSchema, listKinds as allKinds, starterFile } from './model/index.js';
import { apiMessages } from './messages/api.js';
import { UsageError } from './messages/errors.js';
import { say } from './messages/types.js';
import { getProfile } from './profile/index.js';
import { notJson } from './limits/json.js';
import { limits } from './limits/index.js';
import { limitsMessages } from './messages/limits.js';
import { formatPath } from './load/describe.js';

export { FORMATS, PDFA_LEVELS, VERSION, buildDocument, loadReport, loadReportBytes, loadReportText, renderDocument, outputStem, withCreationDate } from './pipeline/index.js';
export type { DocumentRenderOptions, Format, LegacyOption, LoadedReport, LoadResult, PdfA } from './pipeline/index.js';
export { extractSource } from './archive/extract.js';
export type { ExtractedSource } from './archive/extract.js';
export { buildEml } from './archive/eml.js';
export type { EmlAttachment } from './archive/eml.js';
export { runBatch } from './batch/index.js';
export { runJob } from './batch/job.js';
export type { BatchOptions, JobOptions, JobOutput, JobResult, JobStatus } from './batch/index.js';
export { DataError, formatProblem, formatProblems } from './load/index.js';
export type { Lang, Problem } from './load/index.js';
export { TemplateError } from './compose/index.js';
export { MarkupError } from './document/parse.js';
export { registerFontFamily } from './fonts/index.js';
export type { FontFaceFiles } from './fonts/index.js';
export { getProfile, profileIds } from './profile/index.js';
export { checkBytes, checkFile, fixBytes, CheckInputError } from './check/index.js';
export type { CheckOptions, CheckReport, Finding, Located, Severity, Where } from './check/index.js';
export type { Profile } from './profile/index.js';
export type * from './document/types.js';
export type { KindDefinition, Quantity, ReportBase } from './model/index.js';
export { KindError, registerKindDir } from './model/index.js';
export { BaocaoError, EXIT, ExistsError, InvalidDataError, IoError, TemplateKindError, UsageError, errorText } from './messages/errors.js';
export type { ExitCode, Outcome, Wording } from './messages/errors.js';
export { catalogue, say } from './messages/index.js';
export { startDesk } from './serve/index.js';
export type { Desk, DeskOptions } from './serve/index.js';
// Spreadsheets in: a sheet read into a list's records, and mail merge (one document per row).
export { readSheet, readSheetBytes, sheetToRecords, SheetError } from './sheets/index.js';
export type { Cell, ReadOptions, Sheet, SheetLimits, TableResult } from './sheets/index.js';
export { renderRows } from './sheets/merge.js';
export type { MergeOptions } from './sheets/merge.js';

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

/** Every kind of document, with its id and title. */
export function listKinds(): { id: string; title: string }[] {
  return allKinds().map((k) => ({ id: k.id, title: k.title }));
}

/** The JSON Schema of a kind's data file (throws for an unknown kind). */
export function kindSchema(kindId: string): Record<string, unknown> {
  return kindJsonSchema(requireKind(kindId));
}

/** A starting YAML data file for a kind, every field explained in Vietnamese. */
export function kindStarter(kindId: string): { yaml: string; schemaFile: string } {
  return starterFile(requireKind(kindId));
}

/** Validate a data file; problems (never exceptions) for bad data. */
export function validateFile(file: string, lang: Lang = 'vi'): Promise<LoadResult> {
  return loadReport(file, lang);
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

/**
 * Validate and render a data file to bytes. Throws DataError for invalid data. A PDF rendered by
 * baocao (PDF/A-3) may stand in for its data file: the data embedded in it is rendered.
 */
export async function renderFile(file: string, options: RenderOptions = {}): Promise<RenderResult> {
  if (options.profile !== undefined) getProfile(options.profile); // an unknown id fails before any file is read
  return renderLoaded(await loadReport(file, options.lang, options.legacy), options);
}

/** Validate and render a data object to bytes. Throws DataError for invalid data. */
export async function renderData(data: unknown, options: RenderOptions = {}): Promise<RenderResult> {
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

function requireKind(kindId: string) {
  const kind = findKind(kindId);
  if (!kind) throw new UsageError((lang) => say(lang, apiMessages.unknownKind, kindId, allKinds().map((k) => k.id).join(', ')));
  return kind;
}
