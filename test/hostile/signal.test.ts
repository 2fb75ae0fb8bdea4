import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, hasStack, tmp } from './support.js';

// Issue 13 item 12: Ctrl-C and SIGTERM stop a render in progress (it runs in a worker that is
// terminated), nothing is written after, and the exit code is 130 or 143.
const base = readFileSync('test/fixtures/data/minimal.yaml', 'utf8');
const para = (n: number) => Array.from({ length: n }, (_, i) => (i % 12 === 11 ? 'ổn định.' : 'tình hình')).join(' ');

/** A single input that takes many seconds to lay out (three paragraphs near the length limit). */
function slowInput(dir: string): string {
  const long = para(19_000);
  const text = base
    .replace('forecast: Tình hình ổn định.', `forecast: ${long}`)
    .replace('  summary: Công tác lãnh đạo, chỉ đạo được thực hiện nghiêm túc.', `  summary: ${long}`)
    .replace('  - Giữ vững an ninh, trật tự', `  - ${long}\n  - ${long}`);
  const file = path.join(dir, 'cham.yaml');
  writeFileSync(file, text);
  return file;
}

function renderThenSignal(signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; dir: string }> {
  const dir = tmp('signal');
  slowInput(dir);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'render', 'cham.yaml', '--format', 'pdf,docx', '--lang', 'en'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Well inside the render: the CLI starts in about a second, the layout takes far longer.
    setTimeout(() => child.kill(signal), 4_000);
    child.on('close', (code) => resolve({ code, stderr, dir }));
  });
}

describe('stopping a render in progress', () => {
  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s stops it at once: exit %i, no output, no temporary file, no stack', async (signal, code) => {
    const r = await renderThenSignal(signal);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain('Stopped');
    expect(hasStack(r.stderr)).toBe(false);
    const out = path.join(r.dir, 'out');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
