/**
 * baocao as a library: the same engine the CLI uses, for an e-office system or a script.
 *
 *   import { renderFile, validateFile, listKinds, kindSchema } from 'baocao';
 *   const { outputs } = await renderFile('bao-cao.yaml', { formats: ['pdf'] });
 */
import type { LoadResult } from './pipeline/index.js';
import { loadReport } from './pipeline/index.js';
import type { Lang } from './load/index.js';
import { findKind, kindJsonSchema, listKinds as allKinds, starterFile } from './model/index.js';
import { apiMessages } from './messages/api.js';
import { UsageError } from './messages/errors.js';
import { say } from './messages/types.js';
import { renderIsolated } from './library/isolate.js';
import type { RenderOptions, RenderResult } from './library/render.js';

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
export { registerFontFamily } from './library/isolate.js';
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

export type { RenderOptions, RenderResult } from './library/render.js';

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

export { validateData } from './library/render.js';

/**
 * Validate and render a data file to bytes. Throws DataError for invalid data. A PDF rendered by
 * baocao (PDF/A-3) may stand in for its data file: the data embedded in it is rendered. Runs in a
 * worker thread within the time and memory limits of one document (`maxSeconds`, `maxMemoryMb`;
 * `isolate: false` renders in this thread without them); a render beyond them is refused with
 * InvalidDataError (exit 2) naming the limit.
 */
export function renderFile(file: string, options: RenderOptions = {}): Promise<RenderResult> {
  return renderIsolated('file', file, options);
}

/** Validate and render a data object to bytes, as renderFile. Throws DataError for invalid data. */
export function renderData(data: unknown, options: RenderOptions = {}): Promise<RenderResult> {
  return renderIsolated('data', data, options);
}

function requireKind(kindId: string) {
  const kind = findKind(kindId);
  if (!kind) throw new UsageError((lang) => say(lang, apiMessages.unknownKind, kindId, allKinds().map((k) => k.id).join(', ')));
  return kind;
}
