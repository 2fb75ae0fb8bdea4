/**
 * The shape a kind's data has, read from its zod schema: which names an object declares, what a
 * list holds. Checks in kind.yaml and placeholders in body.hbs are resolved against it when the
 * kind loads, so a misspelt name is a kind error, not a silently empty paragraph.
 *
 * A context is the list of schemas a value may match (a figure is a number or an object); it is
 * "open" when one of them accepts any name (a record, unknown), and then nothing under it is checked.
 */

interface Def {
  type: string;
  [k: string]: unknown;
}

export type Context = readonly unknown[];

function defOf(s: unknown): Def | undefined {
  return (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'success', 'promise']);
const OPEN = new Set(['any', 'unknown', 'record', 'custom', 'map']);

/** Expand wrappers (optional, default, pipe, lazy, union …) to the schemas that shape the value. */
export function contextOf(s: unknown, seen = new Set<unknown>()): unknown[] {
  const def = defOf(s);
  if (!def || seen.has(s)) return [];
  seen.add(s);
  if (WRAPPERS.has(def.type)) return contextOf(def['innerType'], seen);
  switch (def.type) {
    case 'pipe':
      return [...contextOf(def['in'], seen), ...contextOf(def['out'], seen)];
    case 'lazy':
      return contextOf((def['getter'] as () => unknown)(), seen);
    case 'union':
      return (def['options'] as unknown[]).flatMap((o) => contextOf(o, seen));
    case 'intersection':
      return [...contextOf(def['left'], seen), ...contextOf(def['right'], seen)];
    case 'transform':
      return [];
    default:
      return [s];
  }
}

/** Accepts any name below (or nothing is known about it). */
export function isOpen(ctx: Context): boolean {
  return ctx.length === 0 || ctx.some((s) => OPEN.has(defOf(s)?.type ?? ''));
}

/** The names the objects of a context declare. */
export function keysOf(ctx: Context): string[] {
  const keys = new Set<string>();
  for (const s of ctx) {
    const def = defOf(s);
    if (def?.type === 'object') for (const k of Object.keys(def['shape'] as object)) keys.add(k);
  }
  return [...keys];
}

export function isList(ctx: Context): boolean {
  return ctx.some((s) => defOf(s)?.type === 'array');
}

/** What a list of the context holds (the context of `{{#each}}`'s body). */
export function elementOf(ctx: Context): unknown[] {
  if (isOpen(ctx)) return [];
  return ctx.flatMap((s) => {
    const def = defOf(s);
    return def?.type === 'array' ? contextOf(def['element']) : [];
  });
}

/** One step down by name; undefined when no schema of the context has it. */
export function childOf(ctx: Context, seg: string): unknown[] | undefined {
  if (isOpen(ctx)) return [];
  const out: unknown[] = [];
  let found = false;
  for (const s of ctx) {
    const def = defOf(s);
    if (def?.type === 'object') {
      const shape = def['shape'] as Record<string, unknown>;
      if (Object.hasOwn(shape, seg)) {
        found = true;
        out.push(...contextOf(shape[seg]));
      }
    } else if (def?.type === 'array') {
      if (/^\d+$/.test(seg)) {
        found = true;
        out.push(...contextOf(def['element']));
      } else if (seg === 'length') {
        found = true;
      }
    }
  }
  // A leaf found (a string, a number): an empty context would read as open, so keep a marker.
  return found ? (out.length > 0 ? out : [LEAF]) : undefined;
}

/** A value with no names below it (what `length` of a list is). */
const LEAF = { _zod: { def: { type: 'leaf' } } };

export type Resolved = { ok: true; ctx: unknown[] } | { ok: false; failedAt: number; keys: string[] };

/** Follow a path of names from a schema or a context. */
export function resolvePath(from: unknown, parts: readonly string[]): Resolved {
  let ctx: unknown[] = Array.isArray(from) ? [...(from as unknown[])] : contextOf(from);
  for (let i = 0; i < parts.length; i++) {
    if (isOpen(ctx)) return { ok: true, ctx: [] };
    const next = childOf(ctx, parts[i]!);
    if (!next) return { ok: false, failedAt: i, keys: keysOf(ctx) };
    ctx = next;
  }
  return { ok: true, ctx };
}
