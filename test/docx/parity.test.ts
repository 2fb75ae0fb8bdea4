import { layoutDocument } from '../../src/layout/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATOR } from '../../src/pipeline/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { convertToPdf, fontconfigWithout, pageText, pages, pdfFonts, requireTools } from '../support/libreoffice.js';
import { sampleDocument } from './helpers.js';

/**
 * Parity checked by a real word processor: LibreOffice converts the DOCX to PDF, and that PDF must
 * use the embedded family and carry the same text on the same pages as the pdfmake PDF.
 * System copies of the family are hidden from LibreOffice (a fontconfig file that rejects them),
 * so only the fonts embedded in the DOCX can make the check pass.
 */

const missing = requireTools('test/docx/parity');

describe.skipIf(missing.length > 0)('DOCX through LibreOffice matches the PDF', () => {
  let dir = '';
  let family = '';
  let rejected: string[] = [];
  const out = { pdf: '', lo: '', loBare: '' };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-parity-'));
    const { doc, profile } = await sampleDocument();
    family = profile.fontFamily;
    const docx = await renderDocx(layoutDocument(doc, profile), { creator: CREATOR });
    out.pdf = path.join(dir, 'pdfmake.pdf');
    writeFileSync(out.pdf, await renderPdf(layoutDocument(doc, profile), { creator: CREATOR }));
    writeFileSync(path.join(dir, 'sample.docx'), docx);
    // Control: the same DOCX without its w:embedXxx entries must fall back to another font.
    const files = unzipSync(docx);
    files['word/fontTable.xml'] = strToU8(strFromU8(files['word/fontTable.xml']!).replace(/<w:embed[A-Za-z]+ [^>]*\/>/g, ''));
    writeFileSync(path.join(dir, 'bare.docx'), zipSync(files));

    const fc = fontconfigWithout(family, dir);
    rejected = fc.rejected;
    if (rejected.length > 0) {
      console.warn(`[test/docx/parity] ${family} is installed system-wide (${rejected.join(', ')}); hidden from LibreOffice for this test.`);
    }
    // One LibreOffice run per file, each with a fresh profile: fonts embedded in one document stay
    // registered for the rest of a run and would mask the control.
    out.lo = convertToPdf(dir, 'sample', fc.file);
    out.loBare = convertToPdf(dir, 'bare', fc.file);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('LibreOffice lays the DOCX out in the embedded family, all four faces', () => {
    const seen = pdfFonts(out.lo);
    expect(seen).toEqual([family, `${family}-Bold`, `${family}-BoldItalic`, `${family}-Italic`].sort());
    expect(seen.join(' ')).not.toMatch(/DejaVu|Liberation/);
  });

  it('without the embedded fonts it would not (the check above is real)', () => {
    expect(pdfFonts(out.loBare).some((f) => f.startsWith(family))).toBe(false);
  });

  it('has the same page count as the pdfmake PDF', () => {
    expect(pages(out.lo)).toBe(pages(out.pdf));
  });

  it('has the same text on every page', () => {
    const n = pages(out.pdf);
    for (let p = 1; p <= n; p++) expect(pageText(out.lo, p), `page ${p}`).toBe(pageText(out.pdf, p));
  });
});
