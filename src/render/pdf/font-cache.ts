import { createRequire } from 'node:module';

/**
 * Parsed fonts kept across PDF documents. pdfkit parses every font file anew for every document
 * (fontkit.create, then table decoding on first use) — about three quarters of a render. Here the
 * faces we register are parsed once per process and each new document gets a fresh EmbeddedFont
 * (its own subset) and fresh glyph objects around the same parsed tables, so the output bytes do
 * not change.
 *
 * pdfkit exposes no hook for this, so its `font()` method is wrapped for our buffers only, in the
 * pdfkit instance pdfmake itself loads. The wrapper mirrors pdfkit 0.19's `font()` step by step; for
 * any other pdfkit version it stays off and pdfkit works as shipped.
 */

interface FontkitFont {
  postscriptName: string;
  /** fontkit's glyph objects, each with the code points it was first reached from. */
  _glyphs: Record<number, unknown>;
}
interface EmbeddedFontLike {
  name: string;
  font: FontkitFont;
}
type EmbeddedFontClass = new (doc: unknown, font: FontkitFont, id: string) => EmbeddedFontLike;
interface PdfKitDoc {
  _font: EmbeddedFontLike;
  _fontFamilies: Record<string, EmbeddedFontLike>;
  _fontCount: number;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): void;
  font(src: unknown, family?: unknown, size?: number): PdfKitDoc;
}
type PdfKitClass = { prototype: PdfKitDoc } & (new (options?: Record<string, unknown>) => PdfKitDoc);

const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const PDFKit = fromPdfmake('pdfkit') as PdfKitClass;
const pdfkitVersion = (fromPdfmake('pdfkit/package.json') as { version: string }).version;

/** Whether parsed fonts are reused (tests and benchmarks switch it off to compare). */
export const fontCache = { enabled: pdfkitVersion === '0.19.1' };

const parsed = new WeakMap<Uint8Array, FontkitFont>();
const original = PDFKit.prototype.font;
let EmbeddedFont: EmbeddedFontClass | undefined;

/**
 * Documents drawing with `bytes` reuse `font`, the face the font registry parsed with the same
 * fontkit instance pdfkit uses.
 */
export function warmFont(bytes: Uint8Array, font: unknown): void {
  if (parsed.has(bytes)) return;
  if (!EmbeddedFont) {
    // pdfkit does not export its EmbeddedFont class: take it from a font opened once.
    const probe = new PDFKit({ autoFirstPage: false });
    original.call(probe, bytes);
    EmbeddedFont = probe._font.constructor as EmbeddedFontClass;
  }
  parsed.set(bytes, font as FontkitFont);
}

PDFKit.prototype.font = function font(this: PdfKitDoc, src: unknown, family?: unknown, size?: number): PdfKitDoc {
  const warm = fontCache.enabled && src instanceof Uint8Array && (family === undefined || family === null) ? parsed.get(src) : undefined;
  if (!warm || !EmbeddedFont) return original.call(this, src, family, size);
  // pdfkit 0.19.1 font(), with PDFFontFactory.open replaced by the parsed font.
  this._fontSource = src;
  this._fontFamily = family;
  if (size != null) this.fontSize(size);
  const id = `F${++this._fontCount}`;
  const existing = this._fontFamilies[warm.postscriptName];
  if (existing && existing.font === warm) {
    this._font = existing;
    return this;
  }
  // fontkit keeps a glyph with the code points of its first use; a glyph first reached as a
  // component of a composite ("I" inside "Ị") has none, and a later document would then lose it
  // from its ToUnicode map. Each document starts with fresh glyph objects, as with a fresh font;
  // the parsed tables, the expensive part, stay.
  warm._glyphs = {};
  this._font = new EmbeddedFont(this, warm, id);
  if (this._font.name && !this._fontFamilies[this._font.name]) {
    this._fontFamilies[this._font.name] = this._font;
  } else if (this._fontFamilies[this._font.name] !== this._font) {
    this._fontFamilies[id] = this._font;
  }
  return this;
};
