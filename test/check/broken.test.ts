import { beforeAll, describe, expect, it } from 'vitest';
import { bodyStyleAt12, check, inRun, mutate, paragraphOf, rendered, replaceOnce, summarise, toTcvn3 } from './helpers.js';

// One fault each, made in the XML of a good DOCX (baocao's own sample, zero findings as it
// stands): the checker reports exactly that fault, at the paragraph it is in.
const DOC = 'word/document.xml';

let nghiSon: Uint8Array; // draft report, 2020: "Nghi Sơn, ngày 09 tháng 12 năm 2020"
let songLam: Uint8Array; // numbered report "Số: 07/BC-UBND", headings I, II, III, an appendix

beforeAll(async () => {
  nghiSon = (await rendered('data/nghi-son-qp-an-2020.yaml')).docx;
  songLam = (await rendered('data/demo-thi-xa-song-lam-2021.yaml')).docx;
  expect(summarise(await check(nghiSon))).toEqual([]);
  expect(summarise(await check(songLam))).toEqual([]);
}, 120_000);

/** The findings of the changed file: exactly one, returned for its details. */
async function only(bytes: Uint8Array) {
  const r = await check(bytes);
  expect(summarise(r), summarise(r).join('\n')).toHaveLength(1);
  return r.findings[0]!;
}

describe('one fault, one finding, at its place', () => {
  it('left margin 25 mm', async () => {
    const f = await only(mutate(nghiSon, DOC, (x) => replaceOnce(x, 'w:left="1984"', 'w:left="1417"')));
    expect(f).toMatchObject({ rule: 'margin-left', severity: 'error', element: 'Lề trái', found: '25 mm', expected: '30–35 mm', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.3' });
    expect(f.where.section).toBe(1);
    expect(f.at).toBe('phần (section) 1, từ đoạn 1 "UBND TỈNH THANH HÓA"');
  });

  it('the national title at 11 pt', async () => {
    const bytes = mutate(nghiSon, DOC, (x) => inRun(x, 'CỘNG HÒA XÃ HỘI', (r) => r.replace('<w:sz w:val="26"/>', '<w:sz w:val="22"/>')));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'national-title-size', found: 'cỡ 11', expected: 'cỡ 12–13', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.1' });
    expect(f.where.paragraph).toBe(paragraphOf(bytes, 'CỘNG HÒA XÃ HỘI'));
    expect(f.at).toBe(`đoạn ${f.where.paragraph} "CỘNG HÒA XÃ HỘI CHỦ NGHĨA …"`);
  });

  it('no rule under the agency name', async () => {
    const bytes = mutate(nghiSon, DOC, (x) => replaceOnce(x, /<w:pBdr><w:top [^>]*\/><\/w:pBdr>/, ''));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'agency-rule-missing', element: 'Đường kẻ dưới tên cơ quan', found: 'không có đường kẻ' });
    expect(f.where.paragraph).toBe(paragraphOf(bytes, 'THỊ XÃ NGHI SƠN'));
  });

  it('"TM" without its period', async () => {
    const bytes = mutate(nghiSon, DOC, (x) => replaceOnce(x, 'TM. ỦY BAN NHÂN DÂN', 'TM ỦY BAN NHÂN DÂN'));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'authority-prefix', found: '"TM" thiếu dấu chấm', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.7' });
    expect(f.expected).toMatch(/^"TM\."/);
    expect(f.at).toBe(`đoạn ${paragraphOf(bytes, 'TM ỦY BAN')} "TM ỦY BAN NHÂN DÂN"`);
  });

  it('"ngày 9 tháng 12": the day not padded', async () => {
    const bytes = mutate(nghiSon, DOC, (x) => replaceOnce(x, 'ngày 09 tháng 12', 'ngày 9 tháng 12'));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'date-day-pad', element: 'Địa danh, ngày tháng', found: '"ngày 9"', expected: 'ngày nhỏ hơn 10 ghi thêm 0: "ngày 09"', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.4' });
    expect(f.where.paragraph).toBe(paragraphOf(bytes, 'Nghi Sơn, ngày 9'));
  });

  it('the body at 12 pt (its paragraph style): one finding over the body paragraphs', async () => {
    const bytes = mutate(nghiSon, 'word/styles.xml', bodyStyleAt12);
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'body-size', element: 'Nội dung văn bản', found: 'cỡ 12', expected: 'cỡ 13–14', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.6' });
    const first = paragraphOf(bytes, 'Ủy ban nhân dân thị xã Nghi Sơn báo cáo');
    const last = paragraphOf(bytes, 'Trên đây là báo cáo');
    expect(f.where.paragraphs).toEqual([first, last]);
    // Headings carry their own 14 pt: only the plain paragraphs are counted.
    expect(f.where.count).toBe(last - first + 1 - 10);
  });

  it('a wrong symbol: KH on a BÁO CÁO', async () => {
    const bytes = mutate(songLam, DOC, (x) => replaceOnce(x, '07/BC-UBND</w:t>', '07/KH-UBND</w:t>'));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'symbol-type', found: 'ký hiệu "KH" cho văn bản BÁO CÁO', expected: 'chữ viết tắt của BÁO CÁO là "BC" (Phụ lục III, mục I)', reference: 'NĐ 30/2020, Phụ lục III, mục I' });
    expect(f.where.paragraph).toBe(paragraphOf(bytes, 'Số: 07/KH-UBND'));
  });

  it('decomposed (NFD) text in one paragraph', async () => {
    const word = 'Phát huy sức mạnh';
    const bytes = mutate(nghiSon, DOC, (x) => replaceOnce(x, word, word.normalize('NFD')));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'nfc', found: 'chữ tổ hợp (NFD): "Phát"', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.4' });
    expect(f.where.paragraph).toBe(paragraphOf(bytes, 'huy sức mạnh của cả hệ thống'));
  });

  it('a fragment pasted from a .VnTime document', async () => {
    const sentence = 'duy trì hoạt động của 45 tổ tàu thuyền an toàn.';
    const legacy = toTcvn3(sentence);
    expect(legacy).toBe('duy tr× ho¹t ®éng cña 45 tæ tµu thuyÒn an toµn.');
    const bytes = mutate(nghiSon, DOC, (x) => replaceOnce(x, 'Duy trì hoạt động của 45 tổ tàu thuyền an toàn.', legacy));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'legacy-text', element: 'Bảng mã chữ Việt', expected: 'Unicode (TCVN 6909:2001), phông Times New Roman' });
    expect(f.found).toMatch(/^chữ gõ bảng mã TCVN3 \(\.VnTime\): .+ → /);
    expect(f.where.paragraph).toBe(paragraphOf(bytes, 'tæ tµu thuyÒn'));
  });

  it('headings numbered I, II, IV', async () => {
    const bytes = mutate(songLam, DOC, (x) => replaceOnce(x, '>III. <', '>IV. <'));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'heading-sequence', element: 'Đề mục', found: '"IV" sau "II"', expected: '"III" (đánh số liên tục, không bỏ, không lặp)', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.6' });
    expect(f.where.paragraph).toBe(paragraphOf(bytes, 'IV. PHƯƠNG HƯỚNG'));
  });

  it('"Nơi nhận" at 14 pt, and the date in figures', async () => {
    const label = await only(mutate(nghiSon, DOC, (x) => inRun(x, 'Nơi nhận:', (r) => r.replace('<w:sz w:val="24"/>', '<w:sz w:val="28"/>'))));
    expect(label).toMatchObject({ rule: 'recipients-label-size', found: 'cỡ 14', expected: 'cỡ 12', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.9' });
    const date = await only(mutate(nghiSon, DOC, (x) => replaceOnce(x, 'Nghi Sơn, ngày 09 tháng 12 năm 2020', 'Nghi Sơn, 09/12/2020')));
    expect(date).toMatchObject({ rule: 'date-form', found: 'ngày tháng viết tắt: "Nghi Sơn, 09/12/2020"' });
  });

  it('speaks English with --lang en', async () => {
    const { checkBytes } = await import('../../src/check/index.js');
    const r = await checkBytes(mutate(nghiSon, DOC, (x) => replaceOnce(x, 'ngày 09 tháng 12', 'ngày 9 tháng 12')), { lang: 'en' });
    expect(r.findings.map((f) => [f.element, f.found, f.expected, f.reference])).toEqual([
      ['Place and date', '"ngày 9"', 'a day below 10 gets a leading 0: "ngày 09"', 'Decree 30/2020, Appendix I, Part I, II.4'],
    ]);
    expect(r.findings[0]!.at).toMatch(/^paragraph \d+ "Nghi Sơn, ngày 9 tháng 12 …"$/);
  });
});

describe('rules drawn the way Word users draw them', () => {
  // The motto's rule: baocao's bordered empty paragraph removed, a line shape put in instead.
  const withoutMottoRule = (x: string) => {
    const first = x.indexOf('<w:pBdr>');
    const second = x.indexOf('<w:pBdr>', first + 1);
    const start = x.lastIndexOf('<w:p>', second);
    const end = x.indexOf('</w:p>', second) + '</w:p>'.length;
    return x.slice(0, start) + x.slice(end);
  };
  const vml = (pt: number) => `<w:r><w:pict><v:line id="ke" from="0,0" to="${pt}pt,0" strokeweight=".5pt"/></w:pict></w:r>`;
  const drawing = (mm: number) =>
    `<w:r><w:drawing><wp:anchor behindDoc="0"><wp:extent cx="${Math.round(mm * 36000)}" cy="0"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;

  it('a VML line in the motto paragraph, as long as the motto: nothing to report', async () => {
    const bytes = mutate(nghiSon, DOC, (x) => inRun(withoutMottoRule(x), 'Độc lập - Tự do', (r) => r + vml(171.5)));
    expect(summarise(await check(bytes))).toEqual([]);
  });

  it('no rule at all under the motto: an error at the motto', async () => {
    const bytes = mutate(nghiSon, DOC, withoutMottoRule);
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'motto-rule-missing', element: 'Đường kẻ dưới Tiêu ngữ', found: 'không có đường kẻ', expected: 'đường kẻ ngang, nét liền' });
    expect(f.where.paragraph).toBe(paragraphOf(bytes, 'Độc lập - Tự do'));
  });

  it('a DrawingML line anchored in the national title, half as long as the motto: a note on its length', async () => {
    const bytes = mutate(nghiSon, DOC, (x) => inRun(withoutMottoRule(x), 'CỘNG HÒA XÃ HỘI', (r) => r + drawing(30)));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'motto-rule-length', severity: 'notice', expected: 'dài bằng dòng chữ' });
    expect(f.found).toMatch(/^dài 30 mm, dòng chữ 60,\d mm \(\d+%\)$/);
  });
});

describe('more faults', () => {
  it('a heading in Word\'s blue', async () => {
    // A heading's compounds are joined by no-break spaces (issue 14 §4: "AN / NINH" never splits).
    const heading = 'KẾT\u00a0QUẢ THỰC\u00a0HIỆN CÔNG\u00a0TÁC';
    const bytes = mutate(nghiSon, DOC, (x) => inRun(x, heading, (r) => r.replace('<w:t', '<w:rPr><w:color w:val="2E74B5"/></w:rPr><w:t')));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'colour', element: 'Màu chữ', found: 'màu #2E74B5', expected: 'màu đen', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.4' });
    expect(f.where.paragraph).toBe(paragraphOf(bytes, heading));
  });

  it('a body paragraph without its first-line indent, and one with 0 pt before it', async () => {
    const first = 'Ủy ban nhân dân thị xã Nghi Sơn báo cáo';
    const indent = await only(mutate(nghiSon, DOC, (x) => {
      const at = x.indexOf(first);
      // The indent comes from the body style: the paragraph takes it away.
      const p = x.lastIndexOf('<w:pStyle w:val="VanBan"/>', at) + '<w:pStyle w:val="VanBan"/>'.length;
      return x.slice(0, p) + '<w:ind w:firstLine="0"/>' + x.slice(p);
    }));
    expect(indent).toMatchObject({ rule: 'body-indent', found: 'thụt đầu dòng 0 mm', expected: 'thụt đầu dòng 1 cm hoặc 1,27 cm' });
    const second = 'Năm 2020, Thị ủy, Ủy ban nhân dân';
    const bytes = mutate(nghiSon, DOC, (x) => {
      const at = x.indexOf(second);
      const p = x.lastIndexOf('<w:pStyle w:val="VanBan"/>', at) + '<w:pStyle w:val="VanBan"/>'.length;
      return x.slice(0, p) + '<w:spacing w:before="0"/>' + x.slice(p);
    });
    const spacing = await only(bytes);
    expect(spacing).toMatchObject({ rule: 'body-spacing', found: 'cách đoạn 0 pt', expected: 'cách đoạn tối thiểu 6 pt' });
    expect(spacing.where.paragraph).toBe(paragraphOf(bytes, second));
  });

  it('page numbers shown on page 1 (no different first page)', async () => {
    const f = await only(mutate(nghiSon, DOC, (x) => replaceOnce(x, '<w:titlePg/>', '')));
    expect(f).toMatchObject({ rule: 'page-number-first', element: 'Số trang', found: 'trang đầu có số trang', reference: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.7' });
  });
});

describe('Party documents (the chi-thi sample, HD 36)', () => {
  let chiThi: Uint8Array;
  beforeAll(async () => {
    chiThi = (await rendered('data/nghi-son-chi-thi-tet-2021.yaml')).docx;
  }, 120_000);

  it('"Số:" with a colon, and "TM." in the state way', async () => {
    const bytes = mutate(chiThi, DOC, (x) => replaceOnce(replaceOnce(x, '>Số\u00a0', '>Số:\u00a0'), 'T/M BAN THƯỜNG VỤ', 'TM. BAN THƯỜNG VỤ'));
    const r = await check(bytes);
    expect(r.profile).toBe('dang');
    expect(r.findings.map((f) => [f.rule, f.found, f.expected, f.reference, f.where.paragraph])).toEqual([
      ['number-colon', '"Số:" có dấu hai chấm', '"Số" không dấu hai chấm, ví dụ "Số 12-CT/TU"', 'HD 36-HD/VPTW', paragraphOf(bytes, 'Số:')],
      ['authority-prefix', '"TM."', '"T/M" (văn bản của Đảng dùng T/M, K/T, T/L)', 'HD 36-HD/VPTW', paragraphOf(bytes, 'TM. BAN THƯỜNG VỤ')],
    ]);
  });
});

describe('Vietnamese text', () => {
  it('both tone placements in one text ("Ủy" and "Uỷ"): a note', async () => {
    const bytes = mutate(nghiSon, DOC, (x) => replaceOnce(x, 'Năm 2020, Thị ủy, Ủy ban', 'Năm 2020, Thị uỷ, Ủy ban'));
    const f = await only(bytes);
    expect(f).toMatchObject({ rule: 'tone-mixed', severity: 'notice', expected: 'một kiểu thống nhất trong cả văn bản (hòa/ủy hoặc hoà/uỷ)' });
    expect(f.found).toMatch(/^dùng cả hai kiểu: \S+ và uỷ$/);
  });

  it('a damaged DOCX and a spreadsheet are told apart', async () => {
    const { checkBytes, CheckInputError } = await import('../../src/check/index.js');
    const { zipSync, strToU8 } = await import('fflate');
    const cut = nghiSon.subarray(0, 2000);
    await expect(checkBytes(cut)).rejects.toMatchObject({ reason: 'broken-docx' });
    await expect(checkBytes(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).rejects.toBeInstanceOf(CheckInputError);
    await expect(checkBytes(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).rejects.toMatchObject({ reason: 'not-docx' });
  });
});

describe('hostile input', () => {
  it('a DOCX whose document part unpacks to 65 MB is refused as damaged before it is unpacked', async () => {
    const { checkBytes } = await import('../../src/check/index.js');
    const { zipSync, strToU8 } = await import('fflate');
    const huge = new Uint8Array(65e6).fill(0x20);
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(1e6);
    await expect(checkBytes(bomb)).rejects.toMatchObject({ reason: 'broken-docx', message: 'word/document.xml unpacks to more than 64 MB' });
  });
});
