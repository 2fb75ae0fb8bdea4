import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Document } from '../document/types.js';
import { fullDate } from '../format/index.js';
import type { PdfA } from '../render/pdf/archive.js';

/**
 * An e-mail draft (.eml) carrying the rendered files: composed by nodemailer's MailComposer
 * (builds MIME, never sends), with everything that would vary between runs fixed from the content:
 * the Date is the document's creation date, the Message-ID and the MIME boundaries come from a hash
 * of subject, body and attachments. Attachment names are the human, Vietnamese ones (RFC 2231
 * parameters, plus RFC 2047 in Content-Type's name for old clients); files on disk keep ASCII names.
 */

export interface EmlAttachment {
  /** Human file name with diacritics, e.g. "Báo cáo 2020-12-09 BC-UBND.pdf". */
  filename: string;
  bytes: Uint8Array;
  contentType: string;
}

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** "BÁO CÁO" → "Báo cáo". */
export function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** Number and symbol from the document's facts: "05/BC-UBND", "12-CT/TU", or "/BC-UBND" in a draft. */
export function numberSymbol(doc: Document): string {
  return doc.facts.numberSymbol;
}

/** "Báo cáo số 05/BC-UBND: Tổng kết công tác …". */
export function emlSubject(doc: Document): string {
  return `${sentenceCase(doc.facts.typeName)} số ${numberSymbol(doc)}: ${oneLine(doc.facts.summary)}`;
}

/**
 * The attachment's human name without extension: type, date, number and symbol
 * ("Báo cáo 2020-12-09 BC-UBND", "Báo cáo 2020-12-09 05-BC-UBND"; "dự thảo" without a date).
 */
export function humanStem(doc: Document, date: string | null): string {
  const ns = numberSymbol(doc).replace(/^\//, '').replace(/\//g, '-');
  return `${sentenceCase(doc.facts.typeName)} ${date ?? 'dự thảo'} ${ns}`.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim();
}

/** A short Vietnamese body naming the document and what each attachment is for. */
export function emlBody(doc: Document, attachments: EmlAttachment[], pdfa: PdfA): string {
  const f = doc.facts;
  const dateWords = f.date ? ` ${fullDate(f.date)}` : '';
  const to = doc.frame.addressees.length > 0 ? doc.frame.addressees.join('; ') : 'Các cơ quan, đơn vị nhận văn bản';
  const purpose = (a: EmlAttachment): string => {
    if (a.contentType === CONTENT_TYPES.pdf) {
      return pdfa === '3b' ? 'bản PDF/A-3 để in và lưu trữ, có kèm tệp số liệu nguồn'
        : pdfa === '2b' ? 'bản PDF/A-2 để in và lưu trữ' : 'bản PDF để in';
    }
    return a.contentType === CONTENT_TYPES.docx ? 'bản Word (DOCX) để chỉnh sửa' : 'tệp đính kèm';
  };
  return [
    `Kính gửi: ${to}.`,
    '',
    `${f.issuingAgency} gửi ${sentenceCase(f.typeName)} số ${numberSymbol(doc)}${dateWords}: ${oneLine(f.summary)}.`,
    '',
    'Tệp đính kèm:',
    ...attachments.map((a, i) => `- ${a.filename}: ${purpose(a)}${i === attachments.length - 1 ? '.' : ';'}`),
    '',
    'Trân trọng./.',
    '',
  ].join('\r\n');
}

/** The .eml bytes: the same document and attachments always give the same bytes. */
export async function buildEml(doc: Document, attachments: EmlAttachment[], pdfa: PdfA): Promise<Buffer> {
  const subject = emlSubject(doc);
  const text = emlBody(doc, attachments, pdfa);
  const hash = createHash('sha256').update('baocao eml\0').update(subject).update('\0').update(text);
  for (const a of attachments) hash.update('\0').update(a.filename).update('\0').update(a.bytes);
  const digest = hash.digest('hex');
  const composer = new MailComposer({
    subject,
    text,
    date: doc.meta.creationDate,
    messageId: `<${digest.slice(0, 32)}@baocao.invalid>`,
    baseBoundary: digest.slice(32, 48),
    // A draft for the clerk's mail program: no sender or recipients of ours; Outlook opens an
    // X-Unsent message ready to send, others open it as a message to forward.
    headers: { 'X-Unsent': '1', 'Content-Language': 'vi' },
    disableFileAccess: true,
    disableUrlAccess: true,
    attachments: attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.bytes), contentType: a.contentType })),
  });
  return composer.compile().build();
}

/** The draft for rendered files: each attached under the document's human name and its format. */
export function emlForOutputs(doc: Document, date: string | null, files: { format: keyof typeof CONTENT_TYPES; bytes: Uint8Array }[], pdfa: PdfA): Promise<Buffer> {
  const stem = humanStem(doc, date);
  return buildEml(doc, files.map((f) => ({ filename: `${stem}.${f.format}`, bytes: f.bytes, contentType: CONTENT_TYPES[f.format] })), pdfa);
}
