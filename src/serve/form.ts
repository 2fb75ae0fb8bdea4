import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Lang } from '../load/index.js';
import { serveMessages } from '../messages/serve.js';
import { say } from '../messages/types.js';
import { findKind, kindJsonSchema } from '../model/index.js';
import type { FieldSpec } from '../model/index.js';
import type { JsonSchema } from '../model/starter.js';
import type { FieldKind, FormField, KindForm } from './protocol.js';

/**
 * The form of a kind, derived from one source: its JSON Schema (what `baocao schema` prints, the
 * same zod schema the validator uses) for structure, required-ness and the frame, and its kind.yaml
 * declaration for what JSON Schema cannot say (prose vs one line of text, a figure's unit). A new
 * kind folder therefore gets a form with no front-end code.
 */

type Spec = FieldSpec | FieldSpec['type'];
const norm = (s: Spec | undefined): FieldSpec | undefined => (typeof s === 'string' ? { type: s } : s);

export function kindForm(kindId: string, lang: Lang = 'vi'): KindForm | undefined {
  const kind = findKind(kindId);
  if (!kind) return undefined;
  const schema = kindJsonSchema(kind) as JsonSchema;
  let specs: Record<string, Spec> = {};
  try {
    const file = parse(readFileSync(path.join(kind.template, 'kind.yaml'), 'utf8')) as { fields?: Record<string, Spec> };
    specs = file.fields ?? {};
  } catch {
    // The kind loaded, so its file is readable; without it the schema alone still gives a form.
  }
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields: FormField[] = [];
  if (props.frame) fields.push(field('frame', props.frame, undefined, required.has('frame')));
  for (const [key, prop] of Object.entries(props)) {
    if (key === 'frame' || key === 'kind' || key === '$schema' || key === 'legacyEncoding' || key === 'tonePlacement') continue;
    fields.push(field(key, prop, norm(specs[key]), required.has(key)));
  }
  // The document-wide settings last, as a fieldset of their own.
  const settings = ['tonePlacement', 'legacyEncoding'].filter((k) => props[k]).map((k) => field(k, props[k]!, undefined, false));
  if (settings.length) fields.push({ key: '', type: 'object', label: say(lang, serveMessages.settingsGroup), required: false, nullable: false, fields: settings });
  return { kind: kind.id, title: kind.title, fields };
}

/** Split "Số văn bản (ô 3); để trống (null) khi chưa vào sổ" into a label and a hint. */
export function splitDescription(description: string | undefined, key: string): { label: string; hint?: string } {
  const d = (description ?? '').trim();
  if (!d) return { label: key };
  const m = /^(.+?)(?:, (ví dụ .*)|; (.*)|: (.*))$/su.exec(d);
  if (!m || m[1]!.length < 3) return { label: d };
  const hint = (m[2] ?? m[3] ?? m[4] ?? '').trim();
  return hint ? { label: m[1]!.trim(), hint: hint.charAt(0).toUpperCase() + hint.slice(1) } : { label: m[1]!.trim() };
}

function field(key: string, prop: JsonSchema, spec: FieldSpec | undefined, required: boolean): FormField {
  const nonNull = prop.anyOf ? prop.anyOf.filter((b) => b.type !== 'null') : [prop];
  const nullable = !!prop.anyOf?.some((b) => b.type === 'null') || spec?.nullable === true;
  const main = nonNull.find((b) => b.type === 'object' || b.type === 'array') ?? nonNull[0] ?? prop;
  const isFigure = !!prop.anyOf?.some((b) => b.type === 'integer') && !!prop.anyOf?.some((b) => b.type === 'object');
  const type: FieldKind = spec?.type ?? (isFigure ? 'quantity' : kindOf(nonNull[0] ?? prop));
  // A figure's schema description carries "(đơn vị: …)": the declaration's own words read better.
  const description = spec?.description ?? prop.description ?? nonNull.find((b) => b.description)?.description;
  const f: FormField = { key, type, ...splitDescription(description, key), required: required && prop.default === undefined, nullable };
  if (type === 'enum') f.values = (main.enum ?? spec?.values ?? []).map(String);
  if (type === 'quantity') {
    f.unit = spec?.unit ?? /đơn vị: ([^;)]+)/u.exec(prop.description ?? '')?.[1] ?? '';
  }
  const min = spec?.min ?? main.minimum ?? (main.exclusiveMinimum !== undefined ? main.exclusiveMinimum + 1 : undefined) ?? main.minItems;
  const max = spec?.max ?? (main.maximum !== undefined && main.maximum < 1e15 ? main.maximum : undefined) ?? main.maxItems;
  if (min !== undefined) f.min = min;
  if (max !== undefined) f.max = max;
  if (type === 'object') {
    const req = new Set(main.properties ? main.required ?? [] : []);
    f.fields = Object.entries(main.properties ?? {}).map(([k, p]) => field(k, p, norm(spec?.fields?.[k]), req.has(k)));
  }
  if (type === 'list') {
    const items = main.items ?? {};
    f.items = field('', items, norm(spec?.items), true);
  }
  return f;
}

function kindOf(s: JsonSchema): FieldKind {
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if (s.enum) return 'enum';
  if (t === 'string' && s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'date';
  if (t === 'integer') return s.minimum === 1945 && s.maximum === 2200 ? 'year' : 'integer';
  if (t === 'number') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'array') return 'list';
  if (t === 'object') return 'object';
  return 'text';
}
