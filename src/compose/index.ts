import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { markupTags } from '../document/markup.js';
import { TemplateKindError, errorText, type Wording } from '../messages/errors.js';
import { composeMessages } from '../messages/compose.js';
import { say } from '../messages/types.js';
import { helpers } from './helpers.js';

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
  /** The body and partial sources, to point at the line a piece of text came from. */
  sources: { file: string; text: string }[];
  render(data: unknown): string;
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

/** Compile (once per process) the body template of the folder `templates/<name>` or an absolute folder. */
export function loadTemplate(name: string, templateDir = builtinTemplateDir): CompiledTemplate {
  const folder = path.resolve(templateDir, name);
  const cached = cache.get(folder);
  if (cached) return cached;
  const file = path.join(folder, 'body.hbs');
  if (!existsSync(file)) throw new TemplateError(file, undefined, (lang) => say(lang, composeMessages.templateNotFound));

  const env = Handlebars.create();
  for (const [helperName, fn] of Object.entries(helpers)) {
    env.registerHelper(helperName, wrapHelper(helperName, fn, file));
  }
  const sources: { file: string; text: string }[] = [];
  const partialDir = path.join(folder, 'partials');
  if (existsSync(partialDir)) {
    for (const entry of readdirSync(partialDir).sort()) {
      if (!entry.endsWith('.hbs')) continue;
      const partialFile = path.join(partialDir, entry);
      const source = readTemplateSource(partialFile);
      sources.push({ file: partialFile, text: source });
      env.registerPartial(entry.slice(0, -4), compileString(env, source, partialFile));
    }
  }
  const source = readTemplateSource(file);
  sources.unshift({ file, text: source });
  const template = compileString(env, source, file);
  const compiled: CompiledTemplate = {
    file,
    sources,
    render(data) {
      try {
        return template(data).normalize('NFC');
      } catch (e) {
        if (e instanceof TemplateError) throw e;
        throw new TemplateError(file, lineOf(e), (e as Error).message);
      }
    },
  };
  cache.set(folder, compiled);
  return compiled;
}

function readTemplateSource(file: string): string {
  const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').normalize('NFC');
  checkTags(source, file);
  return source;
}

/** Compile eagerly so syntax errors surface now, with their line, not at first render. */
function compileString(env: typeof Handlebars, source: string, file: string): Handlebars.TemplateDelegate {
  try {
    env.precompile(source); // parse only: throws on syntax errors with a line number
    return env.compile(source, { noEscape: false, strict: false, preventIndent: true });
  } catch (e) {
    const first = (e as Error).message.split('\n')[0];
    throw new TemplateError(file, lineOf(e), (lang) => first ?? say(lang, composeMessages.syntaxError));
  }
}

/** Every tag in the template source must belong to the markup vocabulary. */
function checkTags(source: string, file: string): void {
  // Blank out mustaches first so `{{#if a < b}}`-like text is not taken for a tag.
  const plain = source.replace(/\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' '));
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
      const loc = (a[a.length - 1] as HelperOptions & { loc?: { start: { line: number } } }).loc;
      throw new TemplateError(file, loc?.start.line, (lang) => `helper "${name}": ${errorText(e, lang)}`);
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
