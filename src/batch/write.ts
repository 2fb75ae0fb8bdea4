import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { batchMessages } from '../messages/batch.js';
import { say } from '../messages/types.js';
import { GroupWriteError, writeFilesAtomic } from '../output/index.js';
import type { Format } from '../pipeline/formats.js';
import type { JobOptions, JobOutput, JobResult, OutputStatus, RenderedJob } from './job.js';

/**
 * The writing half of a job: the rendered files of one input, written as one group. Apart from
 * the pipeline, so the CLI's thread can write what two workers rendered (one format each) without
 * loading what they loaded.
 */

export interface RenderedFile {
  format: Format | 'eml' | 'json';
  bytes: Buffer;
  suffix?: string;
}

/** Write the files of one input's renders (one per worker, in format order) and say what happened. */
export async function writeRendered(input: string, options: JobOptions, parts: RenderedJob[], ms: number): Promise<JobResult> {
  const started = performance.now();
  const first = parts[0]!;
  const files = parts.flatMap((p) => p.files);
  const base = { kind: first.kind, problems: [], warnings: first.warnings };
  const done = (r: Omit<JobResult, 'input' | 'ms' | 'kind' | 'problems' | 'warnings'>): JobResult => ({ input, ...base, ...r, ms: ms + Math.round(performance.now() - started) });
  const pdf = files.find((r) => r.format === 'pdf');
  let outputs: JobOutput[];
  try {
    outputs = await writeOutputs(files.map((r) => ({ format: r.format, target: path.join(options.outDir, `${first.stem}${r.suffix ?? ''}.${r.format}`), bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength) })), options.force);
  } catch (e) {
    const file = e instanceof GroupWriteError ? e.file : '';
    const message = e instanceof GroupWriteError ? e.cause.message : (e as Error).message;
    return done({ status: 'io', outputs: [], error: say(options.lang, batchMessages.cannotWrite, file, message) });
  }
  return done({
    status: outputs.some((o) => o.status === 'kept') ? 'exists' : 'ok',
    ...(pdf ? { pages: countPdfPages(Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength)) } : {}),
    outputs,
  });
}

/**
 * The outputs of one input, as one group: identical files stay as they are; a different existing
 * file is kept unless forced, and then none of the group is written (a new DOCX never stands
 * beside an old PDF); otherwise the changed files are written together, whole or not at all.
 */
async function writeOutputs(files: { format: Format | 'eml' | 'json'; target: string; bytes: Buffer }[], force: boolean): Promise<JobOutput[]> {
  const status: OutputStatus[] = [];
  for (const f of files) {
    let existing: Buffer | undefined;
    try {
      existing = await readIfExists(f.target);
    } catch (e) {
      throw new GroupWriteError(f.target, e as Error);
    }
    status.push(existing?.equals(f.bytes) ? 'unchanged' : existing && !force ? 'kept' : 'written');
  }
  const output = (f: (typeof files)[number], s: OutputStatus): JobOutput => ({ format: f.format, path: f.target, bytes: f.bytes.length, status: s });
  if (status.includes('kept')) return files.flatMap((f, i) => (status[i] === 'written' ? [] : [output(f, status[i]!)]));
  const changed = files.filter((_, i) => status[i] === 'written');
  try {
    await writeFilesAtomic(changed, { replace: force });
  } catch (e) {
    if (!(e instanceof GroupWriteError && (e.cause as NodeJS.ErrnoException).code === 'EEXIST')) throw e;
    // Another writer made one of these names meanwhile: nothing of this group was written.
    return files.flatMap((f, i) => (status[i] === 'unchanged' ? [output(f, 'unchanged')] : f.target === e.file ? [output(f, 'kept')] : []));
  }
  return files.map((f, i) => output(f, status[i]!));
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
