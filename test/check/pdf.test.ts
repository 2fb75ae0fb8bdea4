import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/check/index.js';
import { rendered } from './helpers.js';

/** A one-page PDF written by hand: Helvetica (a standard font, not embedded) at the given places. */
function handPdf(lines: { text: string; x: number; y: number; size: number }[], width = 595.28, height = 841.89): Buffer {
  const content = lines.map((l) => `BT /F1 ${l.size} Tf ${l.x} ${height - l.y} Td (${l.text}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('PDF', () => {
  it('a page of text in a font that is not embedded, not Times, starting 10 mm from the edge', async () => {
    const pdf = handPdf([
      { text: 'Bao cao ket qua cong tac nam 2024', x: 28.35, y: 100, size: 12 },
      { text: 'Noi dung bao cao.', x: 28.35, y: 120, size: 12 },
    ]);
    const r = await checkBytes(pdf, { name: 'tay.pdf' });
    expect(r.format).toBe('pdf');
    const byRule = Object.fromEntries(r.findings.map((f) => [f.rule, f]));
    expect(byRule['fonts-embedded']).toMatchObject({ severity: 'error', found: 'chưa nhúng: Helvetica', expected: 'mọi phông được nhúng trong tệp PDF' });
    expect(byRule['font']).toMatchObject({ found: 'phông Helvetica', at: 'trang 1, cách lề trái 10 mm, mép trên 35 mm "Bao cao ket qua cong tac …"' });
    expect(byRule['margin-left']).toMatchObject({ found: '10 mm', expected: '30–35 mm', where: { page: 1 } });
    expect(byRule['national-title-missing']).toBeDefined();
  });

  it('a PDF that is not A4', async () => {
    const r = await checkBytes(handPdf([{ text: 'x', x: 100, y: 100, size: 13 }], 612, 792), { name: 'letter.pdf' });
    expect(r.findings.find((f) => f.rule === 'page-size')).toMatchObject({ found: '215,9 × 279,4 mm', expected: 'A4 (210 × 297 mm)', at: 'trang 1' });
  });

  it("baocao's own PDF: each element read with its size from the text items (no finding)", async () => {
    const { pdf } = await rendered('data/nghi-son-qp-an-2020.yaml');
    const r = await checkBytes(pdf, { name: 'nghi-son.pdf' });
    expect(r.findings).toEqual([]);
    expect(r.located.placeDate).toEqual(['Nghi Sơn, ngày 09 tháng 12 năm 2020']);
    expect(r.located.recipients?.at(-1)).toBe('- Lưu: VT.');
  });
});
