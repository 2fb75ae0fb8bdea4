import { registerKindDir } from '../model/index.js';
import { runJob } from './job.js';
import type { JobOptions, JobResult } from './job.js';

/** Piscina worker: one job per call; fonts and templates stay warm for the worker's life. */
export default async function work(task: { input: string; options: JobOptions }): Promise<JobResult> {
  // The main thread's own kind folders; registering one twice is a no-op reload.
  for (const dir of task.options.kindDirs ?? []) registerKindDir(dir);
  return runJob(task.input, task.options);
}
