import { documentNumber, headerDate, headerDateBlank, upperVi } from '../format/index.js';
import type { DocumentMeta, Frame, SignatureLine } from '../document/types.js';
import type { FrameData, Signer } from '../model/frame.js';
import type { KindDefinition, ReportBase } from '../model/kind.js';
import type { Profile, TextStyle } from '../profile/index.js';
import { agencyLines, balanceLines } from './lines.js';

/**
 * frame: the Report's metadata → the worded elements Decree 30 fixes around the body. All
 * wording and capitalisation happens here, so the PDF and DOCX renderers only lay strings out.
 */

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Width of a text in points in a frame element's style; supplied by the font registry. */
export type StyleMeasure = (text: string, style: TextStyle) => number;

const PT_PER_MM = 72 / 25.4;

export function buildFrame(kind: KindDefinition, frame: FrameData, profile: Profile, measure: StyleMeasure): Frame {
  const h = profile.header;
  const agencyWidth = h.columns[0] * PT_PER_MM;
  const textWidth = (profile.page.width - profile.page.margin.left - profile.page.margin.right) * PT_PER_MM;
  // Summaries wrap to balanced lines no wider than 90 % of the text width, like a typed title.
  const summaryWidth = textWidth * 0.9;
  return {
    parentAgency: frame.parentAgency
      ? agencyLines(upperVi(frame.parentAgency), agencyWidth, (t) => measure(t, h.parentAgency))
      : [],
    issuingAgency: agencyLines(upperVi(frame.issuingAgency), agencyWidth, (t) => measure(t, h.issuingAgency)),
    nationalTitle: NATIONAL_TITLE,
    motto: MOTTO,
    numberLine: documentNumber(frame.number ?? null, frame.symbol),
    placeDate: frame.date ? headerDate(frame.date, frame.place) : headerDateBlank(frame.place),
    typeName: upperVi(kind.typeName),
    summary: balanceLines(frame.summary, summaryWidth, (t) => measure(t, profile.title.summary)),
    addressees: frame.addressees ?? [],
    signatureLines: signatureLines(frame.signer),
    signerName: frame.signer.name ?? '',
    recipientsLabel: 'Nơi nhận:',
    recipients: recipientLines(frame.recipients, frame.archive),
  };
}

/** Decree 30 §8.1 stacks: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". */
export function signatureLines(s: Signer): SignatureLine[] {
  const lines: SignatureLine[] = [];
  const position = upperVi(s.position);
  if (s.authority === 'Q.') {
    lines.push({ text: `Q. ${position}`, bold: true });
    return lines;
  }
  if (s.authority && s.onBehalfOf) lines.push({ text: `${s.authority} ${upperVi(s.onBehalfOf)}`, bold: true });
  if (s.deputyFor) lines.push({ text: `KT. ${upperVi(s.deputyFor)}`, bold: true });
  lines.push({ text: position, bold: true });
  return lines;
}

/** "- X;" for each recipient, then "- Lưu: VT, …." (Decree 30 §9). */
export function recipientLines(recipients: string[], archive: string[]): string[] {
  const strip = (s: string) => s.replace(/^[-–—•]\s*/u, '').replace(/[\s.;,]+$/u, '');
  return [...recipients.map((r) => `- ${strip(r)};`), `- Lưu: ${archive.map(strip).join(', ')}.`];
}

/** PDF info / DOCX core properties. The creation date is the document's date, so bytes repeat. */
export function buildMeta(kind: KindDefinition, report: ReportBase): DocumentMeta {
  const f = report.frame;
  // "Báo cáo số 05/BC-UBND"; not yet numbered: "Báo cáo /BC-UBND (dự thảo)".
  const number = documentNumber(f.number ?? null, f.symbol).replace(/^Số:\s*/u, '');
  return {
    title: f.summary,
    subject: f.number ? `${kind.typeName} số ${number}` : `${kind.typeName} ${number} (dự thảo)`,
    author: f.issuingAgency,
    keywords: kind.keywords(report),
    language: 'vi-VN',
    creationDate: creationDate(f.date),
  };
}

/** Midnight in Vietnam (UTC+7) on the document's date; SOURCE_DATE_EPOCH or 1980-01-01 for an undated draft. */
export function creationDate(date: string | null): Date {
  if (date) return new Date(`${date}T00:00:00+07:00`);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date('1980-01-01T00:00:00Z');
}
