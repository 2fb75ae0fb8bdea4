import { layoutDocument } from '../../src/layout/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CREATOR } from '../../src/pipeline/index.js';
import type { Document } from '../../src/document/types.js';
import type { Profile } from '../../src/profile/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { MM, lineWith, lines, readPdf } from '../support/pdf.js';
import type { PdfInfo, PdfPage } from '../support/pdf.js';
import { sampleDocument } from '../docx/helpers.js';
import { ROWS, appendixDocument, rowUnit } from './helpers.js';

/** The sample's frame, a short body, Phụ lục I (portrait) and Phụ lục II (landscape, 200-row table), read back with pdf.js. */

let doc: Document;
let profile: Profile;
let pdf: PdfInfo;
/** Index (0-based) of each appendix's first page. */
let starts: number[];

/** The page number printed in the top margin, or undefined. */
function pageNumberOf(page: PdfPage): string | undefined {
  const top = lines(page).filter((l) => l.y < profile.page.margin.top * MM);
  expect(top.length).toBeLessThanOrEqual(1);
  return top[0]?.text;
}

beforeAll(async () => {
  ({ doc, profile } = await appendixDocument());
  pdf = await readPdf(await renderPdf(layoutDocument(doc, profile), { creator: CREATOR }));
  starts = doc.appendices.map((a) => pdf.pages.findIndex((p) => lines(p).some((l) => l.text === a.label)));
});

describe('appendices in the PDF', () => {
  it('start each on a new page with its label, title and attribution, exactly and in that order', () => {
    expect(starts[0]).toBeGreaterThan(0);
    expect(starts[1]).toBeGreaterThan(starts[0]!);
    doc.appendices.forEach((a, i) => {
      const page = pdf.pages[starts[i]!]!;
      const texts = lines(page).map((l) => l.text);
      const expected = [a.label, ...a.title, ...a.attribution].map((t) => t.replace(/\s+/g, ' '));
      // Lines as pdf.js reads them: the draft's no-break blank comes back as spaces.
      expect(texts.slice(0, expected.length).map((t) => t.replace(/\s+/g, ' '))).toEqual(expected);
      expect(texts.slice(expected.length).some((t) => t.startsWith('Phụ lục'))).toBe(false);
    });
    expect(doc.appendices[1]!.attribution).toEqual(['(Kèm theo Báo cáo số\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND ngày 09 tháng 12 năm 2020 của Ủy ban nhân dân thị xã Nghi Sơn)']);
  });

  it('set the label 14 pt bold, the title bold, the attribution italic, all centred', () => {
    const page = pdf.pages[starts[1]!]!;
    const centre = (page.width + (profile.page.margin.left - profile.page.margin.right) * MM) / 2;
    const a = doc.appendices[1]!;
    for (const [text, size, font] of [[a.label, 14, 'Tinos-Bold'], [a.title[0]!, 14, 'Tinos-Bold'], ['(Kèm theo Báo cáo số', 14, 'Tinos-Italic']] as const) {
      const l = lineWith(page, text);
      expect(l.size, text).toBeCloseTo(size, 1);
      expect(l.fonts, text).toEqual([font]);
      expect((l.x + l.right) / 2, text).toBeCloseTo(centre, 0);
    }
  });

  it('turns the landscape appendix\'s pages and only those', () => {
    const landscape = pdf.pages.map((p) => p.width > p.height);
    pdf.pages.forEach((p, i) => expect(landscape[i], `page ${i + 1}`).toBe(i >= starts[1]!));
    expect(pdf.pages[starts[1]!]!.width).toBeCloseTo(297 * MM, 0);
    expect(pdf.pages[starts[1]!]!.height).toBeCloseTo(210 * MM, 0);
  });

  it('numbers the pages afresh in each appendix, with no number on its first page', () => {
    const expected = pdf.pages.map((_, i) => {
      const section = starts.filter((s) => s <= i).length;
      const first = section === 0 ? 0 : starts[section - 1]!;
      const n = i - first + 1;
      return n === 1 ? undefined : String(n);
    });
    expect(pdf.pages.map(pageNumberOf)).toEqual(expected);
    // The landscape appendix runs over several pages: "2" on its second page, and so on.
    expect(pdf.pages.length - starts[1]!).toBeGreaterThan(5);
    expect(pageNumberOf(pdf.pages[starts[1]! + 1]!)).toBe('2');
  });

  it('centres the page number in the top margin of a turned page', () => {
    const page = pdf.pages[starts[1]! + 1]!;
    const n = lines(page).find((l) => l.text === '2')!;
    const centre = (page.width + (profile.page.margin.left - profile.page.margin.right) * MM) / 2;
    expect((n.x + n.right) / 2).toBeCloseTo(centre, 0);
    expect(n.y).toBeLessThan(profile.page.margin.top * MM);
    expect(n.y).toBeGreaterThan(profile.page.headerDistance * MM);
  });

  it('keeps all 200 rows of the landscape table, once each and in order, with its header rows on every page', () => {
    const tablePages = pdf.pages.slice(starts[1]!);
    const found: number[] = [];
    for (const [k, page] of tablePages.entries()) {
      const texts = lines(page).map((l) => l.text);
      expect(texts.some((t) => t.includes('Số vụ phạm pháp hình sự')), `page ${k + 1} of the appendix`).toBe(true);
      expect(texts.some((t) => /Năm 2019.*Năm 2020/.test(t)), `page ${k + 1} of the appendix`).toBe(true);
      for (const t of texts) {
        const m = /Tổ dân phố số (\d+) phường Hải Thượng/.exec(t);
        if (m) found.push(Number(m[1]));
      }
    }
    expect(found).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    expect(lines(pdf.pages[pdf.pages.length - 1]!).some((l) => l.text.includes(rowUnit(ROWS)))).toBe(true);
  });

  it('still signs the main part before the appendices', () => {
    const signed = pdf.pages.findIndex((p) => lines(p).some((l) => l.text === 'Nơi nhận:'));
    expect(signed).toBeGreaterThanOrEqual(0);
    expect(signed).toBeLessThan(starts[0]!);
  });

  it('numbers the appendices right after the full sample, which pdfmake lays out twice (a heading moved to the next page)', async () => {
    const sample = await sampleDocument();
    const { doc: short } = await appendixDocument(3);
    const both = await readPdf(await renderPdf(layoutDocument({ ...sample.doc, appendices: short.appendices }, profile), { creator: CREATOR }));
    const first = short.appendices.map((a) => both.pages.findIndex((p) => lines(p).some((l) => l.text === a.label)));
    // Two one-page appendices after the main part: no number on either.
    expect(first).toEqual([both.pages.length - 2, both.pages.length - 1]);
    expect(both.pages.map(pageNumberOf)).toEqual(both.pages.map((_, i) => (i === 0 || i >= first[0]! ? undefined : String(i + 1))));
  });
});
