import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runBatch } from '../../batch/index.js';
import type { JobOptions, JobResult } from '../../batch/index.js';
import type { Lang } from '../../load/index.js';
import { registeredKindDirs } from '../../model/dirs.js';
import { removeTempFiles } from '../../output/index.js';
import { FORMATS } from '../../pipeline/formats.js';
import { getProfile } from '../../profile/index.js';
import { parseCreationDate } from '../../batch/dates.js';
import type { Format, LegacyOption, PdfA } from '../../pipeline/index.js';
import { EXIT, UsageError, exitCodeOf } from '../exit.js';
import { cliMessages as m } from '../../messages/cli.js';
import { say } from '../../messages/types.js';
import { expandInputs } from '../inputs.js';
import { Progress } from '../progress.js';
import { describeProblems, summaryJson, summaryTable } from '../report.js';
import { sheetMessages } from '../../messages/sheets.js';
import { electronicMessages as em } from '../../messages/electronic.js';
import { parseSignedAt } from '../../batch/electronic.js';

export interface RenderArgs {
  inputs: string[];
  out: string;
  format: string | string[];
  profile?: string;
  force: boolean;
  name?: string;
  json: boolean;
  jobs?: number;
  legacy?: LegacyOption;
  /** --previous: last period's file for the one input. */
  previous?: string;
  /** PDF/A level: 3b (default), 2b, none. */
  pdfa?: PdfA;
  /** Also write an e-mail draft (.eml) with the outputs attached. */
  eml?: boolean;
  /** Creation date for the metadata instead of the document's date. */
  creationDate?: string;
  /** Mail merge: one document per row of this spreadsheet (src/sheets/merge.ts). */
  rows?: string;
  sheet?: string;
  headerRow?: number;
  kind?: string;
  /** Electronic document layout, sign.json, appendices in files of their own, their signing time (src/batch/electronic.ts). */
  electronic?: boolean;
  signLayout?: boolean;
  appendices?: 'same' | 'separate';
  signedAt?: string;
  lang: Lang;
}

export function parseFormats(value: string | string[], lang: Lang): Format[] {
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new UsageError((l) => say(l, m.unknownFormat, f, FORMATS.join(', ')));
    }
  }
  if (list.length === 0) throw new UsageError(say(lang, m.noFormat));
  return [...new Set(list)] as Format[];
}

/** The effective profile, checked before any file is read: an unknown id is a usage error listing the known ones. */
export function checkProfile(id: string | undefined): void {
  if (id !== undefined) getProfile(id);
}

export async function renderCommand(args: RenderArgs): Promise<number> {
  const { lang } = args;
  checkProfile(args.profile);
  const formats = parseFormats(args.format, lang);
  const inputs = args.rows !== undefined ? [] : await expandInputs(args.inputs);
  if (args.rows === undefined && inputs.length === 0) throw new UsageError(say(lang, m.noInput));
  if (args.name !== undefined && inputs.length > 1) {
    throw new UsageError(say(lang, m.nameNeedsOneInput));
  }
  // Last period's file belongs to one report: several inputs would all be compared with it.
  if (args.previous !== undefined && inputs.length > 1) throw new UsageError((l) => say(l, m.previousNeedsOneInput));
  // The name is a stem inside --out: "../x" would write outside it, "." a hidden "..pdf".
  if (args.name !== undefined && (/[/\\]/.test(args.name) || args.name.startsWith('.') || args.name.trim() === '')) {
    const name = args.name;
    throw new UsageError((l) => say(l, m.badName, name));
  }
  if (args.jobs !== undefined && !(Number.isInteger(args.jobs) && args.jobs >= 1)) {
    throw new UsageError(say(lang, m.badJobs));
  }
  if (args.creationDate !== undefined && !parseCreationDate(args.creationDate)) {
    const value = args.creationDate;
    throw new UsageError((l) => say(l, m.badCreationDate, value));
  }
  checkElectronic(args, formats);
  removeTempFiles(args.out); // leftovers of a crashed run, never a live process's
  if (args.rows !== undefined) return mergeCommand(args, formats);

  const progress = new Progress(inputs.length, lang);
  const stop = stopOnSignal(args.out);

  const results: JobResult[] = [];
  const start = performance.now();
  try {
    await runBatch(
      inputs,
      jobOptions(args, formats),
      {
        ...(args.jobs ? { threads: args.jobs } : {}),
        signal: stop.signal,
        onResult: (r) => {
          results.push(r);
          if (!args.json) progress.message(describeProblems(r, lang));
          progress.result(r);
        },
      },
    );
  } catch (e) {
    if (!stop.stoppedBy()) throw e;
  } finally {
    stop.release();
    progress.end();
  }
  const stoppedBy = stop.stoppedBy();
  const ms = performance.now() - start;
  // Report in input order, whatever order the workers finished in.
  const order = new Map(inputs.map((f, i) => [f, i]));
  results.sort((a, b) => order.get(a.input)! - order.get(b.input)!);
  if (args.json) {
    process.stdout.write(summaryJson(results, ms, stoppedBy !== undefined) + '\n');
  } else {
    process.stdout.write(summaryTable(results, lang, ms) + '\n');
  }
  if (stoppedBy) {
    process.stderr.write(`${say(lang, m.stopped, results.length, inputs.length)}\n`);
    return exitOfSignal(stoppedBy);
  }
  return exitCodeOf(results.map((r) => r.status));
}

/** What every document of a render takes from the command line: the same for a file and for a row (--rows). */
function jobOptions(args: RenderArgs, formats: Format[]): JobOptions {
  return {
    formats, outDir: args.out, force: args.force, lang: args.lang, kindDirs: registeredKindDirs(),
    ...(args.profile ? { profile: args.profile } : {}), ...(args.name ? { name: args.name } : {}), ...(args.legacy ? { legacy: args.legacy } : {}),
    ...(args.previous !== undefined ? { previous: path.resolve(args.previous) } : {}),
    ...(args.pdfa ? { pdfa: args.pdfa } : {}), ...(args.eml ? { eml: true } : {}), ...(args.creationDate ? { creationDate: args.creationDate } : {}),
    ...(args.electronic ? { electronic: true } : {}), ...(args.signLayout ? { signLayout: true } : {}),
    ...(args.appendices === 'separate' ? { appendices: 'separate' as const } : {}), ...(args.signedAt ? { signedAt: args.signedAt } : {}),
  };
}

/** --sign-layout reads the PDF's layout; --signed-at must be a full ISO 8601 time with its zone. */
function checkElectronic(args: RenderArgs, formats: Format[]): void {
  if (args.signLayout && !formats.includes('pdf')) throw new UsageError((l) => say(l, em.signLayoutNeedsPdf));
  const at = args.signedAt;
  if (at !== undefined && !parseSignedAt(at)) throw new UsageError((l) => say(l, em.badSignedAt, at));
}

/** `render [base.yaml] --rows so-lieu.xlsx`: one document per row, one summary line per row; every render option applies to each row. */
async function mergeCommand(args: RenderArgs, formats: Format[]): Promise<number> {
  const { lang } = args;
  if (args.inputs.length > 1) throw new UsageError(say(lang, sheetMessages.mergeOneBase));
  if (args.inputs.length === 0 && !args.kind) throw new UsageError(say(lang, sheetMessages.mergeNeedKind));
  if (args.previous !== undefined) throw new UsageError(say(lang, sheetMessages.mergeNoPrevious));
  const { renderRows } = await import('../../sheets/merge.js');
  const stop = stopOnSignal(args.out);
  const start = performance.now();
  const results: JobResult[] = [];
  try {
    results.push(...(await renderRows({
      ...jobOptions(args, formats),
      rows: args.rows!, signal: stop.signal,
      ...(args.inputs[0] ? { base: args.inputs[0] } : {}), ...(args.kind ? { kind: args.kind } : {}),
      ...(args.sheet !== undefined ? { sheet: /^\d+$/.test(args.sheet) ? Number(args.sheet) : args.sheet } : {}),
      ...(args.headerRow !== undefined ? { headerRow: args.headerRow } : {}), ...(args.jobs ? { threads: args.jobs } : {}),
      onResult: (r) => {
        if (!args.json) {
          const text = describeProblems(r, lang);
          if (text) process.stderr.write(text + '\n');
        }
      },
      onNotice: (m) => process.stderr.write(m + '\n'),
    })));
  } catch (e) {
    if (!stop.stoppedBy()) throw e;
  } finally {
    stop.release();
  }
  const ms = performance.now() - start;
  const stoppedBy = stop.stoppedBy();
  process.stdout.write((args.json ? summaryJson(results, ms, stoppedBy !== undefined) : summaryTable(results, lang, ms)) + '\n');
  if (stoppedBy) return exitOfSignal(stoppedBy);
  return exitCodeOf(results.map((r) => r.status));
}

/**
 * Ctrl-C or SIGTERM during a render (files or rows): abort the batch and remove this process's
 * temporary files at once, so a second Ctrl-C or a kill leaves none behind.
 */
function stopOnSignal(outDir: string): { signal: AbortSignal; stoppedBy(): NodeJS.Signals | undefined; release(): void } {
  const controller = new AbortController();
  // Every queued task listens for the abort: a batch has as many listeners as inputs, by design.
  setMaxListeners(0, controller.signal);
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    controller.abort(new Error('interrupted'));
    removeTempFiles(outDir, process.pid);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    stoppedBy: () => stoppedBy,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** 128 + the signal's number, as a shell reports it: 130 for Ctrl-C, 143 for SIGTERM. */
function exitOfSignal(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? EXIT.interrupted + 13 : EXIT.interrupted;
}
