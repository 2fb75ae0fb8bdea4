import { faceFor, measureText } from '../fonts/index.js';
import type { FontFamily } from '../fonts/index.js';
import type { LaidImage, LaidParagraph, LaidRule, LaidSignArea, LaidStamp, PageSetup } from './types.js';

/**
 * The electronic-document layout of Decree 30 (Appendix I Part II, spec §12): the signer's image
 * centred between the title lines and the name, the agency's seal at its real size over the left
 * third of it, or, without images, the places reserved for both; and the text stamp of an appendix
 * issued as its own file. Only where things go: the writers draw them, the PDF reports where they
 * landed (sign.json).
 */

const PT_PER_MM = 72 / 25.4;
const mm = (v: number): number => v * PT_PER_MM;

/** An image as the data gives it: the PNG and its printed size in millimetres (checked by src/load/images.ts). */
export interface SignImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** What `--electronic` brings to the layout. */
export interface ElectronicLayout {
  images: { signer?: SignImage; seal?: SignImage };
}

/**
 * Sizes reserved when the data has no image: a signature 50 mm wide over the signature space
 * (templates leave 20–30 mm), and a round seal of 36 mm, the common size of a commune's or a
 * district's seal. The e-office draws the real ones there.
 */
export const RESERVED = { signerWidth: 50, sealSize: 36 } as const;

/**
 * The right-hand cell of the signature block with the signature area in place of the blank space
 * above the name. `above` and `below` are the heights (pt) of the title lines over the area and of
 * the name line under it, which the seal may cover.
 */
export function withSignArea(right: LaidParagraph[], cellWidth: number, space: number, e: ElectronicLayout, above: number, below: number): (LaidParagraph | LaidRule | LaidSignArea)[] {
  const name = right[right.length - 1]!;
  return [...right.slice(0, -1), signArea(cellWidth, mm(space), e, above, below), { ...name, spaceBefore: 0 }];
}

/**
 * The area's height (pt): the signature space, or the signer's image if taller, or more when the
 * seal (centred on the signature) would reach past the title lines above or the name line below:
 * the seal then stays inside the block, which the writers move whole to the next page, never over
 * the bottom margin or off the sheet.
 */
export function signAreaHeight(space: number, e: ElectronicLayout, above: number, below: number): number {
  const sh = e.images.signer ? mm(e.images.signer.height) : space;
  const dh = mm(e.images.seal ? e.images.seal.height : RESERVED.sealSize);
  return Math.max(space, sh, dh - 2 * Math.min(above, below));
}

function signArea(width: number, space: number, e: ElectronicLayout, above: number, below: number): LaidSignArea {
  const s = e.images.signer;
  const sw = s ? mm(s.width) : mm(RESERVED.signerWidth);
  const height = signAreaHeight(space, e, above, below);
  const sh = s ? mm(s.height) : space;
  const signer: LaidImage = { role: 'signer', ...(s ? { png: s.png } : {}), x: (width - sw) / 2, y: (height - sh) / 2, width: sw, height: sh };
  // The seal covers about a third of the signature, on its left (Decree 30 Art. 33 and App. I Part II).
  const d = e.images.seal;
  const dw = d ? mm(d.width) : mm(RESERVED.sealSize);
  const dh = d ? mm(d.height) : mm(RESERVED.sealSize);
  const seal: LaidImage = { role: 'seal', ...(d ? { png: d.png } : {}), x: signer.x + sw / 3 - dw, y: signer.y + sh / 2 - dh / 2, width: dw, height: dh };
  return { type: 'signArea', width, height, images: [signer, seal] };
}

/** Times-metric 10 pt, upright, black (App. I Part II): the registry's signature on an appendix file. */
export function appendixStamp(numberLine: string, signedAt: string, page: PageSetup, family: FontFamily): LaidStamp {
  const size = 10;
  const lines = [numberLine, signedAt];
  const width = Math.max(...lines.map((l) => measureText(family, faceFor(false, false), l, size)));
  return { lines, style: { size, bold: false, italic: false, underline: false }, width: Math.ceil(width + 1), top: page.headerDistance, lineSpacing: 1 };
}

/** A moment as Decree 30 writes a signing time: ISO 8601 in Vietnam's time zone, "2026-12-09T14:30:15+07:00". */
export function vietnamTime(d: Date): string {
  const local = new Date(d.getTime() + 7 * 3600_000);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}
