import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { renderData } from '../../src/index.js';
import { breakable, runs } from '../../src/render/pdf/text.js';
import { lines, readPdf } from '../support/pdf.js';

// Issue 13 items 10 and 11: a long token and a long paragraph are laid out in linear time in the
// PDF. No clock here: the tests count the work (break opportunities, elements copied).
const base = parse(readFileSync('test/fixtures/data/minimal.yaml', 'utf8')) as Record<string, unknown>;

describe('a long token without spaces', () => {
  it('gets a break opportunity every 8 characters, never before a combining mark', () => {
    expect(breakable('A'.repeat(20))).toBe('AAAAAAAA\u200bAAAAAAAA\u200bAAAA');
    const decomposed = 'e\u0302\u0301'.repeat(10); // ế as e + two marks: the marks stay on their letter
    expect(breakable(decomposed).split('\u200b').every((piece) => !/^\p{M}/u.test(piece))).toBe(true);
    const url = `https://vb.gov.vn/${'x'.repeat(60)}`;
    const out = runs([{ type: 'text', text: `Xem ${url} nhé` }], true) as { text: string; noWrap?: boolean }[];
    expect(out.map((r) => r.text).join('').replaceAll('\u200b', '')).toBe(`Xem ${url} nhé`);
    expect(out.find((r) => r.text.includes('vb.gov'))!.text.split('\u200b').length).toBeGreaterThan(9);
    // Letters only (what the old code passed whole to pdfmake's prefix-measuring cut) too.
    expect((runs([{ type: 'text', text: 'B'.repeat(100) }], false)[0] as { text: string }).text.split('\u200b')).toHaveLength(13);
  });

  it('20,000 characters render, wrapped within the margins, with every character kept', async () => {
    const token = 'QmFvQ2Fv'.repeat(2_500);
    const pdf = (await renderData({ ...base, forecast: token }, { formats: ['pdf'] })).outputs.pdf!;
    const read = await readPdf(pdf);
    const body = read.pages.flatMap((p) => lines(p)).filter((l) => /^(QmFvQ2Fv|[A-Za-z0-9]{8,})/.test(l.text.replaceAll('\u200b', '')));
    expect(body.length).toBeGreaterThan(100);
    expect(body.map((l) => l.text.replaceAll('\u200b', '').replaceAll(' ', '')).join('')).toContain(token.slice(0, 2_000));
    for (const page of read.pages) for (const item of page.items) expect(item.x + item.width).toBeLessThanOrEqual(page.width - 15 * (72 / 25.4) + 1);
  });
});

describe('a long paragraph', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is laid out without copying the rest of the paragraph for every word', async () => {
    const words = 6_000;
    const forecast = Array.from({ length: words }, (_, i) => (i % 10 === 9 ? 'ổn định.' : 'tình hình')).join(' ');
    let copied = 0;
    const slice = Array.prototype.slice;
    vi.spyOn(Array.prototype, 'slice').mockImplementation(function (this: unknown[], ...a: [number?, number?]) {
      const out = slice.apply(this, a);
      copied += out.length;
      return out;
    });
    await renderData({ ...base, forecast }, { formats: ['pdf'] });
    vi.restoreAllMocks();
    // pdfmake's own loop copied the rest of the paragraph per word: about words² / 2 = 18 million here.
    expect(copied).toBeLessThan(200 * words);
  });
});

describe('a long run of punctuation between spaces', () => {
  afterEach(() => vi.restoreAllMocks());

  // Unicode line breaking allows no break before "." ";" "," ":" even after a space, nor after "(":
  // " .;,: .;,: …" is one word however long, cut line by line by measuring prefixes. pdfmake measured
  // them over the whole word and then the whole rest, for every line: 100 KB took 14 s, 200 KB 60 s.
  it('is cut into lines measuring about a line of characters per line, not the whole rest', async () => {
    const run = `a${' .;,:'.repeat(4_000)}x`;
    const TextInlines = (createRequire(createRequire(import.meta.url).resolve('pdfmake'))('./TextInlines.js') as { default: { prototype: { widthOfText(t: string, i: unknown): number } } }).default;
    const widthOfText = TextInlines.prototype.widthOfText;
    let measured = 0;
    vi.spyOn(TextInlines.prototype, 'widthOfText').mockImplementation(function (this: unknown, t: string, i: unknown) {
      measured += t.length;
      return widthOfText.call(this, t, i);
    });
    const pdf = (await renderData({ ...base, tasks: [run] }, { formats: ['pdf'] })).outputs.pdf!;
    vi.restoreAllMocks();
    // Before the fix: 7 million characters measured for these 20,000, growing with the square of the run.
    expect(measured).toBeLessThan(100 * run.length);
    const read = await readPdf(pdf);
    const text = read.pages.flatMap((p) => lines(p)).map((l) => l.text).join('').replace(/\s+/g, '');
    expect(text).toContain(run.replace(/\s+/g, '').slice(0, 3_000));
    for (const page of read.pages) for (const item of page.items) expect(item.x + item.width).toBeLessThanOrEqual(page.width - 15 * (72 / 25.4) + 1);
  });
});
