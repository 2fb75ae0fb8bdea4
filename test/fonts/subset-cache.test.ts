import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getFontFamily } from '../../src/fonts/index.js';
import { harfbuzzSubset, subsetCacheFile, subsetFace } from '../../src/fonts/subset.js';

// Issue 15: the DOCX subsets of the bundled faces are made by the build (test/setup/build.ts runs
// it), not by HarfBuzz in every process. What a process reads must be byte for byte what HarfBuzz
// makes, and the cache must be what is read.
describe('prebuilt font subsets', () => {
  const family = getFontFamily('Tinos');

  it.each(['regular', 'bold', 'italic', 'boldItalic'] as const)('%s: the built file is HarfBuzz\'s subset, and the one used', async (face) => {
    const loaded = family.faces[face];
    const file = subsetCacheFile(loaded.bytes);
    expect(existsSync(file)).toBe(true);
    const built = readFileSync(file);
    const fresh = await harfbuzzSubset(loaded.bytes);
    expect(built.equals(fresh)).toBe(true);
    expect((await subsetFace(loaded)).equals(built)).toBe(true);
  });

  it('a different face or subsetter names a different file', () => {
    const a = subsetCacheFile(family.faces.regular.bytes);
    const b = subsetCacheFile(family.faces.bold.bytes);
    const changed = Buffer.from(family.faces.regular.bytes);
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 1;
    expect(new Set([a, b, subsetCacheFile(changed)]).size).toBe(3);
  });
});
