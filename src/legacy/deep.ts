import { convertLegacy, hasUnicodeVietnamese, type LegacyEncoding } from './convert.js';
import { detectLegacy } from './detect.js';

export interface LegacyStringReport {
  path: (string | number)[];
  encoding: LegacyEncoding;
  /** Start of the field as found, then as it would convert. */
  sample: string;
}

const SAMPLE_CHARS = 40;

function clip(s: string): string {
  const chars = Array.from(s);
  return chars.length > SAMPLE_CHARS ? `${chars.slice(0, SAMPLE_CHARS).join('')}…` : s;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Walk objects/arrays/strings; calls `visit` for every string with its path. */
function walk(
  value: unknown,
  path: (string | number)[],
  onStack: WeakSet<object>,
  visit: (s: string, path: (string | number)[]) => void,
): void {
  if (typeof value === 'string') {
    visit(value, path);
  } else if (Array.isArray(value) || isPlainObject(value)) {
    if (onStack.has(value)) throw new TypeError(`cyclic value at ${path.join('.') || '(root)'}`);
    onStack.add(value);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], onStack, visit));
    else for (const [k, v] of Object.entries(value)) walk(v, [...path, k], onStack, visit);
    onStack.delete(value);
  }
}

/** Every string (at any depth) that detectLegacy reports, with its path. */
export function findLegacyStrings(value: unknown): LegacyStringReport[] {
  const found: LegacyStringReport[] = [];
  walk(value, [], new WeakSet(), (s, path) => {
    const d = detectLegacy(s);
    if (d) {
      found.push({ path, encoding: d.encoding, sample: `${clip(s)} → ${clip(convertLegacy(s, d.encoding))}` });
    }
  });
  return found;
}

/**
 * A copy of `value` with every string converted from `encoding`. Strings that already
 * contain Unicode-only Vietnamese letters are kept as they are (a file may mix fixed and
 * unfixed fields); other values (numbers, booleans, null, non-plain objects) are kept too.
 */
export function convertLegacyDeep(value: unknown, encoding: LegacyEncoding): unknown {
  const onStack = new WeakSet<object>();
  const rec = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') return hasUnicodeVietnamese(v) ? v : convertLegacy(v, encoding);
    if (!Array.isArray(v) && !isPlainObject(v)) return v;
    if (onStack.has(v)) throw new TypeError(`cyclic value at ${path.join('.') || '(root)'}`);
    onStack.add(v);
    let out: unknown;
    if (Array.isArray(v)) {
      out = v.map((item, i) => rec(item, [...path, i]));
    } else {
      // fromEntries defines own properties, so a "__proto__" key stays a plain key.
      out = Object.fromEntries(Object.entries(v).map(([k, item]) => [k, rec(item, [...path, k])]));
    }
    onStack.delete(v);
    return out;
  };
  return rec(value, []);
}
