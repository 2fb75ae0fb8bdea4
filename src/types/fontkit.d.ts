// Minimal typing of the parts of fontkit that baocao uses (fontkit ships no types).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
  }
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: Glyph[];
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    characterSet: number[];
    'OS/2': { typoAscender: number; typoDescender: number; typoLineGap: number; winAscent: number; winDescent: number };
    hhea: { ascent: number; descent: number; lineGap: number };
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Uint8Array | Buffer, postscriptName?: string): Font;
}
