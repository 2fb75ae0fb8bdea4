import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, loadReport, outputStem, renderDocument } from '../../src/pipeline/index.js';
import { fillPlaceholders } from '../../src/model/declarative.js';
import { convertToPdf, fontconfigWithout, pageText, pages, requireTools } from '../support/libreoffice.js';
import { readPdf } from '../support/pdf.js';

// Issue #14 §6: the periodic report, the monthly security bulletin and the QP-AN report that any
// commune can write render their samples with the wording offices use, and LibreOffice lays each
// DOCX out with the same pages and text as the PDF.

const CASES = [
  {
    kind: 'bao-cao-dinh-ky',
    file: 'data/demo-xa-an-phu-6-thang-2024.yaml',
    strings: [
      'Phần thứ nhất',
      'KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
      'Phần thứ hai',
      'PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024',
      'Tổng diện tích gieo trồng 612 ha, tăng 14 ha, 2,3% so với cùng kỳ năm 2023;',
      'Thu ngân sách trên địa bàn 4.250 triệu đồng, đạt 56,7% kế hoạch năm; tăng 6,8% so với cùng kỳ năm 2023;',
      'Xảy ra 4 vụ phạm pháp hình sự (giảm 2 vụ so với cùng kỳ năm 2023); điều tra làm rõ 4/4 vụ, đạt 100,0%;',
      'so với cùng kỳ năm 2023, giảm 2 vụ, giảm 1 người chết, giảm 2 người bị thương.',
    ],
  },
  {
    kind: 'ban-tin-antt',
    file: 'data/demo-ban-tin-antt-2024-03.yaml',
    strings: [
      'CÔNG AN THÀNH PHỐ',
      'Phạm pháp hình sự: xảy ra 12 vụ (+2 vụ; +20,0%); điều tra làm rõ 11/12 vụ, đạt 91,7%',
      'phát hiện, bắt giữ 9 vụ (- 3 vụ; - 25,0%)',
      'Số trong ngoặc là mức tăng, giảm so với cùng kỳ năm 2023: dấu "+" là tăng, dấu "-" là giảm.',
      'Tháng 03/2024',
      'Cùng kỳ năm 2023',
    ],
  },
  {
    kind: 'qp-an',
    file: 'data/nghi-son-qp-an-2020.yaml',
    strings: ['Xây dựng được 94 bản tin an toàn giao thông;', 'Duy trì hoạt động của 45 tổ tàu thuyền an toàn.'],
  },
];

describe.each(CASES)('$kind', ({ kind, file, strings }) => {
  it('renders its sample with the offices\' wording', async () => {
    const r = await loadReport(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.kind.id).toBe(kind);
    expect(r.warnings).toEqual([]);
    const pdf = await readPdf(await renderDocument(buildDocument(r.kind, r.report), 'pdf', r.kind.profile, { pdfa: 'none' }));
    const text = pdf.text.replace(/\s+/g, ' ').normalize('NFC');
    for (const s of strings) expect(text, s).toContain(s);
  });
});

describe('output names', () => {
  it('name the periodic report\'s period in words, as the clerk files it', async () => {
    const r = await loadReport('data/demo-xa-an-phu-6-thang-2024.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(outputStem(r.kind, r.report)).toBe('2024-06-20_45-BC-UBND_an-phu_dinh-ky-6-thang-dau-nam-2024');
    expect(fillPlaceholders('dinh-ky-{period}', { period: { kind: 'nineMonths', year: 2024 } })).toBe('dinh-ky-9 tháng đầu năm 2024');
    expect(fillPlaceholders('dinh-ky-{period}', { period: { kind: 'month', year: 2024, month: 13 } })).toBe('dinh-ky-');
    expect(fillPlaceholders('x-{frame}', { frame: { a: 1 } })).toBe('x-');
  });
});

const missing = requireTools('test/kinds/new-kinds');

describe.skipIf(missing.length > 0).each(CASES)('$kind through LibreOffice', ({ file }) => {
  let dir = '';
  const out = { pdf: '', lo: '' };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-kinds-'));
    const r = await loadReport(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const doc = buildDocument(r.kind, r.report);
    out.pdf = path.join(dir, 'pdfmake.pdf');
    writeFileSync(out.pdf, await renderDocument(doc, 'pdf', r.kind.profile, { pdfa: 'none' }));
    writeFileSync(path.join(dir, 'sample.docx'), await renderDocument(doc, 'docx', r.kind.profile));
    out.lo = convertToPdf(dir, 'sample', fontconfigWithout('Tinos', dir).file);
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The words of each page, sorted: pdftotext may read a justified line's last word of
  // LibreOffice's PDF after the next line ("dứt" … "điểm."), an order of extraction, not of layout.
  const words = (pdf: string, p: number): string[] => pageText(pdf, p).split(' ').sort();

  it('has the same pages and the same text on each as the PDF', () => {
    const n = pages(out.pdf);
    expect(pages(out.lo)).toBe(n);
    for (let p = 1; p <= n; p++) expect(words(out.lo, p), `page ${p}`).toEqual(words(out.pdf, p));
  });
});
