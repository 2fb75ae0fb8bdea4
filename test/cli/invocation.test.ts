import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocation } from '../../src/cli/invocation.js';

// Issue 12 item 4: every hint prints the command that works where the user is.
const BIN = path.resolve('dist/cli/main.js');
const bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'BAOCAO_COMMAND'));

function init(command: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync(command[0]!, [...command.slice(1), 'init', 'qp-an', 'bc.yaml'], { cwd, env: { ...env, BAOCAO_TODAY: '2026-12-02' }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr;
}

describe('the command hints print', () => {
  it('`baocao …` when run through the bin on PATH (npm link)', () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'baocao-bin-'));
    chmodSync(BIN, 0o755); // as npm link leaves it
    symlinkSync(BIN, path.join(bin, 'baocao'));
    const cwd = mkdtempSync(path.join(tmpdir(), 'baocao-elsewhere-'));
    const stderr = init(['baocao'], cwd, { ...bare, PATH: `${bin}${path.delimiter}${bare.PATH ?? ''}` });
    expect(stderr).toBe('Đã tạo bc.yaml. Sửa số liệu, rồi: baocao validate bc.yaml && baocao render bc.yaml\n');
  }, 120_000);

  it('`node <path>/dist/cli/main.js …` when run that way from another folder, and the relative path inside the clone', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'baocao-elsewhere-'));
    expect(init([process.execPath, BIN], cwd, bare)).toBe(`Đã tạo bc.yaml. Sửa số liệu, rồi: node ${BIN} validate bc.yaml && node ${BIN} render bc.yaml\n`);
    expect(invocation(bare, BIN, path.resolve('.'))).toBe('node dist/cli/main.js');
  });

  it('`npx baocao …` under npm in the clone (npm start, npx), but not under npm in an unrelated folder', () => {
    expect(invocation({ ...bare, npm_lifecycle_event: 'start' }, BIN, path.resolve('.'))).toBe('npx baocao');
    expect(invocation({ ...bare, npm_command: 'exec' }, path.resolve('node_modules/.bin/baocao'), path.resolve('data'))).toBe('npx baocao');
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'baocao-elsewhere-'));
    expect(invocation({ ...bare, npm_command: 'run-script' }, BIN, elsewhere)).toBe(`node ${BIN}`);
    expect(invocation({ ...bare, BAOCAO_COMMAND: 'bc' }, BIN, elsewhere)).toBe('bc');
  });

  it('help examples and the usage-error pointer use it too', () => {
    const r = spawnSync(process.execPath, [BIN, 'render', '--jobs', '0', 'x.yaml'], { env: bare, encoding: 'utf8' });
    expect(r.status).toBe(64);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('Xem: node dist/cli/main.js --help');
    const help = spawnSync(process.execPath, [BIN, 'init', '--help'], { env: bare, encoding: 'utf8' });
    expect(help.stdout).toContain('node dist/cli/main.js init qp-an bao-cao.yaml');
  });
});

describe('hints inside messages', () => {
  it('sign --visible without a layout names the render command the way it was run', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'baocao-elsewhere-'));
    writeFileSync(path.join(cwd, 'bc.pdf'), '%PDF-1.7\n');
    const run = (command: string[], env: NodeJS.ProcessEnv) =>
      spawnSync(command[0]!, [...command.slice(1), 'sign', 'bc.pdf', '--p12', 'k.p12', '--visible'], { cwd, env: { ...env, BAOCAO_P12_PASSWORD: 'x' }, encoding: 'utf8' });
    const bin = mkdtempSync(path.join(tmpdir(), 'baocao-bin-'));
    chmodSync(BIN, 0o755);
    symlinkSync(BIN, path.join(bin, 'baocao'));
    const linked = run(['baocao'], { ...bare, PATH: `${bin}${path.delimiter}${bare.PATH ?? ''}` });
    expect(linked.status).toBe(64);
    expect(linked.stderr.split('\n')[0]).toBe('--visible cần tệp vị trí vùng ký bc.sign.json; hãy dựng lại văn bản với "baocao render … --sign-layout" hoặc chỉ ra tệp bằng --sign-layout.');
    const direct = run([process.execPath, BIN, '--lang', 'en'], bare);
    expect(direct.status).toBe(64);
    expect(direct.stderr.split('\n')[0]).toBe(`--visible needs the signature-area file bc.sign.json; render the document again with "node ${BIN} render … --sign-layout" or name the file with --sign-layout.`);
  });
});

describe('the desk', () => {
  it("a new file's comments name the command the way `serve` was run", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'baocao-elsewhere-'));
    const child = spawn(process.execPath, [BIN, 'serve', '.', '--no-open', '--port', '0'], { cwd, env: bare, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: string) => {
          out += c;
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) resolve(m[0]);
        });
        child.once('exit', () => reject(new Error(`serve ended: ${out}`)));
      });
      const token = /name="baocao-token" content="([^"]+)"/.exec(await (await fetch(url)).text())![1]!;
      const opened = (await (await fetch(new URL('/api/new?kind=qp-an', url), { headers: { 'x-baocao-token': token } })).json()) as { base: string };
      expect(opened.base).toContain(`#   node ${BIN} validate <tệp>\n`);
      expect(opened.base).toContain(`#   node ${BIN} render <tệp>\n`);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});

describe('--help at 80 columns', () => {
  it('breaks no word: every line break falls between words', () => {
    // Each spawn builds the whole CLI: three helps cover the command list, the long option
    // descriptions and English.
    for (const args of [['--help'], ['render', '--help'], ['render', '--help', '--lang', 'en']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...bare, COLUMNS: '80', BAOCAO_COMMAND: 'baocao' }, encoding: 'utf8' });
      const lines = r.stdout.split('\n');
      for (const [i, line] of lines.entries()) {
        expect([...line].length, `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
        const next = lines[i + 1];
        // A line ending in a letter and a next line starting with one (after the indent) would be a word cut in two
        // only if the two halves are not words on their own: check the cut against the unwrapped help.
        if (next !== undefined && /\p{L}$/u.test(line) && /^\s*\p{L}/u.test(next)) {
          const last = /(\p{L}+)$/u.exec(line)![1]!;
          const first = /^\s*(\p{L}+)/u.exec(next)![1]!;
          expect(wide(args).includes(`${last}${first}`) && !wide(args).includes(`${last} ${first}`), `${args.join(' ')}: "${last}|${first}"`).toBe(false);
        }
      }
    }
  }, 300_000);
});

const cache = new Map<string, string>();
function wide(args: string[]): string {
  const key = args.join(' ');
  if (!cache.has(key)) {
    const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...bare, COLUMNS: '400', BAOCAO_COMMAND: 'baocao' }, encoding: 'utf8' });
    cache.set(key, r.stdout.replace(/\s+/g, ' '));
  }
  return cache.get(key)!;
}
