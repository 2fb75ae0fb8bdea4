import { layoutDocument } from '../../src/layout/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATOR } from '../../src/pipeline/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { convertToPdf, fcMatch, fontconfigWithoutFamilies, pageLines, pages, pdfFonts, requireTools } from '../support/libreoffice.js';
import { sampleDocument } from './helpers.js';

/**
 * Issue #12 item 10: the DOCX names Times New Roman (what offices and reviewers expect, what Word
 * on Windows has installed) and carries the metric-compatible Tinos faces under that name, so an
 * application without Times New Roman still lays out the PDF's lines. The PDF keeps Tinos.
 */

const TNR = 'Times New Roman';
/** Times New Roman, the embedded family and every metric alias fontconfig might put in their place. */
const HIDDEN = [TNR, 'Tinos', 'Liberation Serif', 'Thorndale', 'Thorndale AMT', 'Nimbus Roman', 'Nimbus Roman No9 L', 'TeX Gyre Termes', 'Times'];

let docx: Buffer;
let pdf: Buffer;

beforeAll(async () => {
  const { doc, profile } = await sampleDocument();
  docx = await renderDocx(layoutDocument(doc, profile), { creator: CREATOR });
  pdf = await renderPdf(layoutDocument(doc, profile), { creator: CREATOR });
}, 60_000);

const part = (name: string): string => strFromU8(unzipSync(docx)[name]!);

describe('the DOCX names Times New Roman, with Tinos embedded under it', () => {
  it('styles give Times New Roman for every script, and no run names another font', () => {
    expect(part('word/styles.xml').match(/<w:rFonts [^>]*\/>/g)).toEqual([
      `<w:rFonts w:ascii="${TNR}" w:cs="${TNR}" w:eastAsia="${TNR}" w:hAnsi="${TNR}"/>`,
    ]);
    const runFonts = part('word/document.xml').match(/<w:rFonts [^>]*\/>/g) ?? [];
    for (const r of runFonts) expect(r).not.toMatch(/"(?!Times New Roman")[^"]+"/);
    expect(part('word/document.xml') + part('word/styles.xml')).not.toContain('Tinos');
  });

  it('the font table has one entry, Times New Roman: altName Tinos, its panose, roman, and the four faces', () => {
    const table = part('word/fontTable.xml');
    const entries = [...table.matchAll(/<w:font w:name="([^"]+)">(.*?)<\/w:font>/g)];
    expect(entries.map((e) => e[1])).toEqual([TNR]);
    const body = entries[0]![2]!;
    expect(body).toMatch(
      /^<w:altName w:val="Tinos"\/><w:panose1 w:val="02020603050405020304"\/><w:charset w:val="00"\/><w:family w:val="roman"\/><w:pitch w:val="variable"\/>/,
    );
    expect([...body.matchAll(/<w:(embed[A-Za-z]+) r:id=/g)].map((m) => m[1])).toEqual(['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic']);
  });
});

const missing = requireTools('test/docx/font-name', ['soffice', 'pdftotext', 'pdffonts', 'pdfinfo', 'fc-match', 'fc-list']);

describe.skipIf(missing.length > 0)('LibreOffice with neither Times New Roman nor Tinos installed', () => {
  let dir = '';
  const out = { pdf: '', lo: '', loBare: '', fontconfig: '' };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-fontname-'));
    out.pdf = path.join(dir, 'pdfmake.pdf');
    writeFileSync(out.pdf, pdf);
    writeFileSync(path.join(dir, 'sample.docx'), docx);
    // Control: the same DOCX without its embedded faces.
    const files = unzipSync(docx);
    files['word/fontTable.xml'] = strToU8(strFromU8(files['word/fontTable.xml']!).replace(/<w:embed[A-Za-z]+ [^>]*\/>/g, ''));
    writeFileSync(path.join(dir, 'bare.docx'), zipSync(files));
    out.fontconfig = fontconfigWithoutFamilies(HIDDEN, dir).file;
    out.lo = convertToPdf(dir, 'sample', out.fontconfig);
    out.loBare = convertToPdf(dir, 'bare', out.fontconfig);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fontconfig there has no Times New Roman nor any metric alias of it', () => {
    expect(HIDDEN).not.toContain(fcMatch(TNR, out.fontconfig).split(',')[0]);
  });

  it('lays the document out in the embedded Tinos faces, not a substitute', () => {
    const seen = pdfFonts(out.lo);
    expect(seen).toEqual(['Tinos', 'Tinos-Bold', 'Tinos-BoldItalic', 'Tinos-Italic']);
  });

  it('without the embedded faces it falls to another font (the check above is real)', () => {
    expect(pdfFonts(out.loBare).some((f) => f.startsWith('Tinos'))).toBe(false);
  });

  it('gives the same pages and the same lines on every page as the PDF', () => {
    const n = pages(out.pdf);
    expect(pages(out.lo)).toBe(n);
    for (let p = 1; p <= n; p++) expect(pageLines(out.lo, p), `page ${p}`).toEqual(pageLines(out.pdf, p));
  });
});
