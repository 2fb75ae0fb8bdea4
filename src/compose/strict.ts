import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { handlebars } from './engine.js';
import type { Lang } from '../load/index.js';
import { suggest } from '../load/index.js';
import { readKindFile } from '../limits/files.js';
import { composeMessages } from '../messages/compose.js';
import { say } from '../messages/types.js';
import { contextOf, elementOf, isList, isOpen, keysOf, resolvePath } from '../model/shape.js';
import type { Context } from '../model/shape.js';
import { helpers } from './helpers.js';

/**
 * Strict templates: every placeholder of a kind's body.hbs and partials must name a field the kind
 * declares (or a helper), checked when the kind loads by walking the Handlebars syntax tree, so a
 * misspelt `{{polce.unit}}` is a kind error at its line instead of a paragraph silently left out
 * when the data arrives. A declared optional field that the data leaves out still renders as
 * nothing. Contexts follow Handlebars: `{{#each}}` and `{{#with}}` enter a list's record or an
 * object (and `../` leaves it), block parameters name them, `@root` is the data, other `@` names
 * are Handlebars' own.
 */

const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);
const isHelper = (name: string) => BUILTIN_HELPERS.has(name) || Object.hasOwn(helpers, name);
const helperNames = () => [...BUILTIN_HELPERS, ...Object.keys(helpers)];

type Problem = (lang: Lang) => string;

interface Frame {
  ctx: Context;
  params: Map<string, Context>;
}

interface Source {
  file: string;
  ast: hbs.AST.Program;
}

/** The problems of a kind folder's templates against its schema, each worded with file:line:column. */
export function templateProblems(folder: string, schema: unknown): Problem[] {
  const problems: Problem[] = [];
  const body = readSource(folder, path.join(folder, 'body.hbs'), problems);
  const partials = new Map<string, Source | undefined>();
  const partialDir = path.join(folder, 'partials');
  if (existsSync(partialDir)) {
    for (const entry of readdirSync(partialDir).sort()) {
      if (entry.endsWith('.hbs')) partials.set(entry.slice(0, -4), readSource(folder, path.join(partialDir, entry), problems));
    }
  }
  if (!body) return problems;
  const root = contextOf(schema);
  const walking = new Set<string>();
  const seen = new Set<string>();

  const report = (file: string, loc: hbs.AST.SourceLocation, detail: (lang: Lang) => string) => {
    const where = `${file}:${loc.start.line}:${loc.start.column + 1}`;
    // One problem per place: a partial walked from two contexts must not say it twice.
    const key = `${where} ${detail('en')}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push((lang) => say(lang, composeMessages.templateError, where, detail(lang)));
  };

  const walkProgram = (program: hbs.AST.Program | undefined, stack: Frame[], file: string) => {
    for (const st of program?.body ?? []) walkStatement(st, stack, file);
  };

  /** The context a path names, or undefined (reported) when it names nothing declared. */
  const resolve = (p: hbs.AST.PathExpression, stack: Frame[], file: string): Context | undefined => {
    const parts = p.parts.map(String);
    if (p.data) {
      if (parts[0] !== 'root') return [];
      return check(p, root, parts.slice(1), file);
    }
    const explicitThis = /^(this|\.)([./]|$)/.test(p.original);
    if (p.depth === 0 && !explicitThis && parts.length > 0) {
      for (let i = stack.length - 1; i >= 0; i--) {
        const bound = stack[i]!.params.get(parts[0]!);
        if (bound) return check(p, bound, parts.slice(1), file);
      }
    }
    const frame = stack[stack.length - 1 - p.depth];
    if (!frame) return [];
    return check(p, frame.ctx, parts, file);
  };

  /** A name of Object.prototype (constructor, __proto__, toString …): Handlebars refuses to read it. */
  const reserved = (name: string, loc: hbs.AST.SourceLocation, shown: string, file: string) => {
    if (!(name in Object.prototype)) return false;
    report(file, loc, (lang) => say(lang, composeMessages.reservedName, shown, name));
    return true;
  };

  const check = (p: hbs.AST.PathExpression, ctx: Context, parts: string[], file: string): Context | undefined => {
    if (parts.some((part) => reserved(part, p.loc, `{{${p.original}}}`, file))) return undefined;
    const r = resolvePath([...ctx], parts);
    if (r.ok) return r.ctx;
    const name = parts.slice(0, r.failedAt + 1).join('.');
    const hint = suggest(parts[r.failedAt]!, r.keys);
    const fix = hint ? [...parts.slice(0, r.failedAt), hint].join('.') : undefined;
    report(file, p.loc, (lang) => say(lang, composeMessages.unknownField, p.original, name, fix));
    return undefined;
  };

  const expression = (e: hbs.AST.Expression, stack: Frame[], file: string): Context | undefined => {
    if (e.type === 'PathExpression') return resolve(e as hbs.AST.PathExpression, stack, file);
    if (e.type === 'SubExpression') {
      const sub = e as hbs.AST.SubExpression;
      call(sub.path, sub.params, sub.hash, stack, file);
      return [];
    }
    return [];
  };

  /** A helper call: the helper must exist; its arguments and hash values are checked as paths. */
  const call = (name: hbs.AST.PathExpression, params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined, stack: Frame[], file: string) => {
    if (!isHelper(name.original)) {
      const hint = suggest(name.original, helperNames());
      report(file, name.loc, (lang) => say(lang, composeMessages.unknownHelper, name.original, hint));
    }
    for (const p of params) expression(p, stack, file);
    for (const pair of hash?.pairs ?? []) expression(pair.value, stack, file);
    const key = params[1];
    if (name.original === 'lookup' && key?.type === 'StringLiteral') {
      const value = (key as hbs.AST.StringLiteral).value;
      reserved(value, key.loc, `{{lookup … "${value}"}}`, file);
    }
  };

  const isSimple = (p: hbs.AST.PathExpression) => !p.data && p.depth === 0 && p.parts.length === 1 && !/^(this|\.)/.test(p.original);

  const walkStatement = (st: hbs.AST.Statement, stack: Frame[], file: string): void => {
    switch (st.type) {
      case 'MustacheStatement': {
        const m = st as hbs.AST.MustacheStatement;
        if (m.path.type !== 'PathExpression') return;
        const p = m.path as hbs.AST.PathExpression;
        if (m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 || (isSimple(p) && isHelper(p.original))) call(p, m.params, m.hash, stack, file);
        else resolve(p, stack, file);
        return;
      }
      case 'BlockStatement': {
        const b = st as hbs.AST.BlockStatement;
        const name = b.path.original;
        const params = b.program?.blockParams ?? [];
        if (name === 'each' || name === 'with' || !isHelper(name) || !isSimple(b.path)) {
          // each/with/a block on a path: the body runs in the named value (a list's record, an object).
          const target = name === 'each' || name === 'with' ? b.params[0] : b.path;
          if (name === 'each' || name === 'with') for (const pair of b.hash?.pairs ?? []) expression(pair.value, stack, file);
          const ctx = target ? expression(target, stack, file) : [];
          const open = !ctx || isOpen(ctx);
          const eachLike = name === 'each' || (name !== 'with' && !open && isList(ctx!));
          const inner: Context = open ? [] : eachLike ? elementOf(ctx!) : name === 'with' || keysOf(ctx!).length > 0 ? ctx! : stack[stack.length - 1]!.ctx;
          const bound = new Map<string, Context>();
          if (params[0]) bound.set(params[0], inner);
          if (params[1]) bound.set(params[1], []);
          walkProgram(b.program, [...stack, { ctx: inner, params: bound }], file);
          walkProgram(b.inverse, stack, file);
          return;
        }
        call(b.path, b.params, b.hash, stack, file);
        walkProgram(b.program, stack, file);
        walkProgram(b.inverse, stack, file);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const ps = st as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement;
        for (const p of ps.params) expression(p, stack, file);
        for (const pair of ps.hash?.pairs ?? []) expression(pair.value, stack, file);
        if ('program' in ps) walkProgram(ps.program, stack, file);
        if (ps.name.type !== 'PathExpression') return;
        const partialName = (ps.name as hbs.AST.PathExpression).original;
        const partial = partials.get(partialName);
        // A partial given a hash sees extra names: not checked (rare, and never in a built-in kind).
        if (!partial || walking.has(partialName) || (ps.hash?.pairs.length ?? 0) > 0) return;
        const ctx = ps.params[0] ? (expression(ps.params[0], stack, file) ?? []) : stack[stack.length - 1]!.ctx;
        walking.add(partialName);
        walkProgram(partial.ast, [...stack, { ctx, params: new Map() }], partial.file);
        walking.delete(partialName);
        return;
      }
      default:
        return;
    }
  };

  walkProgram(body.ast, [{ ctx: root, params: new Map() }], body.file);
  return problems;
}

function readSource(folder: string, file: string, problems: Problem[]): Source | undefined {
  const text = readKindFile(folder, file).replace(/^\uFEFF/, '').normalize('NFC');
  try {
    return { file, ast: handlebars().parse(text) };
  } catch (e) {
    const err = e as { lineNumber?: number; message?: string };
    const line = err.lineNumber ?? Number(/line (\d+)/.exec(err.message ?? '')?.[1] ?? 0);
    problems.push((lang) => say(lang, composeMessages.templateError, `${file}${line ? `:${line}` : ''}`, parseErrorText(err.message ?? '', lang)));
    return undefined;
  }
}

/** Handlebars' parse error in the reader's words, keeping its excerpt (the line and the caret). */
export function parseErrorText(message: string, lang: Lang): string {
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) return say(lang, composeMessages.blockMismatch, mismatch[1]!, mismatch[2]!);
  const lines = message.split('\n');
  const excerpt = lines.slice(1, 3).join('\n');
  const got = /got '(\w+)'/.exec(message)?.[1];
  const detail = got === 'EOF' ? say(lang, composeMessages.unclosedBlock) : say(lang, composeMessages.syntaxError);
  return excerpt ? `${detail}\n${excerpt}` : detail;
}
