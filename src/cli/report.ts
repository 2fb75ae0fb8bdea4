import type { JobResult, JobStatus } from '../batch/index.js';
import { formatProblems } from '../load/index.js';
import type { Lang } from '../load/index.js';
import { cliMessages as m } from '../messages/cli.js';
import { say } from '../messages/types.js';

/** Printing results: problems as they come (stderr), a summary table or JSON at the end (stdout). */

export function statusWord(status: JobStatus, lang: Lang): string {
  switch (status) {
    case 'ok': return say(lang, m.statusOk);
    case 'invalid': return say(lang, m.statusInvalid);
    case 'template': return say(lang, m.statusTemplate);
    case 'io': return say(lang, m.statusIo);
    case 'exists': return say(lang, m.statusExists);
    case 'internal': return say(lang, m.statusInternal);
  }
}

/** Everything the clerk must read about one input: problems, warnings, errors, kept files. */
export function describeProblems(r: JobResult, lang: Lang): string {
  const parts: string[] = [];
  if (r.problems.length > 0) parts.push(formatProblems(r.problems, lang));
  if (r.warnings.length > 0) parts.push(formatProblems(r.warnings, lang));
  if (r.error) parts.push(r.status === 'internal' ? say(lang, m.unexpectedFor, r.input, r.error) : r.error);
  for (const o of r.outputs.filter((x) => x.status === 'kept')) {
    parts.push(say(lang, m.outputKept, o.path));
  }
  if (r.status === 'invalid' || r.status === 'template' || (r.status === 'io' && r.outputs.length === 0)) {
    parts.push(say(lang, m.notRendered, r.input));
  }
  return parts.join('\n');
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
}

/** A plain-text table: file, result, outputs, pages, size of each output, time. */
export function summaryTable(results: JobResult[], lang: Lang, totalMs: number): string {
  const head = [say(lang, m.columnFile), say(lang, m.columnResult), say(lang, m.columnOutputs), say(lang, m.columnPages), say(lang, m.columnSize), say(lang, m.columnTime)];
  const rows = results.map((r) => [
    r.input,
    statusWord(r.status, lang),
    r.outputs.map((o) => o.path + (o.status === 'unchanged' ? say(lang, m.outputUnchanged) : o.status === 'kept' ? say(lang, m.outputKeptShort) : '')).join(', ') || '-',
    r.pages === undefined ? '-' : String(r.pages),
    // One size per output, in the order of the outputs column (e-mail limits are per file).
    r.outputs.length ? r.outputs.map((o) => kb(o.bytes)).join('; ') : '-',
    `${r.ms} ms`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const ok = results.filter((r) => r.status === 'ok').length;
  const total = say(lang, m.summary, results.length, ok, totalMs / 1000);
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), total].join('\n');
}

/** The machine-readable summary of `--json`. */
export function summaryJson(results: JobResult[], totalMs: number, interrupted = false): string {
  return JSON.stringify(
    {
      ok: results.every((r) => r.status === 'ok') && !interrupted,
      interrupted,
      total: results.length,
      failed: results.filter((r) => r.status !== 'ok').length,
      ms: Math.round(totalMs),
      files: results,
    },
    null,
    2,
  );
}
