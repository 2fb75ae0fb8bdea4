import { runJob } from './job.js';
import type { JobOptions, JobResult } from './job.js';

/** Piscina worker: one job per call; fonts and templates stay warm for the worker's life. */
export default async function work(task: { input: string; options: JobOptions }): Promise<JobResult> {
  return runJob(task.input, task.options);
}
