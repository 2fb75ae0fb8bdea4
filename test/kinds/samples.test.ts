import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listKinds } from '../../src/model/index.js';
import { getProfile } from '../../src/profile/index.js';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import type { TextStyle } from '../../src/profile/index.js';
import { lineWith, lines, readPdf } from '../support/pdf.js';

// Every built-in kind's sample, read back from both formats: each frame element where the profile
// says, in its size and face. A new kind gets these checks by adding its folder and sample.
const face = (s: TextStyle) => `Tinos${s.bold && s.italic ? '-BoldItalic' : s.bold ? '-Bold' : s.italic ? '-Italic' : ''}`;

describe.each(listKinds().map((k) => [k.id, k] as const))('the sample of kind %s', (_id, kind) => {
  it('validates and shows every frame element in the PDF with its size and face, and in the DOCX', async () => {
    const r = await loadReport(kind.sample);
    expect(r.ok, JSON.stringify(!r.ok && r.problems)).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    const doc = buildDocument(r.kind, r.report);
    const p = getProfile(kind.profile);
    const f = doc.frame;
    const pdf = await readPdf(await renderDocument(doc, 'pdf', kind.profile, { pdfa: 'none' }));
    const first = pdf.pages[0]!;
    const last = pdf.pages[pdf.pages.length - 1]!;
    const expectLine = (page: typeof first, text: string, s: TextStyle) => {
      const l = lineWith(page, text);
      expect(l.text, text).toBe(text);
      expect(l.size, text).toBeCloseTo(s.size, 1);
      expect(l.fonts, text).toEqual([face(s)]);
    };
    // "Số" and the date share a baseline; where pdfjs bridges the gap between the header columns
    // with a space item the line reader joins them, so read each in its own column.
    const split = (p.page.margin.left + p.header.offset + p.header.columns[0]) * (72 / 25.4);
    const expectCell = (text: string, s: TextStyle, column: 0 | 1) => {
      const items = lineWith(first, text).items.filter((i) => (column === 0 ? i.x < split : i.x >= split));
      expect(items.map((i) => i.str).join('').replace(/\s+/g, ' ').trim(), text).toBe(text);
      const inked = items.filter((i) => i.str.trim() !== '');
      expect(Math.max(...inked.map((i) => i.size)), text).toBeCloseTo(s.size, 1);
      expect([...new Set(inked.map((i) => i.font))], text).toEqual([face(s)]);
    };
    for (const l of f.parentAgency) expectLine(first, l, p.header.parentAgency);
    for (const l of f.issuingAgency) expectLine(first, l, p.header.issuingAgency);
    if (p.header.agencyMark.type === 'star') expectLine(first, f.agencyMark!, p.header.agencyMark.style);
    else expect(f.agencyMark).toBeUndefined();
    expectLine(first, f.nationalTitle, p.header.nationalTitle);
    // A Party title has no motto (HD 36); a state one always has it.
    if (p.conventions === 'party') expect(f.motto).toBe('');
    else expectLine(first, f.motto, p.header.motto);
    expectCell(f.numberLine.replace(/\s+/g, ' '), p.header.number, 0);
    expectCell(f.placeDate, p.header.placeDate, 1);
    expectLine(first, f.typeName, p.title.typeName);
    for (const l of f.summary) expectLine(first, l, p.title.summary);
    if (p.title.summaryMark.type === 'dashes') expectLine(first, f.summaryMark!, p.title.summaryMark.style);
    else expect(f.summaryMark).toBeUndefined();
    expectLine(last, f.recipientsLabel, p.signature.recipientsLabel);
    for (const l of f.signatureLines) expectLine(last, l.text, { ...p.signature.authority, bold: l.bold });
    if (f.signerName) expectLine(last, f.signerName, p.signature.name);
    // The recipients column alone (left of the signature), wrapped lines joined with a space.
    const leftEdge = (p.page.margin.left + p.signature.columns[0]) * (72 / 25.4);
    const column = lines(last).filter((l) => l.x < leftEdge && l.size === p.signature.recipient.size).map((l) => l.text).join(' ');
    for (const rec of f.recipients) expect(column, rec).toContain(rec);

    const xml = strFromU8(unzipSync(new Uint8Array(await renderDocument(doc, 'docx', kind.profile)))['word/document.xml']!);
    const run = (text: string, s: TextStyle) => {
      const esc = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&amp;');
      const m = new RegExp(`<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t(?: xml:space="preserve")?>${esc}</w:t></w:r>`).exec(xml);
      expect(m, text).not.toBeNull();
      const rPr = m![1] ?? '';
      expect(rPr, text).toContain(`<w:sz w:val="${s.size * 2}"/>`);
      expect(/<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(rPr), `${text} bold`).toBe(s.bold);
      expect(/<w:i\/>|<w:i w:val="(true|1|on)"\/>/.test(rPr), `${text} italic`).toBe(s.italic);
      expect(/<w:u /.test(rPr), `${text} underline`).toBe(!!s.underline);
    };
    run(f.nationalTitle, p.header.nationalTitle);
    if (f.motto) run(f.motto, p.header.motto);
    run(f.placeDate, p.header.placeDate);
    run(f.typeName, p.title.typeName);
    run(f.recipientsLabel, p.signature.recipientsLabel);
    for (const l of f.issuingAgency) run(l, p.header.issuingAgency);
  });
});
