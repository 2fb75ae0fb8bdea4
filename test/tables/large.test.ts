import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document, Table, TableCell, TableRow } from '../../src/document/types.js';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { lines, readPdf } from '../support/pdf.js';
import type { PdfInfo } from '../support/pdf.js';

// A 1,000-row table: every row must reach the page, headers repeat, merged cells survive breaks.
const ROWS = 1000;
const cell = (text: string, extra: Partial<TableCell> = {}): TableCell => ({
  type: 'tableCell', children: [{ type: 'text', text }], colSpan: 1, rowSpan: 1, align: 'left', header: false, ...extra,
});
const row = (...children: TableCell[]): TableRow => ({ type: 'tableRow', children });
const name = (i: number) => `Xã số ${String(i).padStart(4, '0')}`;

function bigTable(): Table {
  const head: TableRow[] = [
    row(cell('TT', { rowSpan: 2, header: true, align: 'center' }), cell('Đơn vị', { rowSpan: 2, header: true, align: 'center' }), cell('Số tổ tự quản', { colSpan: 2, header: true, align: 'center' })),
    row(cell('Năm 2019', { header: true, align: 'center' }), cell('Năm 2020', { header: true, align: 'center' })),
  ];
  const body: TableRow[] = [];
  for (let i = 1; i <= ROWS; i++) {
    if (i === 500) {
      // A unit spanning two rows, near the middle: the merge must survive wherever the page breaks.
      body.push(row(cell(String(i)), cell(`${name(i)} (gộp hai dòng)`, { rowSpan: 2 }), cell(String(i % 17)), cell(String(i % 19))));
      continue;
    }
    if (i === 501) {
      body.push(row(cell(String(i)), cell(String(i % 17)), cell(String(i % 19))));
      continue;
    }
    const text = i === 777 ? `${name(i)} ${'rất dài '.repeat(900)}hết.` : name(i);
    body.push(row(cell(String(i)), cell(text), cell(String(i % 17), { align: 'right' }), cell(String(i % 19), { align: 'right' })));
  }
  return { type: 'table', columns: 4, widths: [1, 5, 2, 2], headerRows: 2, children: [...head, ...body] };
}

let doc: Document;
let pdf: PdfInfo;
let docx: string;

beforeAll(async () => {
  const r = await loadReport('data/nghi-son-qp-an-2020.yaml');
  if (!r.ok) throw new Error('sample invalid');
  const base = buildDocument(r.kind, r.report);
  doc = { ...base, children: [base.children[0]!, bigTable(), ...base.children.slice(1)] };
  pdf = await readPdf(await renderDocument(doc, 'pdf', 'nd30'));
  docx = strFromU8(unzipSync(new Uint8Array(await renderDocument(doc, 'docx', 'nd30')))['word/document.xml']!);
}, 180_000);

describe('a 1,000-row table', () => {
  it('puts every row in the PDF, in order, the over-tall one included', () => {
    const text = pdf.pages.map((p) => lines(p).map((l) => l.text).join('\n')).join('\n');
    const found = [...text.matchAll(/Xã số (\d{4})/g)].map((m) => Number(m[1]));
    // Row 501 is the second row of the merged unit: it has no name of its own.
    const want = Array.from({ length: ROWS }, (_, i) => i + 1).filter((i) => i !== 501);
    expect(want.filter((i) => !found.includes(i))).toEqual([]);
    expect(found).toEqual(want);
    expect(text.replace(/\s+/g, ' ')).toContain('rất dài hết.');
    expect(pdf.pages.length).toBeGreaterThan(25);
  });

  it('repeats both header rows, with the merged header cell, on every page the table covers', () => {
    const tablePages = pdf.pages.filter((p) => lines(p).some((l) => /Xã số \d{4}/.test(l.text)));
    expect(tablePages.length).toBeGreaterThan(25);
    for (const p of tablePages.slice(1)) {
      const ls = lines(p).map((l) => l.text);
      // Some pages of the over-tall row carry no row start; all carry the header.
      expect(ls.some((l) => l.includes('Số tổ tự quản')), ls.slice(0, 4).join(' | ')).toBe(true);
      expect(ls.some((l) => l.includes('Năm 2019') && l.includes('Năm 2020'))).toBe(true);
    }
  });

  it('keeps the two-row merge in the PDF and the DOCX', () => {
    const text = pdf.pages.flatMap((p) => lines(p).map((l) => l.text)).join('\n');
    expect(text).toContain('Xã số 0500 (gộp hai dòng)');
    // Both rows of the merge carry their own numbers and figures.
    expect(text).toMatch(/^500\b/m);
    expect(text).toMatch(/^501\b/m);
    const rows = docx.match(/<w:tr[ >]/g) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(ROWS + 2);
    const headerRows = docx.match(/<w:tblHeader\/>|<w:tblHeader w:val="(?:1|true|on)"\/>/g) ?? [];
    expect(headerRows).toHaveLength(2);
    expect(docx).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(docx).toMatch(/<w:gridSpan w:val="2"\/>/);
  });
});
