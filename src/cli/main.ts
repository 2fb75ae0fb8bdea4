#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { KindError, listKinds, registerKindDir } from '../model/index.js';
import { FORMATS, PDFA_LEVELS, VERSION } from '../pipeline/index.js';
import type { LegacyOption, PdfA } from '../pipeline/index.js';
import { extractCommand } from './commands/extract.js';
import { initCommand, schemaCommand } from './commands/init.js';
import { renderCommand } from './commands/render.js';
import { validateCommand } from './commands/validate.js';
import { watchCommand } from './commands/watch.js';
import { EXIT, UsageError } from './exit.js';
import { langOf, translator } from './i18n.js';
import { yargsVi } from './yargs-vi.js';

/**
 * The command line: argument handling and printing only; the work is in src/batch and the
 * pipeline. Help and messages are Vietnamese unless `--lang en`.
 */
export async function main(argv: string[]): Promise<number> {
  const lang = langOf(argv);
  const t = translator(lang);
  let exitCode: number = EXIT.ok;
  const formatsHelp = t(`Định dạng, cách nhau bởi dấu phẩy (${FORMATS.join(', ')})`, `Formats, comma-separated (${FORMATS.join(', ')})`);

  const cli = yargs(argv)
    .scriptName('baocao')
    .locale('en')
    .usage(t('$0 <lệnh> [tùy chọn]\n\nDựng văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp số liệu YAML/JSON.',
      '$0 <command> [options]\n\nRender Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from YAML/JSON data files.'))
    .option('lang', { type: 'string', choices: ['vi', 'en'], default: 'vi', describe: t('Ngôn ngữ thông báo', 'Message language') })
    .option('kinds', {
      type: 'string', array: true,
      describe: t('Thư mục loại văn bản của đơn vị (có kind.yaml và body.hbs), hoặc thư mục chứa nhiều thư mục như vậy',
        'Your own kind folder (with kind.yaml and body.hbs), or a folder of such folders'),
    })
    .middleware((a) => {
      for (const dir of (a.kinds as string[] | undefined) ?? []) registerKindDir(dir);
    })
    .command(
      ['render [inputs...]', 'dung'],
      t('Dựng văn bản từ tệp số liệu (tệp, thư mục hoặc mẫu tên *.yaml)', 'Render data files (files, folders or globs)'),
      (y) =>
        y
          .positional('inputs', { type: 'string', array: true, describe: t('Tệp số liệu (.yaml, .yml, .json), thư mục hoặc mẫu tên', 'Data files (.yaml, .yml, .json), folders or globs') })
          .check((a) => {
            if ((a.inputs as string[] | undefined)?.length || a.rows !== undefined) return true;
            throw new UsageError(t('cần ít nhất một tệp số liệu (hoặc --rows)', 'at least one data file is needed (or --rows)'));
          })
          .option('rows', { type: 'string', describe: t('Trộn thư: mỗi dòng của bảng tính (.xlsx, .ods, .csv) là một văn bản; tệp số liệu (nếu có) là phần chung', 'Mail merge: one document per row of a spreadsheet (.xlsx, .ods, .csv); the data file (if any) is the shared part') })
          .option('sheet', { type: 'string', describe: t('Với --rows: tên sheet (mặc định sheet đầu)', 'With --rows: the sheet name (the first by default)') })
          .option('header-row', { type: 'number', describe: t('Với --rows: số dòng tiêu đề cột', 'With --rows: the heading row number') })
          .option('kind', { type: 'string', describe: t('Với --rows không có tệp số liệu chung: loại văn bản (bắt đầu từ tệp mẫu của loại)', 'With --rows and no shared data file: the kind (its sample is the shared part)') })
          .option('out', { alias: 'o', type: 'string', default: 'out', describe: t('Thư mục ghi kết quả', 'Output folder') })
          .option('format', { alias: 'f', type: 'string', default: FORMATS.join(','), describe: formatsHelp })
          .option('profile', { type: 'string', describe: t('Bố cục (mặc định theo loại văn bản), ví dụ nd30', 'Layout profile (the kind\'s own by default), e.g. nd30') })
          .option('force', { type: 'boolean', default: false, describe: t('Ghi đè tệp kết quả đã có nếu khác nội dung', 'Overwrite existing outputs that differ') })
          .option('name', { type: 'string', describe: t('Tên tệp kết quả (không phần mở rộng), khi dựng một tệp', 'Output file name (no extension), for a single input') })
          .option('json', { type: 'boolean', default: false, describe: t('In bảng tổng hợp dạng JSON', 'Print the summary as JSON') })
          .option('legacy', { type: 'string', choices: ['tcvn3', 'vni', 'unicode'], describe: t('Chuyển chữ gõ bằng bảng mã cũ (tcvn3: .VnTime, vni: VNI-Times) sang Unicode; unicode: không dò bảng mã cũ', 'Convert text typed in a legacy encoding (tcvn3, vni) to Unicode; unicode: skip detection') })
          .option('jobs', { alias: 'j', type: 'number', describe: t('Số luồng dựng song song (mặc định: số lõi CPU)', 'Parallel workers (default: number of cores)') })
          .option('pdfa', {
            type: 'string', choices: PDFA_LEVELS as PdfA[], default: '3b',
            describe: t('Chuẩn lưu trữ của PDF: 3b = PDF/A-3b, kèm tệp số liệu nguồn bên trong; 2b = PDF/A-2b, không kèm tệp nào (PDF/A-2 không cho đính kèm); none = PDF thường, vẫn kèm số liệu',
              'Archival level of the PDF: 3b = PDF/A-3b with the source data file inside; 2b = PDF/A-2b, no attachment (PDF/A-2 allows none); none = plain PDF, still with the data inside'),
          })
          .option('eml', { type: 'boolean', default: false, describe: t('Ghi thêm <tên>.eml: thư điện tử nháp kèm các tệp đã dựng (không gửi đi)', 'Also write <name>.eml: an e-mail draft with the outputs attached (nothing is sent)') })
          .option('creation-date', { type: 'string', describe: t('Ngày tạo ghi trong thuộc tính tệp (YYYY-MM-DD), thay cho ngày của văn bản', 'Creation date for the file properties (YYYY-MM-DD), instead of the document\'s date') })
          .example('$0 render data/nghi-son-qp-an-2020.yaml', t('Dựng văn bản mẫu vào out/', 'Render the sample into out/'))
          .example('$0 render out/2020-12-09_BC-UBND_qp-an-2020.pdf --eml', t('Dựng lại từ số liệu nhúng trong PDF, kèm thư nháp .eml', 'Render again from the data inside a PDF, with an .eml draft'))
          .example('$0 render so-lieu/ --out van-ban --format pdf', t('Dựng mọi tệp trong thư mục so-lieu/ thành PDF', 'Render every file in so-lieu/ to PDF'))
          .example('$0 render "xa-*.yaml" --json', t('Dựng theo mẫu tên, in tổng hợp JSON', 'Render a glob, print a JSON summary'))
          .example('$0 render mau-xa.yaml --rows so-lieu-xa.xlsx', t('Trộn thư: một văn bản cho mỗi dòng của bảng tính', 'Mail merge: one document per row of the spreadsheet')),
      async (a) => {
        exitCode = await renderCommand({
          inputs: (a.inputs as string[] | undefined) ?? [], out: a.out, format: a.format, force: a.force, json: a.json, lang,
          ...(a.profile ? { profile: a.profile } : {}), ...(a.name ? { name: a.name } : {}), ...(a.jobs !== undefined ? { jobs: a.jobs } : {}),
          ...(a.legacy ? { legacy: a.legacy as LegacyOption } : {}),
          pdfa: a.pdfa as PdfA, eml: a.eml, ...(a.creationDate ? { creationDate: a.creationDate } : {}),
          ...(a.rows !== undefined ? { rows: a.rows } : {}), ...(a.sheet !== undefined ? { sheet: a.sheet } : {}),
          ...(a.headerRow !== undefined ? { headerRow: a.headerRow } : {}), ...(a.kind !== undefined ? { kind: a.kind } : {}),
        });
      },
    )
    .command(
      'extract <pdf>',
      t('Lấy tệp số liệu nguồn nhúng trong PDF/A-3 do baocao dựng (đúng từng byte)', 'Get the source data file out of a PDF/A-3 rendered by baocao (byte for byte)'),
      (y) =>
        y
          .positional('pdf', { type: 'string', demandOption: true, describe: t('Tệp PDF', 'PDF file') })
          .option('out', { alias: 'o', type: 'string', describe: t('Tệp sẽ ghi (mặc định: tên tệp nhúng, trong thư mục hiện tại)', 'File to write (default: the embedded name, in the current folder)') })
          .option('stdout', { type: 'boolean', describe: t('In số liệu ra stdout thay vì ghi tệp', 'Write the data to stdout instead of a file') })
          .conflicts('stdout', 'out')
          .option('force', { type: 'boolean', default: false, describe: t('Ghi đè nếu tệp đã có và khác nội dung', 'Overwrite an existing different file') })
          .example('$0 extract out/2020-12-09_BC-UBND_qp-an-2020.pdf --out so-lieu.yaml', t('Lấy lại số liệu của bản lưu trữ', 'Get the data of an archived copy back')),
      async (a) => {
        exitCode = await extractCommand({ pdf: a.pdf, force: a.force, stdout: a.stdout === true, lang, ...(a.out !== undefined ? { out: a.out } : {}) });
      },
    )
    .command(
      'validate <inputs...>',
      t('Kiểm tra tệp số liệu, báo mọi lỗi, không ghi tệp nào', 'Check data files, report every problem, write nothing'),
      (y) =>
        y
          .positional('inputs', { type: 'string', array: true, demandOption: true, describe: t('Tệp, thư mục hoặc mẫu tên', 'Files, folders or globs') })
          .option('json', { type: 'boolean', default: false, describe: t('In kết quả dạng JSON', 'Print the result as JSON') })
          .option('legacy', { type: 'string', choices: ['tcvn3', 'vni', 'unicode'], describe: t('Chuyển chữ gõ bằng bảng mã cũ (tcvn3: .VnTime, vni: VNI-Times) sang Unicode; unicode: không dò bảng mã cũ', 'Convert text typed in a legacy encoding (tcvn3, vni) to Unicode; unicode: skip detection') })
          .example('$0 validate bao-cao.yaml', t('Kiểm tra một tệp', 'Check one file')),
      async (a) => {
        exitCode = await validateCommand({ inputs: a.inputs as string[], json: a.json, lang, ...(a.legacy ? { legacy: a.legacy as LegacyOption } : {}) });
      },
    )
    .command(
      'init <kind> [file]',
      t('Tạo tệp số liệu mẫu cho một loại văn bản, có chú thích từng trường', 'Write a starting data file for a kind, every field explained'),
      (y) =>
        y
          .positional('kind', { type: 'string', demandOption: true, describe: t('Loại văn bản (xem: baocao kinds)', 'Document kind (see: baocao kinds)') })
          .positional('file', { type: 'string', describe: t('Tệp sẽ tạo (mặc định <loại>.yaml)', 'File to write (default <kind>.yaml)') })
          .option('force', { type: 'boolean', default: false, describe: t('Ghi đè nếu tệp đã có', 'Overwrite an existing file') })
          .option('list', { type: 'string', describe: t('Lấy một danh sách từ bảng tính: <trường>=<tệp .xlsx/.ods/.csv>', 'Take a list from a spreadsheet: <field>=<.xlsx/.ods/.csv file>') })
          .option('sheet', { type: 'string', describe: t('Với --list: tên sheet', 'With --list: the sheet name') })
          .option('header-row', { type: 'number', describe: t('Với --list: số dòng tiêu đề cột', 'With --list: the heading row number') })
          .example('$0 init qp-an bao-cao-2021.yaml', t('Tạo tệp số liệu báo cáo quốc phòng - an ninh', 'Start a defence-and-security report'))
          .example('$0 init qp-an bao-cao-2021.yaml --list communes=so-lieu-xa.xlsx', t('Bảng theo xã, phường lấy từ bảng tính', 'The per-commune table from a spreadsheet')),
      async (a) => {
        exitCode = await initCommand({ kind: a.kind, force: a.force, lang, ...(a.file ? { file: a.file } : {}),
          ...(a.list !== undefined ? { list: a.list } : {}), ...(a.sheet !== undefined ? { sheet: a.sheet } : {}), ...(a.headerRow !== undefined ? { headerRow: a.headerRow } : {}) });
      },
    )
    .command(
      'schema <kind>',
      t('In JSON Schema của một loại văn bản (để trình soạn thảo gợi ý)', 'Print the JSON Schema of a kind (for editor completion)'),
      (y) => y.positional('kind', { type: 'string', demandOption: true }).example('$0 schema qp-an > qp-an.schema.json', t('Lưu JSON Schema ra tệp', 'Save the JSON Schema')),
      (a) => {
        exitCode = schemaCommand({ kind: a.kind, lang });
      },
    )
    .command(
      'kinds',
      t('Liệt kê các loại văn bản', 'List the document kinds'),
      () => {},
      () => {
        for (const k of listKinds()) process.stdout.write(`${k.id}\t${k.title}\n`);
      },
    )
    .command(
      'watch <input>',
      t('Theo dõi tệp số liệu và mẫu, tự dựng lại khi có thay đổi', 'Re-render when the data file or a template changes'),
      (y) =>
        y
          .positional('input', { type: 'string', demandOption: true })
          .option('out', { alias: 'o', type: 'string', default: 'out', describe: t('Thư mục ghi kết quả', 'Output folder') })
          .option('format', { alias: 'f', type: 'string', default: FORMATS.join(','), describe: formatsHelp })
          .option('profile', { type: 'string', describe: t('Bố cục, ví dụ nd30', 'Layout profile, e.g. nd30') })
          .option('legacy', { type: 'string', choices: ['tcvn3', 'vni', 'unicode'], describe: t('Chuyển chữ gõ bằng bảng mã cũ (tcvn3: .VnTime, vni: VNI-Times) sang Unicode; unicode: không dò bảng mã cũ', 'Convert text typed in a legacy encoding (tcvn3, vni) to Unicode; unicode: skip detection') })
          .example('$0 watch bao-cao.yaml', t('Sửa tệp và xem kết quả cập nhật ngay', 'Edit and see the output update')),
      async (a) => {
        exitCode = await watchCommand({ input: a.input, out: a.out, format: a.format, lang, ...(a.profile ? { profile: a.profile } : {}), ...(a.legacy ? { legacy: a.legacy as LegacyOption } : {}) });
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
    if (e instanceof KindError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.template;
    }
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
    process.exitCode = EXIT.internal;
  },
);
