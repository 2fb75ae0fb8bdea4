import type { JobStatus } from '../batch/index.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, internal: 1, invalidData: 2, template: 3, io: 4, exists: 5, usage: 64, interrupted: 130 } as const;

const byStatus: Record<JobStatus, number> = {
  ok: EXIT.ok,
  internal: EXIT.internal,
  invalid: EXIT.invalidData,
  template: EXIT.template,
  io: EXIT.io,
  exists: EXIT.exists,
};

/** The most serious failure decides (a bug, then bad data, template, I/O, kept files). */
export function exitCodeOf(statuses: JobStatus[]): number {
  const codes = statuses.map((s) => byStatus[s]).filter((c) => c !== EXIT.ok);
  return codes.length === 0 ? EXIT.ok : Math.min(...codes);
}

/** Wrong use of the command line: printed with a pointer to --help, exit 64. */
export class UsageError extends Error {}
