import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSource } from '../../src/load/index.js';
import { loadReportText } from '../../src/pipeline/index.js';
import { hasStack, run, tmp } from './support.js';

// Issue 13 items 6 and 13, and the nesting and key limits of a document.
const base = readFileSync('test/fixtures/data/minimal.yaml', 'utf8');
const problems = (text: string, file = 'bao-cao.yaml') => {
  const r = loadReportText(text, file, 'en');
  return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
};

describe('a recursive YAML alias', () => {
  it('is refused at the alias, not a stack overflow', () => {
    expect(problems(`${base}extra: &a {b: *a}\n`)).toEqual([
      '48:15 field "extra.b": the alias *a lies inside the very node it names, so the data would repeat forever; write the value out instead of the alias.',
    ]);
    expect(problems(`${base}extra: &a [1, [2, *a]]\n`)[0]).toMatch(/^48:\d+ field "extra\[1\]\[1\]": the alias \*a lies inside/);
  });

  it('a shared (not recursive) alias still loads', () => {
    const p = parseSource('a: &x {b: 1}\nc: *x\n', 'x.yaml');
    expect(p.problems).toEqual([]);
    expect(p.source!.data).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });

  it('validate reports it and goes on with the next file (exit 2); in kind.yaml it is a kind error (exit 3)', () => {
    const dir = tmp('alias');
    writeFileSync(path.join(dir, 'a.yaml'), `${base}extra: &a {b: *a}\n`);
    writeFileSync(path.join(dir, 'b.yaml'), base.replace('year: 2020', 'year: hai'));
    const r = run(['validate', 'a.yaml', 'b.yaml', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a.yaml:48:15: error: field "extra.b": the alias *a');
    expect(r.stderr).toContain('b.yaml:12:7: error:');
    expect(hasStack(r.stderr)).toBe(false);

    const kind = path.join(dir, 'k');
    mkdirSync(kind);
    writeFileSync(path.join(kind, 'kind.yaml'), 'id: k\ntitle: K\ntype: &t { name: Thông báo, abbreviation: TB, x: *t }\nsample: m.yaml\nfileStem: x\nfields: {}\n');
    writeFileSync(path.join(kind, 'body.hbs'), '<p>x</p>\n');
    const k = run(['kinds', '--kinds', kind, '--lang', 'en'], { cwd: dir });
    expect(k.code).toBe(3);
    expect(k.stderr).toContain(`${path.join(kind, 'kind.yaml')}:3:`);
    expect(k.stderr).toContain('the alias *t lies inside');
    expect(hasStack(k.stderr)).toBe(false);
  });
});

describe('many keys in one mapping', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are checked for duplicates with each key normalised once (linear, not one normalisation per comparison)', () => {
    const n = 2_000;
    const text = `${base}extra:\n${Array.from({ length: n }, (_, i) => `  k${i}: ${i}`).join('\n')}\n  k7: lặp\n`;
    const normalize = vi.spyOn(String.prototype, 'normalize');
    const p = parseSource(text, 'x.yaml', 'en');
    // The old comparator normalised both keys on every one of the n²/2 comparisons (4 million here).
    expect(normalize.mock.calls.length).toBeLessThan(20 * n);
    expect(p.problems.map((x) => `${x.line}:${x.column} ${x.message}`)).toEqual([`${49 + n}:3 field "extra.k7" is repeated (already at line 56); each field may appear only once.`]);
  });

  it('beyond the limit are refused, naming the limit and its option', () => {
    const text = `${base}extra:\n${Array.from({ length: 10_001 }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`;
    expect(problems(text)).toEqual(['49:3 field "extra": the number of keys in one mapping exceeds the limit of 10000 (found 10001); if this is really needed, raise it with --max-keys.']);
  });
});

describe('nesting', () => {
  it('beyond the depth limit is refused at the first node too deep', () => {
    const deep = `${base}extra: ${'['.repeat(70)}1${']'.repeat(70)}\n`;
    const p = problems(deep);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^48:\d+ field "extra(\[0\]){63}": the nesting depth of the data exceeds the limit of 64; if this is really needed, raise it with --max-depth\.$/);
  });
});
