#!/usr/bin/env node
import { createRequire } from 'node:module';
import type YargsFactory from 'yargs';
import { electronicMessages as em } from '../messages/electronic.js';
import { hideBin } from 'yargs/helpers';
import { BaocaoError, UsageError } from '../messages/errors.js';
import { FORMATS, VERSION } from '../pipeline/formats.js';
import type { LegacyOption } from '../pipeline/index.js';
import { PDFA_LEVELS } from '../render/pdf/archive.js';
import type { PdfA } from '../render/pdf/archive.js';
import { signMessages as sm } from '../messages/sign.js';
import { EXIT } from './exit.js';
import { langOf } from './i18n.js';
import { cliMessages as m } from '../messages/cli.js';
import { say } from '../messages/types.js';
import { limitsMessages as lm } from '../messages/limits.js';
import { defaultLimits, setLimits } from '../limits/index.js';
import { yargsVi } from './yargs-vi.js';
import { invocation } from './invocation.js';

// yargs' CommonJS build: its cliui wraps help text at word boundaries (wrap-ansi), while the ES
// module build's cliui cuts every line at the column width, mid-word ("bo|dy.hbs").
const yargs = createRequire(import.meta.url)('yargs') as typeof YargsFactory;
import { kindsOption, registerKindDirs } from './inputs.js';

/**
 * The command line: argument handling and printing only; the work is in src/batch and the
 * pipeline. Help and messages are Vietnamese unless `--lang en`.
 *
 * Each command's handler lives in src/cli/commands/<name>.ts and is loaded by `import()` only when
 * that command runs (the build makes each a chunk of its own): `baocao validate` never loads the
 * PDF writer, `baocao --help` loads no pipeline at all. A new command follows the same pattern.
 */
export async function main(argv: string[]): Promise<number> {
  const lang = langOf(argv);
  let exitCode: number = EXIT.ok;
  let verbose = false;
  const formatsHelp = say(lang, m.formatsHelp, FORMATS.join(', '));
  // Examples and hints print the command that works where the user is (src/cli/invocation.ts).
  const command = invocation();

  const cli = yargs(argv)
    .scriptName(command)
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
    .option('max-seconds', { type: 'number', describe: say(lang, lm.helpLimit, say(lang, lm.limit_renderSeconds), defaultLimits.renderSeconds) })
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
        renderSeconds: a.maxSeconds as number | undefined,
      });
      return registerKindDirs(a.kinds);
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
          .option('previous', { type: 'string', describe: say(lang, m.previousHelp) })
          .option('jobs', { alias: 'j', type: 'number', describe: say(lang, m.renderJobs) })
          .option('pdfa', {
            type: 'string', choices: PDFA_LEVELS as PdfA[], default: '3b',
            describe: say(lang, m.renderPdfa),
          })
          .option('eml', { type: 'boolean', default: false, describe: say(lang, m.renderEml) })
          .option('creation-date', { type: 'string', describe: say(lang, m.renderCreationDate) })
          .option('electronic', { type: 'boolean', default: false, describe: say(lang, em.helpElectronic) })
          .option('sign-layout', { type: 'boolean', default: false, describe: say(lang, em.helpSignLayout) })
          .option('appendices', { type: 'string', choices: ['same', 'separate'], default: 'same', describe: say(lang, em.helpAppendices) })
          .option('signed-at', { type: 'string', describe: say(lang, em.helpSignedAt) })
          .example('$0 render data/nghi-son-qp-an-2020.yaml', say(lang, m.renderExampleSample))
          .example('$0 render out/2020-12-09_BC-UBND_nghi-son_qp-an-2020.pdf --eml', say(lang, m.renderExamplePdf))
          .example('$0 render so-lieu/ --out van-ban --format pdf', say(lang, m.renderExampleFolder))
          .example('$0 render "xa-*.yaml" --json', say(lang, m.renderExampleGlob))
          .example('$0 render mau-xa.yaml --rows so-lieu-xa.xlsx', say(lang, m.renderExampleRows)),
      async (a) => {
        const { renderCommand } = await import('./commands/render.js');
        exitCode = await renderCommand({
          inputs: (a.inputs as string[] | undefined) ?? [], out: a.out, format: a.format, force: a.force, json: a.json, lang,
          ...(a.profile ? { profile: a.profile } : {}), ...(a.name ? { name: a.name } : {}), ...(a.jobs !== undefined ? { jobs: a.jobs } : {}),
          ...(a.legacy ? { legacy: a.legacy as LegacyOption } : {}), ...(a.previous !== undefined ? { previous: a.previous } : {}),
          pdfa: a.pdfa as PdfA, eml: a.eml, ...(a.creationDate ? { creationDate: a.creationDate } : {}),
          ...(a.rows !== undefined ? { rows: a.rows } : {}), ...(a.sheet !== undefined ? { sheet: a.sheet } : {}),
          ...(a.headerRow !== undefined ? { headerRow: a.headerRow } : {}), ...(a.kind !== undefined ? { kind: a.kind } : {}),
          electronic: a.electronic, signLayout: a.signLayout, appendices: a.appendices as 'same' | 'separate', ...(a.signedAt ? { signedAt: a.signedAt } : {}),
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
          .example('$0 extract out/2020-12-09_BC-UBND_nghi-son_qp-an-2020.pdf --out so-lieu.yaml', say(lang, m.extractExample)),
      async (a) => {
        const { extractCommand } = await import('./commands/extract.js');
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
        const { checkCommand } = await import('./commands/check.js');
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
          .option('previous', { type: 'string', describe: say(lang, m.previousHelp) })
          .example('$0 validate bao-cao.yaml', say(lang, m.validateExample)),
      async (a) => {
        const { validateCommand } = await import('./commands/validate.js');
        exitCode = await validateCommand({ inputs: a.inputs as string[], json: a.json, lang, ...(a.legacy ? { legacy: a.legacy as LegacyOption } : {}), ...(a.previous !== undefined ? { previous: a.previous } : {}) });
      },
    )
    .command(
      'init <kind> [file]',
      say(lang, m.initCommand),
      (y) =>
        y
          .positional('kind', { type: 'string', demandOption: true, describe: say(lang, m.initKind, command) })
          .positional('file', { type: 'string', describe: say(lang, m.initFile) })
          .option('force', { type: 'boolean', default: false, describe: say(lang, m.initForce) })
          .option('list', { type: 'string', describe: say(lang, m.initList) })
          .option('sheet', { type: 'string', describe: say(lang, m.initSheet) })
          .option('header-row', { type: 'number', describe: say(lang, m.initHeaderRow) })
          .example('$0 init qp-an bao-cao.yaml', say(lang, m.initExample))
          .example('$0 init qp-an bao-cao.yaml --list communes=so-lieu-xa.xlsx', say(lang, m.initExampleList)),
      async (a) => {
        const { initCommand } = await import('./commands/init.js');
        exitCode = await initCommand({ kind: a.kind, force: a.force, lang, ...(a.file ? { file: a.file } : {}),
          ...(a.list !== undefined ? { list: a.list } : {}), ...(a.sheet !== undefined ? { sheet: a.sheet } : {}), ...(a.headerRow !== undefined ? { headerRow: a.headerRow } : {}) });
      },
    )
    .command(
      'schema <kind>',
      say(lang, m.schemaCommand),
      (y) => y.positional('kind', { type: 'string', demandOption: true }).example('$0 schema qp-an > qp-an.schema.json', say(lang, m.schemaExample)),
      async (a) => {
        const { schemaCommand } = await import('./commands/init.js');
        exitCode = schemaCommand({ kind: a.kind, lang });
      },
    )
    .command(
      'kinds',
      say(lang, m.kindsCommand),
      (y) => y.option('json', { type: 'boolean', default: false, describe: say(lang, m.kindsJson) }),
      async (a) => {
        const { kindsCommand } = await import('./commands/kinds.js');
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
        const { watchCommand } = await import('./commands/watch.js');
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
        const { serveCommand } = await import('./commands/serve.js');
        exitCode = await serveCommand({ folder: a.folder ?? '.', open: a.open, host: a.host, lang, ...(a.port !== undefined ? { port: a.port } : {}) });
      },
    )
    .command(
      'sign <pdf>',
      say(lang, sm.signCommand),
      (y) =>
        y
          .positional('pdf', { type: 'string', demandOption: true, describe: say(lang, sm.signPdf) })
          .option('p12', { type: 'string', demandOption: true, describe: say(lang, sm.signP12) })
          .option('password-file', { type: 'string', describe: say(lang, sm.signPasswordFile) })
          .option('reason', { type: 'string', describe: say(lang, sm.signReason) })
          .option('location', { type: 'string', describe: say(lang, sm.signLocation) })
          .option('visible', { type: 'boolean', default: false, describe: say(lang, sm.signVisible) })
          .option('sign-layout', { type: 'string', describe: say(lang, sm.signLayout) })
          .option('image', { type: 'string', describe: say(lang, sm.signImage) })
          .option('role', { type: 'string', choices: ['signer', 'seal', 'issuer-stamp'], default: 'signer', describe: say(lang, sm.signRole) })
          .option('out', { alias: 'o', type: 'string', describe: say(lang, sm.signOut) })
          .option('force', { type: 'boolean', default: false, describe: say(lang, sm.signForce) })
          .example('$0 sign bao-cao.pdf --p12 chu-ky.p12 --password-file mat-khau.txt', say(lang, sm.signExample))
          .example('$0 sign bao-cao.pdf --p12 chu-ky.p12 --visible --image chu-ky.png', say(lang, sm.signExampleVisible)),
      async (a) => {
        const { signCommand } = await import('./commands/sign.js');
        exitCode = await signCommand({
          pdf: a.pdf, p12: a.p12, visible: a.visible, role: a.role as 'signer' | 'seal' | 'issuer-stamp', force: a.force, lang,
          ...(a.passwordFile !== undefined ? { passwordFile: a.passwordFile } : {}), ...(a.reason !== undefined ? { reason: a.reason } : {}),
          ...(a.location !== undefined ? { location: a.location } : {}), ...(a.signLayout !== undefined ? { signLayout: a.signLayout } : {}),
          ...(a.image !== undefined ? { image: a.image } : {}), ...(a.out !== undefined ? { out: a.out } : {}),
        });
      },
    )
    .command(
      'inspect <file>',
      say(lang, sm.inspectCommand),
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: say(lang, sm.inspectFile) })
          .option('json', { type: 'boolean', default: false, describe: say(lang, sm.inspectJson) })
          .example('$0 inspect bao-cao.signed.pdf', say(lang, sm.inspectExample)),
      async (a) => {
        const { inspectCommand } = await import('./commands/inspect.js');
        exitCode = await inspectCommand({ file: a.file, json: a.json, lang });
      },
    )
    .demandCommand(1, say(lang, m.chooseCommand))
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    // The terminal's width, or COLUMNS when piped (a pager, a test), at most 100.
    .wrap(Math.min(100, process.stdout.columns || Number(process.env.COLUMNS) || 100))
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
    if (e instanceof UsageError) process.stderr.write(`${say(lang, m.seeHelp, command)}\n`);
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
