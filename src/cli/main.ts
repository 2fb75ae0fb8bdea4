#!/usr/bin/env node
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { TemplateError } from '../compose/index.js';
import { MarkupError } from '../document/parse.js';
import { formatProblems } from '../load/index.js';
import type { Lang } from '../load/index.js';
import { listKinds } from '../model/index.js';
import { writeFileAtomic } from '../output/index.js';
import { FORMATS, VERSION, buildDocument, loadReport, outputStem, renderDocument } from '../pipeline/index.js';
import type { Format } from '../pipeline/index.js';
import { yargsVi } from './yargs-vi.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, invalidData: 2, template: 3, io: 4, usage: 64 } as const;


/** Wrong use of the command line: printed with a pointer to --help, exit 64. */
class UsageError extends Error {}

function langOf(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return v === 'en' ? 'en' : 'vi';
}

function parseFormats(value: string | string[]): Format[] {
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`định dạng "${f}" không hỗ trợ; chọn: ${FORMATS.join(', ')}`);
    }
  }
  return [...new Set(list)] as Format[];
}

async function renderCommand(files: string[], outDir: string, formats: Format[], lang: Lang): Promise<number> {
  const t = (v: string, e: string) => (lang === 'vi' ? v : e);
  let exit: number = EXIT.ok;
  const worst = (code: number) => {
    if (exit === EXIT.ok || code < exit) exit = code;
  };
  for (const file of files) {
    const loaded = await loadReport(file, lang);
    if (!loaded.ok) {
      const io = loaded.problems.every((p) => p.code === 'io');
      process.stderr.write(formatProblems(loaded.problems, lang) + '\n');
      process.stderr.write(t(`${file}: không dựng văn bản; không ghi tệp nào.\n`, `${file}: not rendered; no file written.\n`));
      worst(io ? EXIT.io : EXIT.invalidData);
      continue;
    }
    if (loaded.warnings.length > 0) process.stderr.write(formatProblems(loaded.warnings, lang) + '\n');
    let outputs: { target: string; bytes: Buffer }[];
    try {
      const doc = buildDocument(loaded.kind, loaded.report);
      const stem = outputStem(loaded.kind, loaded.report);
      outputs = [];
      // Render every format before writing any, so a failure leaves no partial set behind.
      for (const format of formats) {
        outputs.push({ target: path.join(outDir, `${stem}.${format}`), bytes: await renderDocument(doc, format, loaded.kind.profile) });
      }
    } catch (e) {
      if (e instanceof TemplateError || e instanceof MarkupError) {
        process.stderr.write(`${e.message}\n`);
        worst(EXIT.template);
        continue;
      }
      throw e;
    }
    try {
      for (const o of outputs) {
        await writeFileAtomic(o.target, o.bytes);
        process.stdout.write(`${o.target}\n`);
      }
    } catch (e) {
      process.stderr.write(t(`Không ghi được tệp: ${(e as Error).message}\n`, `Cannot write file: ${(e as Error).message}\n`));
      worst(EXIT.io);
    }
  }
  return exit;
}

async function validateCommand(files: string[], lang: Lang): Promise<number> {
  let exit: number = EXIT.ok;
  for (const file of files) {
    const loaded = await loadReport(file, lang);
    if (!loaded.ok) {
      process.stderr.write(formatProblems(loaded.problems, lang) + '\n');
      exit = loaded.problems.every((p) => p.code === 'io') ? EXIT.io : EXIT.invalidData;
      continue;
    }
    if (loaded.warnings.length > 0) process.stderr.write(formatProblems(loaded.warnings, lang) + '\n');
    process.stdout.write(lang === 'vi' ? `${file}: hợp lệ (${loaded.kind.id})\n` : `${file}: valid (${loaded.kind.id})\n`);
  }
  return exit;
}

export async function main(argv: string[]): Promise<number> {
  const lang = langOf(argv);
  const t = (v: string, e: string) => (lang === 'vi' ? v : e);
  let exitCode: number = EXIT.ok;
  const cli = yargs(argv)
    .scriptName('baocao')
    .locale('en')
    .usage(t('$0 <lệnh> [tùy chọn]\n\nDựng văn bản hành chính (Nghị định 30/2020/NĐ-CP) từ tệp số liệu YAML/JSON.',
      '$0 <command> [options]\n\nRender Vietnamese administrative documents (Decree 30/2020) from YAML/JSON data files.'))
    .option('lang', { type: 'string', choices: ['vi', 'en'], default: 'vi', describe: t('Ngôn ngữ thông báo', 'Message language') })
    .command(
      'render <data-file...>',
      t('Dựng văn bản PDF từ tệp số liệu', 'Render data files to PDF'),
      (y) =>
        y
          .positional('data-file', { type: 'string', array: true, demandOption: true, describe: t('Tệp số liệu (.yaml, .yml, .json)', 'Data files (.yaml, .yml, .json)') })
          .option('out', { alias: 'o', type: 'string', default: 'out', describe: t('Thư mục ghi kết quả', 'Output folder') })
          .option('format', { alias: 'f', type: 'string', default: 'pdf', describe: t(`Định dạng, cách nhau bởi dấu phẩy (${FORMATS.join(', ')})`, `Formats, comma-separated (${FORMATS.join(', ')})`) })
          .example('$0 render data/nghi-son-qp-an-2020.yaml', t('Dựng văn bản mẫu vào out/', 'Render the sample into out/'))
          .example('$0 render bao-cao.yaml --out van-ban --format pdf', t('Ghi PDF vào thư mục van-ban/', 'Write the PDF into van-ban/')),
      async (args) => {
        exitCode = await renderCommand(args['data-file'] as string[], args.out, parseFormats(args.format), lang);
      },
    )
    .command(
      'validate <data-file...>',
      t('Kiểm tra tệp số liệu, không ghi tệp nào', 'Check data files without writing anything'),
      (y) => y.positional('data-file', { type: 'string', array: true, demandOption: true }),
      async (args) => {
        exitCode = await validateCommand(args['data-file'] as string[], lang);
      },
    )
    .command(
      'kinds',
      t('Liệt kê các loại văn bản', 'List document kinds'),
      () => {},
      () => {
        for (const k of listKinds()) process.stdout.write(`${k.id}\t${k.title}\n`);
      },
    )
    .demandCommand(1, t('Hãy chọn một lệnh (xem --help).', 'Choose a command (see --help).'))
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    });
  // yargs types its strings as plain text, but y18n also takes { one, other } plural forms.
  if (lang === 'vi') cli.updateStrings(yargsVi as unknown as Record<string, string>);
  try {
    await cli.parseAsync();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${t('Xem: baocao --help', 'See: baocao --help')}\n`);
    return EXIT.usage;
  }
  return exitCode;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
