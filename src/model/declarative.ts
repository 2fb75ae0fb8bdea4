import { z } from 'zod';
import { periodLabel } from '../format/compare.js';
import type { Period } from '../format/compare.js';
import { profileIds } from '../profile/index.js';
import type { Finding } from '../load/index.js';
import { modelMessages } from '../messages/model.js';
import { ref } from '../messages/ref.js';
import { say } from '../messages/types.js';
import { KindError } from './errors.js';
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import { limitsMessages } from '../messages/limits.js';
import { isoDate, prose, quantity, text, year } from './common.js';
import type { Quantity } from './common.js';

/**
 * A kind's fields and rules written as data (kind.yaml), compiled to the zod schema the loader
 * validates with. This is what makes a kind a folder an office can write without touching code:
 *
 *   fields:
 *     year: { type: year, description: Năm báo cáo }
 *     police:
 *       type: object
 *       fields:
 *         trafficSafetyBulletins: { type: quantity, unit: bản tin, description: … }
 *     tasks: { type: list, items: prose, min: 1 }
 *   checks:
 *     - { field: a.b, atLeast: a.c, severity: warning, message: "…{value}…{other}…" }
 */

export const fieldTypes = ['text', 'prose', 'year', 'date', 'integer', 'number', 'boolean', 'enum', 'quantity', 'object', 'list'] as const;

export interface FieldSpec {
  type: (typeof fieldTypes)[number];
  description?: string;
  optional?: boolean;
  nullable?: boolean;
  default?: unknown;
  /** enum */
  values?: string[];
  /** quantity */
  unit?: string;
  /** integer, number: bounds; list: item count */
  min?: number;
  max?: number;
  /** text: a pattern the value must match, with the message shown otherwise */
  pattern?: string;
  patternMessage?: string;
  /** object */
  fields?: Record<string, FieldSpec | FieldType>;
  /** list */
  items?: FieldSpec | FieldType;
  /** A field of a list's record: its column title(s) in a spreadsheet ("Số tổ tự quản"). */
  column?: string | string[];
  /** A field of a rolled-up list's record: where the unit's own report holds it (dotted path; the same name by default). */
  report?: string;
}
export type FieldType = FieldSpec['type'];

export interface CheckSpec {
  /** The field the finding is reported at (a figure, a number, or a date for yearAtLeast). */
  field: string;
  /** Its value (a number, a figure, or a YYYY-MM-DD date) must be ≥ that field's value … */
  atLeast?: string;
  /** … or ≤ that field's value … */
  atMost?: string;
  /** … or, for a date, its year ≥ that field's value. */
  yearAtLeast?: string;
  /** A warning (the clerk decides) or an error (the file is refused). */
  severity?: 'warning' | 'error';
  /** Message with {value}, {other} and {otherPath} filled in. */
  message: string;
}

const fieldSpec: z.ZodType<FieldSpec | FieldType> = z.lazy(() =>
  z.union([
    z.enum(fieldTypes),
    z.strictObject({
      type: z.enum(fieldTypes),
      description: z.string().optional(),
      optional: z.boolean().optional(),
      nullable: z.boolean().optional(),
      default: z.unknown().optional(),
      values: z.array(z.string()).min(1).optional(),
      unit: z.string().min(1).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      pattern: z.string().optional(),
      patternMessage: z.string().optional(),
      fields: z.record(z.string(), fieldSpec).optional(),
      items: fieldSpec.optional(),
      column: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
      report: z.string().min(1).optional(),
    }),
  ]),
) as z.ZodType<FieldSpec | FieldType>;

/** The schema of kind.yaml itself, so a broken kind file is reported like a broken data file. */
export const kindFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: ref('model', 'kindIdFormat') }),
  title: z.string().min(1),
  type: z.strictObject({ name: z.string().min(1), abbreviation: z.string().regex(/^[\p{L}\d]+$/u) }),
  // An unknown profile is the kind's error when it loads, not a crash when a document renders.
  profile: z
    .string()
    .min(1)
    .default('nd30')
    .refine((id) => profileIds().includes(id), { error: (issue) => ref('model', 'kindUnknownProfile', String(issue.input), profileIds().join(', ')) }),
  sample: z.string().min(1).describe('Tệp số liệu mẫu, đường dẫn tính từ thư mục của loại văn bản'),
  fileStem: z.string().min(1).describe('Phần tên tệp kết quả, có thể dùng {trường}, ví dụ "qp-an-{year}"'),
  keywords: z.array(z.string()).default([]),
  places: z.number().int().min(0).max(6).optional().describe('Số chữ số thập phân của tỷ lệ phần trăm (mặc định 1); places= của từng lời gọi vẫn được ưu tiên'),
  fields: z.record(z.string(), fieldSpec),
  checks: z
    .array(
      z.strictObject({
        field: z.string(),
        atLeast: z.string().optional(),
        atMost: z.string().optional(),
        yearAtLeast: z.string().optional(),
        severity: z.enum(['warning', 'error']).default('warning'),
        message: z.string().min(1),
      }),
    )
    .default([]),
});
export type KindFile = z.output<typeof kindFileSchema>;

const norm = (s: FieldSpec | FieldType): FieldSpec => (typeof s === 'string' ? { type: s } : s);

/** One field spec → its zod schema; `where` names the spec in errors about the kind file itself. */
export function compileField(spec: FieldSpec | FieldType, where: string): z.ZodType {
  const s = norm(spec);
  const d = s.description ?? '';
  let schema: z.ZodType;
  switch (s.type) {
    case 'text': {
      let t = text(d);
      if (s.pattern) {
        const pattern = compilePattern(s.pattern, where);
        t = t.refine((v) => pattern.matcher(v).find(), { message: s.patternMessage ?? ref('model', 'matchPattern', s.pattern) });
      }
      schema = t;
      break;
    }
    case 'prose':
      schema = prose(d);
      break;
    case 'year':
      schema = year(d);
      break;
    case 'date':
      schema = isoDate(d);
      break;
    case 'integer':
    case 'number': {
      let n = s.type === 'integer' ? z.number().int({ message: ref('model', 'integer') }) : z.number();
      if (s.min !== undefined) n = n.min(s.min, { message: ref('model', 'atLeast', s.min) });
      if (s.max !== undefined) n = n.max(s.max, { message: ref('model', 'atMost', s.max) });
      schema = n.describe(d);
      break;
    }
    case 'boolean':
      schema = z.boolean().describe(d);
      break;
    case 'enum':
      if (!s.values) throw new KindError((lang) => say(lang, modelMessages.kindFieldNeeds, where, 'enum', 'values'));
      schema = z.enum(s.values as [string, ...string[]]).describe(d);
      break;
    case 'quantity':
      if (!s.unit) throw new KindError((lang) => say(lang, modelMessages.kindFieldNeeds, where, 'quantity', 'unit'));
      schema = quantity(s.unit, d);
      break;
    case 'object': {
      const shape: Record<string, z.ZodType> = {};
      for (const [k, f] of Object.entries(s.fields ?? {})) shape[k] = compileField(f, `${where}.${k}`);
      schema = z.strictObject(shape).describe(d);
      break;
    }
    case 'list': {
      if (!s.items) throw new KindError((lang) => say(lang, modelMessages.kindFieldNeeds, where, 'list', 'items'));
      let l = z.array(compileField(s.items, `${where}[]`));
      if (s.min !== undefined) l = l.min(s.min, { message: ref('model', 'listAtLeast', s.min) });
      if (s.max !== undefined) l = l.max(s.max, { message: ref('model', 'listAtMost', s.max) });
      schema = l.describe(d);
      break;
    }
  }
  if (s.nullable) schema = schema.nullable();
  if (s.default !== undefined) return schema.default(s.default as never);
  if (s.optional) return schema.optional();
  return schema;
}

/** Value at a dotted path ("police.fireRescueTraining.classes"); a figure counts by its value. */
export function valueAt(data: unknown, dotted: string): unknown {
  let cur = data;
  for (const seg of dotted.split('.')) {
    // Own properties only: "{constructor}" or "{toString}" must not reach Object.prototype.
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

function numeric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && typeof (v as Quantity).value === 'number') return (v as Quantity).value;
  return undefined;
}

/** A comparable value: a number, a figure's value, or an ISO date (compared as YYYYMMDD). */
function comparable(v: unknown): number | undefined {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return Number(v.replaceAll('-', ''));
  return numeric(v);
}

/** Findings of the checks of one severity on a validated value; a check on an absent field is skipped. */
export function runChecks(checks: KindFile['checks'], data: unknown, severity: 'warning' | 'error'): Finding[] {
  const findings: Finding[] = [];
  for (const c of checks) {
    if (c.severity !== severity) continue;
    const other = c.atLeast ?? c.atMost ?? c.yearAtLeast;
    if (!other) continue;
    const raw = valueAt(data, c.field);
    const value = c.yearAtLeast ? (typeof raw === 'string' ? Number(raw.slice(0, 4)) : undefined) : comparable(raw);
    const otherRaw = valueAt(data, other);
    const bound = comparable(otherRaw);
    if (value === undefined || bound === undefined) continue;
    const failed = c.atMost !== undefined ? value > bound : value < bound;
    if (!failed) continue;
    const message = c.message
      .replaceAll('{value}', String(typeof raw === 'string' ? raw : value))
      .replaceAll('{other}', String(typeof otherRaw === 'string' ? otherRaw : bound))
      .replaceAll('{otherPath}', other);
    findings.push({ path: c.field.split('.'), message });
  }
  return findings;
}

/** "qp-an-{year}" with the data's values, for file names and keywords. */
export function fillPlaceholders(pattern: string, data: unknown): string {
  return pattern.replace(/\{([\w.]+)\}/g, (_all, p: string) => {
    const v = valueAt(data, p);
    if (v === undefined || v === null) return '';
    // A reporting period { kind, year, … } by its name ("6 tháng đầu năm 2024"), not "[object Object]".
    const period = periodName(v);
    if (period !== undefined) return period;
    return typeof v === 'object' && numeric(v) === undefined ? '' : String(numeric(v) ?? v);
  });
}

function periodName(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || typeof (v as { kind?: unknown }).kind !== 'string' || typeof (v as { year?: unknown }).year !== 'number') return undefined;
  try {
    return periodLabel(v as Period);
  } catch {
    return undefined; // not a period after all (or one the format refuses): nothing
  }
}

// RE2 is some 240 KB of JavaScript that only a kind with a `pattern:` needs: loaded then (its
// CommonJS build, as it must load synchronously while a kind loads).
let re2: typeof RE2JS | undefined;
const re2js = (): typeof RE2JS => (re2 ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS);

/**
 * A kind's `pattern:` compiled when the kind loads, by RE2 (re2js): matching takes time linear in
 * the text whatever the pattern, so a pattern from another office cannot hang validation on a
 * catastrophic expression; one RE2 cannot read (a syntax error, a lookaround, a back-reference)
 * is a kind error naming the field, not a crash at validation.
 */
function compilePattern(pattern: string, where: string): RE2JS {
  try {
    return re2js().compile(pattern);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new KindError((lang) => say(lang, limitsMessages.patternInvalid, where, pattern, reason));
  }
}
