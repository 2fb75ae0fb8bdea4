import { strFromU8, unzipSync } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString, decodePDFRawStream } from '@cantoo/pdf-lib';
import { InvalidDataError } from '../messages/errors.js';
import { signMessages as m } from '../messages/sign.js';
import { say } from '../messages/types.js';
import type { Lang } from '../messages/types.js';
import { readExchange } from '../render/pdf/xmp.js';
import { signatureFields } from '../sign/pdf.js';

/**
 * inspect: what an e-office or an archive reads from a file baocao wrote: the Decree 30
 * Appendix VI fields (PDF: XMP "vb" schema; DOCX: custom properties), the title and agency, and
 * for a PDF its digital signatures and the embedded data file.
 */

export interface SignatureInfo {
  field: string;
  name: string;
  /** /M as written (D:20261209143015+07'00') and as ISO 8601. */
  time: string;
  reason?: string;
  location?: string;
  subFilter: string;
  /** The signed byte ranges reach the end of the file (nothing appended after this signature). */
  coversWholeFile: boolean;
}

export interface Inspection {
  file: string;
  format: 'pdf' | 'docx';
  title?: string;
  author?: string;
  /** Appendix VI fields by their schema names (organId, pageAmount …). */
  metadata: Record<string, string | string[]>;
  signatures?: SignatureInfo[];
  attachments?: string[];
}

const text = (o: unknown): string | undefined => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

/** D:YYYYMMDDHHmmSS+07'00' → 2026-12-09T14:30:15+07:00. */
export function pdfDateToIso(d: string): string {
  const r = /^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(Z|[+-]\d\d'?\d\d'?)?/.exec(d);
  if (!r) return d;
  const [, y, mo = '01', da = '01', h = '00', mi = '00', s = '00', tz = 'Z'] = r;
  const zone = tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`;
  return `${y}-${mo}-${da}T${h}:${mi}:${s}${zone}`;
}

async function inspectPdf(file: string, bytes: Buffer): Promise<Inspection> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    const error = new InvalidDataError((l) => say(l, m.unreadablePdf, file, (e as Error).message));
    error.cause = e;
    throw error;
  }
  const metaStream = doc.catalog.lookup(PDFName.of('Metadata'));
  const xml = metaStream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(metaStream).decode()).toString('utf8') : '';
  const signatures = signatureFields(doc).flatMap((f): SignatureInfo[] => {
    const v = f.lookupMaybe(PDFName.of('V'), PDFDict);
    if (!v) return [];
    const range = v.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const n = (i: number) => (range?.lookupMaybe(i, PDFNumber)?.asNumber() ?? 0);
    const when = text(v.lookup(PDFName.of('M'))) ?? '';
    const reason = text(v.lookup(PDFName.of('Reason')));
    const location = text(v.lookup(PDFName.of('Location')));
    return [{
      field: text(f.lookup(PDFName.of('T'))) ?? '',
      name: text(v.lookup(PDFName.of('Name'))) ?? '',
      time: pdfDateToIso(when),
      ...(reason ? { reason } : {}),
      ...(location ? { location } : {}),
      subFilter: v.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText() ?? '',
      coversWholeFile: n(2) + n(3) === bytes.length,
    }];
  });
  // Attachments: the embedded-files name tree of the catalog (one level, as baocao and most writers make it).
  const attachments: string[] = [];
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)?.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const spec = names.lookupMaybe(i + 1, PDFDict);
    const name = text(spec?.lookup(PDFName.of('UF'))) ?? text(spec?.lookup(PDFName.of('F'))) ?? text(names.lookup(i));
    if (name) attachments.push(name);
  }
  const title = doc.getTitle();
  const author = doc.getAuthor();
  return {
    file,
    format: 'pdf',
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    metadata: readExchange(xml),
    signatures,
    attachments,
  };
}

function inspectDocx(file: string, bytes: Buffer): Inspection {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    const error = new InvalidDataError((l) => say(l, m.notPdfOrDocx, file));
    error.cause = e;
    throw error;
  }
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const custom = files['docProps/custom.xml'] ? strFromU8(files['docProps/custom.xml']) : '';
  const metadata: Record<string, string | string[]> = {};
  // One <property … name="X"><vt:type>value</vt:type></property> each, as package.ts writes them.
  for (const part of custom.split('<property ').slice(1)) {
    const nameAt = part.indexOf('name="');
    const name = nameAt < 0 ? '' : part.slice(nameAt + 6, part.indexOf('"', nameAt + 6));
    const open = part.indexOf('><vt:');
    const valueAt = open < 0 ? -1 : part.indexOf('>', open + 1) + 1;
    const value = valueAt <= 0 ? '' : part.slice(valueAt, part.indexOf('</vt:', valueAt));
    if (!name) continue;
    const key = name[0]!.toLowerCase() + name.slice(1);
    metadata[key] = key === 'toOrganIds' ? unescape(value).split('; ') : unescape(value);
  }
  const core = files['docProps/core.xml'] ? strFromU8(files['docProps/core.xml']) : '';
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1];
  const author = /<dc:creator>([^<]*)<\/dc:creator>/.exec(core)?.[1];
  return { file, format: 'docx', ...(title ? { title: unescape(title) } : {}), ...(author ? { author: unescape(author) } : {}), metadata };
}

export async function inspectFile(file: string, bytes: Buffer): Promise<Inspection> {
  if (bytes.subarray(0, 1024).includes('%PDF-')) return inspectPdf(file, bytes);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return inspectDocx(file, bytes);
  throw new InvalidDataError((l) => say(l, m.notPdfOrDocx, file));
}

const LABELS: [keyof Inspection['metadata'] & string, keyof typeof m][] = [
  ['organId', 'label_agencyCode'],
  ['codeNotation', 'label_documentNumber'],
  ['issuedDate', 'label_issued'],
  ['priority', 'label_priority'],
  ['issuedAmount', 'label_copies'],
  ['dueDate', 'label_dueDate'],
  ['toOrganIds', 'label_recipients'],
  ['language', 'label_language'],
  ['pageAmount', 'label_pages'],
  ['position', 'label_signerPosition'],
  ['fullName', 'label_signerName'],
];

/** The report as lines for a person. */
export function formatInspection(r: Inspection, lang: Lang): string {
  const lines: string[] = [r.file];
  const row = (label: string, value: string) => lines.push(`  ${label}: ${value}`);
  if (r.title) row(say(lang, m.label_title), r.title);
  if (r.author) row(say(lang, m.label_author), r.author);
  for (const [key, label] of LABELS) {
    let v = r.metadata[key];
    if (v === undefined) continue;
    if (key === 'codeNotation' && r.metadata.codeNumber) v = `${String(r.metadata.codeNumber)}/${String(v)}`;
    row(say(lang, m[label] as { vi: () => string; en: () => string }), Array.isArray(v) ? v.join(', ') : v);
  }
  if (r.attachments) row(say(lang, m.label_attachment), r.attachments.join(', ') || '—');
  if (r.signatures) {
    if (r.signatures.length === 0) row(say(lang, m.label_signatures), say(lang, m.noSignatures));
    else {
      lines.push(`  ${say(lang, m.label_signatures)}:`);
      r.signatures.forEach((s, i) => lines.push(say(lang, m.signatureLine, i + 1, s.name, s.time, say(lang, s.coversWholeFile ? m.coversWhole : m.coversPart))));
    }
  }
  return `${lines.join('\n')}\n`;
}
