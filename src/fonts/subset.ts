import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaceName, FontFamily, LoadedFace } from './index.js';

/**
 * Font subsetting for embedding: each face is cut down to the Vietnamese and Latin repertoire (not
 * to the characters of one document), so a clerk can still type any Vietnamese word into the file.
 * Subsetting goes through HarfBuzz (hb-subset, via subset-font); results live for the process.
 *
 * The repertoire is fixed, so the subset of a face depends only on the face's bytes and the
 * subsetter: `npm run build` writes the bundled faces' subsets to dist/font-subsets, named by a
 * hash of both, and a process reads them there instead of loading HarfBuzz (about half a second
 * of a cold render). Any other face (a user's own Times New Roman) is subset by HarfBuzz as before.
 */

// subset-font is CommonJS and ships no types: type the one call made here.
type SubsetFont = (
  font: Buffer,
  text: string,
  options?: { targetFormat?: 'truetype'; noHinting?: boolean; preserveNameIds?: number[] },
) => Promise<Buffer>;
const requireHere = createRequire(import.meta.url);
let subsetFont: SubsetFont | undefined;

/** The 12 Vietnamese base vowels (lower case). */
const VIETNAMESE_VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** The five tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng. */
const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Every Vietnamese letter (vowels × tones, đ and the consonants) in both cases, NFC, sorted. */
export function vietnameseLetters(): string[] {
  const lower = new Set<string>('bcdđghklmnpqrstvx'.split(''));
  for (const v of VIETNAMESE_VOWELS) {
    lower.add(v);
    for (const t of TONE_MARKS) lower.add((v + t).normalize('NFC'));
  }
  const all = new Set<string>();
  for (const l of lower) {
    all.add(l);
    all.add(l.toUpperCase());
  }
  return [...all].sort();
}

function range(from: number, to: number): string {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

/**
 * The characters kept in every embedded face: ASCII printable, Latin-1 (letters, no-break space,
 * symbols), every Vietnamese letter, the combining marks that decomposed input (some keyboards'
 * "tổ hợp" mode) uses, and the punctuation and symbols of office documents.
 */
export const EMBED_REPERTOIRE: string = [
  range(0x20, 0x7e),
  range(0xa0, 0xff),
  vietnameseLetters().join(''),
  // Combining marks: the five tones plus circumflex, breve and horn.
  '\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323',
  // Dashes, quotes, daggers, bullet, ellipsis, per mille, primes, angle quotes.
  range(0x2010, 0x2015),
  range(0x2018, 0x2022),
  '\u2026\u2030\u2032\u2033\u2039\u203a',
  // ₫ (đồng), €, №, ™, minus, ≈ ≠ ≤ ≥; × ÷ ± ° § are in Latin-1 above.
  '\u20ab\u20ac\u2116\u2122\u2212\u2248\u2260\u2264\u2265',
].join('');

/** hb-subset's options: names 0–6 (the default) plus 16/17 (typographic family/subfamily) so
 * applications match the embedded faces to the family name the document asks for. */
const SUBSET_OPTIONS = { targetFormat: 'truetype', noHinting: true, preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 16, 17] } as const;

/** Where the build leaves the subsets of the bundled faces (dist/font-subsets beside dist/fonts). */
export const subsetCacheDir: string = fileURLToPath(new URL('../../dist/font-subsets/', import.meta.url));

let engine: string | undefined;
/** subset-font's and HarfBuzz's versions: a new subsetter may cut differently, so it names new files. */
function engineVersion(): string {
  if (engine === undefined) {
    const own = (requireHere('subset-font/package.json') as { version: string }).version;
    const wasm = createRequire(requireHere.resolve('subset-font')).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const hb = (JSON.parse(readFileSync(path.join(path.dirname(wasm), '..', 'package.json'), 'utf8')) as { version: string }).version;
    engine = `subset-font ${own}, harfbuzzjs ${hb}`;
  }
  return engine;
}

/** The cache file of a face's subset: a hash of the face, the repertoire, the options and the subsetter. */
export function subsetCacheFile(bytes: Uint8Array): string {
  const key = createHash('sha256').update(`baocao subset 1\0${engineVersion()}\0${JSON.stringify(SUBSET_OPTIONS)}\0${EMBED_REPERTOIRE}\0`).update(bytes).digest('hex');
  return path.join(subsetCacheDir, `${key.slice(0, 32)}.ttf`);
}

/** The face subset by HarfBuzz itself, never from the cache (the build and its test use this). */
export function harfbuzzSubset(bytes: Buffer): Promise<Buffer> {
  subsetFont ??= requireHere('subset-font') as SubsetFont;
  return subsetFont(bytes, EMBED_REPERTOIRE, { ...SUBSET_OPTIONS, preserveNameIds: [...SUBSET_OPTIONS.preserveNameIds] });
}

/** Write the family's four subsets to the cache (npm run build); returns the files. */
export async function writeSubsetCache(family: FontFamily): Promise<string[]> {
  mkdirSync(subsetCacheDir, { recursive: true });
  const files: string[] = [];
  for (const face of Object.values(family.faces)) {
    const file = subsetCacheFile(face.bytes);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, await harfbuzzSubset(face.bytes));
    renameSync(tmp, file);
    files.push(file);
  }
  return files;
}

function cachedSubset(bytes: Uint8Array): Buffer | undefined {
  try {
    return readFileSync(subsetCacheFile(bytes));
  } catch {
    return undefined;
  }
}

const cache = new WeakMap<LoadedFace, Promise<Buffer>>();

/**
 * The face subset to EMBED_REPERTOIRE as TrueType, computed once per loaded face and reused for
 * every document. HarfBuzz keeps cmap and the GSUB/GPOS tables (mark positioning for the tone
 * marks); hinting is dropped, which roughly halves the files and leaves the outlines valid.
 */
export function subsetFace(face: LoadedFace): Promise<Buffer> {
  let result = cache.get(face);
  if (!result) {
    const built = cachedSubset(face.bytes);
    result = built ? Promise.resolve(built) : harfbuzzSubset(face.bytes);
    cache.set(face, result);
    // A failed subset is not cached: the next document tries again.
    result.catch(() => cache.delete(face));
  }
  return result;
}

/** All four faces of the family, subset. */
export async function subsetFamily(family: FontFamily): Promise<Record<FaceName, Buffer>> {
  const [regular, bold, italic, boldItalic] = await Promise.all([
    subsetFace(family.faces.regular),
    subsetFace(family.faces.bold),
    subsetFace(family.faces.italic),
    subsetFace(family.faces.boldItalic),
  ]);
  return { regular, bold, italic, boldItalic };
}
