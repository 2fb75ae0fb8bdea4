import type { MessagePort } from 'node:worker_threads';
import { registerKindDir } from '../model/index.js';
import { renderJob, runJob, stemOf } from './job.js';
import type { JobOptions, JobResult, JobSource, RenderedJob } from './job.js';

/** Piscina worker: one job per call; fonts and templates stay warm for the worker's life. */
export default async function work(task: { input: string; options: JobOptions; source?: JobSource; started?: MessagePort; renderOnly?: boolean; stemOnly?: boolean }): Promise<JobResult | RenderedJob | string | null> {
  // The clock of --max-seconds starts when this worker takes the input, not while it waits in the queue.
  task.started?.postMessage('start');
  try {
    // The main thread's own kind folders; registering one twice is a no-op reload.
    for (const dir of task.options.kindDirs ?? []) registerKindDir(dir);
    // stemOnly: the output name, for runBatch's check that no two inputs share one.
    if (task.stemOnly) return await stemOf(task.input, task.options);
    // renderOnly: the bytes come back to be written with another worker's (runBatch's split formats).
    return task.renderOnly ? await renderJob(task.input, task.options, task.source) : await runJob(task.input, task.options, task.source);
  } finally {
    task.started?.close();
  }
}
