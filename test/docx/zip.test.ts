import { existsSync, readFileSync } from 'node:fs';
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { getFontFamily } from '../../src/fonts/index.js';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { subsetFamily } from '../../src/fonts/subset.js';
import { fontKey, obfuscateFont } from '../../src/render/docx/package.js';
import { deflateCacheFile, deflatePart, zipParts } from '../../src/render/docx/zip.js';

// Issue 15: the DOCX is zipped by our own writer so the constant font parts can come deflated; its
// bytes must be fflate's zipSync(level 9, fixed time) byte for byte, the bytes the package had.
const TIME = new Date(1980, 0, 1, 0, 0, 0);

describe('the DOCX zip writer', () => {
  const entries: Array<[string, Uint8Array]> = [
    ['[Content_Types].xml', strToU8('<?xml version="1.0"?><Types/>')],
    ['_rels/.rels', strToU8('<Relationships/>'.repeat(40))],
    ['word/empty.xml', new Uint8Array(0)],
    ['word/document.xml', strToU8('<w:p>Cộng hòa xã hội chủ nghĩa Việt Nam</w:p>'.repeat(500))],
    ['word/fonts/font1.odttf', Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)],
  ];
  const fflate = (): Uint8Array => {
    const z: Zippable = {};
    for (const [name, data] of entries) z[name] = [data, { level: 9, mtime: TIME }];
    return zipSync(z);
  };

  it('writes what fflate zipSync writes, deflating here or given the parts deflated', () => {
    const expected = fflate();
    expect(Buffer.from(zipParts(entries, TIME)).equals(Buffer.from(expected))).toBe(true);
    const given = entries.map(([name, data]): [string, Uint8Array, ReturnType<typeof deflatePart>] => [name, data, deflatePart(data)]);
    expect(Buffer.from(zipParts(given, TIME)).equals(Buffer.from(expected))).toBe(true);
  });

  it('the build\'s deflated font parts are fflate\'s level-9 deflate of the obfuscated faces', async () => {
    const family = getFontFamily('Tinos');
    const subsets = await subsetFamily(family);
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      const data = obfuscateFont(subsets[face], fontKey(family.name, face));
      const file = deflateCacheFile(data);
      expect(existsSync(file), face).toBe(true);
      expect(readFileSync(file).equals(Buffer.from(deflateSync(data, { level: 9 }))), face).toBe(true);
    }
  });

  it('the build\'s deflated shared parts are fflate\'s level-9 deflate of the parts, and a document\'s own text is not among them', async () => {
    const r = await loadReport('data/nghi-son-qp-an-2020.yaml');
    if (!r.ok) throw new Error('sample invalid');
    const parts = unzipSync(await renderDocument(buildDocument(r.kind, r.report), 'docx', r.kind.profile));
    const cached = Object.entries(parts).filter(([, data]) => existsSync(deflateCacheFile(data)));
    expect(cached.map(([name]) => name)).toContain('word/theme/theme1.xml');
    expect(cached.map(([name]) => name)).not.toContain('word/document.xml');
    for (const [name, data] of cached) expect(readFileSync(deflateCacheFile(data)).equals(Buffer.from(deflateSync(data, { level: 9 }))), name).toBe(true);
  });
});
