import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { nd30 } from '../../src/profile/index.js';
import { MM, lineWith, lines, readPdf } from '../support/pdf.js';
import type { PdfInfo } from '../support/pdf.js';

// The flagship sample, rendered in-process and read back with pdfjs as a reader would see it.
const SAMPLE = 'data/nghi-son-qp-an-2020.yaml';
let pdf: PdfInfo;
let bytes: Buffer;

beforeAll(async () => {
  const loaded = await loadReport(SAMPLE);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  bytes = await renderDocument(buildDocument(loaded.kind, loaded.report), 'pdf', 'nd30');
  pdf = await readPdf(bytes);
});

const page = (n: number) => pdf.pages[n - 1]!;
const marginLeft = nd30.page.margin.left * MM;
const textWidth = (nd30.page.width - nd30.page.margin.left - nd30.page.margin.right) * MM;

describe('the sample report as a PDF', () => {
  it('is A4 portrait on every page', () => {
    for (const p of pdf.pages) {
      expect(p.width).toBeCloseTo(595.28, 1);
      expect(p.height).toBeCloseTo(841.89, 1);
    }
  });

  it('carries every key string of the frame and the figures, exactly and in NFC', () => {
    const all = pdf.pages.flatMap((p) => lines(p).map((l) => l.text));
    const expected = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND TỈNH THANH HÓA',
      'ỦY BAN NHÂN DÂN',
      'THỊ XÃ NGHI SƠN',
      'Nghi Sơn, ngày 09 tháng 12 năm 2020',
      'BÁO CÁO',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      '- Lưu: VT.',
    ];
    for (const s of expected) expect(all, s).toContain(s);
    const text = all.join(' ');
    expect(text).toBe(text.normalize('NFC'));
    for (const figure of ['94 bản tin', '15 lớp', '2.130 người', '7 buổi', 'trên 4.300 người', '6 mô hình', '6 xã, phường', '136 tổ', '45 tổ', '2017 - 2021']) {
      expect(text, figure).toContain(figure);
    }
    expect(text).not.toContain('4.3000');
    expect(text).not.toContain('2130');
  });

  it('writes "Số:" with a blank number for the draft, on the same line as the date', () => {
    const so = lineWith(page(1), 'Số:');
    expect(so.text).toMatch(/^Số:\s+\/BC-UBND$/);
    const date = lineWith(page(1), 'Nghi Sơn, ngày 09 tháng 12 năm 2020');
    // Same row: baselines within the size difference of the two styles (13 vs 14 pt).
    expect(Math.abs(so.y - date.y)).toBeLessThan(2);
  });

  it('sizes and styles the frame elements as the profile says', () => {
    const p1 = page(1);
    const check = (needle: string, size: number, font: string) => {
      const l = lineWith(p1, needle);
      expect(l.size, needle).toBeCloseTo(size, 1);
      expect(l.fonts, needle).toEqual([font]);
    };
    check('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', nd30.header.nationalTitle.size, 'Tinos-Bold');
    check('Độc lập - Tự do - Hạnh phúc', nd30.header.motto.size, 'Tinos-Bold');
    check('UBND TỈNH THANH HÓA', nd30.header.parentAgency.size, 'Tinos');
    check('ỦY BAN NHÂN DÂN', nd30.header.issuingAgency.size, 'Tinos-Bold');
    check('Số:', nd30.header.number.size, 'Tinos');
    check('Nghi Sơn, ngày', nd30.header.placeDate.size, 'Tinos-Italic');
    check('BÁO CÁO', nd30.title.typeName.size, 'Tinos-Bold');
    check('Tổng kết công tác quốc phòng', nd30.title.summary.size, 'Tinos-Bold');
    const last = pdf.pages[pdf.pages.length - 1]!;
    const label = lineWith(last, 'Nơi nhận:');
    expect(label.size).toBeCloseTo(nd30.signature.recipientsLabel.size, 1);
    expect(label.fonts).toEqual(['Tinos-BoldItalic']);
    const lưu = lineWith(last, '- Lưu: VT.');
    expect(lưu.size).toBeCloseTo(nd30.signature.recipient.size, 1);
    const tm = lineWith(last, 'TM. ỦY BAN NHÂN DÂN');
    expect(tm.size).toBeCloseTo(nd30.signature.authority.size, 1);
    expect(tm.fonts).toEqual(['Tinos-Bold']);
  });

  it('puts the national title in the right column and the agency in the left, both centred', () => {
    const p1 = page(1);
    const [left, right] = nd30.header.columns.map((c) => c * MM) as [number, number];
    const tableLeft = marginLeft + nd30.header.offset * MM;
    const centre = (l: { x: number; right: number }) => (l.x + l.right) / 2;
    expect(centre(lineWith(p1, 'CỘNG HÒA'))).toBeCloseTo(tableLeft + left + right / 2, 0);
    expect(centre(lineWith(p1, 'Độc lập'))).toBeCloseTo(tableLeft + left + right / 2, 0);
    expect(centre(lineWith(p1, 'ỦY BAN NHÂN DÂN'))).toBeCloseTo(tableLeft + left / 2, 0);
    expect(centre(lineWith(p1, 'BÁO CÁO'))).toBeCloseTo(marginLeft + textWidth / 2, 0);
  });

  it('justifies the body: lines start at the left margin, first lines one indent in', () => {
    const p1 = page(1);
    const body = lines(p1).filter((l) => l.size === nd30.body.size && l.y > lineWith(p1, 'BÁO CÁO').y + 40);
    const flush = body.filter((l) => Math.abs(l.x - marginLeft) < 0.5);
    const indented = body.filter((l) => Math.abs(l.x - (marginLeft + nd30.body.firstLineIndent * MM)) < 0.5);
    expect(flush.length).toBeGreaterThan(5);
    expect(indented.length).toBeGreaterThan(5);
    expect(flush.length + indented.length).toBe(body.length);
    // Justified: full lines reach the right margin.
    const full = flush.filter((l) => l.right > marginLeft + textWidth - 1);
    expect(full.length).toBeGreaterThan(2);
    for (const l of body) expect(l.right).toBeLessThanOrEqual(marginLeft + textWidth + 0.5);
  });

  it('numbers the report sections I., 1., a) in order', () => {
    const headings = pdf.pages.flatMap((p) => lines(p)).map((l) => l.text).filter((t) => /^(I|II|III|IV)\. |^[1-9]\. |^[a-h]\) /.test(t));
    expect(headings).toEqual([
      // "AN / NINH" no longer splits (issue 14 §4): the line breaks before the compound.
      'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC QUỐC PHÒNG -',
      '1. Công tác lãnh đạo, chỉ đạo',
      '2. Kết quả thực hiện nhiệm vụ của các lực lượng',
      'a) Lực lượng Công an thị xã',
      'b) Lực lượng Biên phòng đứng chân trên địa bàn',
      '3. Phong trào “Toàn dân bảo vệ an ninh Tổ quốc”',
      'II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021',
      '1. Dự báo tình hình',
      '2. Nhiệm vụ trọng tâm',
      '3. Đảm bảo an ninh, trật tự Tết Nguyên đán Tân Sửu 2021',
    ]);
  });

  it('shows no page number on page 1 and "2" centred in the top margin of page 2', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    const top = (p: number) => lines(page(p)).filter((l) => l.y < nd30.page.margin.top * MM);
    expect(top(1)).toEqual([]);
    const num = top(2);
    expect(num.map((l) => l.text)).toEqual(['2']);
    expect((num[0]!.x + num[0]!.right) / 2).toBeCloseTo(marginLeft + textWidth / 2, 0);
    expect(num[0]!.size).toBe(nd30.pageNumber.size);
    // Its line box starts at the header distance: the baseline sits one ascent below it.
    expect(num[0]!.y).toBeGreaterThan(nd30.page.headerDistance * MM);
    expect(num[0]!.y).toBeLessThan(nd30.page.headerDistance * MM + nd30.pageNumber.size * 1.2);
    for (let p = 2; p <= pdf.pages.length; p++) expect(top(p).map((l) => l.text)).toEqual([String(p)]);
  });

  it('keeps the signature block and the last body paragraph on one page, with the recipients beside it', () => {
    const last = pdf.pages[pdf.pages.length - 1]!;
    const label = lineWith(last, 'Nơi nhận:');
    const tm = lineWith(last, 'TM. ỦY BAN NHÂN DÂN');
    expect(Math.abs(label.y - tm.y)).toBeLessThan(3);
    expect(label.x).toBeCloseTo(marginLeft, 0);
    expect(tm.x).toBeGreaterThan(marginLeft + nd30.signature.columns[0] * MM);
    expect(lineWith(last, 'Nghi Sơn./.').y).toBeLessThan(label.y);
  });

  it('embeds subsets of the four Tinos faces and writes the metadata', async () => {
    const raw = bytes.toString('latin1');
    const fontFiles = raw.match(/\/FontFile2/g) ?? [];
    expect(fontFiles.length).toBe(4);
    const names = [...raw.matchAll(/\/BaseFont \/([A-Z]{6})\+(Tinos[-A-Za-z]*)/g)].map((m) => m[2]);
    expect(new Set(names)).toEqual(new Set(['Tinos', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']));
    expect(pdf.info.Title).toBe('Tổng kết công tác quốc phòng - an ninh năm 2020, phương hướng, nhiệm vụ năm 2021');
    expect(pdf.info.Author).toBe('Ủy ban nhân dân thị xã Nghi Sơn');
    expect(String(pdf.info.Creator)).toMatch(/^baocao \d+\.\d+\.\d+/);
    expect(pdf.info.CreationDate).toBe("D:20201208170000Z");
  });

  it('gives byte-identical output for the same input', async () => {
    const loaded = await loadReport(SAMPLE);
    if (!loaded.ok) throw new Error('sample invalid');
    const again = await renderDocument(buildDocument(loaded.kind, loaded.report), 'pdf', 'nd30');
    expect(again.equals(bytes)).toBe(true);
  });
});
