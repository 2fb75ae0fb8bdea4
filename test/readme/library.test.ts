import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 12 item 5: the README's library example has every import and runs as written (against dist/).
describe('README library example', () => {
  it('runs against dist/ as `baocao`, and prints what its comments say', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Library'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toContain("from 'baocao'");
    // A project that has baocao installed: node_modules/baocao is this clone.
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-lib-'));
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(path.resolve('.'), path.join(dir, 'node_modules', 'baocao'));
    writeFileSync(path.join(dir, 'example.mjs'), code!);
    // The example names the sample by its path in the clone: run it from there.
    const r = spawnSync(process.execPath, [path.join(dir, 'example.mjs')], { encoding: 'utf8', cwd: path.resolve('.') });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n');
    expect(out[0]).toBe('ban-tin-antt, bao-cao-dinh-ky, chi-thi, ke-hoach, qp-an, qp-an-xa');
    expect(out.at(-1)).toBe('2020-12-09_BC-UBND_nghi-son_qp-an-2020 nghi-son-qp-an-2020.yaml true 0 true');
  }, 300_000);
});
