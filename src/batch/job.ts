import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { batchMessages } from '../messages/batch.js';
import { errorText, outcomeOfError, outcomeOfProblems, type Outcome } from '../messages/errors.js';
import { say } from '../messages/types.js';
import type { Lang, Problem } from '../load/index.js';
import { writeFileAtomic } from '../output/index.js';
import { buildDocument, loadReport, outputStem, renderDocument, withCreationDate } from '../pipeline/index.js';
import type { Format, LegacyOption, PdfA } from '../pipeline/index.js';
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
  /** PDF/A level of the PDF: 3b (default, with the source data inside), 2b, none. */
  pdfa?: PdfA;
  /** Also write <name>.eml: an e-mail draft with the rendered files attached. */
  eml?: boolean;
  /** Creation date for the files' metadata instead of the document's date (ISO 8601). */
  creationDate?: string;
  /** An office's kind folders, registered again in each worker thread. */
  kindDirs?: string[];
  lang: Lang;
}

export type OutputStatus = 'written' | 'unchanged' | 'kept';

export interface JobOutput {
  format: Format | 'eml';
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

export async function runJob(input: string, options: JobOptions): Promise<JobResult> {
  const start = performance.now();
  const done = (r: Omit<JobResult, 'input' | 'ms'>): JobResult => ({ input, ...r, ms: Math.round(performance.now() - start) });

  const loaded = await loadReport(input, options.lang, options.legacy);
  if (!loaded.ok) {
    return done({ status: outcomeOfProblems(loaded.problems), outputs: [], problems: loaded.problems, warnings: [] });
  }
  const base = { kind: loaded.kind.id, problems: [] as Problem[], warnings: loaded.warnings };

  let rendered: { format: Format | 'eml'; bytes: Buffer }[];
  const pdfa = options.pdfa ?? '3b';
  try {
    const creationDate = options.creationDate ? parseCreationDate(options.creationDate) : undefined;
    const doc = withCreationDate(buildDocument(loaded.kind, loaded.report, options.profile ?? loaded.kind.profile, options.lang), creationDate);
    rendered = [];
    for (const format of options.formats) {
      const bytes = await renderDocument(doc, format, options.profile ?? loaded.kind.profile, {
        pdfa,
        ...(loaded.source ? { source: { ...loaded.source, kind: loaded.kind.id } } : {}),
      });
      rendered.push({ format, bytes });
    }
    if (options.eml) {
      const files = rendered.flatMap((r) => (r.format === 'eml' ? [] : [{ format: r.format, bytes: r.bytes }]));
      const { emlForOutputs } = await import('../archive/eml.js'); // nodemailer only when asked
      rendered.push({ format: 'eml', bytes: await emlForOutputs(doc, loaded.report.frame.date ?? null, files, pdfa) });
    }
  } catch (e) {
    const outcome = outcomeOfError(e);
    if (outcome === 'internal' || outcome === 'usage') throw e;
    return done({ ...base, status: outcome, outputs: [], error: errorText(e, options.lang) });
  }

  const stem = options.name ?? outputStem(loaded.kind, loaded.report);
  const pdf = rendered.find((r) => r.format === 'pdf');
  const outputs: JobOutput[] = [];
  try {
    for (const r of rendered) {
      const target = path.join(options.outDir, `${stem}.${r.format}`);
      const status = await writeOutput(target, r.bytes, options.force);
      outputs.push({ format: r.format, path: target, bytes: r.bytes.length, status });
    }
  } catch (e) {
    const message = (e as Error).message;
    return done({ ...base, status: 'io', outputs, error: say(options.lang, batchMessages.cannotWrite, message) });
  }
  return done({
    ...base,
    status: outputs.some((o) => o.status === 'kept') ? 'exists' : 'ok',
    ...(pdf ? { pages: countPdfPages(pdf.bytes) } : {}),
    outputs,
  });
}

/** Write unless an identical file is there; keep a different one unless forced. */
async function writeOutput(target: string, bytes: Buffer, force: boolean): Promise<OutputStatus> {
  const existing = await readIfExists(target);
  if (existing?.equals(bytes)) return 'unchanged';
  if (existing && !force) return 'kept';
  try {
    await writeFileAtomic(target, bytes, { replace: force });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Another input of the same batch wrote this name meanwhile.
    return (await readIfExists(target))?.equals(bytes) ? 'unchanged' : 'kept';
  }
  return 'written';
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Pages of a PDF written by pdfkit: one "/Type /Page" object per page. */
export function countPdfPages(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}
