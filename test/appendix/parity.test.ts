import { layoutDocument } from '../../src/layout/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATOR } from '../../src/pipeline/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { sampleDocument } from '../docx/helpers.js';
import { convertToPdf, fontconfigWithout, pageSizes, pageText, pages, requireTools } from '../support/libreoffice.js';
import { appendixDocument } from './helpers.js';

/**
 * The full sample followed by both test appendices (the landscape one with a 200-row table):
 * LibreOffice's conversion of the DOCX must have the pdfmake PDF's pages, page sizes and text,
 * page numbers included. As test/docx/parity.test.ts: skipped visibly without the tools, a
 * failure in CI; the family installed system-wide is hidden so only the embedded fonts count.
 */

const missing = requireTools('test/appendix/parity', ['soffice', 'pdftotext', 'pdfinfo']);

describe.skipIf(missing.length > 0)('a document with appendices through LibreOffice matches the PDF', () => {
  let dir = '';
  const out = { pdf: '', lo: '' };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-appendix-parity-'));
    const sample = await sampleDocument();
    const { doc: withAppendices } = await appendixDocument();
    const doc = { ...sample.doc, appendices: withAppendices.appendices };
    out.pdf = path.join(dir, 'pdfmake.pdf');
    writeFileSync(out.pdf, await renderPdf(layoutDocument(doc, sample.profile), { creator: CREATOR }));
    writeFileSync(path.join(dir, 'appendices.docx'), await renderDocx(layoutDocument(doc, sample.profile), { creator: CREATOR }));
    out.lo = convertToPdf(dir, 'appendices', fontconfigWithout(sample.profile.fontFamily, dir).file);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has the same pages, portrait and landscape, in the same order', () => {
    const sizes = pageSizes(out.pdf);
    expect(sizes.filter((s) => s === '842x595').length).toBeGreaterThan(5);
    expect(pageSizes(out.lo)).toEqual(sizes);
  });

  it('has the same text on every page, page numbers included', () => {
    const n = pageSizes(out.pdf).length;
    for (let p = 1; p <= n; p++) expect(pageText(out.lo, p), `page ${p}`).toBe(pageText(out.pdf, p));
  });
});
