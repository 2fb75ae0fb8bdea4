import type { MessagePort } from 'node:worker_threads';
import { registerKindDir } from '../model/index.js';
import { runJob } from './job.js';
import type { JobOptions, JobResult } from './job.js';

/** Piscina worker: one job per call; fonts and templates stay warm for the worker's life. */
export default async function work(task: { input: string; options: JobOptions; started?: MessagePort }): Promise<JobResult> {
  // The clock of --max-seconds starts when this worker takes the input, not while it waits in the queue.
  task.started?.postMessage('start');
  try {
    // The main thread's own kind folders; registering one twice is a no-op reload.
    for (const dir of task.options.kindDirs ?? []) registerKindDir(dir);
    return await runJob(task.input, task.options);
  } finally {
    task.started?.close();
  }
}
