import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { formatProblems, parseSource, validate } from '../load/index.js';
import { documentFields } from './common.js';
import { compileField, fillPlaceholders, kindFileSchema, runChecks } from './declarative.js';
import type { KindFile } from './declarative.js';
import { frameSchema } from './frame.js';
import type { KindDefinition, ReportBase } from './kind.js';

/**
 * The kinds of document: one folder each (kind.yaml, body.hbs, partials/), the built-in ones under
 * templates/, and an office's own folders added by `--kinds DIR`, the BAOCAO_KINDS variable or a
 * baocao.config.yaml (`kinds: [folder, …]`) in the working folder. Nothing in src/ names a kind.
 */

export const builtinKindsDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A kind folder that cannot be used, with the file and the problems in it. */
export class KindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KindError';
  }
}

const kinds = new Map<string, KindDefinition>();
const registeredDirs: string[] = [];
let initialised = false;

/** Load one kind folder (the one holding kind.yaml). */
export function loadKindFolder(dir: string): KindDefinition {
  const file = path.join(dir, 'kind.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new KindError(`${file}: không đọc được tệp mô tả loại văn bản.`);
  }
  const parsed = parseSource(text, file);
  if (!parsed.source) throw new KindError(formatProblems(parsed.problems));
  const result = validate(parsed.source, kindFileSchema);
  if (!result.ok) throw new KindError(formatProblems(result.problems));
  if (!existsSync(path.join(dir, 'body.hbs'))) throw new KindError(`${dir}: thiếu tệp mẫu body.hbs.`);
  return defineKind(result.value, dir, file);
}

function defineKind(k: KindFile, dir: string, file: string): KindDefinition {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(k.fields)) {
    if (name in documentFields || name === 'kind' || name === 'frame') throw new KindError(`${file}: trường "${name}" là trường chung, không khai báo lại.`);
    try {
      shape[name] = compileField(spec, name);
    } catch (e) {
      throw new KindError(`${file}: ${(e as Error).message}`);
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
    .superRefine((value, ctx) => {
      for (const f of runChecks(errors, value, 'error')) ctx.addIssue({ code: 'custom', path: f.path, message: f.message });
    })
    .describe(k.title) as unknown as z.ZodType<ReportBase, unknown>;
  return {
    id: k.id,
    title: k.title,
    typeName: k.type.name,
    typeAbbreviation: k.type.abbreviation,
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
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new KindError(`${dir}: không có thư mục loại văn bản này.`);
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
  const added = kindFolders(abs).map(loadKindFolder);
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
  for (const dir of kindFolders(builtinKindsDir)) {
    const k = loadKindFolder(dir);
    kinds.set(k.id, k);
  }
  for (const dir of configuredDirs()) registerKindDir(dir);
}

/** BAOCAO_KINDS (folders separated like PATH) and baocao.config.yaml's `kinds` in the working folder. */
function configuredDirs(): string[] {
  const dirs = (process.env.BAOCAO_KINDS ?? '').split(path.delimiter).filter(Boolean);
  const config = path.resolve('baocao.config.yaml');
  if (existsSync(config)) {
    const parsed = parseSource(readFileSync(config, 'utf8'), config);
    const result = parsed.source ? validate(parsed.source, z.looseObject({ kinds: z.array(z.string()).optional() })) : undefined;
    if (!result?.ok) throw new KindError(formatProblems(result ? result.problems : parsed.problems));
    dirs.push(...(result.value.kinds ?? []).map((d) => path.resolve(path.dirname(config), d)));
  }
  return dirs;
}

export function listKinds(): readonly KindDefinition[] {
  ensureBuiltins();
  return [...kinds.values()];
}

export function findKind(id: string): KindDefinition | undefined {
  ensureBuiltins();
  return kinds.get(id);
}
