import {
  AlignmentType, BorderStyle, Document, Header, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/check/index.js';
import { summarise } from './helpers.js';

// A document typed "by hand": built with the docx library the way Word users build one, not by
// baocao's renderer. The body's formatting lives in a paragraph style based on another (so the
// checker must resolve the basedOn chain and the document defaults), headings are Word's
// automatic numbering (I., II. / 1., 2.), the rules are typed underscores as in the official
// templates, and the page number is a PAGE field in a header hidden on page 1.
const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const p = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number } = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    ...(o.before ? { spacing: { before: o.before } } : {}),
    children: [new TextRun({ text, bold: o.bold ?? false, italics: o.italics ?? false, size: (o.size ?? 13) * 2 })],
  });
const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, children });

interface Variant {
  /** The agency rule typed as superscript underscores after a line break in the agency's paragraph. */
  inlineAgencyRule?: boolean;
  /** Body paragraphs (plain text, style NoiDung) instead of the notice's own. */
  body?: string[];
  /** The header typed as plain paragraphs, one under the other, without a table. */
  noTable?: boolean;
  /** A công văn: no type name; "V/v …" under the number; "Kính gửi:" above the body. */
  congVan?: { symbol: string };
}

export async function handmade(v: Variant = {}): Promise<Buffer> {
  const issuer = v.inlineAgencyRule
    ? new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'XÃ ĐỊNH TÂN', bold: true, size: 26 }), new TextRun({ text: '_'.repeat(9), bold: true, size: 26, break: 1, superScript: true })] })
    : p('XÃ ĐỊNH TÂN', { bold: true });
  const agency = v.inlineAgencyRule ? [p('UBND HUYỆN YÊN ĐỊNH'), p('ỦY BAN NHÂN DÂN', { bold: true }), issuer] : [p('UBND HUYỆN YÊN ĐỊNH'), p('ỦY BAN NHÂN DÂN', { bold: true }), issuer, p('_'.repeat(9), { bold: true, size: 13 })];
  const plain = (text: string) => new Paragraph({ style: 'NoiDung', children: [new TextRun(text)] });
  const doc = new Document({
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: 28 }, paragraph: { spacing: { line: 240 } } } },
      paragraphStyles: [
        { id: 'VanBan', name: 'Văn bản', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 } } },
        { id: 'NoiDung', name: 'Nội dung', basedOn: 'VanBan', next: 'NoiDung', paragraph: { spacing: { before: 120, after: 0 } } },
        { id: 'DeMuc', name: 'Đề mục', basedOn: 'NoiDung', run: { bold: true } },
      ],
    },
    numbering: {
      config: [{
        reference: 'de-muc',
        levels: [
          { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { firstLine: 567 } } } },
          { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { firstLine: 567 } } } },
        ],
      }],
    },
    sections: [{
      properties: {
        titlePage: true,
        page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567 } },
      },
      headers: {
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 28 })] })] }),
        first: new Header({ children: [new Paragraph('')] }),
      },
      children: [
        ...(v.noTable ? [...agency.slice(0, 3), p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }), p('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 }), p('_'.repeat(28), { bold: true, size: 13 }), p('Số: 15/TB-UBND'), p('Định Tân, ngày 05 tháng 3 năm 2024', { italics: true, size: 14 })] : [new Table({
          width: { size: 9500, type: WidthType.DXA },
          columnWidths: [3800, 5700],
          borders: noBorders,
          rows: [
            new TableRow({
              children: [
                cell(3800, agency),
                cell(5700, [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }), p('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 }), p('_'.repeat(28), { bold: true, size: 13 })]),
              ],
            }),
            new TableRow({
              children: [
                cell(3800, v.congVan ? [p(`Số: 12/${v.congVan.symbol}`, { before: 120 }), p('V/v lịch trực Tết Nguyên đán', { size: 12, before: 120 })] : [p('Số: 15/TB-UBND', { before: 120 })]),
                cell(5700, [p('Định Tân, ngày 05 tháng 3 năm 2024', { italics: true, size: 14, before: 120 })]),
              ],
            }),
          ],
        })]),
        ...(v.congVan
          ? [new Paragraph({ alignment: AlignmentType.LEFT, indent: { left: 1984 }, spacing: { before: 360 }, children: [new TextRun({ text: 'Kính gửi: Các thôn trên địa bàn xã.', size: 28 })] })]
          : [p('THÔNG BÁO', { bold: true, size: 14, before: 360 }), p('Lịch trực Tết Nguyên đán Giáp Thìn 2024', { bold: true, size: 14 }), p('_'.repeat(12), { bold: true, size: 14 })]),
        ...(v.body ? v.body.map(plain) : [
        new Paragraph({ style: 'NoiDung', children: [new TextRun('Ủy ban nhân dân xã Định Tân thông báo lịch trực Tết Nguyên đán Giáp Thìn 2024 của cơ quan như sau:')] }),
        new Paragraph({ style: 'DeMuc', numbering: { reference: 'de-muc', level: 0 }, children: [new TextRun('THỜI GIAN TRỰC')] }),
        new Paragraph({ style: 'NoiDung', children: [new TextRun('Từ ngày 08 tháng 02 năm 2024 đến hết ngày 14 tháng 02 năm 2024, mỗi ngày hai người, một lãnh đạo và một công chức chuyên môn.')] }),
        new Paragraph({ style: 'DeMuc', numbering: { reference: 'de-muc', level: 0 }, children: [new TextRun('NHIỆM VỤ')] }),
        new Paragraph({ style: 'DeMuc', numbering: { reference: 'de-muc', level: 1 }, children: [new TextRun('Người trực lãnh đạo')] }),
        new Paragraph({ style: 'NoiDung', children: [new TextRun('Nắm tình hình trên địa bàn, xử lý kịp thời các việc đột xuất và báo cáo Chủ tịch Ủy ban nhân dân xã.')] }),
        new Paragraph({ style: 'DeMuc', numbering: { reference: 'de-muc', level: 1 }, children: [new TextRun('Công chức trực')] }),
        new Paragraph({ style: 'NoiDung', children: [new TextRun('Tiếp nhận văn bản đến, ghi sổ trực và giữ liên lạc thông suốt với Ban Chỉ huy quân sự và Công an xã./.')] }),
        ]),
        new Table({
          width: { size: 9355, type: WidthType.DXA },
          columnWidths: [3800, 5555],
          borders: noBorders,
          rows: [
            new TableRow({
              children: [
                cell(3800, [
                  p('Nơi nhận:', { bold: true, italics: true, size: 12, align: AlignmentType.LEFT, before: 240 }),
                  p('- Thường trực Đảng ủy xã;', { size: 11, align: AlignmentType.LEFT }),
                  p('- Các thôn;', { size: 11, align: AlignmentType.LEFT }),
                  p('- Lưu: VT, VP.', { size: 11, align: AlignmentType.LEFT }),
                ]),
                cell(5555, [
                  p('TM. ỦY BAN NHÂN DÂN', { bold: true, size: 14, before: 240 }),
                  p('CHỦ TỊCH', { bold: true, size: 14 }),
                  p(''), p(''), p(''),
                  p('Lê Văn Hùng', { bold: true, size: 14 }),
                ]),
              ],
            }),
          ],
        }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

describe('a document typed by hand (docx library, Word styles and numbering)', () => {
  it('meets Decree 30: no finding, every element recognised through styles and numbering', async () => {
    const r = await checkBytes(await handmade(), { name: 'thong-bao.docx' });
    expect(r.profile).toBe('nd30');
    expect(summarise(r)).toEqual([]);
    expect(r.located).toMatchObject({
      nationalTitle: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      parentAgency: ['UBND HUYỆN YÊN ĐỊNH'],
      issuingAgency: ['ỦY BAN NHÂN DÂN', 'XÃ ĐỊNH TÂN'],
      number: ['Số: 15/TB-UBND'],
      placeDate: ['Định Tân, ngày 05 tháng 3 năm 2024'],
      typeName: ['THÔNG BÁO'],
      summary: ['Lịch trực Tết Nguyên đán Giáp Thìn 2024'],
      headings: ['I. THỜI GIAN TRỰC', 'II. NHIỆM VỤ', '1. Người trực lãnh đạo', '2. Công chức trực'],
      authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      signerName: ['Lê Văn Hùng'],
      recipients: ['- Thường trực Đảng ủy xã;', '- Các thôn;', '- Lưu: VT, VP.'],
      bodyParagraphs: 8,
    });
  });

  it('checked against the Party profile (HD 36): the state conventions are reported as such', async () => {
    const r = await checkBytes(await handmade(), { name: 'thong-bao.docx', profile: 'dang' });
    expect(r.profile).toBe('dang');
    expect(r.findings.map((f) => f.rule).sort()).toEqual([
      'archive-line', 'authority-prefix', 'issuing-agency-size', 'number-form', 'number-size', 'parent-agency-size', 'party-star', 'party-title-missing',
      'recipient-end', 'recipient-size', 'recipients-label-italic', 'recipients-label-size', 'recipients-label-underline', 'summary-dashes', 'type-name-size',
    ].sort());
    expect(r.findings.every((f) => f.reference === 'HD 36-HD/VPTW')).toBe(true);
    const prefix = r.findings.find((f) => f.rule === 'authority-prefix')!;
    expect([prefix.found, prefix.expected]).toEqual(['"TM."', '"T/M" (văn bản của Đảng dùng T/M, K/T, T/L)']);
  });
});

describe('formatting that comes from styles', () => {
  it('a first-line indent removed from a base style is reported on the paragraphs that inherit it', async () => {
    const { mutate, replaceOnce, paragraphOf } = await import('./helpers.js');
    const good = await handmade();
    const bytes = mutate(good, 'word/styles.xml', (x) => replaceOnce(x, /(w:styleId="VanBan".*?<w:ind w:firstLine=")567"/s, '$10"'));
    const r = await checkBytes(bytes, { name: 'thong-bao.docx' });
    expect(summarise(r)).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ rule: 'body-indent', found: 'thụt đầu dòng 0 mm', expected: 'thụt đầu dòng 1 cm hoặc 1,27 cm' });
    // The four plain paragraphs (NoiDung → VanBan); the headings keep their numbering's indent.
    expect(f.where.paragraphs).toEqual([paragraphOf(bytes, 'Ủy ban nhân dân xã Định Tân'), paragraphOf(bytes, 'Tiếp nhận văn bản đến')]);
    expect(f.where.count).toBe(4);
  });
});

describe('other ways of typing', () => {
  it('the agency rule as superscript underscores after a line break: read as a rule under the agency', async () => {
    const r = await checkBytes(await handmade({ inlineAgencyRule: true }), { name: 'x.docx' });
    expect(summarise(r)).toEqual([]);
    expect(r.located.issuingAgency).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ ĐỊNH TÂN']);
  });

  it('articles and clauses: the clauses start again at 1 under each article; a repeated article is reported', async () => {
    const body = ['Điều 1. Phạm vi', '1. Khoản một của điều một.', '2. Khoản hai của điều một.', 'Điều 2. Hiệu lực', '1. Khoản một của điều hai.', 'Điều 2. Tổ chức thực hiện'];
    const r = await checkBytes(await handmade({ body }), { name: 'x.docx' });
    expect(r.located.headings).toEqual(body);
    expect(r.findings.map((f) => [f.rule, f.found, f.expected])).toEqual([['heading-sequence', '"2" sau "2"', '"3" (đánh số liên tục, không bỏ, không lặp)']]);
  });
});

describe('a công văn typed by hand', () => {
  it('no type name, "V/v" under the number, "Kính gửi:" above the body: nothing to report', async () => {
    const r = await checkBytes(await handmade({ congVan: { symbol: 'UBND-VP' } }), { name: 'cong-van.docx' });
    expect(summarise(r)).toEqual([]);
    expect(r.located.typeName).toBeUndefined();
    expect(r.located.cvSummary).toEqual(['V/v lịch trực Tết Nguyên đán']);
    expect(r.located.number).toEqual(['Số: 12/UBND-VP']);
  });

  it('"CV" as if it were a type: an error (a công văn has no type abbreviation in Decree 30)', async () => {
    const r = await checkBytes(await handmade({ congVan: { symbol: 'CV-UBND' } }), { name: 'cong-van.docx' });
    expect(r.findings.map((f) => [f.rule, f.found, f.reference])).toEqual([['symbol-cv', 'công văn dùng ký hiệu "CV"', 'NĐ 30/2020, Phụ lục III, mục I']]);
  });
});

describe('a header typed without a table', () => {
  it('a note that the header is not a two-column table; the elements are still found and checked', async () => {
    const r = await checkBytes(await handmade({ noTable: true }), { name: 'x.docx' });
    expect(r.findings.map((f) => [f.rule, f.severity, f.found])).toEqual([['header-table', 'notice', 'không đặt trong bảng hai cột']]);
    expect(r.located).toMatchObject({ nationalTitle: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], number: ['Số: 15/TB-UBND'], placeDate: ['Định Tân, ngày 05 tháng 3 năm 2024'], typeName: ['THÔNG BÁO'] });
  });
});
