import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IoError } from '../messages/errors.js';
import { fontsMessages } from '../messages/fonts.js';
import { say } from '../messages/types.js';
import type { FaceName, FontFaceFiles } from './index.js';

/**
 * Which characters a face can draw, without parsing the font: validating a data file checks every
 * character against the kind's font (src/fonts/coverage.ts), and fontkit, its tables and its
 * Unicode data were most of a cold `validate`. The build writes the code points of the bundled
 * faces to dist/font-coverage.json, keyed by a hash of each font file's bytes; any other file (a
 * user's own Times New Roman) is answered by fontkit as before.
 */

export const coverageCacheFile = fileURLToPath(new URL('../../dist/font-coverage.json', import.meta.url));

/** "a-b,c" ranges of code points, as the cache stores them. */
type Ranges = string;

let cache: Record<string, Ranges> | undefined;
const byFile = new Map<string, (cp: number) => boolean>();

export function fontHash(bytes: Uint8Array): string {
  return createHash('sha256').update('baocao coverage 1\0').update(bytes).digest('hex');
}

/** The code points of a face with a glyph (fontkit's hasGlyphForCodePoint), as ranges. */
export function coverageRanges(codePoints: Iterable<number>): Ranges {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

function predicate(ranges: Ranges): (cp: number) => boolean {
  const set = new Set<number>();
  for (const r of ranges.split(',')) {
    if (r === '') continue;
    const [a, b] = r.split('-').map(Number) as [number, number | undefined];
    for (let cp = a; cp <= (b ?? a); cp++) set.add(cp);
  }
  return (cp) => set.has(cp);
}

/**
 * has(face, codePoint) for a family's files: from the build's table when it knows the file's
 * bytes, else undefined (the caller asks fontkit).
 */
export function cachedCoverage(files: FontFaceFiles): ((face: FaceName, cp: number) => boolean) | undefined {
  if (process.env.BAOCAO_NO_BUILD_CACHE === '1') return undefined;
  if (cache === undefined) {
    try {
      cache = JSON.parse(readFileSync(coverageCacheFile, 'utf8')) as Record<string, Ranges>;
    } catch {
      cache = {};
    }
  }
  const faces = {} as Record<FaceName, (cp: number) => boolean>;
  for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
    const file = files[face];
    let has = byFile.get(file);
    if (!has) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        throw new IoError((lang) => say(lang, fontsMessages.fontUnreadable, file, (e as Error).message));
      }
      const ranges = cache[fontHash(bytes)];
      if (ranges === undefined) return undefined;
      has = predicate(ranges);
      byFile.set(file, has);
    }
    faces[face] = has;
  }
  return (face, cp) => faces[face](cp);
}
