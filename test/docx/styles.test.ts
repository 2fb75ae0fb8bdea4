import { layoutDocument } from '../../src/layout/index.js';
import { describe, expect, it } from 'vitest';
import { CREATOR } from '../../src/pipeline/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { all, first, Package, paragraphText, sampleDocument } from './helpers.js';

/** Item 9 of issue 12: real named styles, headings with outline levels, no blue defaults; item 8: widow control on. */
describe('DOCX named styles', async () => {
  const { doc, profile } = await sampleDocument();
  const pkg = new Package(await renderDocx(layoutDocument(doc, profile), { creator: CREATOR }));
  const styles = pkg.xml('word/styles.xml');
  const byId = new Map(all(styles, 'w:style').map((s) => [s.attribs['w:styleId']!, s]));
  const paragraphs = all(pkg.xml('word/document.xml'), 'w:p');
  const styleOf = (p: (typeof paragraphs)[number]) => first(p, 'w:pStyle')?.attribs['w:val'];

  it('defines the styles a clerk recognises, with outline levels on the headings', () => {
    const named = (id: string) => first(byId.get(id)!, 'w:name')!.attribs['w:val'];
    expect(['VanBan', 'Muc', 'Khoan', 'Diem', 'NoiNhan', 'Bang', 'BangTieuDe'].map(named)).toEqual([
      'Văn bản',
      'Mục (đề mục cấp 1)',
      'Khoản (đề mục cấp 2)',
      'Điểm (đề mục cấp 3)',
      'Nơi nhận',
      'Chữ trong bảng',
      'Tiêu đề cột bảng',
    ]);
    expect(['Muc', 'Khoan', 'Diem'].map((id) => first(byId.get(id)!, 'w:outlineLvl')!.attribs['w:val'])).toEqual(['0', '1', '2']);
    expect(first(byId.get('VanBan')!, 'w:outlineLvl')).toBeUndefined();
    // Body text: 14 pt, justified, 1.27 cm first-line indent, 6 pt before, widow control on.
    const body = byId.get('VanBan')!;
    expect(first(body, 'w:sz')!.attribs['w:val']).toBe('28');
    expect(first(body, 'w:jc')!.attribs['w:val']).toBe('both');
    expect(first(body, 'w:ind')!.attribs['w:firstLine']).toBe('720');
    expect(first(body, 'w:spacing')!.attribs['w:before']).toBe('120');
    expect(first(body, 'w:widowControl')!.attribs['w:val'] ?? 'true').toMatch(/^(true|1|on)$/);
  });

  it('removes the docx library\'s blue Title and Heading 1–6', () => {
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6']) expect(byId.has(id), id).toBe(false);
    expect(pkg.text('word/styles.xml')).not.toMatch(/2E74B5|1F4D78/);
  });

  it('puts the body paragraphs and the headings in their styles', () => {
    const used = paragraphs.map(styleOf);
    const count = (id: string) => used.filter((u) => u === id).length;
    // The sample's headings and recipients, written out (not counted from the Document the writer reads).
    // (No-break spaces the typography step puts between words read as spaces here.)
    const textsIn = (id: string) => paragraphs.filter((p) => styleOf(p) === id).map((p) => paragraphText(p).replace(/\u00a0/g, ' '));
    expect(textsIn('Muc')).toEqual(['I. KẾT QUẢ THỰC HIỆN CÔNG TÁC QUỐC PHÒNG - AN NINH NĂM 2020', 'II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021']);
    expect(textsIn('Khoan')).toEqual([
      '1. Công tác lãnh đạo, chỉ đạo',
      '2. Kết quả thực hiện nhiệm vụ của các lực lượng',
      '3. Phong trào “Toàn dân bảo vệ an ninh Tổ quốc”',
      '1. Dự báo tình hình',
      '2. Nhiệm vụ trọng tâm',
      '3. Đảm bảo an ninh, trật tự Tết Nguyên đán Tân Sửu 2021',
    ]);
    expect(textsIn('Diem')).toEqual(['a) Lực lượng Công an thị xã', 'b) Lực lượng Biên phòng đứng chân trên địa bàn']);
    expect(count('NoiNhan')).toBe(9);
    expect(textsIn('NoiNhan').at(-1)).toBe('- Lưu: VT.');
    expect(count('VanBan')).toBeGreaterThan(5);
    // A paragraph in a style does not repeat the style's size on its runs.
    const body = paragraphs.find((p) => styleOf(p) === 'VanBan')!;
    expect(all(body, 'w:sz')).toEqual([]);
  });
});
