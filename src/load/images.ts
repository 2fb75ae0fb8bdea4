import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { electronicMessages as m } from '../messages/electronic.js';
import { say } from '../messages/types.js';
import type { FrameData } from '../model/frame.js';
import { formatPath } from './describe.js';
import type { DataPath, Lang, Position, Problem } from './types.js';

/**
 * The images an electronic document shows (Decree 30 Appendix I Part II): the signer's signature
 * and the agency's seal, named in the frame (`signer.image`, `sealImage`) relative to the data
 * file. Read and checked here, before anything is laid out, so a bad image is a positioned data
 * error (exit 2) and nothing is written; the bytes then travel to the writers inside the layout.
 */

/** A checked image: the PNG as read and its printed size in millimetres. */
export interface SignatureImage {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface SignatureImages {
  signer?: SignatureImage;
  seal?: SignatureImage;
}

/** Bounds that catch a typo (a seal of 350 mm, a 5 MB photograph) without judging a real office's images. */
export const IMAGE_LIMITS = {
  bytes: 2 * 1024 * 1024,
  pixels: { min: 16, max: 4000 },
  /** The signer's signature: between the title lines and the name, inside the 95 mm column. */
  signer: { width: { min: 15, max: 80 }, height: { min: 5, max: 40 } },
  /** A seal at its real size: round seals of Vietnamese agencies are about 30–42 mm across. */
  seal: { width: { min: 20, max: 60 }, height: { min: 20, max: 60 } },
} as const;

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
  transparent: boolean;
}

/** The PNG's header, or why it is not one a PDF and a DOCX can show with its transparency. */
export function readPngHeader(bytes: Uint8Array): { header: PngHeader } | { error: 'not-png' | 'no-alpha' | `corrupt:${string}` | `unsupported:${string}` } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 8 || !b.subarray(0, 8).equals(SIGNATURE)) return { error: 'not-png' };
  let at = 8;
  let header: PngHeader | undefined;
  let sawData = false;
  while (at < b.length) {
    if (at + 12 > b.length) return { error: 'corrupt:truncated chunk' };
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > b.length) return { error: `corrupt:truncated ${type}` };
    const crc = b.readUInt32BE(at + 8 + length);
    if (zlib.crc32(b.subarray(at + 4, at + 8 + length)) !== crc) return { error: `corrupt:CRC of ${type}` };
    const data = b.subarray(at + 8, at + 8 + length);
    if (!header) {
      if (type !== 'IHDR' || length !== 13) return { error: 'corrupt:no IHDR' };
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8]!, colourType: data[9]!, interlace: data[12]!, transparent: data[9] === 4 || data[9] === 6 };
    } else if (type === 'tRNS') header.transparent = true;
    else if (type === 'IDAT') sawData = true;
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header || !sawData) return { error: 'corrupt:no image data' };
  if (header.interlace !== 0) return { error: 'unsupported:interlaced' };
  if (header.bitDepth !== 8 && !(header.colourType === 3 && header.bitDepth < 8)) return { error: `unsupported:${header.bitDepth}-bit` };
  if (!header.transparent) return { error: 'no-alpha' };
  return { header };
}

/**
 * Read and check the frame's images. `dir` is the data file's folder; `locate` gives a field's
 * line in the data file. Problems come back positioned; nothing is thrown for bad data.
 */
export async function loadSignatureImages(
  frame: FrameData,
  dir: string,
  file: string,
  locate: (p: DataPath) => Position,
  lang: Lang,
): Promise<{ images: SignatureImages; problems: Problem[] }> {
  const problems: Problem[] = [];
  const images: SignatureImages = {};
  const wanted = [
    { role: 'signer' as const, spec: frame.signer.image, at: ['frame', 'signer', 'image'] },
    { role: 'seal' as const, spec: frame.sealImage, at: ['frame', 'sealImage'] },
  ];
  for (const { role, spec, at } of wanted) {
    if (!spec) continue;
    const problem = (p: DataPath, code: string, message: string) => problems.push({ file, ...locate(p), path: p, code, severity: 'error', message });
    const fileField = [...at, 'file'];
    const field = formatPath(fileField);
    const before = problems.length;
    const bounds = IMAGE_LIMITS[role];
    for (const side of ['width', 'height'] as const) {
      const v = spec[side];
      const b = bounds[side];
      if (v !== undefined && (v < b.min || v > b.max)) problem([...at, side], 'image-size', say(lang, m.imageSize, formatPath([...at, side]), v, b.min, b.max));
    }
    const target = path.resolve(dir, spec.file);
    let bytes: Buffer;
    try {
      const info = await stat(target);
      if (info.size > IMAGE_LIMITS.bytes) {
        problem(fileField, 'image-bytes', say(lang, m.imageTooLarge, field, spec.file, info.size, IMAGE_LIMITS.bytes));
        continue;
      }
      bytes = await readFile(target);
    } catch {
      problem(fileField, 'image-io', say(lang, m.imageUnreadable, field, spec.file));
      continue;
    }
    const read = readPngHeader(bytes);
    if ('error' in read) {
      const [kind, detail = ''] = read.error.split(/:(.*)/su);
      const message =
        kind === 'not-png' ? say(lang, m.imageNotPng, field, spec.file)
        : kind === 'no-alpha' ? say(lang, m.imageNoAlpha, field, spec.file)
        : kind === 'corrupt' ? say(lang, m.imageCorrupt, field, spec.file, detail)
        : say(lang, m.imageUnsupported, field, spec.file, detail);
      problem(fileField, 'image', message);
      continue;
    }
    const { width: pw, height: ph } = read.header;
    const px = IMAGE_LIMITS.pixels;
    if ([pw, ph].some((v) => v < px.min || v > px.max)) {
      problem(fileField, 'image-pixels', say(lang, m.imagePixels, field, spec.file, pw, ph, px.min, px.max));
      continue;
    }
    // Without a height the image keeps its own proportions.
    const height = spec.height ?? (spec.width * ph) / pw;
    if (problems.length === before && spec.height === undefined && (height < bounds.height.min || height > bounds.height.max)) {
      problem([...at, 'width'], 'image-size', say(lang, m.imageSize, formatPath([...at, 'height']), Math.round(height * 10) / 10, bounds.height.min, bounds.height.max));
    }
    if (problems.length === before) images[role] = { png: new Uint8Array(bytes), width: spec.width, height };
  }
  return { images, problems };
}
