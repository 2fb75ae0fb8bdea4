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

interface FontkitGlyph {
  id: number;
  codePoints: number[];
}
interface FontkitFont {
  postscriptName: string;
  /** fontkit's glyph objects, each with the code points it was first reached from. */
  _glyphs: Record<number, FontkitGlyph | undefined>;
  directory: { tables: Record<string, unknown> };
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
}
/** What pdfkit's EmbeddedFont.layoutRun returns and reads back: glyphs, scaled positions, their sum. */
interface Run {
  glyphs: Array<FontkitGlyph | null>;
  positions: object[];
  advanceWidth: number;
}
interface EmbeddedFontLike {
  name: string;
  font: FontkitFont;
  layoutRun(text: string, features?: unknown): Run;
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
  if (shapeable(warm)) this._font.layoutRun = layoutRunShared;
  if (this._font.name && !this._fontFamilies[this._font.name]) {
    this._fontFamilies[this._font.name] = this._font;
  } else if (this._fontFamilies[this._font.name] !== this._font) {
    this._fontFamilies[id] = this._font;
  }
  return this;
};

/**
 * Shaped words kept across documents. pdfkit shapes text word by word (fontkit's layout: cmap,
 * GSUB, GPOS) and keeps the result for one document only; shaping was most of a warm PDF render.
 * Here a word's shaping is kept for the process: its glyph ids, its scaled positions and every
 * getGlyph call fontkit made while shaping it, with the code points of the glyph each call returned.
 *
 * The one state shaping reads and writes is the font's glyph objects (which carry the code points
 * of their first use, and so the document's ToUnicode map). A later document replays the calls on
 * its own fresh glyph objects: a call creates what it would have created, and where a glyph already
 * exists its code points must be the ones the recorded shaping saw. Shaping reads nothing else that
 * a document changes, so when every call matches, shaping anew would have made the same calls and
 * given the same run; when one does not (a glyph first reached from another character in this
 * document), another recorded shaping of the word is tried, and failing all, the word is shaped
 * anew. A replay that stops half-way leaves only glyphs that shaping anew would create with the
 * same code points before it reads them, so what follows (another replay or shaping) is unchanged.
 */
type Call = [id: number, chars: number[], returned: number[] | undefined];
/** One shaping of a word, from one state of the glyphs (a word may need another: a space reached first as a no-break space). */
interface Shaped {
  calls: Call[];
  ids: number[];
  positions: object[];
  advanceWidth: number;
}
const shapedWords = new WeakMap<FontkitFont, Map<string, Shaped[]>>();
/** Shapings kept per word. */
const MAX_VARIANTS = 4;
/** Distinct words kept per face before the store starts again (a bound on memory, not a tuning). */
const MAX_WORDS = 10_000;

/** Only plain TrueType faces: other kinds (colour, bitmap, variable, CFF) create glyphs elsewhere too. */
function shapeable(font: FontkitFont): boolean {
  const t = font.directory?.tables ?? {};
  return !!t.glyf && !t.sbix && !t.COLR && !t.fvar && !t['CFF '] && !t.CFF2;
}

let recording: { font: FontkitFont; calls: Call[] } | undefined;
let getGlyphPatched = false;

/** Record fontkit's getGlyph calls on the font being shaped (the prototype is patched once). */
function patchGetGlyph(font: FontkitFont): void {
  if (getGlyphPatched) return;
  getGlyphPatched = true;
  const proto = Object.getPrototypeOf(font) as FontkitFont;
  const getGlyph = proto.getGlyph;
  proto.getGlyph = function (this: FontkitFont, id: number, codePoints: number[] = []): FontkitGlyph | null {
    const glyph = getGlyph.call(this, id, codePoints);
    if (recording && recording.font === this) recording.calls.push([id, codePoints.slice(), glyph ? glyph.codePoints.slice() : undefined]);
    return glyph;
  };
}

const sameCodePoints = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

/** Replay a word's getGlyph calls on this document's glyphs; false at the first call that would differ. */
function replay(font: FontkitFont, calls: Call[]): boolean {
  for (const [id, chars, returned] of calls) {
    const existing = font._glyphs[id];
    if (existing) {
      if (!sameCodePoints(existing.codePoints, returned)) return false;
    } else {
      if (!sameCodePoints(chars, returned)) return false;
      font.getGlyph(id, chars);
    }
  }
  return true;
}

function layoutRunShared(this: EmbeddedFontLike, text: string, features?: unknown): Run {
  const own = Object.getPrototypeOf(this) as EmbeddedFontLike;
  if (features !== undefined || !fontCache.enabled) return own.layoutRun.call(this, text, features);
  const font = this.font;
  let words = shapedWords.get(font);
  if (!words) shapedWords.set(font, (words = new Map()));
  const known = words.get(text);
  for (const shaped of known ?? []) {
    if (replay(font, shaped.calls)) return { glyphs: shaped.ids.map((id) => font._glyphs[id] ?? null), positions: shaped.positions, advanceWidth: shaped.advanceWidth };
  }
  patchGetGlyph(font);
  const record = { font, calls: [] as Call[] };
  recording = record;
  let run: Run;
  try {
    run = own.layoutRun.call(this, text);
  } finally {
    recording = undefined;
  }
  const shaped: Shaped = { calls: record.calls, ids: run.glyphs.map((g) => g?.id ?? -1), positions: run.positions, advanceWidth: run.advanceWidth };
  if (!known) {
    if (words.size >= MAX_WORDS) words.clear();
    words.set(text, [shaped]);
  } else if (known.length < MAX_VARIANTS) known.push(shaped);
  return run;
}
