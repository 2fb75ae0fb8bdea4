import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { renderData, renderFile } from '../../src/index.js';
import { parse } from 'yaml';
import { readPdf } from '../support/pdf.js';

// The effective profile decides the conventions everywhere at once: what the page prints, the
// file's metadata and the e-mail draft all say the same number and symbol, read from the
// document's facts, never re-parsed from a printed line.

describe('a state report rendered with the Party profile', () => {
  it('prints "Số 07-BC/UBND" and says the same in the PDF subject and the e-mail', async () => {
    const r = await renderFile('test/fixtures/data/song-lam-2021.yaml', { profile: 'dang', formats: ['pdf'], eml: true });
    const pdf = await readPdf(r.outputs.pdf!);
    expect(pdf.pages[0]!.items.map((i) => i.str).join('')).toContain('Số 07-BC/UBND');
    expect(pdf.info.Subject).toBe('Báo cáo số 07-BC/UBND');
    const mail = await simpleParser(r.eml!);
    expect(mail.subject).toMatch(/^Báo cáo số 07-BC\/UBND: /);
  });
});

describe('a Party directive', () => {
  const data = parse(readFileSync('data/nghi-son-chi-thi-tet-2021.yaml', 'utf8')) as { frame: Record<string, unknown> };
  data.frame.number = 12;

  it('words its e-mail "Chỉ thị số 12-CT/TU", as its page prints it', async () => {
    const r = await renderData(data, { formats: ['pdf'], eml: true });
    const mail = await simpleParser(r.eml!);
    expect(mail.subject).toMatch(/^Chỉ thị số 12-CT\/TU: /);
    expect(mail.text).toContain('gửi Chỉ thị số 12-CT/TU');
    expect(mail.text).not.toMatch(/số Số/);
  });

  it('keeps the state conventions when rendered with nd30: "Số: 12/CT-TU" on the page and in the subject', async () => {
    const r = await renderData(data, { profile: 'nd30', formats: ['pdf'], eml: true });
    const pdf = await readPdf(r.outputs.pdf!);
    expect(pdf.pages[0]!.items.map((i) => i.str).join('')).toContain('Số: 12/CT-TU');
    expect(pdf.info.Subject).toBe('Chỉ thị số 12/CT-TU');
    expect((await simpleParser(r.eml!)).subject).toMatch(/^Chỉ thị số 12\/CT-TU: /);
  });
});
