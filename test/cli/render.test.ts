import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The built CLI, spawned as a clerk would run it.
const BIN = path.resolve('dist/cli/main.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(path.join(tmpdir(), 'baocao-cli-'));
const FIX = 'test/fixtures/data';

describe('baocao render', () => {
  it('renders the sample to an ASCII-safe, meaningful PDF name and prints its path', () => {
    const out = tmp();
    const r = run('render', 'data/nghi-son-qp-an-2020.yaml', '--out', out, '--format', 'pdf');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const target = path.join(out, '2020-12-09_BC-UBND_nghi-son_qp-an-2020.pdf');
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^Tệp\s+Kết quả\s+Đầu ra\s+Trang\s+Dung lượng\s+Thời gian$/);
    expect(rows[2]).toMatch(new RegExp(`^data/nghi-son-qp-an-2020.yaml\\s+xong\\s+${target}\\s+3\\s+\\d+,\\d KB\\s+\\d+ ms$`));
    expect(rows[3]).toMatch(/^1 tệp: 1 xong, 0 lỗi · \d+,\d s$/);
    expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(out)).toEqual(['2020-12-09_BC-UBND_nghi-son_qp-an-2020.pdf']); // no temp file left behind
  });

  it('renders several files, naming each by its date, number and symbol', () => {
    const out = tmp();
    const r = run('render', 'data/nghi-son-qp-an-2020.yaml', `${FIX}/song-lam-2021.yaml`, '--out', out, '--format', 'pdf', '--jobs', '2');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['2020-12-09_BC-UBND_nghi-son_qp-an-2020.pdf', '2022-01-05_07-BC-UBND_song-lam_qp-an-2021.pdf']);
  });

  it('refuses bad data with file, line and field in Vietnamese, exit 2, and writes or overwrites nothing', () => {
    const out = tmp();
    // A previous good output with the name the bad file would produce must survive untouched.
    const previous = path.join(out, '2021-02-03_BC-UBND_tan-lap_qp-an-2020.pdf');
    writeFileSync(previous, 'previous good file');
    const r = run('render', `${FIX}/bad-string-for-number.yaml`, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('lỗi dữ liệu');
    expect(r.stderr).toContain(`${FIX}/bad-string-for-number.yaml:17:27: lỗi: trường "police.trafficSafetyBulletins"`);
    expect(r.stderr).toContain('không ghi tệp nào');
    expect(readdirSync(out)).toEqual(['2021-02-03_BC-UBND_tan-lap_qp-an-2020.pdf']);
    expect(readFileSync(previous, 'utf8')).toBe('previous good file');
  });

  it('renders the good files of a batch and fails on the bad one', () => {
    const out = tmp();
    const r = run('render', `${FIX}/bad-missing-symbol.yaml`, `${FIX}/minimal.yaml`, '--out', out, '--format', 'pdf');
    expect(r.code).toBe(2);
    expect(readdirSync(out)).toEqual(['2021-02-03_BC-UBND_tan-lap_qp-an-2020.pdf']);
  });

  it('speaks English with --lang en', () => {
    const r = run('render', `${FIX}/bad-missing-symbol.yaml`, '--out', tmp(), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-missing-symbol.yaml:2:1: error: missing required field "frame.symbol".');
  });

  it('exits 4 for a file that does not exist', () => {
    const r = run('render', 'khong-co.yaml', '--out', tmp());
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('khong-co.yaml');
  });

  it('exits 64 for bad arguments', () => {
    expect(run('render').code).toBe(64);
    expect(run('render', 'data/nghi-son-qp-an-2020.yaml', '--format', 'odt', '--out', tmp()).code).toBe(64);
    expect(run('lam-gi-do').code).toBe(64);
  });

  it('accepts NFD (decomposed) text and writes NFC', async () => {
    const dir = tmp();
    const src = path.join(dir, 'nfd.yaml');
    copyFileSync(`${FIX}/minimal.yaml`, src);
    writeFileSync(src, readFileSync(src, 'utf8').normalize('NFD'));
    const r = run('render', src, '--out', dir, '--format', 'pdf', '--json');
    expect(r.code).toBe(0);
    const { readPdf } = await import('../support/pdf.js');
    const summary = JSON.parse(r.stdout) as { files: { outputs: { path: string }[] }[] };
    const pdf = await readPdf(readFileSync(summary.files[0]!.outputs[0]!.path));
    expect(pdf.text).toBe(pdf.text.normalize('NFC'));
    expect(pdf.text.replace(/\s+/g, ' ')).toContain('ỦY BAN NHÂN DÂN XÃ TÂN LẬP');
  });
});

describe('baocao render --legacy', () => {
  it('refuses TCVN3-typed text with a hint, and converts it when asked', () => {
    const refused = run('validate', `${FIX}/legacy-tcvn3.yaml`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--legacy tcvn3');
    const out = tmp();
    const r = run('render', `${FIX}/legacy-tcvn3.yaml`, '--legacy', 'tcvn3', '--out', out, '--format', 'pdf');
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['2021-02-03_BC-UBND_tan-lap_qp-an-2020.pdf']);
    expect(run('render', `${FIX}/legacy-tcvn3.yaml`, '--legacy', 'ascii', '--out', out).code).toBe(64);
  });
});

describe('baocao validate and kinds', () => {
  it('validates without writing', () => {
    const r = run('validate', 'data/nghi-son-qp-an-2020.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('data/nghi-son-qp-an-2020.yaml: hợp lệ (qp-an)\n');
    const bad = run('validate', `${FIX}/bad-several.yaml`);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(3);
  });

  it('lists the kinds', () => {
    const r = run('kinds');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('qp-an\tBáo cáo tổng kết công tác quốc phòng - an ninh năm');
  });
});
