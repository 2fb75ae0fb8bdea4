import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/document/types.js';
import { partyDocumentNumber, partyRecipientLines, partySignatureLines } from '../../src/frame/index.js';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { dang, nd30 } from '../../src/profile/index.js';
import type { TextStyle } from '../../src/profile/index.js';
import { MM, lineWith, lines, readPdf } from '../support/pdf.js';
import type { PdfInfo, PdfLine, PdfPage } from '../support/pdf.js';

// The Party directive sample (kind chi-thi, profile dang) read back from the PDF and the DOCX:
// every frame element of HD 36-HD/VPTW with the size and face the profile gives.

const SAMPLE = 'data/nghi-son-chi-thi-tet-2021.yaml';
const NBSP8 = '\u00A0'.repeat(8);
/** HD 36's sizes and faces, written out (test/party/fixtures/hd36-styles.json), not read from the profile. */
const S = JSON.parse(readFileSync(new URL('./fixtures/hd36-styles.json', import.meta.url), 'utf8')) as Record<
  'parentAgency' | 'issuingAgency' | 'star' | 'nationalTitle' | 'number' | 'placeDate' | 'typeName' | 'summary' | 'dashes' | 'authority' | 'position' | 'recipientsLabel' | 'recipient',
  TextStyle
>;
const face = (s: TextStyle) => `Tinos${s.bold && s.italic ? '-BoldItalic' : s.bold ? '-Bold' : s.italic ? '-Italic' : ''}`;

/** Drawn paths of a page (pdfjs 4: constructPath's third argument is the bounding box), top-down y. */
async function paths(bytes: Uint8Array, pageNo: number): Promise<{ x1: number; y1: number; x2: number; y2: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const page = await doc.getPage(pageNo);
  const ops = await page.getOperatorList();
  const out: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.constructPath) continue;
    const [x1, y1, x2, y2] = Array.from((ops.argsArray[i] as unknown[])[2] as ArrayLike<number>);
    out.push({ x1: x1!, y1: y1!, x2: x2!, y2: y2! });
  }
  await doc.destroy();
  return out;
}

let doc: Document;
let pdfBytes: Buffer;
let pdf: PdfInfo;
let first: PdfPage;
let last: PdfPage;
let xml: string;
let styles: string;

beforeAll(async () => {
  const r = await loadReport(SAMPLE);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  expect(r.kind.profile).toBe('dang');
  doc = buildDocument(r.kind, r.report);
  pdfBytes = await renderDocument(doc, 'pdf', 'dang', { pdfa: 'none' });
  pdf = await readPdf(pdfBytes);
  first = pdf.pages[0]!;
  last = pdf.pages[pdf.pages.length - 1]!;
  const files = unzipSync(new Uint8Array(await renderDocument(doc, 'docx', 'dang')));
  xml = strFromU8(files['word/document.xml']!);
  styles = strFromU8(files['word/styles.xml']!);
});

describe('the Party frame wording (HD 36-HD/VPTW)', () => {
  it('words the sample as a Thị ủy directive', () => {
    const f = doc.frame;
    expect(f.parentAgency).toEqual(['ĐẢNG BỘ TỈNH THANH HÓA']);
    expect(f.issuingAgency).toEqual(['THỊ ỦY NGHI SƠN']);
    expect(f.agencyMark).toBe('*');
    expect(f.nationalTitle).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(f.motto).toBe('');
    expect(f.numberLine).toBe(`Số${NBSP8}-CT/TU`);
    expect(f.typeName).toBe('CHỈ THỊ');
    expect(f.summary.join(' ')).toBe('về tăng cường lãnh đạo, chỉ đạo công tác đảm bảo an ninh, trật tự Tết Nguyên đán Tân Sửu 2021');
    expect(f.summaryMark).toBe('-----');
    expect(f.signatureLines).toEqual([
      { text: 'T/M BAN THƯỜNG VỤ', bold: true },
      { text: 'BÍ THƯ', bold: false },
    ]);
    expect(f.signerName).toBe('');
    expect(f.recipientsLabel).toBe('Nơi nhận:');
    expect(f.recipients[0]).toBe('- Thường trực Tỉnh ủy (để báo cáo),');
    expect(f.recipients.at(-1)).toBe('- Lưu Văn phòng Thị ủy.');
    expect(doc.meta.subject).toBe('Chỉ thị -CT/TU (dự thảo)');
  });

  it('writes "Số 12-CT/TU": no colon, padded below 10, a blank number in a draft', () => {
    expect(partyDocumentNumber(12, 'CT-TU')).toBe('Số 12-CT/TU');
    expect(partyDocumentNumber(5, 'QĐ-TW')).toBe('Số 05-QĐ/TW');
    expect(partyDocumentNumber(24, 'BS-UBKTTU')).toBe('Số 24-BS/UBKTTU');
    expect(partyDocumentNumber(null, 'CT-TU')).toBe(`Số${NBSP8}-CT/TU`);
  });

  it('writes the authority prefixes T/M, K/T, T/L, and refuses the state-only ones', () => {
    expect(partySignatureLines({ authority: 'KT.', onBehalfOf: 'Trưởng ban', position: 'Phó Trưởng ban' }, false)).toEqual([
      { text: 'K/T TRƯỞNG BAN', bold: true },
      { text: 'PHÓ TRƯỞNG BAN', bold: false },
    ]);
    expect(partySignatureLines({ authority: 'TL.', onBehalfOf: 'Ban Thường vụ', position: 'Chánh Văn phòng' }, false)[0]).toEqual({ text: 'T/L BAN THƯỜNG VỤ', bold: true });
    expect(partySignatureLines({ position: 'Trưởng ban' }, false)).toEqual([{ text: 'TRƯỞNG BAN', bold: false }]);
    expect(() => partySignatureLines({ authority: 'TUQ.', onBehalfOf: 'Bí thư', position: 'Chánh Văn phòng' }, false)).toThrow(/TUQ\./);
    expect(partyRecipientLines(['Như trên;'], ['Văn phòng Tỉnh ủy'])).toEqual(['- Như trên,', '- Lưu Văn phòng Tỉnh ủy.']);
  });
});

describe('the directive PDF', () => {
  const expectLine = (page: PdfPage, text: string, s: TextStyle): PdfLine => {
    const l = lineWith(page, text);
    expect(l.text, text).toBe(text);
    expect(l.size, text).toBeCloseTo(s.size, 1);
    expect(l.fonts, text).toEqual([face(s)]);
    return l;
  };
  const centre = (l: PdfLine) => (l.x + l.right) / 2;
  /**
   * "Số" and the date share a baseline and pdfjs bridges the gap with a space item, so the line
   * reader joins them: keep the items of one header column only.
   */
  const inColumn = (l: PdfLine, column: 0 | 1): PdfLine => {
    const h = dang.header;
    const split = (dang.page.margin.left + h.offset + h.columns[0]) * MM;
    const items = l.items.filter((i) => (column === 0 ? i.x < split : i.x >= split) && i.str.trim() !== '');
    const lastItem = items[items.length - 1]!;
    const text = l.items.filter((i) => (column === 0 ? i.x < split : i.x >= split)).map((i) => i.str).join('').replace(/\s+/g, ' ').trim();
    return { text, x: items[0]!.x, right: lastItem.x + lastItem.width, y: l.y, size: Math.max(...items.map((i) => i.size)), fonts: [...new Set(items.map((i) => i.font))], items };
  };
  const expectCell = (page: PdfPage, text: string, s: TextStyle, column: 0 | 1): PdfLine => {
    const l = inColumn(lineWith(page, text), column);
    expect(l.text, text).toBe(text);
    expect(l.size, text).toBeCloseTo(s.size, 1);
    expect(l.fonts, text).toEqual([face(s)]);
    return l;
  };

  it('lays out page 1 with the margins and every header element in its size and face', () => {
    expect(first.width).toBeCloseTo(210 * MM, 0);
    const parent = expectLine(first, 'ĐẢNG BỘ TỈNH THANH HÓA', S.parentAgency);
    const issuer = expectLine(first, 'THỊ ỦY NGHI SƠN', S.issuingAgency);
    const star = expectLine(first, '*', S.star);
    const title = expectLine(first, 'ĐẢNG CỘNG SẢN VIỆT NAM', S.nationalTitle);
    const number = expectCell(first, 'Số -CT/TU', S.number, 0);
    const date = expectCell(first, 'Nghi Sơn, ngày …… tháng …… năm ……', S.placeDate, 1);
    expect([parent.size, issuer.size, title.size, number.size, date.size].map(Math.round)).toEqual([14, 14, 15, 14, 14]);
    // The committee left, the title right; the star centred under the committee, "Số" under the star.
    expect(parent.y).toBeLessThan(issuer.y);
    expect(issuer.y).toBeLessThan(star.y);
    expect(star.y).toBeLessThan(number.y);
    expect(centre(star)).toBeCloseTo(centre(issuer), 0);
    expect(centre(number)).toBeCloseTo(centre(issuer), 0);
    expect(title.x).toBeGreaterThan(issuer.right);
    expect(Math.abs(title.y - parent.y)).toBeLessThan(2);
    expect(Math.abs(number.y - date.y)).toBeLessThan(0.5);
    expect(parent.x).toBeGreaterThan(30 * MM);
    expect(title.right).toBeLessThan((210 - 15) * MM);
    // No colon after "Số", no motto, no state title.
    expect(first.text).not.toContain('Số:');
    expect(first.text).not.toMatch(/Độc lập|CỘNG HÒA/);
  });

  it('draws one rule on page 1: under the Party title, exactly as long as the title', async () => {
    const title = lineWith(first, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    const date = lineWith(first, 'Nghi Sơn, ngày');
    const drawn = await paths(pdfBytes, 1);
    expect(drawn).toHaveLength(1); // no rule under the agency (star) nor under the summary ("-----")
    const r = drawn[0]!;
    expect(r.y1).toBeCloseTo(r.y2, 3);
    expect(r.y1).toBeGreaterThan(title.y);
    expect(r.y1).toBeLessThan(date.y - S.placeDate.size);
    expect(r.x1).toBeCloseTo(title.x, 0);
    expect(r.x2).toBeCloseTo(title.right, 0);
  });

  it('shows the type name, the bold summary and "-----" under it', () => {
    const type = expectLine(first, 'CHỈ THỊ', S.typeName);
    expect(type.size).toBeGreaterThanOrEqual(15);
    expect(type.size).toBeLessThanOrEqual(16);
    let y = type.y;
    for (const l of doc.frame.summary) {
      const s = expectLine(first, l, S.summary);
      expect(s.y).toBeGreaterThan(y);
      y = s.y;
    }
    const dashes = expectLine(first, '-----', S.dashes);
    expect(dashes.y).toBeGreaterThan(y);
    expect(centre(dashes)).toBeCloseTo(centre(type), 0);
  });

  it('signs "T/M BAN THƯỜNG VỤ" (bold) / "BÍ THƯ" (regular), with "Nơi nhận:" underlined and recipients at 12', async () => {
    const s = dang.signature;
    const tm = expectLine(last, 'T/M BAN THƯỜNG VỤ', S.authority);
    const position = expectLine(last, 'BÍ THƯ', S.position);
    expect(position.y).toBeGreaterThan(tm.y);
    expect(centre(position)).toBeCloseTo(centre(tm), 0);
    const label = expectLine(last, 'Nơi nhận:', S.recipientsLabel);
    expect(label.x).toBeCloseTo(30 * MM, 0);
    // pdfmake draws the underline as a thin rectangle under the label, as wide as it.
    const under = (await paths(pdfBytes, pdf.pages.length)).filter((p) => p.y1 > label.y - 1 && p.y1 < label.y + 4);
    expect(under).toHaveLength(1);
    expect(under[0]!.x1).toBeCloseTo(label.x, 0);
    expect(under[0]!.x2).toBeCloseTo(label.right, 0);
    const leftEdge = (dang.page.margin.left + s.columns[0]) * MM;
    const column = lines(last).filter((l) => l.x < leftEdge && Math.abs(l.size - S.recipient.size) < 0.1);
    expect(column.length).toBeGreaterThanOrEqual(doc.frame.recipients.length);
    expect(column.every((l) => l.fonts.join() === 'Tinos')).toBe(true);
    const joined = column.map((l) => l.text).join(' ');
    for (const rec of doc.frame.recipients) expect(joined).toContain(rec);
    expect(joined).not.toContain('Lưu:');
    expect(last.text).not.toMatch(/TM\.|T\/M\./);
  });
});

describe('the directive DOCX', () => {
  /** The rPr of the run whose text is exactly `text`. */
  const rPr = (text: string): string => {
    const esc = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&amp;');
    const m = new RegExp(`<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t(?: xml:space="preserve")?>${esc}</w:t></w:r>`).exec(xml);
    expect(m, text).not.toBeNull();
    // A run in a named paragraph style (e.g. "Nơi nhận") takes what it does not state from the style.
    const p = xml.lastIndexOf('<w:p>', m!.index);
    const styleId = /<w:pStyle w:val="([^"]+)"\/>/.exec(xml.slice(p, m!.index))?.[1];
    const style = styleId ? new RegExp(`<w:style [^>]*w:styleId="${styleId}">.*?<w:rPr>(.*?)</w:rPr>`).exec(styles)?.[1] ?? '' : '';
    return (m![1] ?? '') + style;
  };
  const expectRun = (text: string, s: TextStyle) => {
    const r = rPr(text);
    expect(r, text).toContain(`<w:sz w:val="${s.size * 2}"/>`);
    expect(/<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(r), `${text} bold`).toBe(s.bold);
    expect(/<w:i\/>|<w:i w:val="(true|1|on)"\/>/.test(r), `${text} italic`).toBe(s.italic);
    expect(/<w:u /.test(r), `${text} underline`).toBe(!!s.underline);
  };

  it('has the Party margins 20/20/30/15 mm', () => {
    const m = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const attr = (n: string) => Number(new RegExp(`w:${n}="(\\d+)"`).exec(m)![1]);
    expect([attr('top'), attr('bottom'), attr('left'), attr('right')]).toEqual([20, 20, 30, 15].map((v) => Math.round((v * 1440) / 25.4)));
  });

  it('has every frame run in its size and face', () => {
    expectRun('ĐẢNG CỘNG SẢN VIỆT NAM', S.nationalTitle);
    expectRun('ĐẢNG BỘ TỈNH THANH HÓA', S.parentAgency);
    expectRun('THỊ ỦY NGHI SƠN', S.issuingAgency);
    expectRun('*', S.star);
    expectRun(`Số${NBSP8}-CT/TU`, S.number);
    expectRun('Nghi Sơn, ngày …… tháng …… năm ……', S.placeDate);
    expectRun('CHỈ THỊ', S.typeName);
    for (const l of doc.frame.summary) expectRun(l, S.summary);
    expectRun('-----', S.dashes);
    expectRun('T/M BAN THƯỜNG VỤ', S.authority);
    expectRun('BÍ THƯ', S.position);
    expectRun('Nơi nhận:', S.recipientsLabel);
    for (const r of doc.frame.recipients) expectRun(r, S.recipient);
    expect(xml).not.toMatch(/Độc lập|CỘNG HÒA|Số:/);
  });

  it('rules the Party title with a border exactly as long as the title', () => {
    // The rule is the paragraph right after the title, in the same cell: a top border between indents.
    const after = xml.slice(xml.indexOf('ĐẢNG CỘNG SẢN VIỆT NAM'));
    const p = /<w:p>(?:(?!<\/w:p>).)*?<w:pBdr><w:top [^>]*\/><\/w:pBdr>(?:(?!<\/w:p>).)*<\/w:p>/.exec(after)![0];
    const ind = /<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(p)!;
    // The cell is the header table's second grid column; the title's width is measured here with
    // fontkit from the font file (plain advances, as the writers lay text out) at HD 36's 15 pt bold,
    // not with the code's own measure.
    const cell = Number([...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)][1]![1]);
    const length = cell - Number(ind[1]) - Number(ind[2]);
    const bold = fontkit.openSync('fonts/Tinos-Bold.ttf') as fontkit.Font;
    const advances = bold.glyphsForString('ĐẢNG CỘNG SẢN VIỆT NAM').reduce((w, g) => w + g.advanceWidth, 0);
    const titleWidth = (advances / bold.unitsPerEm) * S.nationalTitle.size * 20;
    expect(Math.abs(length - titleWidth)).toBeLessThanOrEqual(2);
    // The only borders in the frame: this rule (none under the agency or the summary).
    const beforeBody = xml.slice(0, xml.indexOf('Năm 2020'));
    expect(beforeBody.match(/<w:pBdr>/g)).toHaveLength(1);
  });
});

describe('the state profile is untouched by the Party switches', () => {
  it('keeps nd30 on Decree 30 conventions', () => {
    expect(nd30.conventions).toBe('state');
    expect(nd30.header.agencyMark).toEqual({ type: 'rule' });
    expect(nd30.title.summaryMark).toEqual({ type: 'rule' });
    expect(nd30.signature.positionBold).toBe(true);
  });
});
