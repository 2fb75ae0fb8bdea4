import { readFile } from 'node:fs/promises';
import { extractName, extractSource, isPdf } from '../../archive/extract.js';
import { limitsMessages } from '../../messages/limits.js';
import type { Lang } from '../../load/index.js';
import { writeFileAtomic } from '../../output/index.js';
import { ExistsError, InvalidDataError, IoError } from '../../messages/errors.js';
import { EXIT } from '../exit.js';
import { cliMessages as m } from '../../messages/cli.js';
import { say } from '../../messages/types.js';

/**
 * `baocao extract <pdf>`: the data file embedded in a PDF/A-3 rendered by baocao, byte for byte.
 * Written under its own name in the current folder, to --out FILE, or to stdout with --stdout.
 */
export async function extractCommand(args: { pdf: string; out?: string; stdout?: boolean; force: boolean; lang: Lang }): Promise<number> {
  const { lang } = args;
  let bytes: Buffer;
  try {
    bytes = await readFile(args.pdf);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new IoError((l) => say(l, m.cannotReadFile, args.pdf, code));
  }
  let source;
  try {
    source = isPdf(args.pdf, bytes) ? await extractSource(bytes) : undefined;
  } catch (e) {
    if (!(e instanceof InvalidDataError)) throw e;
    const error = new InvalidDataError((l) => `${args.pdf}: ${e.text(l)}`);
    error.cause = e.cause;
    throw error;
  }
  if (!source) {
    const message = isPdf(args.pdf, bytes) ? m.pdfWithoutSource : m.notAPdf;
    throw new InvalidDataError((l) => say(l, message, args.pdf));
  }
  const about = [source.kind, source.version ? `baocao ${source.version}` : undefined].filter(Boolean).join(', ');
  if (args.stdout) {
    process.stdout.write(source.bytes);
    return EXIT.ok;
  }
  const chosen = extractName(source.name, args.pdf);
  const target = args.out ?? chosen.name;
  if (!args.out && chosen.derived) process.stderr.write(`${say(lang, limitsMessages.extractRenamed, source.name, target)}\n`);
  let existing: Buffer | undefined;
  try {
    existing = await readFile(target);
  } catch {
    existing = undefined;
  }
  if (existing?.equals(source.bytes)) {
    process.stdout.write(`${say(lang, m.extractUnchanged, target, about)}\n`);
    return EXIT.ok;
  }
  if (existing && !args.force) {
    throw new ExistsError((l) => say(l, m.extractKept, target));
  }
  try {
    await writeFileAtomic(target, source.bytes);
  } catch (e) {
    throw new IoError((l) => say(l, m.cannotWriteFile, target, (e as Error).message));
  }
  process.stdout.write(`${say(lang, m.extracted, target, about)}\n`);
  return EXIT.ok;
}
