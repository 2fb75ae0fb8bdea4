import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeChars, missingGlyphs } from '../../src/fonts/coverage.js';
import { getFontFamily } from '../../src/fonts/index.js';
import { GlyphError, buildDocument, loadReport } from '../../src/pipeline/index.js';
import type { KindDefinition } from '../../src/model/index.js';

const tinos = getFontFamily('Tinos');

/**
 * Every Vietnamese letter, written out literally (146: 12 vowels x 6 tones x 2 cases + đ Đ), so
 * the list does not come from the normalisation the code under test also relies on.
 */
const LETTERS = readFileSync('test/fixtures/vietnamese-letters.txt', 'utf8').split('\n').filter((l) => l !== '');

describe('glyph coverage', () => {
  it('finds every Vietnamese letter in all four faces of the bundled font', () => {
    expect(LETTERS).toHaveLength(146);
    expect(new Set(LETTERS).size).toBe(146);
    for (const l of LETTERS) expect(l.normalize('NFC'), l).toBe(l);
    const letters = LETTERS.join('');
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      expect(missingGlyphs(letters, tinos, face)).toEqual([]);
      // The check reads to the end: a character the font lacks, after all the letters, is found.
      expect(missingGlyphs(`${letters}\u{1F600}`, tinos, face)).toEqual(['\u{1F600}']);
    }
  });

  it('names characters outside the font with their code points', () => {
    expect(missingGlyphs('Công an 😀 xã 𝒜 😀', tinos)).toEqual(['😀', '𝒜']);
    expect(describeChars(['😀', '𝒜'])).toBe('"😀" (U+1F600), "𝒜" (U+1D49C)');
  });

  it('stops a data file with such a character at its field and line, before rendering', async () => {
    const r = await loadReport('test/fixtures/data/bad-glyph.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 16, column: 9, path: ['police', 'unit'], code: 'glyph' });
    expect(r.problems[0]!.message).toBe(
      'trường "police.unit": phông Tinos không có chữ "😀" (U+1F600), "𝒜" (U+1D49C); văn bản in ra sẽ thiếu chữ — hãy thay bằng chữ khác.');
  });

  it('stops a template with such a character, naming the template line', async () => {
    const r = await loadReport('test/fixtures/data/minimal.yaml');
    if (!r.ok) throw new Error('fixture invalid');
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-glyph-'));
    mkdirSync(path.join(dir, 'k'));
    writeFileSync(path.join(dir, 'k', 'body.hbs'), '<p>Dòng một.</p>\n<p>Biểu tượng ☎ lạ.</p>\n');
    const kind = { ...r.kind, template: path.join(dir, 'k') } as KindDefinition;
    let caught: unknown;
    try {
      buildDocument(kind, r.report);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GlyphError);
    expect((caught as Error).message).toBe(`${path.join(dir, 'k', 'body.hbs')}:2: phông Tinos (regular) không có chữ "☎" (U+260E) trong "Biểu tượng ☎ lạ.".`);
  });
});
