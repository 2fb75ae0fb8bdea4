import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../src/document/types.js';
import { layoutDocument } from '../../src/layout/index.js';
import { CREATOR } from '../../src/pipeline/index.js';
import type { Profile } from '../../src/profile/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { sampleDocument } from '../docx/helpers.js';
import { convertToPdf, fontconfigWithout, pageText, requireTools } from '../support/libreoffice.js';
import { readPdf } from '../support/pdf.js';

/**
 * Issue 12 item 8: widow and orphan control. A two-line paragraph that a page break would split
 * 1 + 1 goes whole to the next page, in the PDF and in the DOCX as LibreOffice lays it out.
 */

const para = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }], align: 'justify', indent: true });
// About a line and a half of 14 pt text: two lines on a 155 mm measure.
const TWO_LINES = 'ALPHA ' + 'công tác quốc phòng địa phương được triển khai đồng bộ, '.repeat(2) + 'OMEGA.';

function document(base: Document, fillers: number, heading = false): Document {
  const title: Block[] = heading ? [{ type: 'heading', level: 2, number: '4.', children: [{ type: 'text', text: 'Đề mục KHOẢN' }] }] : [];
  return { ...base, children: [...Array.from({ length: fillers }, (_, i) => para(`Dòng thứ ${i + 1}.`)), ...title, para(TWO_LINES), para('Kết thúc.')] };
}

const bare = (s: string): string => s.replace(/\s+/g, '');
const pageOf = (pages: { text: string }[], words: string): number => pages.findIndex((p) => bare(p.text).includes(bare(words))) + 1;

describe('widow and orphan control', async () => {
  const { doc, profile } = await sampleDocument();
  const off: Profile = { ...profile, body: { ...profile.body, widowControl: false } };
  // Find the number of one-line paragraphs before it that makes an uncontrolled break split it 1 + 1.
  let fillers = 0;
  for (let n = 20; n < 45 && fillers === 0; n++) {
    const pages = (await readPdf(await renderPdf(layoutDocument(document(doc, n), off), { creator: CREATOR }))).pages;
    if (pageOf(pages, 'ALPHA') === 1 && pageOf(pages, 'OMEGA') === 2) fillers = n;
  }

  it('finds a page break that would split the paragraph 1 + 1 without it', () => {
    expect(fillers).toBeGreaterThan(0);
  });

  it('moves the whole paragraph to the next page in the PDF', async () => {
    const pages = (await readPdf(await renderPdf(layoutDocument(document(doc, fillers), profile), { creator: CREATOR }))).pages;
    expect([pageOf(pages, 'ALPHA'), pageOf(pages, 'OMEGA')]).toEqual([2, 2]);
    // The paragraph before it still ends page 1: nothing else moved.
    expect(pageOf(pages, `Dòng thứ ${fillers}.`)).toBe(1);
  });

  it('takes the heading above the paragraph along', async () => {
    let n = 0;
    for (let k = fillers - 3; k <= fillers && n === 0; k++) {
      const pages = (await readPdf(await renderPdf(layoutDocument(document(doc, k, true), off), { creator: CREATOR }))).pages;
      if (pageOf(pages, 'KHOẢN') === 1 && pageOf(pages, 'ALPHA') === 1 && pageOf(pages, 'OMEGA') === 2) n = k;
    }
    expect(n).toBeGreaterThan(0);
    const pages = (await readPdf(await renderPdf(layoutDocument(document(doc, n, true), profile), { creator: CREATOR }))).pages;
    expect([pageOf(pages, 'KHOẢN'), pageOf(pages, 'ALPHA'), pageOf(pages, 'OMEGA')]).toEqual([2, 2, 2]);
    expect(pageOf(pages, `Dòng thứ ${n}.`)).toBe(1);
  });

  const missing = requireTools('test/pdf/widow');
  it.skipIf(missing.length > 0)('and LibreOffice breaks the DOCX at the same place', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-widow-'));
    try {
      writeFileSync(path.join(dir, 'widow.docx'), await renderDocx(layoutDocument(document(doc, fillers), profile), { creator: CREATOR }));
      const lo = convertToPdf(dir, 'widow', fontconfigWithout(profile.fontFamily, dir).file);
      const pages = [pageText(lo, 1), pageText(lo, 2)].map((text) => ({ text }));
      expect(pageOf(pages, `Dòng thứ ${fillers}.`)).toBe(1);
      expect([pageOf(pages, 'ALPHA'), pageOf(pages, 'OMEGA')]).toEqual([2, 2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
