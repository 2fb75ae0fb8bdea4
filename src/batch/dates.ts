import { creationDate as documentDate } from '../frame/index.js';
import { isRealDate } from '../model/common.js';

// Apart from job.ts so that the CLI checks --creation-date without loading the pipeline.

/** "2020-12-09" is that day in Vietnam, as a document's own date is; anything else as Date reads it. */
export function parseCreationDate(value: string): Date | undefined {
  // Checked like a date in data: 2021-02-30 is refused, not read as 2 March; also the date part
  // of a full timestamp, since Date rolls an impossible day over silently.
  const day = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value)?.[1];
  if (day !== undefined && !isRealDate(day)) return undefined;
  const d = day === value ? documentDate(value) : new Date(value);
  // A PDF date has four digits of year (D:YYYY…): years 1-9999 only.
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999 ? undefined : d;
}
