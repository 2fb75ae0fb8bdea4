import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What a cold process loads is most of what it costs (issue 15). The build compiles the built-in
// templates and checks them against their kinds (src/compose/specs.ts, src/model/verified.ts), so
// validating or composing a built-in kind's report never loads Handlebars' parser and compiler,
// and a kind edited after the build (here: one character of a copy's template) is parsed and
// checked as before. The compiled pipeline of dist/ is used: that is what a user's process runs.
const dist = (p: string) => JSON.stringify(path.resolve('dist', p));

function loadedAfter(script: string, cwd = process.cwd()): { modules: string[]; out: string } {
  const code = `
    import { createRequire } from 'node:module';
    ${script}
    const cache = createRequire(import.meta.url).cache;
    console.log(JSON.stringify(Object.keys(cache)));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd });
  if (r.status !== 0) throw new Error(r.stderr);
  const lines = r.stdout.trim().split('\n');
  return { modules: JSON.parse(lines.pop()!) as string[], out: lines.join('\n') };
}

const compiler = (modules: string[]) => modules.filter((m) => /handlebars[\\/]dist[\\/]cjs[\\/]handlebars[\\/]compiler/.test(m));

describe('a cold process', () => {
  it('validates a built-in kind’s report without loading Handlebars’ compiler or parsing a font', () => {
    const { modules, out } = loadedAfter(`
      const p = await import(${dist('pipeline/index.js')});
      const loaded = await p.loadReport('data/nghi-son-qp-an-2020.yaml');
      console.log(loaded.ok, loaded.kind.id);`);
    expect(out).toBe('true qp-an');
    expect(compiler(modules)).toEqual([]);
    expect(modules.filter((m) => /[\\/]node_modules[\\/](fontkit|pdfkit|pdfmake|docx)[\\/]/.test(m))).toEqual([]);
  });

  it('composes a built-in kind’s report without loading Handlebars’ compiler', () => {
    const { modules, out } = loadedAfter(`
      const p = await import(${dist('pipeline/index.js')});
      const loaded = await p.loadReport('data/nghi-son-qp-an-2020.yaml');
      const doc = p.buildDocument(loaded.kind, loaded.report);
      console.log(loaded.ok, doc.children.length > 10);`);
    expect(out).toBe('true true');
    expect(modules.some((m) => m.includes(`${path.sep}handlebars${path.sep}`))).toBe(true); // the runtime
    expect(compiler(modules)).toEqual([]);
  });

  it('parses and checks a built-in kind edited after the build, and refuses a misspelt placeholder in it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-loads-'));
    cpSync(path.resolve('templates/chi-thi'), path.join(dir, 'chi-thi'), { recursive: true });
    const body = path.join(dir, 'chi-thi', 'body.hbs');
    const ok = loadedAfter(`
      const m = await import(${dist('model/index.js')});
      m.registerKindDir(${JSON.stringify(path.join(dir, 'chi-thi'))});
      console.log(m.findKind('chi-thi').template);`);
    expect(ok.out).toBe(path.join(dir, 'chi-thi'));
    expect(compiler(ok.modules)).toEqual([]); // unchanged copy: the same key as the built-in
    writeFileSync(body, `${readFileSync(body, 'utf8')}\n<p>{{frame.signer.nmae}}</p>\n`);
    const edited = loadedAfter(`
      const m = await import(${dist('model/index.js')});
      try { m.registerKindDir(${JSON.stringify(path.join(dir, 'chi-thi'))}); console.log('loaded'); }
      catch (e) { console.log(e.text('en')); }`);
    expect(edited.out).toContain('body.hbs:');
    expect(edited.out).toContain('nmae');
    expect(compiler(edited.modules).length).toBeGreaterThan(0);
  });
});
