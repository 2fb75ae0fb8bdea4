import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { lines, readPdf } from '../support/pdf.js';

// The built CLI, spawned as a clerk or an office's IT person would run it.
const BIN = path.resolve('dist/cli/main.js');
const run = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, BAOCAO_COMMAND: 'baocao', BAOCAO_TODAY: '2026-12-02' } }); // hints as on PATH; init's clock
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(path.join(tmpdir(), 'baocao-cmd-'));
const FIX = path.resolve('test/fixtures/data');
const minimal = readFileSync(`${FIX}/minimal.yaml`, 'utf8');

/** n valid data files with distinct output names (date and number differ). */
function makeInputs(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: n }, (_, i) => {
    const file = path.join(dir, `xa-${String(i + 1).padStart(3, '0')}.yaml`);
    writeFileSync(file, minimal.replace('  symbol: BC-UBND', `  number: ${i + 1}\n  symbol: BC-UBND`));
    return file;
  });
}

interface Summary {
  ok: boolean;
  interrupted: boolean;
  total: number;
  failed: number;
  files: { input: string; status: string; kind?: string; pages?: number; outputs: { format: string; path: string; bytes: number; status: string }[]; problems: { line: number; path: string[] }[] }[];
}

describe('baocao init, validate, render: a new user session', () => {
  it('writes a commented starting file that validates and renders, with its JSON Schema beside it', async () => {
    const dir = tmp();
    const init = run(['init', 'qp-an', 'bao-cao.yaml'], dir);
    expect(init.code).toBe(0);
    expect(init.stdout.trim().split('\n')).toEqual(['bao-cao.yaml', 'qp-an.schema.json']);
    const yaml = readFileSync(path.join(dir, 'bao-cao.yaml'), 'utf8');
    expect(yaml).toContain('# yaml-language-server: $schema=./qp-an.schema.json');
    expect(yaml).toContain('$schema: ./qp-an.schema.json');
    expect(yaml).toContain('# Tên cơ quan ban hành (ô 2)');
    // Every field of the schema appears, optional ones commented out.
    for (const key of ['parentAgency', 'addressees', 'deputyFor', 'military:', 'limitations', 'totalCommunes', 'otherResults']) {
      expect(yaml, key).toContain(key);
    }
    const schema = JSON.parse(readFileSync(path.join(dir, 'qp-an.schema.json'), 'utf8')) as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toBe('Báo cáo tổng kết công tác quốc phòng - an ninh năm');

    // The clerk edits a figure and the year, then validates and renders.
    const doc = parseDocument(yaml);
    doc.setIn(['police', 'trafficSafetyBulletins'], { value: 120, previous: 94 });
    doc.setIn(['frame', 'place'], 'Tĩnh Gia');
    writeFileSync(path.join(dir, 'bao-cao.yaml'), doc.toString());
    expect(run(['validate', 'bao-cao.yaml'], dir).code).toBe(0);
    const render = run(['render', 'bao-cao.yaml', '--format', 'pdf', '--json'], dir);
    expect(render.code).toBe(0);
    const summary = JSON.parse(render.stdout) as Summary;
    // The next report (BAOCAO_TODAY's year), undated: a name of its own, not the sample's.
    expect(summary.files[0]!.outputs[0]!.path).toBe('out/du-thao_BC-UBND_nghi-son_qp-an-2026.pdf');
    const pdf = await readPdf(readFileSync(path.join(dir, 'out/du-thao_BC-UBND_nghi-son_qp-an-2026.pdf')));
    const text = pdf.pages.flatMap((p) => lines(p).map((l) => l.text)).join(' ');
    expect(text).toContain('Tĩnh Gia, ngày …… tháng …… năm ……');
    expect(text).toContain('120 bản tin an toàn giao thông, tăng 26 bản tin (27,7%) so với năm 2025');
  });

  it('refuses to overwrite an existing data file without --force', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'qp-an.yaml'), 'của tôi');
    const r = run(['init', 'qp-an'], dir);
    expect(r.code).toBe(5);
    expect(readFileSync(path.join(dir, 'qp-an.yaml'), 'utf8')).toBe('của tôi');
  });

  it('prints the JSON Schema the loader validates with, and rejects an unknown kind', () => {
    const r = run(['schema', 'qp-an']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { required: string[]; properties: { police: { properties: Record<string, unknown> } } };
    expect(schema.required).toContain('tasks'); // qp-an's sections are optional (issue #14 §6); its tasks are not
    expect(Object.keys(schema.properties.police.properties)).toContain('trafficSafetyBulletins');
    const bad = run(['schema', 'khong-co']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('không có loại văn bản "khong-co"');
  });

  it('prints help in Vietnamese, and in English with --lang en', () => {
    const vi = run(['--help']);
    expect(vi.code).toBe(0);
    for (const cmd of ['render', 'validate', 'init', 'schema', 'kinds', 'watch']) expect(vi.stdout).toContain(`baocao ${cmd}`);
    expect(vi.stdout).toContain('Dựng văn bản');
    expect(run(['render', '--help']).stdout).toContain('Ví dụ:');
    expect(run(['--help', '--lang', 'en']).stdout).toContain('Render data files');
  });
});

describe('baocao render: batches', () => {
  it('renders a folder in parallel, one broken file among good ones, and reports all in --json', () => {
    const dir = tmp();
    const inputs = makeInputs(path.join(dir, 'so-lieu'), 5);
    writeFileSync(inputs[2]!, minimal.replace('  selfManagedSecurityTeams: 3', '  selfManagedSecurityTeams: ba'));
    const out = path.join(dir, 'out');
    const r = run(['render', path.join(dir, 'so-lieu'), '--out', out, '--format', 'pdf', '--json', '--jobs', '2']);
    expect(r.code).toBe(2);
    const summary = JSON.parse(r.stdout) as Summary;
    expect(summary).toMatchObject({ ok: false, interrupted: false, total: 5, failed: 1 });
    expect(summary.files.map((f) => [path.basename(f.input), f.status])).toEqual([
      ['xa-001.yaml', 'ok'], ['xa-002.yaml', 'ok'], ['xa-003.yaml', 'invalid'], ['xa-004.yaml', 'ok'], ['xa-005.yaml', 'ok'],
    ]);
    expect(summary.files[2]!.problems[0]).toMatchObject({ path: ['securityMovement', 'selfManagedSecurityTeams'] });
    const ok = summary.files.filter((f) => f.status === 'ok');
    for (const f of ok) {
      expect(f.pages).toBe(2);
      expect(f.outputs[0]!.status).toBe('written');
      expect(readFileSync(f.outputs[0]!.path).length).toBe(f.outputs[0]!.bytes);
    }
    expect(readdirSync(out).sort()).toEqual(['2021-02-03_01-BC-UBND_tan-lap_qp-an-2020.pdf', '2021-02-03_02-BC-UBND_tan-lap_qp-an-2020.pdf', '2021-02-03_04-BC-UBND_tan-lap_qp-an-2020.pdf', '2021-02-03_05-BC-UBND_tan-lap_qp-an-2020.pdf']);
  });

  it('accepts globs, keeps identical outputs as they are, keeps different ones unless --force', () => {
    const dir = tmp();
    makeInputs(dir, 2);
    const out = path.join(dir, 'out');
    expect(run(['render', `${dir}/xa-*.yaml`, '--out', out, '--format', 'pdf']).code).toBe(0);
    const again = JSON.parse(run(['render', `${dir}/xa-*.yaml`, '--out', out, '--format', 'pdf', '--json']).stdout) as Summary;
    expect(again.files.map((f) => f.outputs[0]!.status)).toEqual(['unchanged', 'unchanged']);
    const target = path.join(out, '2021-02-03_01-BC-UBND_tan-lap_qp-an-2020.pdf');
    writeFileSync(target, 'bản đã sửa tay');
    const kept = run(['render', `${dir}/xa-001.yaml`, '--out', out, '--format', 'pdf']);
    expect(kept.code).toBe(5);
    expect(kept.stderr).toContain('dùng --force để ghi đè');
    expect(readFileSync(target, 'utf8')).toBe('bản đã sửa tay');
    expect(run(['render', `${dir}/xa-001.yaml`, '--out', out, '--format', 'pdf', '--force']).code).toBe(0);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('stops cleanly on Ctrl-C: no half-written or temporary file, previous files intact', async () => {
    const dir = tmp();
    const inputs = makeInputs(path.join(dir, 'in'), 40);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    // A previous good output of the last input: it must survive whatever happens.
    const previous = path.join(out, '2021-02-03_40-BC-UBND_tan-lap_qp-an-2020.pdf');
    writeFileSync(previous, 'bản cũ tốt');
    const child = spawn(process.execPath, [BIN, 'render', ...inputs, '--out', out, '--format', 'pdf', '--jobs', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/\[2\/40\]/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('close', (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(stderr).toContain('Đã dừng theo yêu cầu');
    expect(stderr).not.toContain('Warning'); // no Node warnings in a clerk's terminal
    const files = readdirSync(out, { withFileTypes: false }) as string[];
    expect(files.filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
    expect(files.length).toBeLessThan(40);
    expect(readFileSync(previous, 'utf8')).toBe('bản cũ tốt');
    for (const f of files.filter((x) => x !== path.basename(previous))) {
      const bytes = readFileSync(path.join(out, f));
      expect(bytes.subarray(0, 5).toString(), f).toBe('%PDF-');
      expect(bytes.subarray(-6).toString().trim(), f).toBe('%%EOF');
    }
  });
});

describe('baocao watch', () => {
  it('re-renders when the data file changes and keeps the last good output on an error', async () => {
    const dir = tmp();
    const [input] = makeInputs(dir, 1);
    const out = path.join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'watch', input!, '--out', out, '--format', 'pdf'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const waitFor = (re: RegExp, count = 1) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timeout waiting for ${re}; stdout:\n${stdout}\nstderr:\n${stderr}`)), 30_000);
        const check = () => {
          if ((stdout.match(new RegExp(re, 'g')) ?? []).length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          check();
        });
        check();
      });
    try {
      await waitFor(/lần đầu → xong/);
      const target = path.join(out, '2021-02-03_01-BC-UBND_tan-lap_qp-an-2020.pdf');
      const first = readFileSync(target);
      writeFileSync(input!, readFileSync(input!, 'utf8').replace('selfManagedSecurityTeams: 3', 'selfManagedSecurityTeams: 30'));
      await waitFor(/thay đổi: .*xa-001\.yaml → xong \(\d+ ms\)/);
      const second = readFileSync(target);
      expect(second.equals(first)).toBe(false);
      writeFileSync(input!, readFileSync(input!, 'utf8').replace('selfManagedSecurityTeams: 30', 'selfManagedSecurityTeams: ba mươi'));
      await waitFor(/→ lỗi dữ liệu .*giữ bản đã dựng trước/);
      expect(stderr).toContain('"securityMovement.selfManagedSecurityTeams"');
      expect(readFileSync(target).equals(second)).toBe(true);
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.on('close', r));
    }
  });
});
