import { BLANK_NUMBER, DATE_BLANK, documentNumber, fullDate, headerDate, headerDateBlank, upperVi, validateSymbol } from '../format/index.js';
import type { Appendix, DocumentFacts, DocumentMeta, Frame, SignatureLine } from '../document/types.js';
import type { FrameData, Signer } from '../model/frame.js';
import type { KindDefinition, ReportBase } from '../model/kind.js';
import { getProfile } from '../profile/index.js';
import type { Profile, TextStyle } from '../profile/index.js';
import { agencyLines, balanceLines, unbroken } from './lines.js';
import { InvalidDataError } from '../messages/errors.js';
import { frameMessages } from '../messages/frame.js';
import { ref } from '../messages/ref.js';
import { say } from '../messages/types.js';
import { trimEndPunct } from '../limits/text.js';

/**
 * frame: the Report's metadata → the worded elements Decree 30 fixes around the body. All
 * wording and capitalisation happens here, so the PDF and DOCX renderers only lay strings out.
 */

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The Party title (HD 36-HD/VPTW §1.1): it stands alone, with no motto. */
export const PARTY_TITLE = 'ĐẢNG CỘNG SẢN VIỆT NAM';

/** Width of a text in points in a frame element's style; supplied by the font registry. */
export type StyleMeasure = (text: string, style: TextStyle) => number;

const PT_PER_MM = 72 / 25.4;

export function buildFrame(kind: KindDefinition, frame: FrameData, profile: Profile, measure: StyleMeasure): Frame {
  const h = profile.header;
  const party = profile.conventions === 'party';
  const agencyWidth = h.columns[0] * PT_PER_MM;
  const textWidth = (profile.page.width - profile.page.margin.left - profile.page.margin.right) * PT_PER_MM;
  // Summaries wrap to balanced lines no wider than 90 % of the text width, like a typed title.
  const summaryWidth = textWidth * 0.9;
  return {
    // ô 2 prints the header names when the data gives them, with the data's own breaks ("|").
    parentAgency: (frame.parentHeaderName ?? frame.parentAgency)
      ? agencyLines(upperVi((frame.parentHeaderName ?? frame.parentAgency)!), agencyWidth, (t) => measure(t, h.parentAgency))
      : [],
    issuingAgency: agencyLines(upperVi(frame.headerName ?? frame.issuingAgency), agencyWidth, (t) => measure(t, h.issuingAgency)),
    ...(h.agencyMark.type === 'star' ? { agencyMark: '*' } : {}),
    nationalTitle: party ? PARTY_TITLE : NATIONAL_TITLE,
    motto: party ? '' : MOTTO,
    numberLine: party ? partyDocumentNumber(frame.number ?? null, frame.symbol) : documentNumber(frame.number ?? null, frame.symbol),
    placeDate: frame.date ? headerDate(frame.date, frame.place) : headerDateBlank(frame.place),
    typeName: upperVi(kind.typeName),
    summary: balanceLines(frame.summary, summaryWidth, (t) => measure(t, profile.title.summary)),
    ...(profile.title.summaryMark.type === 'dashes' ? { summaryMark: '-----' } : {}),
    addressees: frame.addressees ?? [],
    addresseeLines: addresseeLines(frame.addressees ?? []),
    signatureLines: party ? partySignatureLines(frame.signer, profile.signature.positionBold) : signatureLines(frame.signer),
    signerName: frame.signer.name ?? '',
    recipientsLabel: 'Nơi nhận:',
    recipients: party ? partyRecipientLines(frame.recipients, frame.archive) : recipientLines(frame.recipients, frame.archive),
  };
}

/**
 * The frame as the body, the attribution and the document's properties print it: the data's
 * forced breaks ("|") in the agency names and the summary become spaces there.
 */
export function plainFrame(frame: FrameData): FrameData {
  return {
    ...frame,
    issuingAgency: unbroken(frame.issuingAgency),
    ...(frame.parentAgency ? { parentAgency: unbroken(frame.parentAgency) } : {}),
    summary: unbroken(frame.summary),
  };
}

/**
 * HD 36 §1.3: "Số 12-CT/TU": no colon, the number, "-", then the type and the issuer joined by "/".
 * The data writes the symbol as state documents do ("CT-TU": type, then issuer), so it stays a
 * safe file-name part; the first "-" becomes the "/". A draft leaves the number blank with the
 * same no-break spaces as Decree 30's "Số:      /BC-UBND": "Số      -CT/TU".
 */
export function partyDocumentNumber(number: number | null, symbol: string): string {
  const s = validateSymbol(symbol).replace('-', '/');
  if (number === null) return `Số${BLANK_NUMBER}-${s}`;
  // The state form pads and checks the number the same way; reuse it and swap the separators.
  return documentNumber(number, 'X').replace(/^Số: (\d+)\/X$/u, `Số $1-${s}`);
}

/** Party authority prefixes (HD 36 §1.7): a slash and no period, "T/M BAN THƯỜNG VỤ", "K/T", "T/L". */
const PARTY_PREFIX: Record<string, string> = { 'TM.': 'T/M', 'KT.': 'K/T', 'TL.': 'T/L' };

/**
 * HD 36 stacks as Decree 30 does ("T/M BAN THƯỜNG VỤ" / "BÍ THƯ"), with its prefixes; the
 * position line is regular or bold as the profile says. Party documents have no "TUQ." or "Q.".
 */
export function partySignatureLines(s: Signer, positionBold: boolean): SignatureLine[] {
  const lines: SignatureLine[] = [];
  if (s.authority) {
    const prefix = PARTY_PREFIX[s.authority];
    if (!prefix) throw new InvalidDataError((lang) => `${say(lang, frameMessages.partyAuthority, s.authority!)}.`); // validation reports it first (frameFindings)
    if (s.onBehalfOf) lines.push({ text: `${prefix} ${upperVi(s.onBehalfOf)}`, bold: true });
  }
  if (s.deputyFor) lines.push({ text: `K/T ${upperVi(s.deputyFor)}`, bold: true });
  if (s.position) lines.push({ text: upperVi(s.position), bold: positionBold });
  return lines;
}

/**
 * Frame data that a profile's conventions cannot word, as findings at their fields: checked when
 * the data is validated, so a clerk gets a message with a line number, not a failed render.
 */
export function frameFindings(profile: Profile, frame: FrameData): { path: string[]; message: string }[] {
  const a = frame.signer.authority;
  if (profile.conventions === 'party' && a && !PARTY_PREFIX[a]) {
    return [{ path: ['frame', 'signer', 'authority'], message: ref('frame', 'partyAuthority', a) }];
  }
  return [];
}

/** Party recipients (spec §14.2): "- X," for each, then "- Lưu Văn phòng Thị ủy." (no colon, no "VT"). */
export function partyRecipientLines(recipients: string[], archive: string[]): string[] {
  const strip = (s: string) => trimEndPunct(s.replace(/^[-–—•]\s*/u, ''), '.;,');
  return [...recipients.map((r) => `- ${strip(r)},`), `- Lưu ${archive.map(strip).join(', ')}.`];
}

/** "Kính gửi: X" for one recipient; "Kính gửi:" then "- X;" … "- Y." for several (Decree 30 §6). */
export function addresseeLines(addressees: string[]): { text: string; item: boolean }[] {
  if (addressees.length === 0) return [];
  if (addressees.length === 1) return [{ text: `Kính gửi: ${addressees[0]}`, item: false }];
  return [
    { text: 'Kính gửi:', item: false },
    ...addressees.map((a, i) => ({ text: `- ${a}${i === addressees.length - 1 ? '.' : ';'}`, item: true })),
  ];
}

/** Decree 30 §8.1 stacks: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". */
export function signatureLines(s: Signer): SignatureLine[] {
  const lines: SignatureLine[] = [];
  const position = upperVi(s.position ?? '');
  if (s.authority === 'Q.') {
    lines.push({ text: `Q. ${position}`, bold: true });
    return lines;
  }
  if (s.authority && s.onBehalfOf) lines.push({ text: `${s.authority} ${upperVi(s.onBehalfOf)}`, bold: true });
  if (s.deputyFor) lines.push({ text: `KT. ${upperVi(s.deputyFor)}`, bold: true });
  // "TM. ỦY BAN NHÂN DÂN" alone, then the name: the position line may be absent.
  if (position) lines.push({ text: position, bold: true });
  return lines;
}

/** "- X;" for each recipient, then "- Lưu: VT, …." (Decree 30 §9). */
export function recipientLines(recipients: string[], archive: string[]): string[] {
  const strip = (s: string) => trimEndPunct(s.replace(/^[-–—•]\s*/u, ''), '.;,');
  return [...recipients.map((r) => `- ${strip(r)};`), `- Lưu: ${archive.map(strip).join(', ')}.`];
}

/**
 * Decree 30 §10.1 attribution under an appendix title: "(Kèm theo Báo cáo số 05/BC-UBND ngày 09
 * tháng 12 năm 2020 của Ủy ban nhân dân thị xã Nghi Sơn)". The type in sentence case, the number
 * as in ô 3 (blank in a draft), the date as in ô 4 without the place, the agency as typed.
 */
export function appendixAttribution(kind: KindDefinition, frame: FrameData): string {
  return attributionParts(kind, frame, getProfile(kind.profile).conventions === 'party').join(' ');
}

/** The attribution's document part and its agency part ("của …)"), where a long one breaks. */
function attributionParts(kind: KindDefinition, frame: FrameData, party: boolean): [string, string] {
  // "Số: 05/BC-UBND" → "số 05/BC-UBND"; a draft keeps the header's no-break blank: "số      /BC-UBND".
  // A Party document: "Số 12-CT/TU" → "số 12-CT/TU".
  const number = party
    ? partyDocumentNumber(frame.number ?? null, frame.symbol).replace(/^Số/u, 'số')
    : documentNumber(frame.number ?? null, frame.symbol).replace(/^Số:/u, 'số');
  const date = frame.date ? fullDate(frame.date) : `ngày ${DATE_BLANK} tháng ${DATE_BLANK} năm ${DATE_BLANK}`;
  return [`(Kèm theo ${kind.typeName} ${number} ${date}`, `của ${frame.issuingAgency})`];
}

/**
 * A parsed appendix with its attribution, the title's and the attribution's lines balanced like
 * the summary (no wider than 90 % of the appendix's text width, landscape being A4 turned with
 * the same margins), so the PDF and the DOCX break them at the same words. The styles are the
 * ones the renderers use: the title as the summary, the attribution as the place-date.
 */
export function buildAppendix(appendix: Omit<Appendix, 'attribution'>, kind: KindDefinition, frame: FrameData, profile: Profile, measure: StyleMeasure): Appendix {
  const page = profile.page;
  const width = appendix.orientation === 'landscape' ? page.height : page.width;
  const maxWidth = (width - page.margin.left - page.margin.right) * PT_PER_MM * 0.9;
  const lines = (text: string, style: TextStyle) => balanceLines(text, maxWidth, (t) => measure(t, style));
  return {
    ...appendix,
    title: appendix.title.flatMap((l) => lines(l, profile.title.summary)),
    attribution: attributionLines(attributionParts(kind, frame, profile.conventions === 'party'), maxWidth, (t) => measure(t, profile.header.placeDate)),
  };
}

/** One line if it fits, else the document / the agency as a clerk types it, else balanced lines. */
function attributionLines(parts: [string, string], maxWidth: number, measure: (t: string) => number): string[] {
  const whole = parts.join(' ');
  if (measure(whole) <= maxWidth) return [whole];
  if (parts.every((p) => measure(p) <= maxWidth)) return parts;
  return balanceLines(whole, maxWidth, measure);
}

/** Number and symbol as the profile's conventions write them: "05/BC-UBND", "12-CT/TU"; blank number in a draft. */
function numberSymbol(frame: FrameData, party: boolean): string {
  return party
    ? partyDocumentNumber(frame.number ?? null, frame.symbol).replace(/^Số\s*/u, '')
    : documentNumber(frame.number ?? null, frame.symbol).replace(/^Số:\s*/u, '');
}

/** The document's facts as data, in the effective profile's conventions. */
export function buildFacts(kind: KindDefinition, frame: FrameData, profile: Profile): DocumentFacts {
  const party = profile.conventions === 'party';
  return {
    conventions: profile.conventions,
    typeName: kind.typeName,
    number: frame.number ?? null,
    symbol: frame.symbol,
    numberSymbol: numberSymbol(frame, party).replace(/\s+/gu, ' ').trim(),
    date: frame.date ?? null,
    place: frame.place,
    issuingAgency: frame.issuingAgency,
    summary: frame.summary,
    signer: { position: frame.signer.position ?? signatureLines(frame.signer).map((l) => l.text).join(' '), name: frame.signer.name ?? null },
    ...exchangeFacts(frame),
  };
}

/** The exchange metadata the data gives (none: no key, so the files keep their bytes). */
function exchangeFacts(frame: FrameData): { exchange?: DocumentFacts['exchange'] } {
  const { agencyCode, priority, copies, dueDate, recipientCodes, language } = frame;
  const exchange = Object.fromEntries(Object.entries({ agencyCode, priority, copies, dueDate, recipientCodes, language }).filter(([, v]) => v !== undefined));
  return Object.keys(exchange).length ? { exchange } : {};
}

/** PDF info / DOCX core properties. The creation date is the document's date, so bytes repeat. */
export function buildMeta(kind: KindDefinition, report: ReportBase, profile: Profile): DocumentMeta {
  const f = report.frame;
  // "Báo cáo số 05/BC-UBND"; not yet numbered: "Báo cáo /BC-UBND (dự thảo)". Party: "Chỉ thị số 12-CT/TU".
  const number = numberSymbol(f, profile.conventions === 'party');
  return {
    title: f.summary,
    subject: f.number ? `${kind.typeName} số ${number}` : `${kind.typeName} ${number} (dự thảo)`,
    author: f.issuingAgency,
    keywords: kind.keywords(report),
    language: 'vi-VN',
    creationDate: creationDate(f.date),
    dated: f.date !== null || sourceDateEpoch() !== undefined,
  };
}

/**
 * Midnight in Vietnam (UTC+7) on the document's date; SOURCE_DATE_EPOCH for an undated draft; else
 * 1980-01-01, a placeholder only for what needs some date (zip entries, an e-mail's header): the
 * PDF and the DOCX of an undated draft carry no date at all (meta.dated).
 */
export function creationDate(date: string | null): Date {
  if (date) return new Date(`${date}T00:00:00+07:00`);
  return sourceDateEpoch() ?? new Date('1980-01-01T00:00:00Z');
}

function sourceDateEpoch(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}
