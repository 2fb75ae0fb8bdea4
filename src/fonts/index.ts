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
    return { file, bytes, font: fontkit().create(bytes) };
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

export function faceFor(bold: boolean, italic: boolean): FaceName {
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  if (italic) return 'italic';
  return 'regular';
}

/** Width of `text` in points at `size`, with the face's own shaping (kerning as pdfkit does not). */
export function measureText(family: FontFamily, face: FaceName, text: string, size: number): number {
  const font = family.faces[face].font;
  let width = 0;
  // Sum glyph advances without kerning: pdfkit lays text out the same way.
  for (const glyph of font.layout(text).glyphs) width += glyph.advanceWidth;
  return (width / font.unitsPerEm) * size;
}

function singleLineFactor(font: Fontkit.Font): number {
  // Word's single line: win ascent + win descent, plus the part of the hhea line gap that the win
  // metrics do not already cover. pdfmake uses pdfkit's lineHeight without the gap.
  const os2 = font['OS/2'];
  const win = os2.winAscent + os2.winDescent;
  const hheaBox = font.ascent - font.descent;
  const word = win + Math.max(0, font.lineGap - (win - hheaBox));
  return word / hheaBox;
}
