import { createRequire } from 'node:module';
import {
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
  setFontAndSize,
  showText,
} from '@cantoo/pdf-lib';
import type { PDFDocument, PDFOperator, PDFRef } from '@cantoo/pdf-lib';
import { getFontFamily } from '../fonts/index.js';

/**
 * The appearance of a visible signature in the area Decree 30 reserves (Appendix I, Part II): the
 * signer's signature image when one is given (PNG, blue, centred in the area), otherwise a text
 * appearance in blue: "Ký bởi: <name>", the organisation, and the signing time in ISO 8601 with
 * the Vietnam offset. The text uses the document's own Times-metric face, embedded as a subset,
 * as PDF/A requires of every font an appearance stream uses.
 */

export interface AppearanceText {
  lines: string[];
}

// fontkit's CommonJS build, as src/fonts loads it (its ES build has no default export).
const fontkit: unknown = createRequire(import.meta.url)('fontkit');

const BLUE = [0, 0, 0.6] as const;

/** An empty form XObject: the appearance of an invisible signature (PDF/A wants /AP on every widget). */
export function emptyAppearance(doc: PDFDocument, width = 0, height = 0): PDFRef {
  const stream = doc.context.formXObject([], { BBox: [0, 0, width, height] });
  return doc.context.register(stream);
}

/** The text appearance, fitted to the area: the size shrinks from 10 pt until every line fits. */
export async function textAppearance(doc: PDFDocument, width: number, height: number, text: AppearanceText): Promise<PDFRef> {
  doc.registerFontkit(fontkit as never);
  const font = await doc.embedFont(getFontFamily('Tinos').faces.regular.bytes, { subset: true });
  const lines = text.lines.filter(Boolean);
  let size = 10;
  const fits = (s: number) => lines.every((l) => font.widthOfTextAtSize(l, s) <= width - 4) && lines.length * s * 1.25 <= height;
  while (size > 5 && !fits(size)) size -= 0.5;
  const leading = size * 1.25;
  const blockHeight = lines.length * leading;
  const top = (height + blockHeight) / 2 - size;
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(...BLUE), beginText(), setFontAndSize('F1', size)];
  let prevX = 0;
  let prevY = 0;
  lines.forEach((line, i) => {
    const x = Math.max(2, (width - font.widthOfTextAtSize(line, size)) / 2);
    const y = top - i * leading;
    ops.push(moveText(x - prevX, y - prevY), showText(font.encodeText(line)));
    prevX = x;
    prevY = y;
  });
  ops.push(endText(), popGraphicsState());
  const stream = doc.context.formXObject(ops, { BBox: [0, 0, width, height], Resources: { Font: { F1: font.ref } } });
  return doc.context.register(stream);
}

/** The signer's image, scaled to fit the area with its proportions kept, centred. */
export async function imageAppearance(doc: PDFDocument, width: number, height: number, png: Uint8Array): Promise<PDFRef> {
  const image = await doc.embedPng(png);
  const scale = Math.min(width / image.width, height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const ops = [pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, (width - w) / 2, (height - h) / 2), drawObject('Im1'), popGraphicsState()];
  const stream = doc.context.formXObject(ops, { BBox: [0, 0, width, height], Resources: { XObject: { Im1: image.ref } } });
  return doc.context.register(stream);
}
