import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/cli/inputs.js';

// Issue 13 item 17: --name stays inside --out; a folder of data skips node_modules and hidden folders.
const BIN = path.resolve('dist/cli/main.js');
const MINIMAL = path.resolve('test/fixtures/data/minimal.yaml');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });

describe('--name', () => {
  it.each(['../x', '.', '..', 'sub/x', 'a\\b', '.an'])('refuses %j before writing anything (exit 64)', (name) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-name-'));
    const r = run(['render', MINIMAL, '--out', 'out', '--name', name, '--format', 'pdf'], dir);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain(`--name là tên tệp trong thư mục --out (không có "/" hay "\\", không bắt đầu bằng "."), không phải "${name}"`);
    expect(readdirSync(dir).filter((f) => f !== 'out')).toEqual([]);
    expect(existsSync(path.join(dir, 'out')) ? readdirSync(path.join(dir, 'out')) : []).toEqual([]);
  });

  it('still writes a plain name into --out', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-name-'));
    const r = run(['render', MINIMAL, '--out', 'out', '--name', 'bao-cao-xa', '--format', 'pdf'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['bao-cao-xa.pdf']);
  });
});

describe('a folder of data', () => {
  it('skips node_modules and hidden folders', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-folder-'));
    for (const sub of ['xa', 'node_modules/pkg', '.git', 'xa/.cache']) mkdirSync(path.join(dir, sub), { recursive: true });
    for (const f of ['a.yaml', 'xa/b.yml', 'node_modules/pkg/c.json', '.git/d.yaml', 'xa/.cache/e.yaml']) copyFileSync(MINIMAL, path.join(dir, f));
    expect((await expandInputs([dir])).map((f) => path.relative(dir, f))).toEqual(['a.yaml', 'xa/b.yml']);
  });
});
