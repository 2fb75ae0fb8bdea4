import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from '@cantoo/pdf-lib';
import type { PDFObject } from '@cantoo/pdf-lib';

/**
 * The signature as an incremental update (ISO 32000-1 §7.5.6): the original bytes are copied
 * unchanged, then the new and changed objects (signature dictionary, signature field and widget,
 * the catalog with its /AcroForm, the page with its /Annots, the appearance stream), a classic
 * cross-reference section and a trailer that keeps /Root, /Info and /ID and points back with
 * /Prev. @cantoo/pdf-lib (the maintained fork of pdf-lib) parses the file and writes the increment
 * (its incremental writer copies the trailer's /ID, which @signpdf/placeholder-plain drops); the
 * /ByteRange and /Contents placeholders are then filled here.
 */

/** Bytes kept for the CMS: room for a signer's certificate and a chain of a few CAs. */
export const CONTENTS_BYTES = 16384;
const BYTE_RANGE_PLACEHOLDER = 9_999_999_999;

export interface Placement {
  page: number; // 1-based
  /** [x1, y1, x2, y2] in PDF user space; all zero for an invisible signature. */
  rect: [number, number, number, number];
}

export interface PreparedPdf {
  doc: PDFDocument;
  /** Signature fields already signed in the file. */
  existing: number;
  /** Producer or creator names baocao. */
  madeByBaocao: boolean;
}

export async function openPdf(bytes: Uint8Array): Promise<PreparedPdf> {
  // updateMetadata false: the Info dictionary (and so the XMP it mirrors) stays as it is.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, forIncrementalUpdate: true, throwOnInvalidObject: true });
  const producer = [doc.getProducer(), doc.getCreator()].filter(Boolean).join(' ');
  return { doc, existing: signatureFields(doc).filter((f) => f.has(PDFName.of('V'))).length, madeByBaocao: /^baocao\b|\bbaocao \d/.test(producer) };
}

/** Every signature field of the AcroForm (terminal fields, through /Kids). */
export function signatureFields(doc: PDFDocument): PDFDict[] {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const out: PDFDict[] = [];
  const walk = (arr: PDFArray | undefined, depth: number) => {
    if (!arr || depth > 32) return;
    for (let i = 0; i < arr.size(); i++) {
      const f = arr.lookupMaybe(i, PDFDict);
      if (!f) continue;
      if (f.lookupMaybe(PDFName.of('FT'), PDFName) === PDFName.of('Sig')) out.push(f);
      walk(f.lookupMaybe(PDFName.of('Kids'), PDFArray), depth + 1);
    }
  };
  walk(fields, 0);
  return out;
}

/** PDF date in Vietnam time: D:20261209143015+07'00'. */
export function pdfDate(d: Date): string {
  const local = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `D:${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 10)}${local.slice(11, 13)}${local.slice(14, 16)}${local.slice(17, 19)}+07'00'`;
}

/** ISO 8601 with the Vietnam offset, as Decree 30 writes signing times: 2026-12-09T14:30:15+07:00. */
export function isoVietnam(d: Date): string {
  return `${new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

/**
 * Add `ref` to the array under `key` of `dict`. An indirect array is changed in place and marked;
 * a direct or missing one is set on the dict: then true, and the caller marks the dict's object.
 */
function appendRef(doc: PDFDocument, dict: PDFDict, key: string, ref: PDFRef): boolean {
  const entry = dict.get(PDFName.of(key));
  if (entry instanceof PDFRef) {
    doc.context.lookup(entry, PDFArray).push(ref);
    mark(doc, entry);
    return false;
  }
  const array = entry instanceof PDFArray ? entry : doc.context.obj([]);
  array.push(ref);
  dict.set(PDFName.of(key), array);
  return true;
}

function mark(doc: PDFDocument, ...refs: PDFRef[]): void {
  doc.context.snapshot?.markRefsForSave(refs);
}

export interface SignatureFieldOptions {
  time: Date;
  name: string;
  reason?: string;
  location?: string;
  placement: Placement;
  /** The appearance stream (a form XObject), registered in the document; an empty one when invisible. */
  appearance: PDFRef;
}

/**
 * Add the signature dictionary with placeholders, its field/widget on the page and the catalog's
 * /AcroForm; marks every changed object for the increment.
 */
export function addSignatureField(prepared: PreparedPdf, o: SignatureFieldOptions): void {
  const { doc } = prepared;
  const ctx = doc.context;
  const text = (s: string) => PDFHexString.fromText(s);
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER],
    Contents: PDFHexString.of('0'.repeat(CONTENTS_BYTES * 2)),
    M: PDFString.of(pdfDate(o.time)),
    Name: text(o.name),
    ...(o.reason ? { Reason: text(o.reason) } : {}),
    ...(o.location ? { Location: text(o.location) } : {}),
  } as Record<string, PDFObject | string | number | unknown[]> as never);
  const sigRef = ctx.register(sig);

  const page = doc.getPage(o.placement.page - 1);
  const pageRef = page.ref;
  // Print flag (4) as PDF/A requires for annotations, Locked (128): the widget cannot be moved.
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: text(`Signature${signatureFields(doc).length + 1}`),
    V: sigRef,
    P: pageRef,
    Rect: o.placement.rect,
    F: 132,
    AP: { N: o.appearance },
  } as never);
  const widgetRef = ctx.register(widget);

  // The page's /Annots: an indirect array is changed in place, a direct one with its page.
  if (appendRef(doc, page.node, 'Annots', widgetRef)) mark(doc, pageRef);

  // The catalog's /AcroForm: SigFlags 3 (signatures exist, append only).
  const catalogRef = doc.context.trailerInfo.Root as PDFRef;
  const formEntry = doc.catalog.get(PDFName.of('AcroForm'));
  const form = formEntry instanceof PDFRef ? ctx.lookup(formEntry, PDFDict) : formEntry instanceof PDFDict ? formEntry : ctx.obj({});
  appendRef(doc, form, 'Fields', widgetRef);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  // PDF/A forbids NeedAppearances true; every widget here has its own appearance.
  form.delete(PDFName.of('NeedAppearances'));
  if (formEntry instanceof PDFRef) mark(doc, formEntry);
  else doc.catalog.set(PDFName.of('AcroForm'), form);
  mark(doc, catalogRef);
}

export interface Placeholders {
  bytes: Buffer;
  /** Offset of the '<' of /Contents and of the byte after its '>'. */
  contentsStart: number;
  contentsEnd: number;
  byteRange: [number, number, number, number];
}

/** Write the increment and fill /ByteRange: everything but the /Contents hex string (with its brackets). */
export async function writeIncrement(prepared: PreparedPdf, originalLength: number): Promise<Placeholders> {
  const saved = await prepared.doc.save({ useObjectStreams: false });
  const bytes = Buffer.from(saved);
  if (!bytes.subarray(0, originalLength).length) throw new Error('internal: empty output');
  const zeros = `<${'0'.repeat(CONTENTS_BYTES * 2)}>`;
  const contentsStart = bytes.indexOf(zeros, originalLength, 'latin1');
  if (contentsStart < 0) throw new Error('internal: /Contents placeholder not found');
  const contentsEnd = contentsStart + zeros.length;
  // pdf-lib writes an array as "[ a b c d ]": the placeholder is found as that exact text.
  const placeholder = `[ 0 ${BYTE_RANGE_PLACEHOLDER} ${BYTE_RANGE_PLACEHOLDER} ${BYTE_RANGE_PLACEHOLDER} ]`;
  const rangeAt = bytes.indexOf(`/ByteRange ${placeholder}`, originalLength, 'latin1');
  if (rangeAt < 0) throw new Error('internal: /ByteRange placeholder not found');
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const inner = placeholder.length - 2;
  const filled = byteRange.join(' ').padEnd(inner, ' ');
  if (filled.length > inner) throw new Error('internal: /ByteRange does not fit');
  const at = rangeAt + '/ByteRange ['.length;
  bytes.write(filled, at, 'latin1');
  return { bytes, contentsStart, contentsEnd, byteRange };
}

/** SHA-256 of the signed ranges. */
export function rangeDigest(p: Placeholders): Buffer {
  const [a, b, c, d] = p.byteRange;
  return createHash('sha256').update(p.bytes.subarray(a, a + b)).update(p.bytes.subarray(c, c + d)).digest();
}

/** Put the CMS into /Contents, zero-padded (hex). */
export function fillContents(p: Placeholders, cms: Buffer): Buffer {
  if (cms.length > CONTENTS_BYTES) throw new Error(`internal: the signature (${cms.length} bytes) exceeds the reserved ${CONTENTS_BYTES}`);
  p.bytes.write(cms.toString('hex').toUpperCase().padEnd(CONTENTS_BYTES * 2, '0'), p.contentsStart + 1, 'latin1');
  return p.bytes;
}
