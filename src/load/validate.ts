import type { z } from 'zod';
import {
  endSentence,
  fieldSentence,
  formatName,
  formatPath,
  orList,
  quote,
  quoteValue,
  renderFound,
  sortProblems,
  stripStop,
  typeName,
} from './describe.js';
import { loadMessages } from '../messages/load.js';
import { wordRef } from '../messages/ref.js';
import { say } from '../messages/types.js';
import { normalizeNfc } from './parse.js';
import { numberFromPrinted, numberFromWords, typedAt } from './hints.js';
import type { DataPath, Lang, Problem, SourceDocument } from './types.js';

export type ValidateResult<T> =
  | { ok: true; value: T; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/** Zod issue, loosely typed: we read optional fields by code. */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  format?: string;
  pattern?: string;
  prefix?: string;
  suffix?: string;
  includes?: string;
  divisor?: number;
  keys?: string[];
  values?: unknown[];
  errors?: Issue[][];
  issues?: Issue[];
  options?: unknown[];
  discriminator?: string;
  params?: Record<string, unknown>;
}

// Returned by our contextual error map: any other message was set by the schema author and is kept.
const DEFAULT = '\u0000baocao-default-message';

/**
 * Validate `source.data` with a zod 4 schema, reporting every issue as a positioned Problem.
 */
export function validate<S extends z.ZodType>(source: SourceDocument, schema: S, lang: Lang = 'vi'):
  ValidateResult<z.output<S>> {
  const data = normalizeNfc(source.data);
  const res = schema.safeParse(data, { reportInput: true, error: () => DEFAULT });
  if (res.success) return { ok: true, value: res.data, warnings: [] };

  const problems = sortProblems(
    (res.error.issues as unknown as Issue[]).flatMap((iss) => mapIssue(iss, [], source, data, schema, lang)),
  );
  return { ok: false, problems };
}

/** A finding of a kind's consistency rules: a field path and what looks wrong about it. */
export interface Finding {
  path: DataPath;
  message: string;
}

/**
 * Consistency findings → positioned warnings. Kinds check cross-field rules (participants ≥
 * sessions …) on the validated value; the clerk decides, so these never block rendering.
 */
export function warningsAt(source: SourceDocument, findings: Finding[], lang: Lang = 'vi'): Problem[] {
  return sortProblems(
    findings.map((f) => ({
      file: source.file,
      ...source.locate(f.path),
      path: f.path,
      code: 'consistency',
      severity: 'warning' as const,
      message: fieldSentence(f.path, stripStop(wordRef(f.message, lang)), lang),
    })),
  );
}

function getAt(data: unknown, path: DataPath): { exists: boolean; value: unknown } {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return { exists: false, value: undefined };
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return { exists: true, value: cur };
}

function toPath(p: PropertyKey[]): DataPath {
  return p.map((s) => (typeof s === 'number' ? s : String(s)));
}

interface Detail {
  code: string;
  detail: string;
  expected?: string;
  /** Append ", but got <found>" to the detail. */
  showFound: boolean;
  /** Appended last: " — did you mean …?" */
  hint?: string;
}

function mapIssue(
  iss: Issue,
  prefix: DataPath,
  source: SourceDocument,
  data: unknown,
  schema: z.ZodType,
  lang: Lang,
): Problem[] {
  const m = loadMessages;
  const path = [...prefix, ...toPath(iss.path)];
  const here = getAt(data, path);
  const value = here.exists ? here.value : iss.input;
  const custom = iss.message !== DEFAULT ? stripStop(wordRef(iss.message, lang)) : undefined;
  const base = { file: source.file, path, severity: 'error' as const };

  if (iss.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    const present = value !== null && typeof value === 'object' ? Object.keys(value) : [];
    return (iss.keys ?? []).map((key) => {
      const suggestion = suggest(key, known.filter((k) => !present.includes(k)));
      const p = [...path, key];
      const field = formatPath(p);
      const at = source.locate(p, 'key');
      const split = commaSplit(source, at, value, key);
      const message = split === undefined ? say(lang, m.unknownField, field, suggestion)
        : typeof split === 'string' ? say(lang, m.unknownFieldComma, field, split)
        : say(lang, m.unknownFieldDecimalComma, field, split.typed, split.read, split.whole);
      return { ...base, ...at, path: p, code: 'unknown-field', message };
    });
  }

  if (iss.code === 'invalid_union' && iss.errors && iss.errors.length > 0) {
    const branch = pickUnionBranch(iss.errors);
    if (branch) return branch.flatMap((sub) => mapIssue(sub, path, source, data, schema, lang));
  }

  if (iss.code === 'custom') {
    const code = typeof iss.params?.['code'] === 'string' ? iss.params['code'] : 'custom';
    const detail = custom ?? say(lang, m.invalidValue);
    return [{ ...base, ...source.locate(path), code, message: fieldSentence(path, detail, lang) }];
  }

  const parentPath = path.slice(0, -1);
  const parent = getAt(data, parentPath);
  const missing = (iss.code === 'invalid_type' || iss.code === 'invalid_union') && path.length > 0 && !here.exists &&
    parent.exists && parent.value !== null && typeof parent.value === 'object' && !Array.isArray(parent.value);
  if (missing) {
    const field = formatPath(path);
    const expected = iss.expected && iss.expected !== 'nonoptional' ? typeName(iss.expected, lang) : undefined;
    let message = say(lang, m.missingField, field);
    if (custom) message += `: ${custom}`;
    return [{
      ...base, ...source.locate(parentPath, 'key'), code: 'missing',
      ...(expected ? { expected } : {}), message: endSentence(message),
    }];
  }

  const d = describe(iss, value, lang);
  const found = renderFound(value, lang);
  let detail = custom ?? d.detail;
  if (d.showFound) detail += say(lang, m.butGot, found);
  const expected = custom ?? d.expected;
  const at = iss.code === 'invalid_key' ? source.locate(path, 'key') : source.locate(path);
  const hint = numberHint(iss, value, () => typedAt(source, at), lang);
  if (hint) detail += ` — ${hint}`;
  if (d.hint) detail += d.hint;
  return [{
    ...base, ...at, code: d.code,
    ...(expected ? { expected } : {}), found,
    message: fieldSentence(path, detail, lang),
  }];
}

/**
 * A number written as on paper where the data file needs digits: "bảy" (in words), "4.678" (a dot
 * grouping thousands, which YAML reads as 4.678), "79,1" (a decimal comma).
 */
function numberHint(iss: Issue, value: unknown, typed: () => string | undefined, lang: Lang): string | undefined {
  const wants = (i: Issue) => i.code === 'invalid_type' && (i.expected === 'number' || i.expected === 'int');
  const needs = wants(iss) || (iss.code === 'invalid_union' && (iss.errors ?? []).some((b) => b.some((i) => i.path.length === 0 && wants(i))));
  if (!needs) return undefined;
  if (typeof value === 'string') {
    const n = numberFromWords(value);
    if (n !== undefined) return say(lang, loadMessages.hintDigits, String(n));
    const p = numberFromPrinted(value);
    if (p !== undefined) return say(lang, loadMessages.hintWrite, p);
  }
  if (typeof value === 'number' && !Number.isInteger(value)) {
    const p = numberFromPrinted(typed() ?? '');
    if (p !== undefined) return say(lang, loadMessages.hintWrite, p);
  }
  return undefined;
}

/** Translate a zod issue into our code and a detail phrase (without the field prefix). */
function describe(iss: Issue, value: unknown, lang: Lang): Detail {
  const m = loadMessages;
  const need = (what: string) => say(lang, m.needs, what);
  switch (iss.code) {
    case 'invalid_type': {
      const expected = typeName(iss.expected ?? '?', lang);
      return { code: 'type', expected, detail: need(expected), showFound: true };
    }
    case 'too_small':
    case 'too_big': {
      const small = iss.code === 'too_small';
      const n = String(small ? iss.minimum : iss.maximum);
      const code = small ? 'too-small' : 'too-big';
      if (iss.origin === 'string' || iss.origin === 'array' || iss.origin === 'set') {
        const chars = iss.origin === 'string';
        if (small && n === '1' && !iss.exact) {
          const expected = say(lang, chars ? m.notEmpty : m.listNotEmpty);
          return { code, expected, detail: expected, showFound: false };
        }
        const expected = say(lang, iss.exact ? (chars ? m.exactlyChars : m.exactlyItems)
          : small ? (chars ? m.atLeastChars : m.atLeastItems)
            : (chars ? m.atMostChars : m.atMostItems), n);
        return { code, expected, detail: say(lang, m.mustHave, expected), showFound: true };
      }
      const op = iss.exact ? '=' : small ? (iss.inclusive === false ? '>' : '≥') : (iss.inclusive === false ? '<' : '≤');
      const expected = `${op} ${n}`;
      return { code, expected, detail: say(lang, m.mustCompare, expected), showFound: true };
    }
    case 'invalid_value': {
      const vals = (iss.values ?? []).map(quoteValue);
      const expected = vals.length === 1 ? vals[0]! : say(lang, m.oneOf, vals.join(', '));
      return { code: 'enum', expected, detail: say(lang, m.mustBe, expected), showFound: true, hint: didYouMean(value, iss.values ?? [], lang) };
    }
    case 'invalid_format': {
      const f = iss.format ?? '';
      const named = formatName(f, lang);
      if (named) return { code: 'format', expected: named, detail: need(named), showFound: true };
      let expected: string;
      if (f === 'starts_with') expected = say(lang, m.startsWith, quote(iss.prefix ?? ''));
      else if (f === 'ends_with') expected = say(lang, m.endsWith, quote(iss.suffix ?? ''));
      else if (f === 'includes') expected = say(lang, m.includes, quote(iss.includes ?? ''));
      else expected = say(lang, m.requiredFormat, iss.pattern);
      return { code: 'format', expected, detail: say(lang, m.mustMatch, expected), showFound: true };
    }
    case 'not_multiple_of': {
      const expected = say(lang, m.multipleOf, String(iss.divisor));
      return { code: 'multiple-of', expected, detail: say(lang, m.mustBe, expected), showFound: true };
    }
    case 'invalid_key': {
      const key = quote(String(iss.path[iss.path.length - 1] ?? value ?? ''));
      const sub = iss.issues?.[0];
      const why = sub ? stripStop(sub.message !== DEFAULT ? wordRef(sub.message, lang) : describe(sub, value, lang).detail) : '';
      return { code: 'invalid-key', detail: say(lang, m.invalidKey, key, why), showFound: false };
    }
    case 'invalid_union': {
      if (iss.discriminator && iss.options) {
        const vals = iss.options.map(quoteValue);
        const expected = say(lang, m.oneOf, vals.join(', '));
        return { code: 'enum', expected, detail: say(lang, m.mustBe, expected), showFound: true };
      }
      const alts = unionAlternatives(iss.errors ?? [], lang);
      const values = (iss.errors ?? []).flatMap((b) => b.filter((i) => i.path.length === 0 && i.code === 'invalid_value').flatMap((i) => i.values ?? []));
      if (alts) return { code: 'type', expected: alts, detail: need(alts), showFound: true, hint: didYouMean(value, values, lang) };
      return { code: 'union', detail: say(lang, m.noAcceptedForm), showFound: true };
    }
    default:
      return { code: iss.code.replace(/_/g, '-'), detail: say(lang, m.invalidValue), showFound: true };
  }
}

/**
 * `{ description: Đơn vị trực, cơ động }`: YAML ends the value at the comma and reads "cơ động" as
 * a key with no value. When an unknown key has no value and follows a comma in a `{ … }`, the
 * value before it was cut in two: give it back whole, quoted. A number followed by digits,
 * `{ value: 79,1 }`, is a decimal comma: read as 79 and a key "1"; give it back with a point.
 */
function commaSplit(source: SourceDocument, at: { line: number; column: number }, parent: unknown, key: string): string | { typed: string; read: string; whole: string } | undefined {
  if (parent === null || typeof parent !== 'object' || (parent as Record<string, unknown>)[key] !== null) return undefined;
  const lines = source.text.split('\n', at.line);
  const before = (lines[at.line - 1] ?? '').slice(0, at.column - 1).trimEnd();
  if (!before.endsWith(',')) return undefined;
  const keys = Object.keys(parent);
  const prev = keys[keys.indexOf(key) - 1];
  const prevValue = prev === undefined ? undefined : (parent as Record<string, unknown>)[prev];
  // Read from the line: a key of digits comes first among an object's keys, whatever its place.
  const decimal = /^\d+$/.test(key) ? keyAndDigitsBeforeComma(before) : null;
  if (decimal && (parent as Record<string, unknown>)[decimal[1]!] === Number(decimal[2])) {
    return { typed: `${decimal[2]},${key}`, read: decimal[2]!, whole: `${decimal[1]}: ${decimal[2]}.${key}` };
  }
  if (typeof prevValue !== 'string') return undefined;
  return `${prev}: "${prevValue}, ${key}"`;
}

/**
 * `name: 79,` at the end of a line: [_, name, digits], read backwards in one pass (the anchored
 * regular expression for it backtracks polynomially on long runs of spaces: ReDoS scan).
 */
function keyAndDigitsBeforeComma(text: string): [string, string, string] | null {
  let i = text.length - 1;
  if (text[i] !== ',') return null;
  const skipSpaces = (): void => {
    while (i >= 0 && /\s/u.test(text[i]!)) i--;
  };
  i--;
  skipSpaces();
  const digitsEnd = i + 1;
  while (i >= 0 && text[i]! >= '0' && text[i]! <= '9') i--;
  if (i + 1 === digitsEnd) return null;
  const digits = text.slice(i + 1, digitsEnd);
  skipSpaces();
  if (text[i] !== ':') return null;
  i--;
  skipSpaces();
  const nameEnd = i + 1;
  while (i >= 0 && /[\p{L}\p{N}_$-]/u.test(text[i]!)) i--;
  if (i + 1 === nameEnd) return null;
  const name = text.slice(i + 1, nameEnd);
  return [`${name}: ${digits},`, name, digits];
}

/** " — có phải "quantity"?" when a misspelt word is close to one of the allowed values. */
function didYouMean(value: unknown, values: unknown[], lang: Lang): string {
  if (typeof value !== 'string') return '';
  const s = suggest(value, values.filter((v): v is string => typeof v === 'string'));
  return s === undefined ? '' : say(lang, loadMessages.didYouMean, s);
}

/** When every union branch fails at its root (wrong type or literal), describe the alternatives. */
function unionAlternatives(errors: Issue[][], lang: Lang): string | undefined {
  const parts: string[] = [];
  for (const branch of errors) {
    const root = branch.find((i) => i.path.length === 0);
    if (!root) return undefined;
    if (root.code === 'invalid_type' && root.expected) parts.push(typeName(root.expected, lang));
    else if (root.code === 'invalid_value') parts.push(...(root.values ?? []).map(quoteValue));
    else return undefined;
  }
  return orList([...new Set(parts)], lang);
}

/** Pick the union branch that got furthest: no failure at its root, fewest issues. */
function pickUnionBranch(errors: Issue[][]): Issue[] | undefined {
  const deep = errors.filter((b) => b.length > 0 && !b.some((i) => i.path.length === 0 && i.code !== 'unrecognized_keys'));
  if (deep.length === 0) return undefined;
  return deep.reduce((a, b) => (b.length < a.length ? b : a));
}

// ---- schema walking (for "did you mean" suggestions) ----

interface Def {
  type: string;
  [k: string]: unknown;
}

function defOf(s: unknown): Def | undefined {
  return (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** Expand wrappers (optional, default, pipe, lazy, union…) to the schemas that shape the data. */
function unwrap(s: unknown, seen = new Set<unknown>()): unknown[] {
  const def = defOf(s);
  if (!def || seen.has(s)) return [];
  seen.add(s);
  switch (def.type) {
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'catch':
    case 'readonly': case 'nonoptional': case 'success': case 'promise':
      return unwrap(def['innerType'], seen);
    case 'pipe':
      return [...unwrap(def['in'], seen), ...unwrap(def['out'], seen)];
    case 'lazy':
      return unwrap((def['getter'] as () => unknown)(), seen);
    case 'union':
      return (def['options'] as unknown[]).flatMap((o) => unwrap(o, seen));
    case 'intersection':
      return [...unwrap(def['left'], seen), ...unwrap(def['right'], seen)];
    default:
      return [s];
  }
}

function step(s: unknown, seg: string | number): unknown[] {
  const def = defOf(s);
  if (!def) return [];
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, unknown>;
      const child = typeof seg === 'string' && Object.hasOwn(shape, seg) ? shape[seg] : def['catchall'];
      return child ? [child] : [];
    }
    case 'array': return typeof seg === 'number' ? [def['element']] : [];
    case 'record': return [def['valueType']];
    case 'tuple': {
      const items = def['items'] as unknown[];
      const child = typeof seg === 'number' ? (items[seg] ?? def['rest']) : undefined;
      return child ? [child] : [];
    }
    default: return [];
  }
}

function knownKeys(schema: unknown, path: DataPath): string[] {
  let cur = unwrap(schema);
  for (const seg of path) cur = cur.flatMap((s) => step(s, seg)).flatMap((s) => unwrap(s));
  const keys = new Set<string>();
  for (const s of cur) {
    const def = defOf(s);
    if (def?.type === 'object') for (const k of Object.keys(def['shape'] as object)) keys.add(k);
  }
  return [...keys];
}

export function levenshtein(a: string, b: string): number {
  const A = Array.from(a);
  const B = Array.from(b);
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length]!;
}

/** Closest known key: case-insensitive equal, or Levenshtein ≤ 2 (and less than the word itself). */
export function suggest(unknown: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === unknown.toLowerCase() ? 0 : levenshtein(unknown, k);
    if (d > 2 || d >= Math.min(unknown.length, k.length)) continue;
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}
