import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12 item 7: `npm install` on the oldest Node baocao supports warns of no package. docx
 * depends on nanoid@6 (Node ≥ 22) but bundles its own copy in dist/, so package.json overrides it
 * with nanoid 5 (Node ^18 || ≥ 20); every installed package must admit the Node of `engines`.
 */
type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/^[v=]/, '').split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : 0));
  return [a, b, c];
};
const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** npm's range grammar, as far as engines fields use it: ||, space-joined comparators, ^, ~, x, >=. */
export function admits(range: string, version: string): boolean {
  const v = parse(version);
  return range.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split('||').some((alt) =>
    alt.trim().split(/\s+/).filter(Boolean).every((c) => {
      const m = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(c)!;
      const op = m[1] ?? '';
      const parts = m[2]!.split('.');
      const base = parse(m[2]!.replace(/[x*]/g, '0'));
      const given = parts.filter((p) => /^\d+$/.test(p)).length;
      if (op === '>=') return cmp(v, base) >= 0;
      if (op === '>') return cmp(v, base) > 0;
      if (op === '<=') return cmp(v, base) <= 0;
      if (op === '<') return cmp(v, base) < 0;
      if (op === '^') return cmp(v, base) >= 0 && (base[0] > 0 ? v[0] === base[0] : v[1] === base[1]);
      if (op === '~') return cmp(v, base) >= 0 && v[0] === base[0] && (given < 2 || v[1] === base[1]);
      // "22", "1.x", "=1.2.3": the parts given must match.
      return v.slice(0, given).every((n, i) => n === base[i]);
    }),
  );
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean }> };
const oldest = /^>=(\d+\.\d+(\.\d+)?)$/.exec(pkg.engines.node)![1]!;

describe('engines', () => {
  it('reads ranges as npm does', () => {
    expect([admits('^22 || ^24 || >=26', '20.19.0'), admits('^18 || >=20', '20.19.0'), admits('>=20.19', '20.18.0'), admits('^14.18.0 || >=16.0.0', '20.19.0')]).toEqual([false, true, false, true]);
  });

  it('nanoid under docx is overridden to a version that supports the oldest Node', () => {
    const nanoid = lock.packages['node_modules/docx/node_modules/nanoid']!;
    expect(nanoid.version).toBe('5.1.12');
    expect(admits((nanoid.engines as { node: string }).node, oldest)).toBe(true);
  });

  it(`every runtime package admits Node ${oldest}`, () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && !p.dev && p.engines && !Array.isArray(p.engines) && p.engines.node && !admits(p.engines.node, oldest))
      .map(([name, p]) => `${name} ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
