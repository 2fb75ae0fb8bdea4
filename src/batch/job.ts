import { performance } from 'node:perf_hooks';
import { errorText, outcomeOfError, outcomeOfProblems, type Outcome } from '../messages/errors.js';
import type { Lang, Problem } from '../load/index.js';
import { writeRendered } from './write.js';
import type { RenderedFile } from './write.js';
import { buildDocument, loadReport, loadReportBytes, outputStem, renderDocument, withCreationDate } from '../pipeline/index.js';
import type { Format, LegacyOption, PdfA } from '../pipeline/index.js';
import { vietnamTime } from '../layout/index.js';
import type { ElectronicLayout } from '../layout/index.js';
import type { SignArea } from '../render/pdf/electronic.js';
import { appendixFileProblems, electronicFor, parseSignedAt, signJson } from './electronic.js';
import { parseCreationDate } from './dates.js';

/**
 * One input file → its output files: load, build, render every format in memory, then write each
 * atomically. Used in-process for a single file and inside each worker of a batch.
 * Never throws for bad data or I/O: the result says what happened, so one input cannot stop others.
 */

export interface JobOptions {
  formats: Format[];
  outDir: string;
  /** Layout profile id; the kind's own when absent. */
  profile?: string;
  /** Overwrite an existing output that differs; otherwise it is kept and reported. */
  force: boolean;
  /** Output file name without extension (only meaningful for a single input). */
  name?: string;
  /** Text typed in a legacy encoding: convert it (tcvn3, vni) or declare there is none (unicode). */
  legacy?: LegacyOption;
  /** --previous: last period's file (absolute path), in place of the data's `previous:`. */
  previous?: string;
  /** PDF/A level of the PDF: 3b (default, with the source data inside), 2b, none. */
  pdfa?: PdfA;
  /** Also write <name>.eml: an e-mail draft with the rendered files attached. */
  eml?: boolean;
  /** Creation date for the files' metadata instead of the document's date (ISO 8601). */
  creationDate?: string;
  /** An office's kind folders, registered again in each worker thread. */
  kindDirs?: string[];
  /** --electronic: the signature area of an electronic document (src/layout/electronic.ts); --sign-layout implies it. */
  electronic?: boolean;
  /** --sign-layout: also write <name>.sign.json, where the PDF's signature areas are. */
  signLayout?: boolean;
  /** --appendices separate: each appendix in a file of its own, <name>.phu-luc-<n>.<format>. */
  appendices?: 'same' | 'separate';
  /** --signed-at: the signing time in an appendix file's stamp (ISO 8601); the document's date otherwise. */
  signedAt?: string;
  lang: Lang;
}

export type OutputStatus = 'written' | 'unchanged' | 'kept';

export interface JobOutput {
  format: Format | 'eml' | 'json';
  path: string;
  bytes: number;
  status: OutputStatus;
}

/** ok; invalid data; template error; I/O error; an existing different output was kept; a bug (src/messages/errors.ts). */
export type JobStatus = Outcome;

export interface JobResult {
  input: string;
  status: JobStatus;
  kind?: string;
  /** Page count of the rendered document (from the PDF when rendered). */
  pages?: number;
  outputs: JobOutput[];
  problems: Problem[];
  warnings: Problem[];
  /** A template, markup or I/O error, already worded. */
  error?: string;
  ms: number;
}

// Also here for its callers of old (the library, the CLI).
export { parseCreationDate } from './dates.js';

/**
 * A data file already in memory, rendered as if read from `file` (its images and sheets are found
 * beside it): a mail-merge row (src/sheets/merge.ts), the shared file with the row's values in.
 */
export interface JobSource {
  /** The data file it stands for: relative paths in it resolve from its folder. */
  file: string;
  /** YAML or JSON text, as a data file's bytes. */
  bytes: Uint8Array;
  /** Its name inside the PDF (PDF/A-3 attachment, `baocao extract`). */
  name: string;
  /** The output name, chosen by the caller (rows named without collision). */
  stem: string;
}

/** The bytes of one input's files, rendered but not yet written (a worker's answer to renderOnly). */
export interface RenderedJob {
  rendered: true;
  kind: string;
  warnings: Problem[];
  stem: string;
  /** In the order they are written; `suffix` names the extra files ("<stem>.sign.json", "<stem>.phu-luc-2.pdf"). */
  files: RenderedFile[];
  ms: number;
}

/** The output name an input's files would have, or null when it does not load. */
export async function stemOf(input: string, options: JobOptions): Promise<string | null> {
  const loaded = await loadReport(input, options.lang, options.legacy, previousOf(options));
  return loaded.ok ? outputStem(loaded.kind, loaded.report) : null;
}

function previousOf(options: JobOptions): { file: string } | undefined {
  return options.previous !== undefined ? { file: options.previous } : undefined;
}

export async function runJob(input: string, options: JobOptions, given?: JobSource): Promise<JobResult> {
  const r = await renderJob(input, options, given);
  return 'rendered' in r ? writeRendered(input, options, [r], r.ms) : r;
}

/** Load, build and render every asked format of one input in memory; a failure is already its JobResult. */
export async function renderJob(input: string, options: JobOptions, given?: JobSource): Promise<RenderedJob | JobResult> {
  const start = performance.now();
  const done = (r: Omit<JobResult, 'input' | 'ms'>): JobResult => ({ input, ...r, ms: Math.round(performance.now() - start) });
  const loaded = given ? loadReportBytes(given.bytes, given.file, options.lang, options.legacy, given.name) : await loadReport(input, options.lang, options.legacy, previousOf(options));
  if (!loaded.ok) {
    return done({ status: outcomeOfProblems(loaded.problems), outputs: [], problems: loaded.problems, warnings: [] });
  }
  const base = { kind: loaded.kind.id, problems: [] as Problem[], warnings: loaded.warnings };

  let electronic: ElectronicLayout | undefined;
  if (options.electronic || options.signLayout) {
    const checked = await electronicFor(given?.file ?? input, loaded, options.lang);
    if ('problems' in checked) return done({ ...base, status: outcomeOfProblems(checked.problems), outputs: [], problems: checked.problems });
    electronic = checked.electronic;
  }
  const stem = given?.stem ?? options.name ?? outputStem(loaded.kind, loaded.report);
  // `suffix` names the extra files of a job: "<stem>.sign.json", "<stem>.phu-luc-2.pdf".
  let rendered: RenderedFile[];
  const pdfa = options.pdfa ?? '3b';
  try {
    const creationDate = options.creationDate ? parseCreationDate(options.creationDate) : undefined;
    const full = withCreationDate(buildDocument(loaded.kind, loaded.report, options.profile ?? loaded.kind.profile, options.lang), creationDate);
    const separate = options.appendices === 'separate' ? full.appendices : [];
    const doc = separate.length > 0 ? { ...full, appendices: [] } : full;
    const blanks = electronic && separate.length > 0 ? appendixFileProblems(loaded, options.lang) : [];
    if (blanks.length > 0) return done({ ...base, status: outcomeOfProblems(blanks), outputs: [], problems: blanks });
    const signedAt = electronic ? vietnamTime((options.signedAt ? parseSignedAt(options.signedAt) : undefined) ?? full.meta.creationDate) : undefined;
    rendered = [];
    for (const format of options.formats) {
      let areas: SignArea[] | undefined;
      const bytes = await renderDocument(doc, format, options.profile ?? loaded.kind.profile, {
        pdfa,
        ...(loaded.source ? { source: { ...loaded.source, kind: loaded.kind.id } } : {}),
        ...(electronic ? { electronic, onSignAreas: (a: SignArea[]) => (areas = a) } : {}),
      });
      rendered.push({ format, bytes });
      if (areas && options.signLayout) rendered.push({ format: 'json', suffix: '.sign', bytes: signJson(`${stem}.pdf`, areas) });
      for (let i = 0; i < separate.length; i++) {
        const suffix = `.phu-luc-${i + 1}`;
        let stamp: SignArea[] | undefined;
        const part = await renderDocument(full, format, options.profile ?? loaded.kind.profile, {
          pdfa,
          ...(loaded.source ? { source: { ...loaded.source, kind: loaded.kind.id } } : {}),
          appendix: { index: i, ...(signedAt ? { signedAt } : {}) },
          onSignAreas: (a: SignArea[]) => (stamp = a),
        });
        rendered.push({ format, bytes: part, suffix });
        if (stamp && options.signLayout) rendered.push({ format: 'json', suffix: `${suffix}.sign`, bytes: signJson(`${stem}${suffix}.pdf`, stamp) });
      }
    }
    if (options.eml) {
      const files = rendered.flatMap((r) => (r.format === 'eml' || r.format === 'json' || r.suffix ? [] : [{ format: r.format, bytes: r.bytes }]));
      const { emlForOutputs } = await import('../archive/eml.js'); // nodemailer only when asked
      rendered.push({ format: 'eml', bytes: await emlForOutputs(doc, loaded.report.frame.date ?? null, files, pdfa) });
    }
  } catch (e) {
    const outcome = outcomeOfError(e);
    if (outcome === 'internal' || outcome === 'usage') throw e;
    return done({ ...base, status: outcome, outputs: [], error: errorText(e, options.lang) });
  }

  return { rendered: true, kind: base.kind, warnings: base.warnings, stem, files: rendered, ms: Math.round(performance.now() - start) };
}

export { countPdfPages } from './write.js';
