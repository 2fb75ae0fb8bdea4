import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedCoverage, coverageCacheFile, fontHash } from '../../src/fonts/cmap.js';
import { familyFiles, getFontFamily } from '../../src/fonts/index.js';
import { loadReportText } from '../../src/pipeline/index.js';

// The build's table of the bundled faces' characters (dist/font-coverage.json, made by npm run
// build in the suite's global setup) must answer exactly as the parsed font does, for every
// character of the Basic Multilingual Plane and beyond, and a font file it does not know falls
// back to parsing (a user's own Times New Roman).
afterEach(() => {
  delete process.env.BAOCAO_NO_BUILD_CACHE;
});

describe('the build’s character table of the bundled faces', () => {
  it('answers as fontkit does for every code point up to U+FFFF and a sample beyond', () => {
    const files = familyFiles('Tinos')!;
    const has = cachedCoverage(files);
    expect(has).toBeDefined();
    const family = getFontFamily('Tinos');
    const points = [...Array.from({ length: 0x10000 }, (_, i) => i), 0x1d49c, 0x1f600, 0x10ffff, 0x20000];
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      const font = family.faces[face].font;
      const differ = points.filter((cp) => has!(face, cp) !== font.hasGlyphForCodePoint(cp));
      expect(differ, face).toEqual([]);
      expect(has!(face, 'ạ'.codePointAt(0)!)).toBe(true);
    }
  });

  it('knows a file only by its bytes: another font file is left to fontkit', () => {
    const table = JSON.parse(readFileSync(coverageCacheFile, 'utf8')) as Record<string, string>;
    const files = familyFiles('Tinos')!;
    expect(Object.keys(table).sort()).toEqual(Object.values(files).map((f) => fontHash(readFileSync(f))).sort());
    const other = path.resolve('test/fixtures/data/minimal.yaml'); // any bytes that are not a bundled face
    expect(cachedCoverage({ ...files, bold: other })).toBeUndefined();
  });

  it('gives the same glyph problems with and without the table', () => {
    const text = readFileSync('test/fixtures/data/minimal.yaml', 'utf8').replace(/^(\s*issuingAgency:).*$/m, '$1 "UBND XÃ 𝒜N PHÚ 😀"');
    const withTable = loadReportText(text, 'x.yaml', 'en');
    process.env.BAOCAO_NO_BUILD_CACHE = '1';
    const parsed = loadReportText(text, 'x.yaml', 'en');
    expect(withTable.ok).toBe(false);
    expect(withTable).toEqual(parsed);
    const glyph = !withTable.ok ? withTable.problems.filter((p) => p.code === 'glyph') : [];
    expect(glyph.map((p) => p.message)).toEqual([expect.stringContaining('"𝒜" (U+1D49C), "😀" (U+1F600)')]);
  });
});
