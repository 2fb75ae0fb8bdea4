import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The built CLI, spawned as an office would run it on a file someone else sent. */
export const BIN = path.resolve('dist/cli/main.js');
export const FIX = path.resolve('test/fixtures/data');
export const minimal = () => readFileSync(`${FIX}/minimal.yaml`, 'utf8');

export function run(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd ?? process.cwd(),
    env: { ...process.env, ...opts.env },
    input: opts.input,
    maxBuffer: 64 * 1024 * 1024,
    timeout: opts.timeout,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export const tmp = (tag = 'hostile') => mkdtempSync(path.join(tmpdir(), `baocao-${tag}-`));

/** A stack trace line ("    at fn (file:1:2)") on stderr: a crash where a message belongs. */
export const hasStack = (stderr: string) => /^\s+at .+[:(]\d+/m.test(stderr);
