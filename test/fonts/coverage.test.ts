import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeChars, missingGlyphs } from '../../src/fonts/coverage.js';
import { getFontFamily } from '../../src/fonts/index.js';
import { GlyphError, buildDocument, loadReport } from '../../src/pipeline/index.js';
import type { KindDefinition } from '../../src/model/index.js';

const tinos = getFontFamily('Tinos');

/** Every Vietnamese letter: the base vowels with each tone mark, both cases, and đ. */
function vietnameseLetters(): string[] {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const lower = bases.flatMap((b) => tones.map((t) => (b + t).normalize('NFC')));
  return [...lower, ...lower.map((c) => c.toLocaleUpperCase('vi')), 'đ', 'Đ'];
}

describe('glyph coverage', () => {
  it('finds every Vietnamese letter in all four faces of the bundled font', () => {
    const letters = vietnameseLetters().join('');
    expect(vietnameseLetters()).toHaveLength(12 * 6 * 2 + 2);
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) expect(missingGlyphs(letters, tinos, face)).toEqual([]);
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
