import type { z } from 'zod';
import { suggest } from '../load/index.js';
import type { Lang, SourceDocument } from '../load/index.js';
import { limitsMessages } from '../messages/limits.js';
import { modelMessages } from '../messages/model.js';
import { say } from '../messages/types.js';
import type { KindFile } from './declarative.js';
import { resolvePath } from './shape.js';

/**
 * What is wrong with a kind file that its own schema cannot see: field names that would reach
 * Object.prototype (at any depth) and checks naming a field the kind does not declare. Each is
 * worded with the kind file's line and column, all of them at once.
 */
export function kindFileProblems(k: KindFile, source: SourceDocument, file: string, schema: z.ZodType): ((lang: Lang) => string)[] {
  const problems: ((lang: Lang) => string)[] = [];
  const at = (path: (string | number)[], key?: 'key') => {
    const p = source.locate(path, key);
    return `${file}:${p.line}:${p.column}`;
  };
  // Names as written in the file (the raw data keeps "__proto__" as an own key; zod's record does not).
  const walk = (fields: unknown, path: (string | number)[]) => {
    if (fields === null || typeof fields !== 'object') return;
    for (const name of Object.keys(fields)) {
      const here = [...path, name];
      if (name in Object.prototype) {
        const where = at(here, 'key');
        problems.push((lang) => say(lang, limitsMessages.reservedFieldName, where, name));
        continue;
      }
      const spec = (fields as Record<string, unknown>)[name];
      if (spec && typeof spec === 'object') {
        walk((spec as { fields?: unknown }).fields, [...here, 'fields']);
        const items = (spec as { items?: unknown }).items;
        if (items && typeof items === 'object') walk((items as { fields?: unknown }).fields, [...here, 'items', 'fields']);
      }
    }
  };
  walk((source.data as { fields?: unknown }).fields, ['fields']);

  k.checks.forEach((c, i) => {
    for (const key of ['field', 'atLeast', 'atMost', 'yearAtLeast'] as const) {
      const dotted = c[key];
      if (dotted === undefined) continue;
      const r = resolvePath(schema, dotted.split('.'));
      if (r.ok) continue;
      const where = at(['checks', i, key]);
      const hint = suggest(dotted.split('.')[r.failedAt] ?? '', r.keys);
      const known = dotted.split('.').slice(0, r.failedAt).concat(hint ?? []).join('.');
      problems.push((lang) => say(lang, modelMessages.kindCheckUnknownField, where, key, dotted, hint ? known : undefined));
    }
  });
  return problems;
}
