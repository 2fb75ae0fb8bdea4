import { readFile } from 'node:fs/promises';
import { extractSource, isPdf } from '../../archive/extract.js';
import type { Lang } from '../../load/index.js';
import { writeFileAtomic } from '../../output/index.js';
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
    process.stderr.write(`${say(lang, m.cannotReadFile, args.pdf, code)}\n`);
    return EXIT.io;
  }
  const source = isPdf(args.pdf, bytes) ? await extractSource(bytes) : undefined;
  if (!source) {
    process.stderr.write(`${say(lang, isPdf(args.pdf, bytes) ? m.pdfWithoutSource : m.notAPdf, args.pdf)}\n`);
    return EXIT.invalidData;
  }
  const about = [source.kind, source.version ? `baocao ${source.version}` : undefined].filter(Boolean).join(', ');
  if (args.stdout) {
    process.stdout.write(source.bytes);
    return EXIT.ok;
  }
  const target = args.out ?? source.name;
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
    process.stderr.write(`${say(lang, m.extractKept, target)}\n`);
    return EXIT.exists;
  }
  try {
    await writeFileAtomic(target, source.bytes);
  } catch (e) {
    process.stderr.write(`${say(lang, m.cannotWriteFile, target, (e as Error).message)}\n`);
    return EXIT.io;
  }
  process.stdout.write(`${say(lang, m.extracted, target, about)}\n`);
  return EXIT.ok;
}
