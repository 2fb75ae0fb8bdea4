import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, cli, tmp } from './helpers.js';

// The e-mail draft as a mail program reads it: parsed by mailparser, attachments compared with
// the files on disk byte for byte.

const STEM = '2020-12-09_BC-UBND_nghi-son_qp-an-2020';
const out = tmp();
let raw: Buffer;

beforeAll(() => {
  const r = cli(['render', SAMPLE, '--out', out, '--eml']);
  if (r.code !== 0) throw new Error(r.stderr);
  raw = readFileSync(path.join(out, `${STEM}.eml`));
});

describe('baocao render --eml', () => {
  it('writes <name>.eml beside the PDF and DOCX, whose names on disk stay ASCII', () => {
    expect(readdirSync(out).sort()).toEqual([`${STEM}.docx`, `${STEM}.eml`, `${STEM}.pdf`]);
  });

  it('has a subject from the document, its date and a content-derived Message-ID', async () => {
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Báo cáo số /BC-UBND: Tổng kết công tác quốc phòng - an ninh năm 2020, phương hướng, nhiệm vụ năm 2021');
    expect(mail.date?.toISOString()).toBe('2020-12-08T17:00:00.000Z');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@baocao\.invalid>$/);
    expect(mail.headers.get('x-unsent')).toBe('1');
    // No random boundary: it comes from the same hash.
    expect(raw.toString('latin1')).toMatch(/boundary="--_NmP-[0-9a-f]{16}-Part_1"/);
  });

  it('says in Vietnamese what it carries', async () => {
    const mail = await simpleParser(raw);
    expect(mail.text).toContain('Ủy ban nhân dân thị xã Nghi Sơn gửi Báo cáo số /BC-UBND ngày 09 tháng 12 năm 2020: Tổng kết công tác quốc phòng');
    expect(mail.text).toContain('- Báo cáo 2020-12-09 BC-UBND.pdf: bản PDF/A-3 để in và lưu trữ, có kèm tệp số liệu nguồn;');
    expect(mail.text).toContain('- Báo cáo 2020-12-09 BC-UBND.docx: bản Word (DOCX) để chỉnh sửa.');
  });

  it('attaches the PDF and the DOCX under Vietnamese names (RFC 2231), byte-identical to the files', async () => {
    const mail = await simpleParser(raw);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Báo cáo 2020-12-09 BC-UBND.pdf', 'application/pdf'],
      ['Báo cáo 2020-12-09 BC-UBND.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    expect(mail.attachments[0]!.content.equals(readFileSync(path.join(out, `${STEM}.pdf`)))).toBe(true);
    expect(mail.attachments[1]!.content.equals(readFileSync(path.join(out, `${STEM}.docx`)))).toBe(true);
    const text = raw.toString('latin1');
    expect(text).toContain("filename*0*=utf-8''B%C3%A1o%20c%C3%A1o%202020-12-09%20BC-UBND");
    // Every line fits the 998-octet limit of RFC 5322, the whole message is 7-bit.
    expect(text.split('\r\n').every((l) => l.length <= 998)).toBe(true);
    expect([...raw].every((b) => b < 0x80)).toBe(true);
  });

  it('follows --pdfa: a PDF/A-2b draft says the PDF carries no data', async () => {
    const dir = tmp();
    expect(cli(['render', SAMPLE, '--out', dir, '--eml', '--pdfa', '2b']).code).toBe(0);
    const mail = await simpleParser(readFileSync(path.join(dir, `${STEM}.eml`)));
    expect(mail.text).toContain('- Báo cáo 2020-12-09 BC-UBND.pdf: bản PDF/A-2 để in và lưu trữ;');
    expect(mail.attachments[0]!.content.equals(readFileSync(path.join(dir, `${STEM}.pdf`)))).toBe(true);
  });

  it('with --format pdf attaches only the PDF', async () => {
    const dir = tmp();
    expect(cli(['render', SAMPLE, '--out', dir, '--eml', '--format', 'pdf']).code).toBe(0);
    const mail = await simpleParser(readFileSync(path.join(dir, `${STEM}.eml`)));
    expect(mail.attachments.map((a) => a.filename)).toEqual(['Báo cáo 2020-12-09 BC-UBND.pdf']);
  });
});
