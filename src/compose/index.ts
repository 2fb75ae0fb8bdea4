import { readdirSync, existsSync } from 'node:fs';
import { readKindFile } from '../limits/files.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { handlebars, handlebarsRuntime } from './engine.js';
import type { HelperOptions } from 'handlebars';
import { markupTags } from '../document/markup.js';
import { InvalidDataError, TemplateKindError, errorText, type Wording } from '../messages/errors.js';
import { limitError, limits } from '../limits/index.js';
import { composeMessages } from '../messages/compose.js';
import { say } from '../messages/types.js';
import { helpers } from './helpers.js';
import { parseErrorText } from './strict.js';
import { COMPILE_OPTIONS, cachedSpec, specKey, specObject } from './specs.js';

/**
 * compose: a kind's Handlebars template + validated data → body markup (a small HTML subset,
 * see src/document/markup.ts). Templates are always read as strings and compiled here; nothing
 * else is ever handed to Handlebars.compile.
 */

/** The built-in templates folder (…/templates beside src/ and dist/). */
export const builtinTemplateDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A template that cannot be compiled or run, with the file and line it points at: exit 3. */
export class TemplateError extends TemplateKindError {
  /** The detail in Vietnamese (the message without the file and line). */
  readonly detail: string;

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: Wording,
  ) {
    const word = typeof detail === 'string' ? () => detail : detail;
    super((lang) => say(lang, composeMessages.templateError, `${file}${line ? `:${line}` : ''}`, word(lang)));
    this.detail = word('vi');
  }
}

export interface CompiledTemplate {
  file: string;
  /**
   * The body and partial sources, to point at the line a piece of text came from; `name` is the
   * file relative to the kinds folder ("qp-an/body.hbs"), as positions in the Document name it.
   */
  sources: { file: string; name: string; text: string }[];
  /** The body markup, with a `<!--@F:L-->` position marker (source F, line L) before each block tag. */
  render(data: unknown): string;
}

/** The block tags that get a position marker: what becomes a node of the Document tree. */
const BLOCK_TAG = /<(h[1-3]|p|ul|li|table|tr|td|th|pagebreak|appendix|part|bases|basis)(?![\w-])/gi;

/**
 * Put a `<!--@F:L-->` marker before every block tag of the template's literal text (never inside
 * a mustache), so the parser can tell which template line each node came from. The markers are
 * HTML comments: they add no text and no line, and the parser reads them only for positions.
 */
function markPositions(env: typeof Handlebars, source: string, index: number): string {
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const inserts: { at: number; marker: string }[] = [];
  const visitor = new (handlebars().Visitor)();
  visitor.ContentStatement = (node: hbs.AST.ContentStatement) => {
    // `original` is the text as written (its types say otherwise); `value` may be trimmed by ~.
    const original = node.original as unknown as string;
    const start = lineStarts[node.loc.start.line - 1]! + node.loc.start.column;
    for (const m of original.matchAll(BLOCK_TAG)) {
      const line = node.loc.start.line + (original.slice(0, m.index).split('\n').length - 1);
      inserts.push({ at: start + m.index, marker: `<!--@${index}:${line}-->` });
    }
  };
  visitor.accept(handlebars().parse(source));
  let out = source;
  for (const { at, marker } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + marker + out.slice(at);
  return out;
}

/** The first template line containing `needle`, as "file:line". */
export function findInTemplate(template: CompiledTemplate, needle: string): string | undefined {
  for (const { file, text } of template.sources) {
    const i = text.indexOf(needle);
    if (i >= 0) return `${file}:${text.slice(0, i).split('\n').length}`;
  }
  return undefined;
}

const cache = new Map<string, CompiledTemplate>();

/** What a kind's folder says about its template beyond the template itself (kind.yaml `places:`). */
export interface TemplateSettings {
  /** Decimal places of percentages when a helper call gives none. */
  places?: number;
}
const settings = new Map<string, TemplateSettings>();

/** Set by the kind registry when a kind loads; read at each render, so a reloaded kind takes effect. */
export function configureTemplate(folder: string, value: TemplateSettings): void {
  settings.set(path.resolve(folder), value);
}

/** Compile (once per process) the body template of the folder `templates/<name>` or an absolute folder. */
export function loadTemplate(name: string, templateDir = builtinTemplateDir): CompiledTemplate {
  const folder = path.resolve(templateDir, name);
  const cached = cache.get(folder);
  if (cached) return cached;
  const file = path.join(folder, 'body.hbs');
  if (!existsSync(file)) throw new TemplateError(file, undefined, (lang) => say(lang, composeMessages.templateNotFound));

  const sources = templateSources(folder);
  // Templates the build compiled need only Handlebars' runtime; any other needs its compiler.
  const env = (sources.every((s, i) => cachedSpec(s.text, i) !== undefined) ? handlebarsRuntime() : handlebars()).create();
  for (const [helperName, fn] of Object.entries(helpers)) {
    env.registerHelper(helperName, wrapHelper(helperName, fn, file));
  }
  boundEach(env, file);
  for (let i = 1; i < sources.length; i++) {
    env.registerPartial(path.basename(sources[i]!.file).slice(0, -4), compileString(env, sources[i]!.text, sources[i]!.file, i));
  }
  const template = compileString(env, sources[0]!.text, file, 0);
  const compiled: CompiledTemplate = {
    file,
    sources,
    render(data) {
      try {
        // Prototype access is denied by default; saying so explicitly stops Handlebars printing three
        // English lines on stderr for each denied name (strict.ts refuses such names when the kind loads).
        return template(data, {
          data: { baocao: { ...settings.get(folder) } },
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        }).normalize('NFC');
      } catch (e) {
        // A limit reached while composing (boundEach) keeps its own message and exit code.
        if (e instanceof TemplateError || e instanceof InvalidDataError) throw e;
        throw new TemplateError(file, lineOf(e), (e as Error).message);
      }
    },
  };
  cache.set(folder, compiled);
  return compiled;
}

/**
 * `{{#each}}` that stops once what it has produced passes the composed-markup limit. The limit was
 * checked on the finished markup only, and nested loops over a list of the data never finish it
 * (four levels over 200 items: 1.6 billion paragraphs, 3 GB in a minute before the time limit).
 * Each loop counts its own output; an inner loop's output is part of the outer one's, so no string
 * grows much past the limit and the refusal comes after about that many characters of work.
 */
function boundEach(env: typeof Handlebars, file: string): void {
  const each = env.helpers.each as (this: unknown, context: unknown, options: HelperOptions) => string;
  env.registerHelper('each', function (this: unknown, context: unknown, options: HelperOptions) {
    const max = limits().markupChars;
    const fn = options.fn;
    let produced = 0;
    const counted = ((value: unknown, o?: Handlebars.RuntimeOptions) => {
      const out = fn(value, o);
      produced += out.length;
      if (produced > max) throw limitError(file, 'markupChars');
      return out;
    }) as Handlebars.TemplateDelegate;
    return each.call(this, context, { ...options, fn: counted });
  });
}

/** A kind folder's template sources: the body is source 0; partials follow in name order. */
function templateSources(folder: string): CompiledTemplate['sources'] {
  const kindName = path.basename(folder);
  const file = path.join(folder, 'body.hbs');
  const sources: CompiledTemplate['sources'] = [{ file, name: `${kindName}/body.hbs`, text: readTemplateSource(folder, file) }];
  const partialDir = path.join(folder, 'partials');
  if (existsSync(partialDir)) {
    for (const entry of readdirSync(partialDir).sort()) {
      if (!entry.endsWith('.hbs')) continue;
      const partialFile = path.join(partialDir, entry);
      sources.push({ file: partialFile, name: `${kindName}/partials/${entry}`, text: readTemplateSource(folder, partialFile) });
    }
  }
  return sources;
}

/** The precompiled specs of these kind folders' templates, by specKey (the build's spec cache, src/compose/specs.ts). */
export function templateSpecs(folders: string[]): Record<string, string> {
  const env = handlebars().create();
  const out: Record<string, string> = {};
  for (const folder of folders) {
    templateSources(folder).forEach(({ text }, i) => {
      out[specKey(text, i)] = env.precompile(markPositions(env, text, i), { ...COMPILE_OPTIONS }) as unknown as string;
    });
  }
  return out;
}

function readTemplateSource(folder: string, file: string): string {
  const source = readKindFile(folder, file).replace(/^\uFEFF/, '').normalize('NFC');
  checkTags(source, file);
  return source;
}

/**
 * Compile eagerly, once: syntax errors surface now with their line (Handlebars' own compile would
 * wait for the first render), and a built-in template found in the build's spec cache is not
 * compiled at all (src/compose/specs.ts).
 */
function compileString(env: typeof Handlebars, source: string, file: string, index: number): Handlebars.TemplateDelegate {
  let spec: string;
  try {
    spec = cachedSpec(source, index) ?? (env.precompile(markPositions(env, source, index), { ...COMPILE_OPTIONS }) as unknown as string);
  } catch (e) {
    throw new TemplateError(file, lineOf(e), (lang) => parseErrorText((e as Error).message, lang));
  }
  return env.template(specObject(spec));
}

/** Every tag in the template source must belong to the markup vocabulary. */
function checkTags(source: string, file: string): void {
  // Blank out mustaches first so `{{#if a < b}}`-like text is not taken for a tag.
  // A scan with indexOf: /\{\{[\s\S]*?\}\}/g is quadratic on many unclosed "{{".
  let plain = '';
  let from = 0;
  for (;;) {
    const open = source.indexOf('{{', from);
    const close = open < 0 ? -1 : source.indexOf('}}', open + 2);
    if (close < 0) break;
    plain += source.slice(from, open) + source.slice(open, close + 2).replace(/[^\n]/g, ' ');
    from = close + 2;
  }
  plain += source.slice(from);
  const tagRe = /<\/?([A-Za-z][A-Za-z0-9-]*)/g;
  for (let m = tagRe.exec(plain); m; m = tagRe.exec(plain)) {
    const tag = m[1]!.toLowerCase();
    if (!markupTags.has(tag)) {
      const line = plain.slice(0, m.index).split('\n').length;
      throw new TemplateError(file, line, (lang) => say(lang, composeMessages.unsupportedTag, tag, [...markupTags].join(', ')));
    }
  }
}

function wrapHelper(name: string, fn: (...a: unknown[]) => unknown, file: string) {
  return function (this: unknown, ...a: unknown[]) {
    try {
      return fn.apply(this, a);
    } catch (e) {
      // A limit reached by a loop inside this helper's block (boundEach): the limit's own refusal.
      if (e instanceof InvalidDataError) throw e;
      const loc = (a[a.length - 1] as HelperOptions & { loc?: { start: { line: number } } }).loc;
      // The helper's own message may already name it ("helper "qty" needs …"): say it once.
      throw new TemplateError(file, loc?.start.line, (lang) => {
        const text = errorText(e, lang);
        return text.startsWith(`helper "${name}"`) ? text : `helper "${name}": ${text}`;
      });
    }
  };
}

function lineOf(e: unknown): number | undefined {
  const err = e as { lineNumber?: number; message?: string };
  if (typeof err.lineNumber === 'number') return err.lineNumber;
  const m = /line (\d+)/.exec(err.message ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Forget compiled templates (watch mode, tests). */
export function clearTemplateCache(): void {
  cache.clear();
}
