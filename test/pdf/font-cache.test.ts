import { describe, expect, it } from 'vitest';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { fontCache } from '../../src/render/pdf/font-cache.js';

describe('parsed fonts kept across documents', () => {
  it('is on for the pinned pdfkit and gives the same bytes as parsing every time', async () => {
    expect(fontCache.enabled).toBe(true);
    for (const file of ['data/nghi-son-qp-an-2020.yaml', 'test/fixtures/data/song-lam-2021.yaml']) {
      const r = await loadReport(file);
      if (!r.ok) throw new Error(`${file} invalid`);
      const doc = buildDocument(r.kind, r.report);
      const cached = [await renderDocument(doc, 'pdf', 'nd30'), await renderDocument(doc, 'pdf', 'nd30')];
      fontCache.enabled = false;
      try {
        const fresh = await renderDocument(doc, 'pdf', 'nd30');
        expect(cached[0]!.equals(fresh), file).toBe(true);
        expect(cached[1]!.equals(fresh), file).toBe(true);
      } finally {
        fontCache.enabled = true;
      }
    }
  });

  it('keeps shaped words across different documents, each with the bytes of a fresh render', async () => {
    const docs = [];
    for (const file of ['data/nghi-son-qp-an-2020.yaml', 'test/fixtures/data/song-lam-2021.yaml', 'data/demo-ban-tin-antt-2024-03.yaml']) {
      const r = await loadReport(file);
      if (!r.ok) throw new Error(`${file} invalid`);
      docs.push({ file, doc: buildDocument(r.kind, r.report) });
    }
    fontCache.enabled = false;
    const fresh = new Map<string, Buffer>();
    try {
      for (const d of docs) fresh.set(d.file, await renderDocument(d.doc, 'pdf', 'nd30'));
    } finally {
      fontCache.enabled = true;
    }
    // Each order leaves the glyphs in another state for the next document's shaped words.
    for (const d of [...docs, ...docs.slice().reverse(), docs[0]!]) {
      expect((await renderDocument(d.doc, 'pdf', 'nd30')).equals(fresh.get(d.file)!), d.file).toBe(true);
    }
  });
});
