import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
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
