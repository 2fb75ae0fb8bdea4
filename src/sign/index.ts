import { InvalidDataError } from '../messages/errors.js';
import { signMessages as m } from '../messages/sign.js';
import { say } from '../messages/types.js';
import { emptyAppearance, imageAppearance, textAppearance } from './appearance.js';
import { buildCms } from './cms.js';
import type { SignLayout, SignRole } from './layout.js';
import { addSignatureField, fillContents, isoVietnam, openPdf, rangeDigest, writeIncrement } from './pdf.js';
import type { Placement } from './pdf.js';
import { readP12 } from './p12.js';

/**
 * sign: a PDF → the same PDF with one more PAdES baseline B-B signature, appended as an
 * incremental update (nothing before the increment changes, so PDF/A, the XMP, the embedded data
 * file and earlier signatures stay as they were).
 */

export { parseSignLayout, areaOf } from './layout.js';
export type { SignLayout, SignRole } from './layout.js';
export { isoVietnam, pdfDate, signatureFields } from './pdf.js';

export interface SignOptions {
  /** Name of the PDF, for messages. */
  file: string;
  p12: { file: string; bytes: Buffer; password: string };
  reason?: string;
  location?: string;
  /** A visible signature: the area to draw in, and the signer's image if any. */
  visible?: { layout: SignLayout; layoutFile: string; role: SignRole; image?: Uint8Array };
  /** The signing time (now by default). */
  time?: Date;
}

export interface SignResult {
  bytes: Buffer;
  signer: string;
  time: Date;
  /** Signatures the file had before. */
  existing: number;
  madeByBaocao: boolean;
}

export async function signPdf(pdf: Buffer, o: SignOptions): Promise<SignResult> {
  const time = new Date(Math.floor((o.time ?? new Date()).getTime() / 1000) * 1000);
  const signer = readP12(o.p12.file, o.p12.bytes, o.p12.password, time);
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new InvalidDataError((l) => say(l, m.notPdf, o.file));
  let prepared;
  try {
    prepared = await openPdf(pdf);
  } catch (e) {
    const encrypted = /encrypt/i.test((e as Error).message);
    const error = new InvalidDataError((l) => (encrypted ? say(l, m.encryptedPdf, o.file) : say(l, m.unreadablePdf, o.file, (e as Error).message)));
    error.cause = e;
    throw error;
  }
  if (prepared.doc.isEncrypted) throw new InvalidDataError((l) => say(l, m.encryptedPdf, o.file));

  let placement: Placement = { page: 1, rect: [0, 0, 0, 0] };
  let appearance;
  if (o.visible) {
    const area = o.visible.layout.areas.find((a) => a.role === o.visible!.role);
    if (!area) throw new InvalidDataError((l) => say(l, m.noArea, o.visible!.layoutFile, o.visible!.role));
    if (area.page > prepared.doc.getPageCount()) throw new InvalidDataError((l) => say(l, m.badLayout, o.visible!.layoutFile, `page ${area.page}`));
    const { x, y, width, height } = area.rect;
    placement = { page: area.page, rect: [x, y, x + width, y + height] };
    // The appendix file's stamp (number, symbol, signing time) is already printed by render: the
    // registry's widget covers it with an appearance that draws nothing, never a second text on top.
    appearance = o.visible.role === 'issuer-stamp' && !o.visible.image
      ? emptyAppearance(prepared.doc, width, height)
      : o.visible.image
      ? await imageAppearance(prepared.doc, width, height, o.visible.image)
      : await textAppearance(prepared.doc, width, height, {
          lines: [`${say('vi', m.signedBy)}: ${signer.name}`, signer.organisation ?? '', isoVietnam(time)],
        });
  } else {
    appearance = emptyAppearance(prepared.doc);
  }
  addSignatureField(prepared, {
    time,
    name: signer.name,
    placement,
    appearance,
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.location ? { location: o.location } : {}),
  });
  const placeholders = await writeIncrement(prepared, pdf.length);
  const cms = buildCms(rangeDigest(placeholders), signer);
  return { bytes: fillContents(placeholders, cms), signer: signer.name, time, existing: prepared.existing, madeByBaocao: prepared.madeByBaocao };
}
