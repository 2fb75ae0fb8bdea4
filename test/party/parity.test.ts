import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { convertToPdf, pageText, pages, requireTools } from '../support/libreoffice.js';

// The Party directive's DOCX through LibreOffice: same pages, same text as the pdfmake PDF (the
// embedded-font control lives in test/docx/parity.test.ts; this checks the Party frame's layout).

const missing = requireTools('test/party/parity', ['soffice', 'pdftotext', 'pdfinfo']);

describe.skipIf(missing.length > 0)('the directive DOCX through LibreOffice', () => {
  let dir = '';
  const out = { pdf: '', lo: '' };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-party-parity-'));
    const r = await loadReport('data/nghi-son-chi-thi-tet-2021.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const doc = buildDocument(r.kind, r.report);
    out.pdf = path.join(dir, 'pdfmake.pdf');
    writeFileSync(out.pdf, await renderDocument(doc, 'pdf', 'dang'));
    writeFileSync(path.join(dir, 'chi-thi.docx'), await renderDocument(doc, 'docx', 'dang'));
    out.lo = convertToPdf(dir, 'chi-thi');
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has the same page count and the same text on every page', () => {
    const n = pages(out.pdf);
    expect(pages(out.lo)).toBe(n);
    for (let p = 1; p <= n; p++) expect(pageText(out.lo, p), `page ${p}`).toBe(pageText(out.pdf, p));
    // pdftotext takes the last "-" of "-----" for a hyphen and joins the next line: look for four.
    for (const t of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'THỊ ỦY NGHI SƠN', '-CT/TU', 'CHỈ THỊ', '----']) expect(pageText(out.lo, 1)).toContain(t);
    for (const t of ['Nơi nhận:', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', '- Lưu Văn phòng Thị ủy.']) expect(pageText(out.lo, n)).toContain(t);
  });
});
