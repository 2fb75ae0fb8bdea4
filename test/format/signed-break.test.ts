import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedChange } from '../../src/format/index.js';
import { registerKindDir } from '../../src/model/index.js';
import { buildDocument, loadReportText, renderDocument } from '../../src/pipeline/index.js';
import { lines, readPdf } from '../support/pdf.js';

// The bulletin's bracket "(- 3 vụ; - 25,0%)" (issue #14 §1): the minus is followed by a space, as
// bulletins print it, and a line must never end on that minus, leaving its figure on the next line.
// The space is a no-break space (U+00A0), so the PDF and the DOCX keep the sign with its figure.

const NBSP = '\u00a0';
let dir = '';
let kindDir = '';

// Leads of every length from a few words to a full line, in steps smaller than the bracket's parts,
// so the bracket falls at the end of a line in each possible place.
const LEADS = Array.from({ length: 26 }, (_, k) => Array.from({ length: 4 }, (_, j) => `Nội dung ${'chữ '.repeat(k)}${'x'.repeat(j)}`)).flat();

const data = `kind: dau-tru
frame:
  issuingAgency: Công an xã Hòa Bình
  symbol: BC-CAX
  place: Hòa Bình
  date: 2024-04-02
  summary: Tình hình an ninh, trật tự tháng 3 năm 2024
  signer: { position: Trưởng Công an xã, name: Lê Văn An }
  recipients: [Công an huyện]
  archive: [VT]
cases: { value: 9, previous: 12 }
leads:
${LEADS.map((l) => `  - ${l}`).join('\n')}
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'baocao-signed-'));
  kindDir = path.join(dir, 'dau-tru');
  mkdirSync(kindDir);
  writeFileSync(path.join(kindDir, 'kind.yaml'), `id: dau-tru
title: Bản tin thử dấu trừ
type: { name: Báo cáo, abbreviation: BC }
sample: mau.yaml
fileStem: dau-tru
fields:
  leads: { type: list, items: prose, description: Các câu dẫn }
  cases: { type: quantity, unit: vụ, description: Số vụ }
`);
  writeFileSync(path.join(kindDir, 'mau.yaml'), data);
  writeFileSync(path.join(kindDir, 'body.hbs'), '{{#each leads}}<p>{{this}} {{signed ../cases}}</p>{{/each}}\n');
  registerKindDir(kindDir);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});


describe('the signed bracket keeps its minus with the figure', () => {
  it('words a no-break space after the minus, a plain one elsewhere', () => {
    expect(signedChange(9, 12, { unit: 'vụ' })).toBe(`(-${NBSP}3 vụ; -${NBSP}25,0%)`);
    expect(signedChange(12, 10, { unit: 'vụ' })).toBe('(+2 vụ; +20,0%)');
  });

  it('never ends a PDF line on the minus, and the DOCX holds the no-break space', async () => {
    const r = loadReportText(data, path.join(dir, 'data.yaml'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const doc = buildDocument(r.kind, r.report);
    const pdf = await readPdf(await renderDocument(doc, 'pdf', r.kind.profile, { pdfa: 'none' }));
    const all = pdf.pages.flatMap((p) => lines(p).map((l) => l.text));
    // The bracket falls at a line's end somewhere (else this test proves nothing) …
    expect(all.filter((l) => l.includes('(-') && !l.includes('%)')).length).toBeGreaterThan(5);
    // … and never right after a minus.
    expect(all.filter((l) => /(^|[\s(])-$/u.test(l))).toEqual([]);
    const xml = strFromU8(unzipSync(await renderDocument(doc, 'docx', r.kind.profile))['word/document.xml']!);
    expect(xml).toContain(`(-${NBSP}3 vụ; -${NBSP}25,0%)`);
    expect(xml).not.toContain('(- 3');
  });
});
