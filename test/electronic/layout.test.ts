import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/batch/job.js';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import type { Document } from '../../src/document/types.js';
import type { SignArea } from '../../src/render/pdf/electronic.js';
import { lines, readPdf } from '../support/pdf.js';
import { encodePng, sealPng, signaturePng } from './png.js';

// Decree 30 Appendix I Part II: the signer's image centred between the title lines and the name,
// the seal at its real size over the left third of it; everything read back from the drawn PDF.

const PT = 72 / 25.4;
const DEMO = 'data/demo-thi-xa-song-lam-2021.yaml';
const close = (a: number, b: number, tol = 0.01) => expect(Math.abs(a - b), `${a} ≈ ${b}`).toBeLessThan(tol);

interface Drawn {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every image painted, in drawing order, with the rectangle its transform maps the unit square to (PDF user space). */
async function drawnImages(bytes: Uint8Array): Promise<Drawn[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const out: Drawn[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    let m = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn === OPS.save) stack.push(m);
      else if (fn === OPS.restore) m = stack.pop()!;
      else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = ops.argsArray[i] as number[];
        const [A, B, C, D, E, F] = m as [number, number, number, number, number, number];
        m = [a! * A + b! * C, a! * B + b! * D, c! * A + d! * C, c! * B + d! * D, e! * A + f! * C + E, e! * B + f! * D + F];
      } else if (fn === OPS.paintImageXObject) out.push({ page: n, x: m[4]! + Math.min(0, m[0]!), y: m[5]! + Math.min(0, m[3]!), width: Math.abs(m[0]!), height: Math.abs(m[3]!) });
    });
  }
  await doc.destroy();
  return out;
}

let doc: Document;
const signer = { png: signaturePng(400, 160), width: 40, height: 16 };
const seal = { png: sealPng(300), width: 36, height: 36 };

beforeAll(async () => {
  const r = await loadReport(DEMO);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  doc = buildDocument(r.kind, r.report);
});

describe('the signature block of an electronic document (--electronic)', () => {
  it('centres the signer image in the signature column and lays the seal, at its real size, over its left third', async () => {
    let areas: SignArea[] = [];
    const pdf = await renderDocument({ ...doc, appendices: [] }, 'pdf', 'nd30', { electronic: { images: { signer, seal } }, onSignAreas: (a) => (areas = a) });
    const [s, d] = await drawnImages(pdf);
    expect(s && d).toBeTruthy();
    // Sizes: 40 × 16 mm and the seal's 36 mm.
    close(s!.width, 40 * PT);
    close(s!.height, 16 * PT);
    close(d!.width, 36 * PT);
    close(d!.height, 36 * PT);
    // Centred in the 95 mm right column (left margin 35 mm, Nơi nhận column 60 mm).
    close(s!.x + s!.width / 2, (35 + 60 + 95 / 2) * PT);
    // The seal's right edge a third of the way into the signature, level with its middle.
    close(d!.x + d!.width, s!.x + s!.width / 3);
    close(d!.y + d!.height / 2, s!.y + s!.height / 2);
    expect(s!.page).toBe(d!.page);

    // Between the title lines and the name: under "PHÓ CHỦ TỊCH", above "Trần Thị Bình".
    const page = (await readPdf(pdf)).pages[s!.page - 1]!;
    const title = lines(page).find((l) => l.text === 'PHÓ CHỦ TỊCH')!;
    const name = lines(page).find((l) => l.text === 'Trần Thị Bình')!;
    const top = page.height - (s!.y + s!.height);
    const bottom = page.height - s!.y;
    expect(top).toBeGreaterThan(title.y);
    expect(bottom).toBeLessThan(name.y - name.size * 0.7);

    // sign.json's rectangles are the drawn ones.
    expect(areas.map((a) => a.role)).toEqual(['signer', 'seal']);
    for (const [a, drawn] of [[areas[0]!, s!], [areas[1]!, d!]] as const) {
      expect(a.page).toBe(drawn.page);
      close(a.rect.x, drawn.x);
      close(a.rect.y, drawn.y);
      close(a.rect.width, drawn.width);
      close(a.rect.height, drawn.height);
      close(a.mm.x, drawn.x / PT);
      close(a.mm.y, (page.height - drawn.y - drawn.height) / PT);
      close(a.mm.width, drawn.width / PT);
    }
  });

  it('without images reserves the signature area (50 mm over the 25 mm signature space) and a 36 mm seal area, and reports both', async () => {
    let areas: SignArea[] = [];
    const plain = await renderDocument({ ...doc, appendices: [] }, 'pdf', 'nd30');
    const pdf = await renderDocument({ ...doc, appendices: [] }, 'pdf', 'nd30', { electronic: { images: {} }, onSignAreas: (a) => (areas = a) });
    expect(await drawnImages(plain)).toEqual([]);
    const [s, d] = await drawnImages(pdf);
    close(s!.width, 50 * PT);
    close(s!.height, 25 * PT);
    close(d!.width, 36 * PT);
    close(areas[0]!.rect.x, s!.x);
    close(areas[0]!.rect.y, s!.y);
    close(areas[1]!.rect.x, d!.x);
    // The name stays where the paper layout puts it: the area is the signature space itself.
    const at = async (bytes: Buffer) => (await readPdf(bytes)).pages.flatMap((p, n) => lines(p).filter((l) => l.text === 'Trần Thị Bình').map((l) => [n, Math.round(l.y * 100), Math.round(l.x * 100)]));
    expect(await at(pdf)).toEqual(await at(plain));
  });

  it('keeps a tall signature and a 60 mm seal inside the page\'s text area wherever the block falls, the seal within the block', async () => {
    // The signature block pushed down line by line across the foot of a page: the fit check and the
    // area's height must count the real images (40 mm tall signature, 60 mm seal), not the 25 mm space.
    const tall = { png: signaturePng(400, 400), width: 40, height: 40 };
    const big = { png: sealPng(300), width: 60, height: 60 };
    const line = { type: 'paragraph' as const, children: [{ type: 'text' as const, text: 'Dòng thêm.' }], align: 'justify' as const, indent: true };
    for (let n = 24; n <= 36; n++) {
      let areas: SignArea[] = [];
      const pdf = await renderDocument({ ...doc, appendices: [], children: [...doc.children, ...Array.from({ length: n }, () => line)] }, 'pdf', 'nd30', { electronic: { images: { signer: tall, seal: big } }, onSignAreas: (a) => (areas = a) });
      const [s, d] = await drawnImages(pdf);
      const page = (await readPdf(pdf)).pages[s!.page - 1]!;
      for (const [what, r] of [['signature', s!], ['seal', d!]] as const) {
        // Margins: top 25 mm, bottom 20 mm (the page number sits in the top margin).
        expect(r.y, `${what} bottom, ${n} lines`).toBeGreaterThanOrEqual(20 * PT - 0.01);
        expect(page.height - (r.y + r.height), `${what} top, ${n} lines`).toBeGreaterThanOrEqual(25 * PT - 0.01);
      }
      expect(d!.page).toBe(s!.page);
      // The seal stays between the first title line's top and the name line's bottom.
      const ls = lines(page);
      const title = ls.find((l) => l.text === 'TM. ỦY BAN NHÂN DÂN')!;
      const name = ls.find((l) => l.text === 'Trần Thị Bình')!;
      expect(page.height - (d!.y + d!.height), `seal top, ${n} lines`).toBeGreaterThanOrEqual(title.y - title.size);
      expect(page.height - d!.y, `seal bottom, ${n} lines`).toBeLessThanOrEqual(name.y + name.size * 0.3);
      expect(page.height - s!.y).toBeLessThan(name.y - name.size * 0.7);
      expect(areas.map((a) => a.page)).toEqual([s!.page, s!.page]);
    }
  }, 120_000);

  it('places the same images, same sizes, in the DOCX signature cell', async () => {
    const docx = await renderDocument({ ...doc, appendices: [] }, 'docx', 'nd30', { electronic: { images: { signer, seal } } });
    const files = unzipSync(new Uint8Array(docx));
    const xml = strFromU8(files['word/document.xml']!);
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(extents).toEqual([
      [Math.round(40 * PT * 12700), Math.round(16 * PT * 12700)],
      [Math.round(36 * PT * 12700), Math.round(36 * PT * 12700)],
    ]);
    // Both anchored in the cell that holds the signer's name.
    const cell = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((m) => m[0]).find((c) => c.includes('Trần Thị Bình'))!;
    expect(cell.match(/<wp:anchor /g)).toHaveLength(2);
    expect(cell.indexOf('PHÓ CHỦ TỊCH')).toBeLessThan(cell.indexOf('<wp:anchor'));
    expect(cell.indexOf('<wp:anchor')).toBeLessThan(cell.indexOf('Trần Thị Bình'));
    const offsets = [...cell.matchAll(/<wp:positionH relativeFrom="column"><wp:posOffset>(-?\d+)<\/wp:posOffset>/g)].map((m) => Number(m[1]));
    close(offsets[0]!, Math.round(((95 - 40) / 2) * PT * 12700), 1);
    close(offsets[1]!, Math.round((((95 - 40) / 2 + 40 / 3 - 36) * PT) * 12700), 2);
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/')).map((f) => Buffer.from(files[f]!).subarray(1, 4).toString())).toEqual(['PNG', 'PNG']);
  });
});

describe('an appendix issued as a separate file (--appendices separate)', () => {
  it('carries the agency text stamp, 10 pt black, at the top right of page 1, and no image', async () => {
    let areas: SignArea[] = [];
    const pdf = await renderDocument(doc, 'pdf', 'nd30', { appendix: { index: 0, signedAt: '2026-12-09T14:30:15+07:00' }, onSignAreas: (a) => (areas = a) });
    expect(await drawnImages(pdf)).toEqual([]);
    const read = await readPdf(pdf);
    const page = read.pages[0]!;
    expect(page.width).toBeGreaterThan(page.height);
    const top = lines(page).filter((l) => l.y < 25 * PT);
    expect(top.map((l) => l.text)).toEqual(['Số: 07/BC-UBND', '2026-12-09T14:30:15+07:00']);
    const [number, time] = top as [(typeof top)[0], (typeof top)[0]];
    for (const l of top) {
      close(l.size, 10);
      expect(l.fonts).toEqual(['Tinos']); // the regular face's PostScript name: upright, not bold
      close(l.right, page.width - 20 * PT, 0.5);
    }
    // Right-aligned at the right margin (20 mm), in the top margin, on page 1 only.
    expect(number.y).toBeLessThan(time.y);
    expect(read.pages.slice(1).some((p) => p.text.includes('+07:00'))).toBe(false);
    expect(lines(page).map((l) => l.text)).toContain('Phụ lục');
    // sign.json: the stamp's box around both lines.
    expect(areas).toHaveLength(1);
    const a = areas[0]!;
    expect(a.role).toBe('issuer-stamp');
    close(a.rect.x + a.rect.width, page.width - 20 * PT, 0.5);
    expect(a.rect.y).toBeLessThan(page.height - time.y);
    expect(a.rect.y + a.rect.height).toBeGreaterThan(page.height - number.y + number.size * 0.6);
    close(a.rect.x, Math.min(number.x, time.x), 0.5);
    close(a.mm.y, 10, 0.6);
  });
});

describe('the appendix file in Word', () => {
  it('has the stamp in the first page header, right-aligned, 10 pt, black', async () => {
    const docx = await renderDocument(doc, 'docx', 'nd30', { appendix: { index: 0, signedAt: '2026-12-09T14:30:15+07:00' } });
    const files = unzipSync(new Uint8Array(docx));
    const xml = strFromU8(files['word/document.xml']!);
    const first = /<w:headerReference w:type="first" r:id="(rId\d+)"\/>/.exec(xml)![1]!;
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    const target = new RegExp(`Id="${first}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${first}"`).exec(rels)!;
    const header = strFromU8(files[`word/${target[1] ?? target[2]}`]!);
    const paras = [...header.matchAll(/<w:p>.*?<\/w:p>/gs)].map((m) => m[0]);
    expect(paras.map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))).toEqual(['Số: 07/BC-UBND', '2026-12-09T14:30:15+07:00']);
    for (const p of paras) {
      expect(p).toContain('<w:jc w:val="right"/>');
      expect(p).toContain('<w:sz w:val="20"/>');
      expect(p).toContain('<w:color w:val="000000"/>');
    }
    expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(false);
  });
});

describe('the job (render --electronic --sign-layout --appendices separate)', () => {
  let dir: string;
  const data = (extra: { image?: string; seal?: string }) => {
    let text = readFileSync(DEMO, 'utf8');
    if (extra.image) text = text.replace('    name: Trần Thị Bình\n', `    name: Trần Thị Bình\n    image:\n${extra.image}`);
    if (extra.seal) text = text.replace('  recipients:', `  sealImage:\n${extra.seal}  recipients:`);
    const file = path.join(dir, `in-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    return file;
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-el-'));
    writeFileSync(path.join(dir, 'chu-ky.png'), signaturePng());
    writeFileSync(path.join(dir, 'dau.png'), sealPng());
    writeFileSync(path.join(dir, 'rgb.png'), encodePng(40, 20, () => [0, 0, 200, 255], 2));
    writeFileSync(path.join(dir, 'anh.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  });

  it('writes the PDFs, the appendix file and sign.json equal to the drawn areas', async () => {
    const out = path.join(dir, 'out');
    const input = data({ image: '      file: chu-ky.png\n      width: 40\n', seal: '    file: dau.png\n    width: 36\n' });
    const r = await runJob(input, { formats: ['pdf'], outDir: out, force: false, lang: 'vi', electronic: true, signLayout: true, appendices: 'separate', signedAt: '2026-12-09T14:30:15+07:00', name: 'bc' });
    expect(r.status).toBe('ok');
    expect(readdirSync(out).sort()).toEqual(['bc.pdf', 'bc.phu-luc-1.pdf', 'bc.phu-luc-1.sign.json', 'bc.sign.json']);
    const json = JSON.parse(readFileSync(path.join(out, 'bc.sign.json'), 'utf8'));
    expect(Object.keys(json)).toEqual(['version', 'pdf', 'areas']);
    expect(json.version).toBe(1);
    expect(json.pdf).toBe('bc.pdf');
    const drawn = await drawnImages(readFileSync(path.join(out, 'bc.pdf')));
    expect(json.areas.map((a: SignArea) => a.role)).toEqual(['signer', 'seal']);
    json.areas.forEach((a: SignArea, i: number) => {
      expect(Object.keys(a)).toEqual(['role', 'page', 'rect', 'mm']);
      close(a.rect.x, drawn[i]!.x);
      close(a.rect.y, drawn[i]!.y);
      close(a.rect.width, drawn[i]!.width);
      close(a.rect.height, drawn[i]!.height);
    });
    close(json.areas[0].mm.width, 40);
    close(json.areas[0].mm.height, 16);
    const stamp = JSON.parse(readFileSync(path.join(out, 'bc.phu-luc-1.sign.json'), 'utf8'));
    expect(stamp.pdf).toBe('bc.phu-luc-1.pdf');
    expect(stamp.areas.map((a: SignArea) => a.role)).toEqual(['issuer-stamp']);
    // The main file no longer holds the appendix.
    expect((await readPdf(readFileSync(path.join(out, 'bc.pdf')))).text).not.toContain('KẾT QUẢ PHONG TRÀO');
    // Again without --force: identical bytes, nothing rewritten.
    const again = await runJob(input, { formats: ['pdf'], outDir: out, force: false, lang: 'vi', electronic: true, signLayout: true, appendices: 'separate', signedAt: '2026-12-09T14:30:15+07:00', name: 'bc' });
    expect(again.outputs.map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it.each([
    ['a file that is not PNG', { image: '      file: anh.jpg\n      width: 40\n' }, 'frame.signer.image.file: tệp "anh.jpg" không phải ảnh PNG'],
    ['a PNG without transparency', { seal: '    file: rgb.png\n    width: 36\n' }, 'frame.sealImage.file: ảnh "rgb.png" không có nền trong suốt'],
    ['a missing file', { image: '      file: khong-co.png\n      width: 40\n' }, 'frame.signer.image.file: không đọc được tệp ảnh "khong-co.png"'],
    ['a seal of 360 mm', { seal: '    file: dau.png\n    width: 360\n' }, 'frame.sealImage.width: kích thước 360 mm không hợp lý; phải từ 20 đến 60 mm'],
  ])('refuses %s with its field and line, exit 2, and writes nothing', async (_what, extra, message) => {
    const out = path.join(dir, `bad-${Math.random().toString(36).slice(2)}`);
    const input = data(extra);
    const r = await runJob(input, { formats: ['pdf', 'docx'], outDir: out, force: false, lang: 'vi', electronic: true });
    expect(r.status).toBe('invalid');
    expect(r.outputs).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toContain(message);
    const lines = readFileSync(input, 'utf8').split('\n');
    const field = extra.image ? '      file:' : message.includes('width') ? '    width:' : '    file:';
    expect(lines[r.problems[0]!.line - 1]).toContain(field.trim());
    expect(() => readdirSync(out)).toThrow();
  });

  it('refuses a separate electronic appendix of a draft without a number (the date is required by the schema): its stamp and "(Kèm theo …)" line would have blanks', async () => {
    // Decree 30 App. I Part II: the agency's signature on an appendix file shows the number and
    // symbol of the document; the attribution names the document's number and date (spec §10.1).
    const numbered = path.join(dir, 'out-numbered');
    const ok = await runJob(data({}), { formats: ['pdf'], outDir: numbered, force: false, lang: 'vi', electronic: true, appendices: 'separate', signedAt: '2026-12-09T14:30:15+07:00', name: 'bc' });
    expect(ok.status).toBe('ok');
    const appendix = lines((await readPdf(readFileSync(path.join(numbered, 'bc.phu-luc-1.pdf')))).pages[0]!).map((l) => l.text);
    expect(appendix.slice(0, 2)).toEqual(['Số: 07/BC-UBND', '2026-12-09T14:30:15+07:00']);
    expect(appendix).toContain('(Kèm theo Báo cáo số 07/BC-UBND ngày 05 tháng 01 năm 2022 của Ủy ban nhân dân thị xã Sông Lam)');
    for (const [field, drop, message] of [
      ['number', '  number: 7\n', 'frame.number: phụ lục tách tệp của văn bản điện tử cần số của văn bản'],
    ] as const) {
      const input = data({});
      writeFileSync(input, readFileSync(input, 'utf8').replace(drop, ''));
      const out = path.join(dir, `draft-${field}`);
      const r = await runJob(input, { formats: ['pdf', 'docx'], outDir: out, force: false, lang: 'vi', electronic: true, appendices: 'separate' });
      expect(r.status, field).toBe('invalid');
      expect(r.problems.map((p) => p.message)).toEqual([expect.stringContaining(message)]);
      expect(() => readdirSync(out)).toThrow();
      const en = await runJob(input, { formats: ['pdf'], outDir: out, force: false, lang: 'en', electronic: true, appendices: 'separate' });
      expect(en.problems[0]!.message).toContain(`frame.${field}: an appendix issued as a separate file of an electronic document needs the document's ${field}`);
      // A paper draft (no --electronic) may leave them blank, as before.
      const paper = await runJob(input, { formats: ['pdf'], outDir: out, force: false, lang: 'vi', appendices: 'separate', name: 'x' });
      expect(paper.status).toBe('ok');
    }
  }, 120_000);

  it('ignores the image fields without --electronic: output as before', async () => {
    const out = path.join(dir, 'plain');
    const r = await runJob(data({ image: '      file: anh.jpg\n      width: 40\n' }), { formats: ['pdf'], outDir: out, force: false, lang: 'vi', name: 'x' });
    expect(r.status).toBe('ok');
    expect(await drawnImages(readFileSync(path.join(out, 'x.pdf')))).toEqual([]);
  });
});
