import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { agencyLines, balanceLines } from '../../src/frame/lines.js';
import { faceFor, getFontFamily, measureText } from '../../src/fonts/index.js';
import { buildDocument, loadReportText, renderDocument } from '../../src/pipeline/index.js';
import { getProfile } from '../../src/profile/index.js';
import { lines, readPdf } from '../support/pdf.js';

// Issue #14 §4: long agency names and summaries break between phrases, never inside a word of
// several syllables ("AN / NINH", "TỔ / QUỐC"), nor inside a place's name; the data can force
// breaks ("|") and give a header name of its own; a signer may have no position line.

const profile = getProfile('nd30');
const family = getFontFamily(profile.fontFamily);
const PT_PER_MM = 72 / 25.4;
const agencyWidth = profile.header.columns[0] * PT_PER_MM;
const agency = (t: string) => measureText(family, faceFor(true, false), t, profile.header.issuingAgency.size);
const summaryWidth = (profile.page.width - profile.page.margin.left - profile.page.margin.right) * PT_PER_MM * 0.9;
const summary = (t: string) => measureText(family, faceFor(true, false), t, profile.title.summary.size);

describe('the line breaker', () => {
  it('breaks long agency names between phrases and before the place', () => {
    expect(agencyLines('BAN CHỈ ĐẠO PHÒNG, CHỐNG TỘI PHẠM VÀ TỆ NẠN XÃ HỘI HUYỆN QUẢNG XƯƠNG', agencyWidth, agency)).toEqual([
      'BAN CHỈ ĐẠO',
      'PHÒNG, CHỐNG TỘI PHẠM',
      'VÀ TỆ NẠN XÃ HỘI',
      'HUYỆN QUẢNG XƯƠNG',
    ]);
    expect(agencyLines('HỘI ĐỒNG GIÁO DỤC QUỐC PHÒNG VÀ AN NINH TỈNH THANH HÓA', agencyWidth, agency)).toEqual([
      'HỘI ĐỒNG GIÁO DỤC',
      'QUỐC PHÒNG VÀ AN NINH',
      'TỈNH THANH HÓA',
    ]);
    // "XÃ" of "THỊ XÃ" and of "XÃ HỘI" is not a place level.
    expect(agencyLines('ỦY BAN NHÂN DÂN THỊ XÃ NGHI SƠN', agencyWidth, agency)).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ NGHI SƠN']);
  });

  it('never cuts a compound where another break fits', () => {
    // An even split would be "… BẢO VỆ AN" / "NINH TỔ QUỐC …"; the compound list moves it.
    const out = balanceLines('Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024 trên địa bàn xã Hòa Bình', summaryWidth * 0.6, summary);
    for (let i = 1; i < out.length; i++) {
      const pair = `${out[i - 1]!.split(' ').pop()} ${out[i]!.split(' ')[0]}`.toLocaleUpperCase('vi');
      expect(['AN NINH', 'TỔ QUỐC', 'BẢO VỆ', 'TOÀN DÂN', 'PHONG TRÀO', 'HÒA BÌNH', 'NĂM 2024', 'ĐỊA BÀN']).not.toContain(pair);
    }
  });

  it('keeps the data\'s forced breaks', () => {
    expect(agencyLines('BAN CHỈ ĐẠO|PHÒNG, CHỐNG TỘI PHẠM', agencyWidth, agency)).toEqual(['BAN CHỈ ĐẠO', 'PHÒNG, CHỐNG TỘI PHẠM']);
    expect(balanceLines('Kết quả công tác năm 2024 | phương hướng năm 2025', summaryWidth, summary)).toEqual(['Kết quả công tác năm 2024', 'phương hướng năm 2025']);
  });
});

const data = (frameExtra: string, signer: string) => `kind: qp-an
frame:
  parentAgency: UBND huyện Quảng Xương
  issuingAgency: Ban Chỉ đạo phòng, chống tội phạm và tệ nạn xã hội huyện Quảng Xương
${frameExtra}  symbol: BC-BCĐ
  place: Quảng Xương
  date: 2024-12-10
  signer: ${signer}
  recipients: [Ban Chỉ đạo tỉnh]
  archive: [VT]
year: 2024
tasks: [Giữ vững an ninh, trật tự]
`;

async function render(text: string): Promise<{ pdfLines: string[]; docxParagraphs: string[]; body: string }> {
  const r = loadReportText(text, 'bcd.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const doc = buildDocument(r.kind, r.report);
  const pdf = await readPdf(await renderDocument(doc, 'pdf', 'nd30', { pdfa: 'none' }));
  const xml = strFromU8(unzipSync(await renderDocument(doc, 'docx', 'nd30'))['word/document.xml']!);
  const docxParagraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '|' : m[1])).join(''),
  );
  return { pdfLines: pdf.pages.flatMap((p) => lines(p).map((l) => l.text)), docxParagraphs, body: pdf.text };
}

/** The wanted lines, each a whole line, one after another (the header's right column may come between in the PDF). */
const consecutive = (all: string[], want: string[]): boolean => {
  const at = want.map((w) => all.indexOf(w));
  return at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!) && (k === 0 || i - at[k - 1]! <= 2));
};

describe('in the PDF and the DOCX', () => {
  it('prints a long agency name and a long summary in lines broken between phrases', async () => {
    const summaryText = 'Kết quả công tác phòng, chống tội phạm và tệ nạn xã hội năm 2024; phương hướng, nhiệm vụ năm 2025 trên địa bàn huyện Quảng Xương';
    const out = await render(data(`  summary: ${summaryText}\n`, '{ position: Trưởng ban, name: Lê Văn Bình }'));
    const agencyWant = ['BAN CHỈ ĐẠO', 'PHÒNG, CHỐNG TỘI PHẠM', 'VÀ TỆ NẠN XÃ HỘI', 'HUYỆN QUẢNG XƯƠNG'];
    expect(consecutive(out.pdfLines, agencyWant), out.pdfLines.join('\n')).toBe(true);
    expect(consecutive(out.docxParagraphs, agencyWant), out.docxParagraphs.join('\n')).toBe(true);
    const summaryWant = balanceLines(summaryText, summaryWidth, summary);
    // Too long for two lines of 90 % of the text width: three, each break after a comma or before "và".
    expect(summaryWant).toEqual([
      'Kết quả công tác phòng, chống tội phạm',
      'và tệ nạn xã hội năm 2024; phương hướng,',
      'nhiệm vụ năm 2025 trên địa bàn huyện Quảng Xương',
    ]);
    expect(consecutive(out.pdfLines, summaryWant), out.pdfLines.join('\n')).toBe(true);
    expect(consecutive(out.docxParagraphs, summaryWant)).toBe(true);
    // A heading too long for one line wraps between words, not inside "AN NINH" (it did: "… - AN" / "NINH NĂM 2024").
    expect(out.pdfLines).toContain('AN NINH NĂM 2024');
    expect(out.pdfLines.filter((l) => / AN$/u.test(l))).toEqual([]);
    expect(out.docxParagraphs).toContain('I. KẾT\u00a0QUẢ THỰC\u00a0HIỆN CÔNG\u00a0TÁC QUỐC\u00a0PHÒNG - AN\u00a0NINH NĂM\u00a02024');
  });

  it('honours forced breaks and a header name of its own; the body prints the name without them', async () => {
    const out = await render(
      data('  headerName: Ban Chỉ đạo 138|huyện Quảng Xương\n  summary: Kết quả công tác năm 2024|phương hướng năm 2025\n', '{ position: Trưởng ban, name: Lê Văn Bình }'),
    );
    expect(consecutive(out.pdfLines, ['BAN CHỈ ĐẠO 138', 'HUYỆN QUẢNG XƯƠNG'])).toBe(true);
    expect(consecutive(out.docxParagraphs, ['BAN CHỈ ĐẠO 138', 'HUYỆN QUẢNG XƯƠNG'])).toBe(true);
    expect(consecutive(out.pdfLines, ['Kết quả công tác năm 2024', 'phương hướng năm 2025'])).toBe(true);
    expect(consecutive(out.docxParagraphs, ['Kết quả công tác năm 2024', 'phương hướng năm 2025'])).toBe(true);
    // The body and the closing sentence use the full name and the summary without "|".
    expect(out.body).not.toContain('|');
    expect(out.body.replace(/\s+/g, ' ')).toContain('Trên đây là báo cáo kết quả công tác năm 2024 phương hướng năm 2025 của Ban Chỉ đạo phòng, chống tội phạm và tệ nạn xã hội huyện Quảng Xương');
  });

  it('lays out a signer with only the authority line', async () => {
    const out = await render(data('  summary: Kết quả công tác năm 2024\n', '{ authority: TM., onBehalfOf: Ban Chỉ đạo, name: Lê Văn Bình }'));
    const at = out.pdfLines.indexOf('TM. BAN CHỈ ĐẠO');
    expect(at, out.pdfLines.join('\n')).toBeGreaterThan(0);
    expect(out.pdfLines.slice(at + 1)).toContain('Lê Văn Bình');
    expect(consecutive(out.docxParagraphs, ['TM. BAN CHỈ ĐẠO', 'Lê Văn Bình'])).toBe(true);
  });

  it('still asks for a position when the signer does not sign for a collective', () => {
    const r = loadReportText(data('  summary: Kết quả công tác năm 2024\n', '{ name: Lê Văn Bình }'), 'bcd.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const p = r.problems.find((x) => x.path.join('.') === 'frame.signer.position');
      expect(p?.message).toContain('thiếu chức vụ người ký');
      expect(p?.line).toBe(9);
    }
  });
});
