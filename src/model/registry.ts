import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { formatProblems, parseSource, validate } from '../load/index.js';
import type { Lang, SourceDocument } from '../load/index.js';
import { templateProblems } from '../compose/strict.js';
import { configureTemplate } from '../compose/index.js';
import { kindFileProblems } from './kindcheck.js';
import { TemplateKindError, errorText } from '../messages/errors.js';
import { containedKindFile, readKindFile } from '../limits/files.js';
import { modelMessages } from '../messages/model.js';
import { say } from '../messages/types.js';
import { documentFields } from './common.js';
import { compileField, fillPlaceholders, kindFileSchema, runChecks } from './declarative.js';
import type { KindFile } from './declarative.js';
import { KindError } from './errors.js';
import { frameSchema } from './frame.js';
import type { KindDefinition, ReportBase } from './kind.js';
import { registeredDirs } from './dirs.js';
import { isVerifiedKind } from './verified.js';

/**
 * The kinds of document: one folder each (kind.yaml, body.hbs, partials/), the built-in ones under
 * templates/, and an office's own folders added by `--kinds DIR`, the BAOCAO_KINDS variable or a
 * baocao.config.yaml (`kinds: [folder, …]`) in the working folder. Nothing in src/ names a kind.
 */

export const builtinKindsDir = fileURLToPath(new URL('../../templates/', import.meta.url));

export { KindError };

/**
 * Kinds by id. A built-in kind is only a folder until someone asks for it (`Pending`): a render
 * needs its own kind, and loading one (YAML, schema, template checks) costs tens of milliseconds.
 * Its folder's name is its id; a clone whose folder says otherwise loads them all (see findKind).
 */
interface Pending {
  pending: string;
}
const kinds = new Map<string, KindDefinition | Pending>();
let initialised = false;

const isPending = (k: KindDefinition | Pending | undefined): k is Pending => k !== undefined && 'pending' in k;

/** Load one kind folder (the one holding kind.yaml). */
export function loadKindFolder(dir: string, builtin = false): KindDefinition {
  const file = path.join(dir, 'kind.yaml');
  let text: string;
  try {
    text = readKindFile(dir, file);
  } catch (e) {
    if (e instanceof TemplateKindError) throw e;
    throw new KindError((lang) => say(lang, modelMessages.kindUnreadable, file));
  }
  const { value: kindFile, source } = readChecked(text, file, kindFileSchema);
  if (!existsSync(path.join(dir, 'body.hbs'))) throw new KindError((lang) => say(lang, modelMessages.kindNoTemplate, dir));
  const kind = defineKind(kindFile, dir, file, source, isVerifiedKind(dir, text));
  configureTemplate(dir, kindFile.places !== undefined ? { places: kindFile.places } : {});
  // `init` reads the sample: an office's kind must keep it inside its folder (the built-in kinds share data/).
  if (!builtin && existsSync(kind.sample)) containedKindFile(dir, kind.sample);
  return kind;
}

/**
 * Parse and validate a YAML file of the kinds' own (kind.yaml, baocao.config.yaml). Kinds load
 * before anyone asks for a language, so the problems are worded again in the reader's.
 */
function readChecked<S extends z.ZodType>(text: string, file: string, schema: S): { value: z.output<S>; source: SourceDocument } {
  const check = (lang: Lang) => {
    const parsed = parseSource(text, file, lang);
    return parsed.source ? { ...validate(parsed.source, schema, lang), source: parsed.source } : { ok: false as const, problems: parsed.problems };
  };
  const result = check('vi');
  if (result.ok) return { value: result.value, source: result.source };
  throw new KindError((lang) => {
    const r = check(lang);
    return formatProblems(r.ok ? [] : r.problems, lang);
  });
}

function defineKind(k: KindFile, dir: string, file: string, source: SourceDocument, templatesVerified = false): KindDefinition {
  // A name of Object.prototype (constructor, toString, __proto__ …) would reach the prototype
  // chain: refused at any depth, with its line, before anything is compiled from it.
  const reserved = kindFileProblems({ ...k, checks: [] }, source, file, z.never());
  if (reserved.length > 0) throw new KindError((lang) => reserved.map((w) => w(lang)).join('\n'));
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(k.fields)) {
    if (Object.hasOwn(documentFields, name) || name === 'kind' || name === 'frame') throw new KindError((lang) => say(lang, modelMessages.kindSharedField, file, name));
    try {
      shape[name] = compileField(spec, name);
    } catch (e) {
      throw new KindError((lang) => `${file}: ${errorText(e, lang)}`);
    }
  }
  const errors = k.checks.filter((c) => c.severity === 'error');
  const schema = z
    .strictObject({
      ...documentFields,
      kind: z.literal(k.id).describe(`Loại văn bản: "${k.id}"`),
      frame: frameSchema,
      ...shape,
    })
    // `when`: error-level checks run even when other fields have problems, so the clerk sees them
    // all in one pass; runChecks skips a check whose fields are absent or not (yet) numbers.
    .superRefine((value, ctx) => {
      for (const f of runChecks(errors, value, 'error')) ctx.addIssue({ code: 'custom', path: f.path, message: f.message });
    }, { when: () => true })
    .describe(k.title) as unknown as z.ZodType<ReportBase, unknown>;
  // Templates the build already checked against this very kind.yaml are not parsed again (src/model/verified.ts).
  const problems = [...kindFileProblems(k, source, file, schema), ...(templatesVerified ? [] : templateProblems(dir, schema))];
  if (problems.length > 0) throw new KindError((lang) => problems.map((w) => w(lang)).join('\n'));
  return {
    id: k.id,
    title: k.title,
    typeName: k.type.name,
    profile: k.profile,
    template: dir,
    sample: path.resolve(dir, k.sample),
    schema,
    fields: k.fields,
    consistency: (report) => runChecks(k.checks, report, 'warning'),
    keywords: (report) => k.keywords.map((w) => fillPlaceholders(w, report)).filter(Boolean),
    fileStem: (report) => fillPlaceholders(k.fileStem, report),
  };
}

/** Kind folders in `dir`: the folder itself if it holds kind.yaml, else each sub-folder that does. */
function kindFolders(dir: string): string[] {
  if (existsSync(path.join(dir, 'kind.yaml'))) return [dir];
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new KindError((lang) => say(lang, modelMessages.kindNoFolder, dir));
  return readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name))
    .filter((sub) => existsSync(path.join(sub, 'kind.yaml')));
}

/** Add an office's kind folder (or a folder of them) once; a kind with a built-in id replaces it. */
export function registerKindDir(dir: string): KindDefinition[] {
  ensureBuiltins();
  const abs = path.resolve(dir);
  if (registeredDirs.includes(abs)) return [];
  const added = kindFolders(abs).map((d) => loadKindFolder(d));
  for (const k of added) kinds.set(k.id, k);
  if (!registeredDirs.includes(abs)) registeredDirs.push(abs);
  return added;
}

/** The folders registered so far (a worker thread registers the same ones). */
export function kindDirs(): string[] {
  ensureBuiltins();
  return [...registeredDirs];
}

function ensureBuiltins(): void {
  if (initialised) return;
  initialised = true;
  for (const dir of kindFolders(builtinKindsDir)) kinds.set(path.basename(dir), { pending: dir });
  for (const dir of configuredDirs()) registerKindDir(dir);
}

/** Load the built-in kind waiting under `key`; an office's kind of the same id, loaded meanwhile, stays. */
function loadPending(key: string, p: Pending): KindDefinition {
  const k = loadKindFolder(p.pending, true);
  if (k.id === key) {
    kinds.set(key, k);
  } else {
    kinds.delete(key);
    const there = kinds.get(k.id);
    if (there === undefined || isPending(there)) kinds.set(k.id, k);
  }
  return k;
}

function loadAllPending(): void {
  for (const [key, k] of [...kinds]) if (isPending(k)) loadPending(key, k);
}

/** BAOCAO_KINDS (folders separated like PATH) and baocao.config.yaml's `kinds` in the working folder. */
function configuredDirs(): string[] {
  const dirs = (process.env.BAOCAO_KINDS ?? '').split(path.delimiter).filter(Boolean);
  const config = path.resolve('baocao.config.yaml');
  if (existsSync(config)) {
    const settings = readChecked(readFileSync(config, 'utf8'), config, z.looseObject({ kinds: z.array(z.string()).optional() })).value;
    dirs.push(...(settings.kinds ?? []).map((d) => path.resolve(path.dirname(config), d)));
  }
  return dirs;
}

/**
 * Load every kind folder again (watch mode: an edited kind.yaml takes effect at the next render).
 * A broken kind file throws its KindError; the previous definitions are kept until one loads.
 */
export function reloadKinds(): void {
  const dirs = [...registeredDirs];
  const before = new Map(kinds);
  kinds.clear();
  registeredDirs.length = 0;
  initialised = false;
  try {
    ensureBuiltins();
    for (const dir of dirs) registerKindDir(dir);
  } catch (e) {
    kinds.clear();
    for (const [id, k] of before) kinds.set(id, k);
    registeredDirs.length = 0;
    registeredDirs.push(...dirs);
    initialised = true;
    throw e;
  }
}

export function listKinds(): readonly KindDefinition[] {
  ensureBuiltins();
  loadAllPending();
  return [...kinds.values()].filter((k): k is KindDefinition => !isPending(k));
}

export function findKind(id: string): KindDefinition | undefined {
  ensureBuiltins();
  const k = kinds.get(id);
  if (k !== undefined && !isPending(k)) return k;
  if (k !== undefined && loadPending(id, k).id === id) return kinds.get(id) as KindDefinition;
  // Not a folder's name (or its folder declares another id): every built-in kind, by its own id.
  loadAllPending();
  const found = kinds.get(id);
  return isPending(found) ? undefined : found;
}
