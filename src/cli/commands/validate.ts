import { formatProblems } from '../../load/index.js';
import type { Lang } from '../../load/index.js';
import { loadReport } from '../../pipeline/index.js';
import type { LegacyOption } from '../../pipeline/index.js';
import { UsageError, outcomeOfProblems } from '../../messages/errors.js';
import { exitCodeOf } from '../exit.js';
import { cliMessages as m } from '../../messages/cli.js';
import { say } from '../../messages/types.js';
import { expandInputs } from '../inputs.js';

/** Every problem of every file, nothing written. */
export async function validateCommand(args: { inputs: string[]; json: boolean; lang: Lang; legacy?: LegacyOption; previous?: string }): Promise<number> {
  const { lang } = args;
  const inputs = await expandInputs(args.inputs);
  if (inputs.length === 0) throw new UsageError((l) => say(l, m.noInput));
  // Last period's file belongs to one report: several inputs would all be compared with it.
  if (args.previous !== undefined && inputs.length > 1) throw new UsageError((l) => say(l, m.previousNeedsOneInput));
  const previous = args.previous !== undefined ? { file: args.previous } : undefined;
  const statuses: ('ok' | 'invalid' | 'io')[] = [];
  const files: unknown[] = [];
  for (const file of inputs) {
    const r = await loadReport(file, args.lang, args.legacy, previous);
    if (!r.ok) {
      const status = outcomeOfProblems(r.problems);
      statuses.push(status);
      files.push({ input: file, status, problems: r.problems, warnings: [] });
      if (!args.json) process.stderr.write(formatProblems(r.problems, args.lang) + '\n');
      continue;
    }
    statuses.push('ok');
    files.push({ input: file, status: 'ok', kind: r.kind.id, problems: [], warnings: r.warnings });
    if (args.json) continue;
    if (r.warnings.length > 0) process.stderr.write(formatProblems(r.warnings, args.lang) + '\n');
    process.stdout.write(`${say(lang, m.valid, file, r.kind.id)}\n`);
  }
  if (args.json) process.stdout.write(JSON.stringify({ ok: statuses.every((s) => s === 'ok'), files }, null, 2) + '\n');
  return exitCodeOf(statuses);
}
