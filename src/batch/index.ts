import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { removeTempFiles } from '../output/index.js';
import { getProfile } from '../profile/index.js';
import type { JobOptions, JobResult, JobSource, RenderedJob } from './job.js';
import { limitOption, limits } from '../limits/index.js';
import { taskClock } from '../limits/clock.js';
import { stallWatch } from '../limits/pool.js';
import { limitsMessages } from '../messages/limits.js';
import { say } from '../messages/types.js';
import { batchMessages } from '../messages/batch.js';
import { ExistsError } from '../messages/errors.js';

export type { JobOptions, JobOutput, JobResult, JobSource, JobStatus, OutputStatus } from './job.js';

/**
 * batch: many inputs over the available cores. One worker thread per core keeps its parsed fonts
 * and compiled templates warm; each input is one task, so memory stays bounded by the number of
 * workers, and a failing input only fails its own task. This module does not load the pipeline
 * (runJob is in ./job.js), so the CLI's own thread stays light while a worker renders.
 */

export interface BatchOptions {
  /** Worker threads; defaults to the number of cores. 1 renders in this thread. */
  threads?: number;
  /** Called as each input finishes, in completion order. */
  onResult?: (result: JobResult) => void;
  /** Aborting stops the batch: running workers are terminated, their temporary files removed. */
  signal?: AbortSignal;
  /** Inputs held in memory (mail-merge rows, named by their caller): the data each input stands for. */
  sources?: (input: string) => JobSource | undefined;
}

const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));

export async function runBatch(inputs: string[], options: JobOptions, batch: BatchOptions = {}): Promise<JobResult[]> {
  // A wrong option fails the whole batch up front (UsageError, exit 64), not each input as a bug.
  if (options.profile !== undefined) getProfile(options.profile);
  const checkNames = options.name === undefined && inputs.length > 1 && !batch.sources;
  // One input in several formats, with cores to spare: each format renders in a worker of its own
  // (the DOCX does not wait for the PDF's layout), and this thread writes the files together, as
  // the one group a job writes. An e-mail draft needs every format's bytes: it stays in one job.
  const cores = batch.threads ?? availableParallelism();
  const split = inputs.length === 1 && options.formats.length > 1 && !options.eml && cores > 1;
  const threads = split ? Math.min(cores, options.formats.length) : Math.max(1, Math.min(cores, inputs.length));
  // Worker threads need the compiled worker; from TypeScript sources (tests) stay in this thread.
  // A stoppable batch (the CLI's Ctrl-C) renders even one input in a worker: layout is synchronous,
  // so only terminating the worker stops a render in progress, and nothing is written after.
  if ((threads === 1 && !batch.signal) || !existsSync(workerFile)) {
    if (checkNames) await refuseSharedNames(inputs, await stemsHere(inputs, options));
    return runInThread(inputs, options, batch);
  }

  // Each document renders within the memory limit: a template loop that grows without end ends
  // its worker (ERR_WORKER_OUT_OF_MEMORY), reported with the limit, not the whole process.
  const memoryMb = limits().memoryMb;
  const pool = new Piscina({ filename: workerFile, maxThreads: threads, minThreads: threads, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  const stalled = stallWatch(pool);
  const outer = batch.signal ? AbortSignal.any([batch.signal, stalled.signal]) : stalled.signal;
  setMaxListeners(0, outer); // one listener per queued input, by design
  let timedOut = false;
  /** One task in a worker; a worker ended at a limit, or failing, is this input's JobResult. */
  const runTask = async (input: string, taskOptions: JobOptions, renderOnly: boolean): Promise<JobResult | RenderedJob> => {
    const clock = taskClock(limits().renderSeconds, outer);
    try {
      const source = batch.sources?.(input);
      return (await pool.run({ input, options: taskOptions, ...(source ? { source } : {}), started: clock.port, renderOnly }, { signal: clock.signal, transferList: [clock.port] })) as JobResult | RenderedJob;
    } catch (e) {
      if (batch.signal?.aborted) throw e;
      stalled.check(e);
      if (clock.expired) timedOut = true;
      const cause = stalled.signal.aborted ? stalled.signal.reason : e;
      return clock.expired
        ? refused(input, options.lang ?? 'vi', 'renderSeconds', clock.elapsedMs)
        : (cause as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? refused(input, options.lang ?? 'vi', 'memoryMb', clock.elapsedMs) : internalError(input, cause);
    } finally {
      clock.stop();
    }
  };
  try {
    // The output names, found by the workers (each loads its share of the inputs, and warms up
    // doing so) before anything is rendered; this thread never loads the pipeline.
    if (checkNames) {
      const stems = await Promise.all(
        inputs.map((input) => (pool.run({ input, options, stemOnly: true }, { signal: outer }) as Promise<string | null>).catch((e: unknown) => {
          if (batch.signal?.aborted) throw e;
          stalled.check(e); // its worker may have been the last one able to start
          return null; // its render reports what is wrong with it
        })),
      );
      await refuseSharedNames(inputs, stems);
    }
    if (split) {
      const input = inputs[0]!;
      const parts = await Promise.all(options.formats.map((format) => runTask(input, { ...options, formats: [format] }, true)));
      // Any format's failure is the input's (the same data fails the same way in each): nothing is written.
      const failed = parts.find((p): p is JobResult => !('rendered' in p));
      let result: JobResult;
      if (failed) {
        result = failed;
      } else {
        const { writeRendered } = await import('./write.js');
        const rendered = parts as RenderedJob[];
        result = await writeRendered(input, options, rendered, Math.max(...rendered.map((p) => p.ms)));
      }
      batch.onResult?.(result);
      return [result];
    }
    return await Promise.all(
      inputs.map(async (input) => {
        const result = (await runTask(input, options, false)) as JobResult;
        batch.onResult?.(result);
        return result;
      }),
    );
  } finally {
    await pool.destroy();
    // A worker ended by a stop or by the time limit may have been writing: every worker is gone
    // now, so this process's temporary files are all leftovers.
    if (batch.signal?.aborted || timedOut) removeTempFiles(options.outDir, process.pid);
  }
}

async function runInThread(inputs: string[], options: JobOptions, batch: BatchOptions): Promise<JobResult[]> {
  // Loaded here only: a batch of workers never needs the pipeline in this thread.
  const { runJob } = await import('./job.js');
  const results: JobResult[] = [];
  for (const input of inputs) {
    if (batch.signal?.aborted) throw batch.signal.reason;
    let result: JobResult;
    try {
      result = await runJob(input, options, batch.sources?.(input));
    } catch (e) {
      result = internalError(input, e);
    }
    batch.onResult?.(result);
    results.push(result);
  }
  return results;
}

/**
 * Two inputs of one batch whose documents map to one output name are refused before anything is
 * rendered (exit 5), naming both: one would silently stand in for the other. `stems` holds each
 * input's output name, null for an input that does not load (its own job reports its problems).
 */
async function refuseSharedNames(inputs: string[], stems: (string | null)[]): Promise<void> {
  const byStem = new Map<string, string[]>();
  inputs.forEach((input, i) => {
    const stem = stems[i];
    if (stem != null) byStem.set(stem, [...(byStem.get(stem) ?? []), input]);
  });
  const shared = [...byStem].filter(([, files]) => files.length > 1);
  if (shared.length === 0) return;
  throw new ExistsError((lang) => shared.map(([stem, files]) => say(lang, batchMessages.sharedName, stem, files.join(', '))).join('\n'));
}

/** The output names of the inputs, found in this thread (a batch that stays here). */
async function stemsHere(inputs: string[], options: JobOptions): Promise<(string | null)[]> {
  const { stemOf } = await import('./job.js');
  const stems: (string | null)[] = [];
  for (const input of inputs) stems.push(await stemOf(input, options));
  return stems;
}

/** An input whose worker was ended at the memory or time limit: refused (exit 2), naming the limit and its option. */
function refused(input: string, lang: 'vi' | 'en', key: 'memoryMb' | 'renderSeconds', ms: number): JobResult {
  const error = say(lang, limitsMessages.limitExceeded, input, say(lang, limitsMessages[`limit_${key}`]), undefined, limits()[key], limitOption[key]);
  return { input, status: 'invalid', outputs: [], problems: [], warnings: [], error, ms };
}

function internalError(input: string, e: unknown): JobResult {
  return { input, status: 'internal', outputs: [], problems: [], warnings: [], error: (e as Error).stack ?? String(e), ms: 0 };
}
