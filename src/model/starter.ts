import { stringify } from 'yaml';

/**
 * A starting data file for a kind: every field of its JSON Schema in schema order, each with its
 * description as a Vietnamese comment, filled from the kind's sample where the sample has a value
 * and commented out (with a placeholder) where it has none, so the file validates as written and
 * still shows every optional field.
 */

/** The part of a kind's JSON Schema that the starter file and the desk's form read. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  /** A list of records written as its source (`{ from: … }`): a reference into `$defs`. */
  $ref?: string;
}

const WIDTH = 96;

/**
 * The next report from a kind's sample: the sample is someone's past document, so a starter that
 * copied it would render under the sample's own name and year. Here the report's year is this
 * year, years named in the sample's texts move with it (2020 → this year, 2021 → the next), the
 * document's date and number are left for the clerk (null: an undated draft), figures are 0
 * (their descriptions stay beside them as comments) and the texts stay as a model of wording.
 */
export function nextReport(schema: JsonSchema, sample: Record<string, unknown>, today: Date): Record<string, unknown> {
  const year = vietnamYear(today);
  const sampleYear = yearOf(schema, sample);
  const shift = sampleYear === undefined ? 0 : year - sampleYear;
  const move = (text: string) =>
    sampleYear === undefined ? text : text.replace(/(?<!\d)(\d{4})(?!\d)/g, (y) => (Math.abs(Number(y) - sampleYear) <= 1 ? String(Number(y) + shift) : y));
  const walk = (s: JsonSchema | undefined, v: unknown): unknown => {
    if (v === null || v === undefined) return v;
    const t = s ? shape(s) : undefined;
    if (s && isFigure(s)) return 0;
    if (typeof v === 'number') return t && isYear(t) ? v + shift : 0;
    if (typeof v === 'string') return t?.pattern === DATE_PATTERN ? shiftDate(v, shift) : lunarNames(move(v));
    if (Array.isArray(v)) return v.map((item) => walk(t?.items, item));
    if (typeof v === 'object') {
      const props = t?.properties ?? {};
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(props[k], x)]));
    }
    return v;
  };
  const next = walk(schema, sample) as Record<string, unknown>;
  if (next.frame && typeof next.frame === 'object') {
    const frame = next.frame as Record<string, unknown>;
    // Number and date belong to the day it is signed; the signer's name to whoever signs.
    next.frame = { ...frame, number: null, date: null, ...(frame.signer && typeof frame.signer === 'object' ? { signer: { ...(frame.signer as object), name: null } } : {}) };
  }
  return next;
}

const STEMS = ['Canh', 'Tân', 'Nhâm', 'Quý', 'Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ'];
const BRANCHES = ['Thân', 'Dậu', 'Tuất', 'Hợi', 'Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi'];
const LUNAR = new RegExp(`(${STEMS.join('|')}) (${BRANCHES.join('|')}) (\\d{4})(?!\\d)`, 'gu');

/** "Tết Nguyên đán Tân Sửu 2027" → "… Đinh Mùi 2027": the year's name follows the moved year. */
function lunarNames(text: string): string {
  return text.replace(LUNAR, (_, _s, _b, y: string) => `${STEMS[Number(y) % 10]!} ${BRANCHES[Number(y) % 12]!} ${y}`);
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** The year in Vietnam (UTC+7): a starter made on 31 December at 20:00 UTC is already next year's. */
export function vietnamYear(d: Date): number {
  return new Date(d.getTime() + 7 * 3600_000).getUTCFullYear();
}

function isYear(s: JsonSchema): boolean {
  return s.type === 'integer' && s.minimum === 1945 && s.maximum === 2200;
}

/** The sample's report year: its first year field, else the year of its date. */
function yearOf(schema: JsonSchema, sample: Record<string, unknown>): number | undefined {
  for (const [k, p] of Object.entries(schema.properties ?? {})) {
    if (isYear(shape(p)) && typeof sample[k] === 'number') return sample[k] as number;
  }
  const date = (sample.frame as { date?: unknown } | undefined)?.date;
  return typeof date === 'string' ? Number(date.slice(0, 4)) : undefined;
}

function shiftDate(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(4) === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '-02-28' : date.slice(4);
  return `${String(y).padStart(4, '0')}${md}`;
}

export function starterYaml(schema: JsonSchema, sample: Record<string, unknown>, header: string[], schemaRef: string): string {
  const out: string[] = [...header.map((h) => `# ${h}`), `# yaml-language-server: $schema=${schemaRef}`, ''];
  out.push(`$schema: ${schemaRef}`);
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (key === '$schema') continue;
    field(out, key, prop, sample[key], 0, false);
  }
  return out.join('\n') + '\n';
}

function describe(s: JsonSchema): string | undefined {
  return s.description ?? s.anyOf?.find((b) => b.description)?.description;
}

/** The branch that shapes the value: an object or array branch wins over a scalar shorthand. */
function shape(s: JsonSchema): JsonSchema {
  if (!s.anyOf) return s;
  const nonNull = s.anyOf.filter((b) => b.type !== 'null');
  return nonNull.find((b) => b.type === 'object' || b.type === 'array') ?? nonNull[0] ?? s;
}

function comment(out: string[], text: string | undefined, indent: number): void {
  if (!text) return;
  const pad = ' '.repeat(indent);
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && pad.length + 2 + line.length + 1 + word.length > WIDTH) {
      out.push(`${pad}# ${line}`);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(`${pad}# ${line}`);
}

function scalar(v: unknown): string {
  return stringify(v, { lineWidth: 0 }).trimEnd();
}

/** A figure: a number, or an object with its value (`{ value: 94, previous: 80 }`). */
function isFigure(s: JsonSchema): boolean {
  return !!s.anyOf?.some((b) => b.type === 'integer') && !!s.anyOf.some((b) => b.type === 'object');
}

function placeholder(s: JsonSchema): string {
  const t = shape(s);
  if (t.enum) return scalar(t.enum[0]);
  switch (Array.isArray(t.type) ? t.type[0] : t.type) {
    case 'integer':
    case 'number':
      return '0';
    case 'array':
      return '[]';
    case 'boolean':
      return 'false';
    default:
      return '"…"';
  }
}

function field(out: string[], key: string, s: JsonSchema, value: unknown, indent: number, commented: boolean): void {
  const pad = ' '.repeat(indent);
  const hash = commented ? '# ' : '';
  comment(out, describe(s), indent);
  const t = shape(s);
  if (value === undefined) {
    // Absent from the sample: show it commented out, objects with their fields.
    if (t.type === 'object' && t.properties) {
      out.push(`${pad}# ${key}:`);
      for (const [k, p] of Object.entries(t.properties)) field(out, k, p, undefined, indent + 2, true);
    } else if (t.type === 'array') {
      // A block list even when commented out: the clerk removes the "#" and fills the item.
      out.push(`${pad}# ${key}:`);
      out.push(`${pad}#   - ${t.items ? placeholder(t.items) : '"…"'}`);
    } else {
      out.push(`${pad}# ${key}: ${placeholder(s)}`);
    }
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (t.type === 'object' && t.properties && !isFigure(s)) {
      out.push(`${pad}${hash}${key}:`);
      const obj = value as Record<string, unknown>;
      for (const [k, p] of Object.entries(t.properties)) field(out, k, p, obj[k], indent + 2, commented);
    } else {
      // A figure with last year's value or a qualifier reads best on one line.
      out.push(`${pad}${hash}${key}: ${stringify(value, { flow: true } as never).trim()}`);
    }
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${pad}${hash}${key}: []`);
      return;
    }
    out.push(`${pad}${hash}${key}:`);
    const items = t.items ? shape(t.items) : undefined;
    value.forEach((item, i) => {
      if (items?.type === 'object' && items.properties && item !== null && typeof item === 'object') {
        // A list of records: each as "- field: value" lines, the first explained field by field.
        const lines: string[] = [];
        for (const [k, p] of Object.entries(items.properties)) {
          const v = (item as Record<string, unknown>)[k];
          field(lines, k, i === 0 ? p : { ...p, description: undefined, anyOf: p.anyOf?.map((b) => ({ ...b, description: undefined })) }, v, indent + 4, commented);
        }
        const first = lines.findIndex((l) => !l.trimStart().startsWith('#'));
        if (first >= 0) lines[first] = `${pad}${hash}  - ${lines[first]!.trimStart().replace(/^# /, '')}`;
        out.push(...lines.filter((l, j) => j >= first || i === 0));
      } else {
        out.push(`${pad}${hash}  - ${scalar(item)}`);
      }
    });
    return;
  }
  if (typeof value === 'string' && pad.length + key.length + value.length > WIDTH) {
    out.push(`${pad}${hash}${key}: >-`);
    let line = '';
    for (const word of value.split(/\s+/)) {
      if (line && pad.length + 2 + line.length + 1 + word.length > WIDTH) {
        out.push(`${pad}${hash}  ${line}`);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    if (line) out.push(`${pad}${hash}  ${line}`);
    return;
  }
  out.push(`${pad}${hash}${key}: ${scalar(value)}`);
}
