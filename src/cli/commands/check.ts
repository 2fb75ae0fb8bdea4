import { readFile } from 'node:fs/promises';
import { CheckInputError, checkBytes, fixBytes } from '../../check/index.js';
import { writeFileAtomic } from '../../output/index.js';
import type { CheckReport } from '../../check/index.js';
import { checkMessages as M } from '../../messages/check.js';
import { say } from '../../messages/types.js';
import type { Lang } from '../../messages/types.js';
import { profileIds } from '../../profile/index.js';
import { EXIT } from '../exit.js';

/**
 * `baocao check <files...>`: one line per finding (severity, element, found, expected with the
 * decree's section, where), then a summary per file; `--json` prints the reports instead.
 * Exit 0 without errors, 2 with format errors or a file that is not a DOCX/PDF, 4 when a file
 * cannot be read.
 */
export async function checkCommand(args: { files: string[]; profile?: string; json: boolean; lang: Lang; fix?: string }): Promise<number> {
  const { lang } = args;
  if (args.fix !== undefined && args.files.length !== 1) {
    process.stderr.write(`${say(lang, M.fixOneFile)}\n`);
    return EXIT.usage;
  }
  if (args.profile !== undefined && !profileIds().includes(args.profile)) {
    process.stderr.write(`${say(lang, M.unknownProfile, args.profile, profileIds().join(', '))}\n`);
    return EXIT.usage;
  }
  const reports: (CheckReport | { file: string; problem: string; exit: number })[] = [];
  let exit: number = EXIT.ok;
  for (const file of args.files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      const problem = say(lang, M.cannotRead, file, why);
      reports.push({ file, problem, exit: EXIT.io });
      if (!args.json) process.stderr.write(`${problem}\n`);
      exit = worst(exit, EXIT.io);
      continue;
    }
    try {
      const options = { name: file, lang, ...(args.profile ? { profile: args.profile } : {}) };
      const fixed = args.fix !== undefined ? await fixBytes(bytes, options) : undefined;
      const report = fixed?.report ?? (await checkBytes(bytes, options));
      reports.push(report);
      if (report.errors > 0) exit = worst(exit, EXIT.invalidData);
      if (!args.json) process.stdout.write(formatReport(report, lang));
      if (fixed && args.fix !== undefined) exit = worst(exit, await writeFix(args.fix, file, report.format, fixed.bytes, fixed.fixed.length, lang));
    } catch (e) {
      if (!(e instanceof CheckInputError)) throw e;
      const problem =
        e.reason === 'not-docx' ? say(lang, M.notDocx, file) : e.reason === 'broken-pdf' ? say(lang, M.brokenPdf, file) : say(lang, M.brokenDocx, file);
      reports.push({ file, problem, exit: EXIT.invalidData });
      if (!args.json) process.stderr.write(`${problem}\n`);
      exit = worst(exit, EXIT.invalidData);
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  return exit;
}

/** Write the corrected copy (never over an existing file); 0, or the exit code of the failure. */
async function writeFix(target: string, file: string, format: string, bytes: Uint8Array, count: number, lang: Lang): Promise<number> {
  if (format !== 'docx') {
    process.stderr.write(`${say(lang, M.fixDocxOnly, file)}\n`);
    return EXIT.invalidData;
  }
  try {
    await writeFileAtomic(target, bytes, { replace: false });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`${code === 'EEXIST' ? say(lang, M.fixExists, target) : say(lang, M.cannotWrite, target, code ?? (e as Error).message)}\n`);
    return code === 'EEXIST' ? EXIT.exists : EXIT.io;
  }
  process.stderr.write(`${say(lang, M.fixWritten, target, count)}\n`);
  return EXIT.ok;
}

/** The more serious of two exit codes (I/O over invalid data, as in the README's table). */
function worst(a: number, b: number): number {
  if (a === EXIT.ok) return b;
  if (b === EXIT.ok) return a;
  return Math.min(a, b);
}

export function formatReport(report: CheckReport, lang: Lang): string {
  let s = '';
  for (const f of report.findings) {
    s += `${say(lang, M.line, say(lang, f.severity === 'error' ? M.error : M.notice), f.element, f.found, f.expected, f.reference, f.at)}\n`;
  }
  s += `${say(lang, M.summary, report.file, report.errors, report.notices, report.profile)}\n`;
  return s;
}
