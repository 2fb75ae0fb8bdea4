import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { IoError, UsageError } from '../messages/errors.js';
import { fontsMessages } from '../messages/fonts.js';
import { say } from '../messages/types.js';

// The CommonJS fontkit, the very instance pdfkit loads: a face parsed here is the face the PDF
// renderer draws with, parsed once per process. Loaded on first use: validating needs no font.
const requireHere = createRequire(import.meta.url);
let fontkitModule: typeof Fontkit | undefined;
const fontkit = (): typeof Fontkit => (fontkitModule ??= requireHere('fontkit') as typeof Fontkit);

/**
 * Font registry: the four faces of a family, loaded once per process and shared by measuring and
 * rendering. The bundled family is Tinos (metric-compatible with Times New Roman, Vietnamese-
 * complete, SIL OFL 1.1); a user who owns Times New Roman can register its files instead.
 */

export type FaceName = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface FontFaceFiles {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

export interface LoadedFace {
  file: string;
  bytes: Buffer;
  font: Fontkit.Font;
}

export interface FontFamily {
  name: string;
  faces: Record<FaceName, LoadedFace>;
  /**
   * Word's "single" line height divided by pdfkit's line height for this font. Word spaces lines
   * by the OS/2 win metrics; pdfkit by hhea ascent − descent + lineGap.
   */
  singleLineFactor: number;
}

/** The folder holding the bundled fonts (…/fonts beside src/ and dist/). */
export const bundledFontDir = fileURLToPath(new URL('../../fonts/', import.meta.url));

const bundledFamilies: Record<string, FontFaceFiles> = {
  Tinos: {
    regular: path.join(bundledFontDir, 'Tinos-Regular.ttf'),
    bold: path.join(bundledFontDir, 'Tinos-Bold.ttf'),
    italic: path.join(bundledFontDir, 'Tinos-Italic.ttf'),
    boldItalic: path.join(bundledFontDir, 'Tinos-BoldItalic.ttf'),
  },
};

const loaded = new Map<string, FontFamily>();

/** Use other files for a family name (e.g. the user's own Times New Roman). */
export function registerFontFamily(name: string, files: FontFaceFiles): void {
  bundledFamilies[name] = files;
  loaded.delete(name);
}

/** The font files of a family name, bundled or registered, without loading them. */
export function familyFiles(name: string): FontFaceFiles | undefined {
  return Object.hasOwn(bundledFamilies, name) ? bundledFamilies[name] : undefined;
}

/** The family, loaded and parsed on first use and kept for the life of the process. */
export function getFontFamily(name: string): FontFamily {
  const cached = loaded.get(name);
  if (cached) return cached;
  const files = bundledFamilies[name];
  if (!files) {
    throw new UsageError((lang) => say(lang, fontsMessages.unknownFamily, name, Object.keys(bundledFamilies).join(', ')));
  }
  const load = (file: string): LoadedFace => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new IoError((lang) => say(lang, fontsMessages.fontUnreadable, file, (e as Error).message));
    }
    const font = fontkit().create(bytes);
    lazyPostTable(font);
    return { file, bytes, font };
  };
  const faces: Record<FaceName, LoadedFace> = {
    regular: load(files.regular),
    bold: load(files.bold),
    italic: load(files.italic),
    boldItalic: load(files.boldItalic),
  };
  const family: FontFamily = { name, faces, singleLineFactor: singleLineFactor(faces.regular.font) };
  loaded.set(name, family);
  return family;
}

/**
 * The 'post' table's fixed header read at once and its glyph names only when asked for. fontkit
 * decodes the whole table (some 260 glyph-name strings) the first time anything reads it, and
 * the PDF writer reads only the header (italic angle, fixed pitch) while embedding: that decoding
 * was a tenth of a cold PDF render. Same values either way (OpenType 'post': Fixed version and
 * italic angle, FWORD underline metrics, uint32 fields; names by version).
 */
function lazyPostTable(font: Fontkit.Font): void {
  const f = font as unknown as {
    directory: { tables: Record<string, { offset: number; length: number } | undefined> };
    stream: { buffer: Uint8Array };
    _tables: Record<string, unknown>;
    _decodeTable(table: unknown): Record<string, unknown> | undefined;
  };
  const entry = f.directory?.tables?.post;
  const buffer = f.stream?.buffer;
  if (!entry || !buffer || !f._tables || 'post' in f._tables || entry.length < 32 || entry.offset + 32 > buffer.length) return;
  const v = new DataView(buffer.buffer, buffer.byteOffset + entry.offset, 32);
  const version = v.getInt32(0) / 65536;
  const byVersion: Record<number, string[]> = { 1: [], 2: ['numberOfGlyphs', 'glyphNameIndex', 'names'], 2.5: ['numberOfGlyphs', 'offsets'], 3: [], 4: ['map'] };
  const rest = byVersion[version];
  if (!rest) return; // a version fontkit does not know: left to fontkit
  const post: Record<string, unknown> = {
    version,
    italicAngle: v.getInt32(4) / 65536,
    underlinePosition: v.getInt16(8),
    underlineThickness: v.getInt16(10),
    isFixedPitch: v.getUint32(12),
    minMemType42: v.getUint32(16),
    maxMemType42: v.getUint32(20),
    minMemType1: v.getUint32(24),
    maxMemType1: v.getUint32(28),
  };
  let full: Record<string, unknown> | undefined;
  for (const key of rest) {
    Object.defineProperty(post, key, { enumerable: true, configurable: true, get: () => (full ??= f._decodeTable(entry) ?? {})[key] });
  }
  f._tables.post = post;
}

export function faceFor(bold: boolean, italic: boolean): FaceName {
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  if (italic) return 'italic';
  return 'regular';
}

/** Width of `text` in points at `size`, with the face's own shaping (kerning as pdfkit does not). */
export function measureText(family: FontFamily, face: FaceName, text: string, size: number): number {
  const font = family.faces[face].font;
  let widths = measured.get(font);
  if (!widths) measured.set(font, (widths = new Map()));
  let width = widths.get(text);
  if (width === undefined) {
    width = 0;
    // Sum glyph advances without kerning: pdfkit lays text out the same way.
    for (const glyph of font.layout(text).glyphs) width += glyph.advanceWidth;
    if (widths.size >= MAX_MEASURED) widths.clear();
    widths.set(text, width);
  }
  return (width / font.unitsPerEm) * size;
}

/**
 * Widths in font units by face and text, for the life of the process: layout measures the same
 * frame lines and labels in every document (and again for each format), and shaping is the cost.
 * The glyph objects shaping leaves behind are not reused from here: each PDF starts its own.
 */
const measured = new WeakMap<Fontkit.Font, Map<string, number>>();
/** Texts kept per face before the store starts again (a bound on memory). */
const MAX_MEASURED = 5_000;

function singleLineFactor(font: Fontkit.Font): number {
  // Word's single line: win ascent + win descent, plus the part of the hhea line gap that the win
  // metrics do not already cover. pdfmake uses pdfkit's lineHeight without the gap.
  const os2 = font['OS/2'];
  const win = os2.winAscent + os2.winDescent;
  const hheaBox = font.ascent - font.descent;
  const word = win + Math.max(0, font.lineGap - (win - hheaBox));
  return word / hheaBox;
}
