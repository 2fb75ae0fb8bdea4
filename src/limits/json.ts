/**
 * What JSON cannot carry in a data object handed to the library: JSON.stringify would silently
 * drop a function or undefined member, fail on a BigInt or a cycle. The first such value, with
 * its path; the walk stops at the depth limit like the data's own check.
 */
export function notJson(value: unknown, maxDepth: number): { path: (string | number)[]; what: string } | undefined {
  const ancestors = new Set<object>();
  const walk = (v: unknown, path: (string | number)[]): ReturnType<typeof notJson> => {
    if (typeof v === 'function') return { path, what: 'function' };
    if (typeof v === 'symbol') return { path, what: 'symbol' };
    if (typeof v === 'bigint') return { path, what: 'bigint' };
    if (v === undefined) return path.length > 0 ? { path, what: 'undefined' } : undefined;
    if (v === null || typeof v !== 'object') return undefined;
    if (ancestors.has(v)) return { path, what: 'cycle' };
    if (path.length > maxDepth) return undefined; // the depth limit reports it once parsed
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return undefined; // a Date: its JSON form
    ancestors.add(v);
    try {
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const r = walk(v[i], [...path, i]);
          if (r) return r;
        }
      } else {
        for (const k of Object.keys(v)) {
          const r = walk((v as Record<string, unknown>)[k], [...path, k]);
          if (r) return r;
        }
      }
    } finally {
      ancestors.delete(v);
    }
    return undefined;
  };
  return walk(value, []);
}
