import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { getFontFamily } from '../../src/fonts/index.js';
import { missingGlyphs } from '../../src/fonts/coverage.js';
import { buildDocument, loadReportText, renderDocument } from '../../src/pipeline/index.js';
import type { Block, Inline } from '../../src/document/types.js';
import { readPdf } from '../support/pdf.js';

// Whole documents under arbitrary text: any string in a text field either renders, its NFC form
// found in the output, or fails with a clear, positioned problem. Markup in data stays text.
const minimal = parse(readFileSync('test/fixtures/data/minimal.yaml', 'utf8')) as { leadership: { summary: string } };
const tinos = getFontFamily('Tinos');

const pieces = [
  'a', 'ă', 'â', 'ệ', 'Ự', 'đ', 'Đ', 'ỹ', 'Quốc phòng', ' ', '  ', '\t', '\n', '\u00a0',
  '<b>', '</p>', '<h1>X</h1>', '&amp;', '&', '&lt;', '{{x}}', '{{{y}}}', '{{#each a}}', '"', "'", '\\', '/', '-', '2.130', '4,3%',
  'e\u0302\u0301', 'Quo\u0302\u0301c', '\u0301', '😀', '中', '\u200b', '\u0007',
];
const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 25 }).map((a) => a.join(''));

/** What the document should show for a field value: NFC, trimmed, ASCII whitespace collapsed. */
const expected = (s: string) => s.normalize('NFC').trim().replace(/[ \t\n\r\f]+/g, ' ');
const plain = (content: Inline[]) => content.map((c) => (c.type === 'text' ? c.text : '\n')).join('');
const shape = (blocks: Block[]) => blocks.map((b) => (b.type === 'heading' ? `h${b.level}${b.number}` : b.type));

function withSummary(s: string) {
  const data = structuredClone(minimal);
  data.leadership.summary = s;
  return loadReportText(stringify(data), 'prop.yaml');
}

const reference = (() => {
  const r = withSummary('Tham chiếu.');
  if (!r.ok) throw new Error('fixture invalid');
  return shape(buildDocument(r.kind, r.report).children);
})();

describe('any text in a field', () => {
  it('renders as its NFC text without changing the structure, or fails with a positioned problem', () => {
    fc.assert(
      fc.property(text, (s) => {
        const r = withSummary(s);
        const want = expected(s);
        const unprintable = missingGlyphs(s.normalize('NFC'), tinos).length > 0;
        if (!r.ok) {
          // Refused only when empty or unprintable, each a clear, positioned problem. Never as
          // "legacy-encoded": these pieces are Unicode, and the detector must not refuse them.
          expect(want === '' || unprintable, JSON.stringify(r.problems)).toBe(true);
          expect(r.problems.filter((p) => p.code === 'legacy-encoding')).toEqual([]);
          for (const p of r.problems) {
            expect(p.path).toEqual(['leadership', 'summary']);
            expect(p.line).toBeGreaterThan(0);
            expect(p.message).toMatch(/^trường "leadership\.summary": /);
          }
          return;
        }
        expect(unprintable).toBe(false);
        const body = buildDocument(r.kind, r.report).children;
        expect(shape(body)).toEqual(reference);
        const paragraph = body[3]; // intro, I., 1. Công tác lãnh đạo, then the summary
        expect(paragraph?.type).toBe('paragraph');
        if (paragraph?.type !== 'paragraph') return;
        expect(plain(paragraph.children)).toBe(want);
        expect(plain(paragraph.children)).toBe(plain(paragraph.children).normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });

  it('shows up in the PDF exactly (NFC), markup characters as text', async () => {
    const printable = fc.array(fc.constantFrom(...pieces.slice(0, 31)), { minLength: 1, maxLength: 12 }).map((a) => a.join(''))
      .filter((s) => expected(s) !== '');
    await fc.assert(
      fc.asyncProperty(printable, async (s) => {
        const r = withSummary(s);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const pdf = await readPdf(await renderDocument(buildDocument(r.kind, r.report), 'pdf', 'nd30'));
        const squash = (t: string) => t.replace(/\s+/g, '');
        expect(squash(pdf.text)).toContain(squash(expected(s)));
      }),
      { numRuns: 6 },
    );
  });
});
