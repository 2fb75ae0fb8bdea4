import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatProblems } from '../../load/index.js';
import type { Lang } from '../../load/index.js';
import { sheetMessages } from '../../messages/sheets.js';
import { findKind, kindJsonSchema, listKinds, starterFile } from '../../model/index.js';
import { writeFileAtomic } from '../../output/index.js';
import { ExistsError, IoError, UsageError } from '../../messages/errors.js';
import { EXIT } from '../exit.js';
import { invocation } from '../invocation.js';
import { cliMessages as m } from '../../messages/cli.js';
import { say } from '../../messages/types.js';

/** A starting data file for a kind, with its JSON Schema beside it for editor completion. */
export async function initCommand(args: { kind: string; file?: string; force: boolean; lang: Lang; list?: string; sheet?: string; headerRow?: number }): Promise<number> {
  const { lang } = args;
  const kind = requireKind(args.kind);
  const file = args.file ?? `${kind.id}.yaml`;
  if (existsSync(file) && !args.force) throw new ExistsError((l) => say(l, m.initExists, file));
  const command = invocation();
  const starter = starterFile(kind, { today: today(), command, file });
  if (args.list !== undefined) {
    // A list started from a sheet the office already keeps (src/sheets/starter.ts).
    const list = /^([^=]+)=(.+)$/.exec(args.list);
    if (!list) throw new UsageError((l) => say(l, sheetMessages.initListBad));
    const { starterWithSheet } = await import('../../sheets/starter.js');
    const sheet = args.sheet === undefined ? undefined : /^\d+$/.test(args.sheet) ? Number(args.sheet) : args.sheet;
    const r = starterWithSheet(starter.yaml, kind, file, { field: list[1]!, sheetFile: list[2]!, ...(sheet !== undefined ? { sheet } : {}), ...(args.headerRow !== undefined ? { headerRow: args.headerRow } : {}) }, args.lang);
    if ('problems' in r) {
      process.stderr.write(formatProblems(r.problems, args.lang) + '\n');
      return EXIT.invalidData;
    }
    starter.yaml = r.yaml;
    process.stderr.write(say(args.lang, sheetMessages.initListDone, list[1]!, list[2]!, r.records) + '\n');
  }
  const schemaPath = path.join(path.dirname(file), starter.schemaFile);
  for (const [target, text] of [[file, starter.yaml], [schemaPath, JSON.stringify(kindJsonSchema(kind), null, 2) + '\n']] as const) {
    try {
      await writeFileAtomic(target, Buffer.from(text, 'utf8'));
    } catch (e) {
      throw new IoError((l) => say(l, m.cannotWriteFile, target, (e as Error).message));
    }
  }
  process.stdout.write(`${file}\n${schemaPath}\n`);
  process.stderr.write(`${say(lang, m.initCreated, file, command)}\n`);
  return EXIT.ok;
}

/**
 * Today, for the starter's year: the clock, or BAOCAO_TODAY (YYYY-MM-DD) so a test or a clerk
 * preparing next year's file in December can say which day it is.
 */
function today(): Date {
  const given = process.env.BAOCAO_TODAY;
  if (given === undefined || given === '') return new Date();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(given) ? new Date(`${given}T12:00:00+07:00`) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new UsageError((l) => say(l, m.badToday, given));
  return d;
}

/** The kind's JSON Schema on stdout. */
export function schemaCommand(args: { kind: string; lang: Lang }): number {
  const kind = requireKind(args.kind);
  process.stdout.write(JSON.stringify(kindJsonSchema(kind), null, 2) + '\n');
  return EXIT.ok;
}

/** A kind named on the command line: unknown is a usage error listing the known ones. */
function requireKind(id: string) {
  const kind = findKind(id);
  if (!kind) throw new UsageError((lang) => say(lang, m.unknownKind, id, listKinds().map((k) => k.id).join(', ')));
  return kind;
}
