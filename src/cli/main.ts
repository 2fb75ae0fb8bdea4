#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { BaocaoError, UsageError } from '../messages/errors.js';
import { FORMATS, PDFA_LEVELS, VERSION } from '../pipeline/index.js';
import type { LegacyOption, PdfA } from '../pipeline/index.js';
import { checkCommand } from './commands/check.js';
import { extractCommand } from './commands/extract.js';
import { kindsCommand } from './commands/kinds.js';
import { initCommand, schemaCommand } from './commands/init.js';
import { renderCommand } from './commands/render.js';
import { serveCommand } from './commands/serve.js';
import { validateCommand } from './commands/validate.js';
import { watchCommand } from './commands/watch.js';
import { EXIT } from './exit.js';
import { langOf } from './i18n.js';
import { cliMessages as m } from '../messages/cli.js';
import { say } from '../messages/types.js';
import { limitsMessages as lm } from '../messages/limits.js';
import { defaultLimits, setLimits } from '../limits/index.js';
import { yargsVi } from './yargs-vi.js';
import { kindsOption, registerKindDirs } from './inputs.js';

/**
 * The command line: argument handling and printing only; the work is in src/batch and the
 * pipeline. Help and messages are Vietnamese unless `--lang en`.
 */
export async function main(argv: string[]): Promise<number> {
  const lang = langOf(argv);
  let exitCode: number = EXIT.ok;
  let verbose = false;
  const formatsHelp = say(lang, m.formatsHelp, FORMATS.join(', '));

  const cli = yargs(argv)
    .scriptName('baocao')
    .locale('en')
    .usage(say(lang, m.usage))
    .option('lang', { type: 'string', choices: ['vi', 'en'], default: 'vi', describe: say(lang, m.langHelp) })
    .option('kinds', kindsOption(say(lang, m.kindsHelp)))
    .option('verbose', { type: 'boolean', default: false, describe: say(lang, lm.helpVerbose) })
    .option('max-input-bytes', { type: 'number', describe: say(lang, lm.helpLimit, say(lang, lm.limit_inputBytes), defaultLimits.inputBytes) })
    .option('max-paragraph-chars', { type: 'number', describe: say(lang, lm.helpLimit, say(lang, lm.limit_paragraphChars), defaultLimits.paragraphChars) })
    .option('max-depth', { type: 'number', describe: say(lang, lm.helpLimit, say(lang, lm.limit_dataDepth), defaultLimits.dataDepth) })
    .option('max-markup-depth', { type: 'number', describe: say(lang, lm.helpLimit, say(lang, lm.limit_markupDepth), defaultLimits.markupDepth) })
    .option('max-markup-chars', { type: 'number', describe: say(lang, lm.helpLimit, say(lang, lm.limit_markupChars), defaultLimits.markupChars) })
    .option('max-keys', { type: 'number', describe: say(lang, lm.helpLimit, say(lang, lm.limit_mappingKeys), defaultLimits.mappingKeys) })
    .option('max-memory-mb', { type: 'number', describe: say(lang, lm.helpLimit, say(lang, lm.limit_memoryMb), defaultLimits.memoryMb) })
    .middleware((a) => {
      verbose = a.verbose === true;
      // Set before any kind loads or worker starts: workers read them from BAOCAO_LIMITS.
      setLimits({
        inputBytes: a.maxInputBytes as number | undefined,
        paragraphChars: a.maxParagraphChars as number | undefined,
        dataDepth: a.maxDepth as number | undefined,
        markupDepth: a.maxMarkupDepth as number | undefined,
        markupChars: a.maxMarkupChars as number | undefined,
        mappingKeys: a.maxKeys as number | undefined,
        memoryMb: a.maxMemoryMb as number | undefined,
      });
      registerKindDirs(a.kinds);
    })
    .command(
      ['render [inputs...]', 'dung'],
      say(lang, m.renderCommand),
      (y) =>
        y
          .positional('inputs', { type: 'string', array: true, describe: say(lang, m.renderInputs) })
          .check((a) => {
            if ((a.inputs as string[] | undefined)?.length || a.rows !== undefined) return true;
            throw new UsageError((l) => say(l, m.renderNeedsInput));
          })
          .option('rows', { type: 'string', describe: say(lang, m.renderRows) })
          .option('sheet', { type: 'string', describe: say(lang, m.renderSheet) })
          .option('header-row', { type: 'number', describe: say(lang, m.renderHeaderRow) })
          .option('kind', { type: 'string', describe: say(lang, m.renderKind) })
          .option('out', { alias: 'o', type: 'string', default: 'out', describe: say(lang, m.outHelp) })
          .option('format', { alias: 'f', type: 'string', default: FORMATS.join(','), describe: formatsHelp })
          .option('profile', { type: 'string', describe: say(lang, m.renderProfile) })
          .option('force', { type: 'boolean', default: false, describe: say(lang, m.renderForce) })
          .option('name', { type: 'string', describe: say(lang, m.renderName) })
          .option('json', { type: 'boolean', default: false, describe: say(lang, m.renderJson) })
          .option('legacy', { type: 'string', choices: ['tcvn3', 'vni', 'unicode'], describe: say(lang, m.legacyHelp) })
          .option('jobs', { alias: 'j', type: 'number', describe: say(lang, m.renderJobs) })
          .option('pdfa', {
            type: 'string', choices: PDFA_LEVELS as PdfA[], default: '3b',
            describe: say(lang, m.renderPdfa),
          })
          .option('eml', { type: 'boolean', default: false, describe: say(lang, m.renderEml) })
          .option('creation-date', { type: 'string', describe: say(lang, m.renderCreationDate) })
          .example('$0 render data/nghi-son-qp-an-2020.yaml', say(lang, m.renderExampleSample))
          .example('$0 render out/2020-12-09_BC-UBND_qp-an-2020.pdf --eml', say(lang, m.renderExamplePdf))
          .example('$0 render so-lieu/ --out van-ban --format pdf', say(lang, m.renderExampleFolder))
          .example('$0 render "xa-*.yaml" --json', say(lang, m.renderExampleGlob))
          .example('$0 render mau-xa.yaml --rows so-lieu-xa.xlsx', say(lang, m.renderExampleRows)),
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
      say(lang, m.extractCommand),
      (y) =>
        y
          .positional('pdf', { type: 'string', demandOption: true, describe: say(lang, m.extractPdf) })
          .option('out', { alias: 'o', type: 'string', describe: say(lang, m.extractOut) })
          .option('stdout', { type: 'boolean', describe: say(lang, m.extractStdout) })
          .conflicts('stdout', 'out')
          .option('force', { type: 'boolean', default: false, describe: say(lang, m.extractForce) })
          .example('$0 extract out/2020-12-09_BC-UBND_qp-an-2020.pdf --out so-lieu.yaml', say(lang, m.extractExample)),
      async (a) => {
        exitCode = await extractCommand({ pdf: a.pdf, force: a.force, stdout: a.stdout === true, lang, ...(a.out !== undefined ? { out: a.out } : {}) });
      },
    )
    .command(
      'check <files...>',
      say(lang, m.checkCommand),
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: say(lang, m.checkFiles) })
          .option('profile', { type: 'string', choices: ['nd30', 'dang'], describe: say(lang, m.checkProfile) })
          .option('json', { type: 'boolean', default: false, describe: say(lang, m.checkJson) })
          .option('fix', { type: 'string', describe: say(lang, m.checkFix) })
          .example('$0 check bao-cao.docx', say(lang, m.checkExample))
          .example('$0 check *.docx --json', say(lang, m.checkExampleJson))
          .example('$0 check bao-cao.docx --fix bao-cao-da-sua.docx', say(lang, m.checkExampleFix)),
      async (a) => {
        exitCode = await checkCommand({ files: a.files as string[], json: a.json, lang, ...(a.profile ? { profile: a.profile } : {}), ...(a.fix !== undefined ? { fix: a.fix } : {}) });
      },
    )
    .command(
      'validate <inputs...>',
      say(lang, m.validateCommand),
      (y) =>
        y
          .positional('inputs', { type: 'string', array: true, demandOption: true, describe: say(lang, m.validateInputs) })
          .option('json', { type: 'boolean', default: false, describe: say(lang, m.validateJson) })
          .option('legacy', { type: 'string', choices: ['tcvn3', 'vni', 'unicode'], describe: say(lang, m.legacyHelp) })
          .example('$0 validate bao-cao.yaml', say(lang, m.validateExample)),
      async (a) => {
        exitCode = await validateCommand({ inputs: a.inputs as string[], json: a.json, lang, ...(a.legacy ? { legacy: a.legacy as LegacyOption } : {}) });
      },
    )
    .command(
      'init <kind> [file]',
      say(lang, m.initCommand),
      (y) =>
        y
          .positional('kind', { type: 'string', demandOption: true, describe: say(lang, m.initKind) })
          .positional('file', { type: 'string', describe: say(lang, m.initFile) })
          .option('force', { type: 'boolean', default: false, describe: say(lang, m.initForce) })
          .option('list', { type: 'string', describe: say(lang, m.initList) })
          .option('sheet', { type: 'string', describe: say(lang, m.initSheet) })
          .option('header-row', { type: 'number', describe: say(lang, m.initHeaderRow) })
          .example('$0 init qp-an bao-cao-2021.yaml', say(lang, m.initExample))
          .example('$0 init qp-an bao-cao-2021.yaml --list communes=so-lieu-xa.xlsx', say(lang, m.initExampleList)),
      async (a) => {
        exitCode = await initCommand({ kind: a.kind, force: a.force, lang, ...(a.file ? { file: a.file } : {}),
          ...(a.list !== undefined ? { list: a.list } : {}), ...(a.sheet !== undefined ? { sheet: a.sheet } : {}), ...(a.headerRow !== undefined ? { headerRow: a.headerRow } : {}) });
      },
    )
    .command(
      'schema <kind>',
      say(lang, m.schemaCommand),
      (y) => y.positional('kind', { type: 'string', demandOption: true }).example('$0 schema qp-an > qp-an.schema.json', say(lang, m.schemaExample)),
      (a) => {
        exitCode = schemaCommand({ kind: a.kind, lang });
      },
    )
    .command(
      'kinds',
      say(lang, m.kindsCommand),
      (y) => y.option('json', { type: 'boolean', default: false, describe: say(lang, m.kindsJson) }),
      (a) => {
        exitCode = kindsCommand({ json: a.json });
      },
    )
    .command(
      'watch <input>',
      say(lang, m.watchCommand),
      (y) =>
        y
          .positional('input', { type: 'string', demandOption: true })
          .option('out', { alias: 'o', type: 'string', default: 'out', describe: say(lang, m.outHelp) })
          .option('format', { alias: 'f', type: 'string', default: FORMATS.join(','), describe: formatsHelp })
          .option('profile', { type: 'string', describe: say(lang, m.watchProfile) })
          .option('force', { type: 'boolean', default: false, describe: say(lang, lm.watchForce) })
          .option('legacy', { type: 'string', choices: ['tcvn3', 'vni', 'unicode'], describe: say(lang, m.legacyHelp) })
          .example('$0 watch bao-cao.yaml', say(lang, m.watchExample)),
      async (a) => {
        exitCode = await watchCommand({ input: a.input, out: a.out, format: a.format, lang, force: a.force === true, ...(a.profile ? { profile: a.profile } : {}), ...(a.legacy ? { legacy: a.legacy as LegacyOption } : {}) });
      },
    )
    .command(
      'serve [folder]',
      say(lang, m.serveCommand),
      (y) =>
        y
          .positional('folder', { type: 'string', default: '.', describe: say(lang, m.serveFolder) })
          .option('port', { type: 'number', describe: say(lang, m.servePort) })
          .option('host', { type: 'string', default: '127.0.0.1', describe: say(lang, m.serveHost) })
          .option('open', { type: 'boolean', default: true, describe: say(lang, m.serveOpen) })
          .example('$0 serve', say(lang, m.serveExample))
          .example('$0 serve so-lieu --no-open --port 8080', say(lang, m.serveExamplePort)),
      async (a) => {
        exitCode = await serveCommand({ folder: a.folder ?? '.', open: a.open, host: a.host, lang, ...(a.port !== undefined ? { port: a.port } : {}) });
      },
    )
    .demandCommand(1, say(lang, m.chooseCommand))
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
    // An error raised on purpose ends the run with its own exit code (src/messages/errors.ts).
    if (!(e instanceof BaocaoError)) throw e;
    process.stderr.write(`${e.text(lang)}\n`);
    // The cause's stack (pdf.js, the file system …) only when asked for: a clerk gets the sentence.
    if (verbose && e.cause instanceof Error && e.cause.stack) process.stderr.write(`${e.cause.stack}\n`);
    if (e instanceof UsageError) process.stderr.write(`${say(lang, m.seeHelp)}\n`);
    return e.exitCode;
  }
  return exitCode;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${say(langOf(hideBin(process.argv)), m.unexpected, (e as Error).stack ?? String(e))}\n`);
    process.exitCode = EXIT.internal;
  },
);
