import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, loadReport, loadReportText, renderDocument } from '../../src/pipeline/index.js';
import { readPdf } from '../support/pdf.js';

// Issue #14 §2: last period's figures come from last period's file (`previous:`), validated as
// any input; a value typed by hand wins and a disagreement is a warning naming both files and lines.

const frame = (year: number) => `frame:
  issuingAgency: Ủy ban nhân dân xã Hòa Bình
  symbol: BC-UBND
  place: Hòa Bình
  date: ${year}-12-10
  summary: Kết quả công tác quốc phòng - an ninh năm ${year}
  signer: { position: Chủ tịch, name: Nguyễn Văn An }
  recipients: [UBND huyện]
  archive: [VT]
`;

/** A commune's QP-AN report with only the crime figures: every other section is optional now. */
const qpAn = (year: number, crimes: string, extra = '') => `kind: qp-an
${extra}${frame(year)}year: ${year}
situation:
  crimes: ${crimes}
  trafficAccidents: ${year === 2020 ? 7 : 5}
tasks:
  - Giữ vững an ninh, trật tự
`;

const bulletin = (year: number, month: number, crimes: string, extra = '') => `kind: ban-tin-antt
${extra}${frame(year).replace(/date: \d+-12-10/, `date: ${year}-${String(month).padStart(2, '0')}-28`)}period: { kind: month, year: ${year}, month: ${month} }
compareWith: previous
overview: Tình hình ổn định.
crimes: ${crimes}
tasks: [Tăng cường tuần tra]
`;

let dir = '';
const write = (rel: string, text: string): string => {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'baocao-previous-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('previous: last year\'s file', () => {
  it('fills every figure\'s previous, and the PDF words the comparison with it', async () => {
    write('2020/qp-an.yaml', qpAn(2020, '10'));
    const file = write('2021/qp-an.yaml', qpAn(2021, '12', 'previous: ../2020/qp-an.yaml\n'));
    const r = await loadReport(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.warnings).toEqual([]);
    const situation = (r.report as unknown as { situation: Record<string, { previous?: number }> }).situation;
    expect(situation.crimes!.previous).toBe(10);
    expect(situation.trafficAccidents!.previous).toBe(7);
    const pdf = await readPdf(await renderDocument(buildDocument(r.kind, r.report), 'pdf', r.kind.profile, { pdfa: 'none' }));
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Xảy ra 12 vụ phạm pháp hình sự (tăng 2 vụ, 20,0% so với năm 2020)');
    expect(text).toContain('so với năm 2020, giảm 2 vụ');
  });

  it('keeps a value typed by hand and warns with both files and lines', async () => {
    write('2020/qp-an.yaml', qpAn(2020, '10'));
    const file = write('2021b/qp-an.yaml', qpAn(2021, '{ value: 12, previous: 9 }', 'previous: ../2020/qp-an.yaml\n'));
    const r = await loadReport(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const situation = (r.report as unknown as { situation: Record<string, { previous?: number }> }).situation;
    expect(situation.crimes!.previous).toBe(9);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0]!;
    expect(w.code).toBe('previous-differs');
    expect(w.path).toEqual(['situation', 'crimes', 'previous']);
    // "crimes:" is line 14 here (the `previous:` line comes first) and line 13 in last year's file.
    expect(w.line).toBe(14);
    expect(w.message).toContain(`số liệu kỳ trước ghi tay 9 (${file}:14) khác số liệu 10 trong tệp kỳ trước (${path.relative(process.cwd(), path.join(dir, '2020/qp-an.yaml'))}:13)`);
  });

  it('refuses a file of another kind or of a year that is not the one before', async () => {
    write('2019/qp-an.yaml', qpAn(2019, '10'));
    const wrongYear = await loadReport(write('2021c/qp-an.yaml', qpAn(2021, '12', 'previous: ../2019/qp-an.yaml\n')));
    expect(wrongYear.ok).toBe(false);
    if (!wrongYear.ok) {
      expect(wrongYear.problems[0]!.path).toEqual(['previous']);
      expect(wrongYear.problems[0]!.line).toBe(2);
      expect(wrongYear.problems[0]!.message).toContain('là của năm 2019, không phải kỳ liền trước để so sánh (năm 2020)');
    }
    write('2020/ban-tin.yaml', bulletin(2020, 12, '3'));
    const wrongKind = await loadReport(write('2021d/qp-an.yaml', qpAn(2021, '12', 'previous: ../2020/ban-tin.yaml\n')));
    expect(!wrongKind.ok && wrongKind.problems[0]!.message).toContain('là loại "ban-tin-antt", không cùng loại "qp-an"');
    const missing = await loadReport(write('2021e/qp-an.yaml', qpAn(2021, '12', 'previous: ../2018/khong-co.yaml\n')));
    expect(!missing.ok && missing.problems[0]!.message).toContain('không đọc được tệp kỳ trước "../2018/khong-co.yaml"');
  });
});

describe('previous: last month\'s file for a monthly bulletin', () => {
  it('takes December of the year before for January, and words "+2 vụ" against it', async () => {
    write('2023-12/ban-tin.yaml', bulletin(2023, 12, '10'));
    const file = write('2024-01/ban-tin.yaml', bulletin(2024, 1, '12', 'previous: ../2023-12/ban-tin.yaml\n'));
    const r = await loadReport(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const pdf = await readPdf(await renderDocument(buildDocument(r.kind, r.report), 'pdf', r.kind.profile, { pdfa: 'none' }));
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('xảy ra 12 vụ (+2 vụ; +20,0%)');
    expect(text).toContain('so với tháng trước');
  });

  it('refuses November for January', async () => {
    write('2023-11/ban-tin.yaml', bulletin(2023, 11, '10'));
    const r = await loadReport(write('2024-01b/ban-tin.yaml', bulletin(2024, 1, '12', 'previous: ../2023-11/ban-tin.yaml\n')));
    expect(!r.ok && r.problems[0]!.message).toContain('là của tháng 11 năm 2023, không phải kỳ liền trước để so sánh (tháng 12 năm 2023)');
  });
});

// --previous <file> (issue #14 §2, "or a `--previous` flag"): the same fill and checks as `previous:`.
const BIN = path.resolve('dist/cli/main.js');
const cli = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('--previous <file> on the command line', () => {
  it('validate and render fill previous from the file; a typed value wins with a warning naming both files and lines', async () => {
    write('flag/2020.yaml', qpAn(2020, '10'));
    write('flag/2021.yaml', qpAn(2021, '{ value: 12, previous: 9 }'));
    write('flag/2021-bare.yaml', qpAn(2021, '12'));
    const cwd = path.join(dir, 'flag');
    const v = cli(['validate', '2021.yaml', '--previous', '2020.yaml'], cwd);
    expect(v.code, v.stderr).toBe(0);
    // "crimes:" is line 13 in both files here (no `previous:` line).
    expect(v.stderr.trim()).toBe('2021.yaml:13:34: cảnh báo: "situation.crimes": số liệu kỳ trước ghi tay 9 (2021.yaml:13) khác số liệu 10 trong tệp kỳ trước (2020.yaml:13); dùng số ghi tay');
    const en = cli(['--lang', 'en', 'validate', '--previous', '2020.yaml', '2021.yaml'], cwd);
    expect(en.stderr).toContain('last period\'s figure typed by hand, 9 (2021.yaml:13), differs from 10 in last period\'s file (2020.yaml:13); the typed one is used');
    const r = cli(['render', '2021-bare.yaml', '--previous', '2020.yaml', '-f', 'pdf', '-o', 'out', '--name', 'bare', '--pdfa', 'none'], cwd);
    expect(r.code, r.stderr).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(cwd, 'out', 'bare.pdf')));
    expect(pdf.text.replace(/\s+/g, ' ')).toContain('Xảy ra 12 vụ phạm pháp hình sự (tăng 2 vụ, 20,0% so với năm 2020)');
  });

  it('refuses another period or kind, a missing file, several inputs; replaces the data\'s previous: with a warning', () => {
    write('flag2/2019.yaml', qpAn(2019, '10'));
    write('flag2/2020.yaml', qpAn(2020, '10'));
    write('flag2/ban-tin.yaml', bulletin(2020, 12, '3'));
    write('flag2/2021.yaml', qpAn(2021, '12', 'previous: 2019.yaml\n'));
    const cwd = path.join(dir, 'flag2');
    const year = cli(['validate', '2021.yaml', '--previous', '2019.yaml'], cwd);
    expect(year.code).toBe(2);
    expect(year.stderr.trim()).toBe('2021.yaml: lỗi: tệp kỳ trước "2019.yaml" là của năm 2019, không phải kỳ liền trước để so sánh (năm 2020)');
    const kind = cli(['validate', '2021.yaml', '--previous', 'ban-tin.yaml'], cwd);
    expect(kind.stderr.trim()).toBe('2021.yaml: lỗi: tệp kỳ trước "ban-tin.yaml" là loại "ban-tin-antt", không cùng loại "qp-an" với tệp này');
    const missing = cli(['validate', '2021.yaml', '--previous', 'khong-co.yaml'], cwd);
    expect(missing.code).toBe(4);
    expect(missing.stderr.trim()).toBe('2021.yaml: lỗi: không đọc được tệp kỳ trước "khong-co.yaml" (--previous): kiểm tra đường dẫn (tính từ thư mục đang đứng)');
    // The data names 2019 (refused above) at line 2; the flag's 2020 replaces it, and says so there.
    const replaced = cli(['validate', '2021.yaml', '--previous', '2020.yaml'], cwd);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr.trim()).toBe('2021.yaml:2:11: cảnh báo: dùng tệp kỳ trước "2020.yaml" của --previous thay cho "previous: 2019.yaml" ghi trong tệp');
    const two = cli(['render', '2021.yaml', '2020.yaml', '--previous', '2020.yaml'], cwd);
    expect(two.code).toBe(64);
    expect(two.stderr).toContain('--previous chỉ dùng với một tệp số liệu');
  });
});

// A data file may come from outside (a PDF's embedded data, a desk's browser): last period's file it
// names is read under the limits of any input, and messages show its values cut short.
describe('previous: read like any input', () => {
  it('refuses a device, a pipe, a non-YAML path, a file over --max-input-bytes and bad UTF-8, without reading them whole', () => {
    const cwd = path.join(dir, 'limits');
    mkdirSync(cwd, { recursive: true });
    symlinkSync('/dev/zero', path.join(cwd, 'zero.yaml'));
    spawnSync('mkfifo', [path.join(cwd, 'fifo.yaml')]);
    write('limits/big.yaml', `${qpAn(2020, '10')}# ${'x'.repeat(3000)}\n`);
    writeFileSync(path.join(cwd, 'bad.yaml'), Buffer.concat([Buffer.from('kind: qp-an\nyear: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    // 20 s: before the fix, the device and the pipe were read until the heap or the timeout gave out.
    const check = (named: string, args: string[] = []) => {
      write('limits/2021.yaml', qpAn(2021, '12', `previous: ${named}\n`));
      const r = spawnSync(process.execPath, [BIN, 'validate', '2021.yaml', ...args], { encoding: 'utf8', cwd, timeout: 20_000 });
      return { code: r.status, stderr: r.stderr.trim() };
    };
    expect(check('/etc/passwd')).toEqual({ code: 2, stderr: '2021.yaml:2:11: lỗi: tệp kỳ trước "/etc/passwd" phải là tệp YAML hoặc JSON (.yaml, .yml, .json)'});
    expect(check('zero.yaml')).toEqual({ code: 4, stderr: '2021.yaml:2:11: lỗi: tệp kỳ trước "zero.yaml" không phải một tệp thường (thư mục, thiết bị hoặc ống dẫn), không đọc' });
    expect(check('fifo.yaml')).toEqual({ code: 4, stderr: '2021.yaml:2:11: lỗi: tệp kỳ trước "fifo.yaml" không phải một tệp thường (thư mục, thiết bị hoặc ống dẫn), không đọc' });
    expect(check('big.yaml', ['--max-input-bytes', '2000']).stderr.split('\n')).toEqual([
      `big.yaml: lỗi: kích thước số liệu (byte) vượt giới hạn 2000 (có ${Buffer.byteLength(qpAn(2020, '10')) + 3003}); nếu thật sự cần, nâng giới hạn bằng --max-input-bytes.`,
      '2021.yaml:2:11: lỗi: tệp kỳ trước "big.yaml" có lỗi (xem các lỗi của tệp đó), chưa lấy được số liệu',
    ]);
    expect(check('bad.yaml').stderr.split('\n')).toEqual([
      'bad.yaml:2:7: lỗi: tệp không phải văn bản UTF-8 hợp lệ (byte 0xFF); có thể tệp được lưu bằng bảng mã khác (Windows-1258, TCVN3…) — hãy lưu lại với bảng mã UTF-8.',
      '2021.yaml:2:11: lỗi: tệp kỳ trước "bad.yaml" có lỗi (xem các lỗi của tệp đó), chưa lấy được số liệu',
    ]);
  });

  it('shows another file\'s values and a long path cut to 40 characters', async () => {
    write('cut/other.yaml', `kind: ${'k'.repeat(500)}\nyear: ${'y'.repeat(500)}\n`);
    const r = await loadReport(write('cut/2021.yaml', qpAn(2021, '12', 'previous: other.yaml\n')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual([
      `loại văn bản "${'k'.repeat(40)}…" không có; các loại có sẵn: "ban-tin-antt", "bao-cao-dinh-ky", "chi-thi", "ke-hoach", "qp-an", "qp-an-xa"`,
      'tệp kỳ trước "other.yaml" có lỗi (xem các lỗi của tệp đó), chưa lấy được số liệu',
    ]);
    const long = await loadReport(write('cut/2021b.yaml', qpAn(2021, '12', `previous: ${'p'.repeat(300)}.yaml\n`)));
    expect(!long.ok && long.problems[0]!.message).toBe(`không đọc được tệp kỳ trước "${'p'.repeat(40)}…": kiểm tra đường dẫn (tính từ thư mục của tệp này)`);
  });

  it('the desk reads last period\'s file only inside the folder it serves', () => {
    write('desk-outside/2020.yaml', qpAn(2020, '10'));
    write('desk/2020.yaml', qpAn(2020, '10'));
    const served = path.join(dir, 'desk');
    const outside = loadReportText(qpAn(2021, '12', 'previous: ../desk-outside/2020.yaml\n'), path.join(served, '2021.yaml'), 'vi', undefined, { within: served });
    expect(!outside.ok && outside.problems.map((p) => [p.line, p.message])).toEqual([[2, 'tệp kỳ trước "../desk-outside/2020.yaml" nằm ngoài thư mục đang làm việc; hãy chép tệp đó vào thư mục này']]);
    const absolute = loadReportText(qpAn(2021, '12', `previous: ${path.join(dir, 'desk-outside/2020.yaml')}\n`), path.join(served, '2021.yaml'), 'vi', undefined, { within: served });
    expect(!absolute.ok && absolute.problems[0]!.code).toBe('previous-outside');
    const inside = loadReportText(qpAn(2021, '12', 'previous: 2020.yaml\n'), path.join(served, '2021.yaml'), 'vi', undefined, { within: served });
    expect(inside.ok && (inside.report as unknown as { situation: { crimes: { previous: number } } }).situation.crimes.previous).toBe(10);
  });
});
