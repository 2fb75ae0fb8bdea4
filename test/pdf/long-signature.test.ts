import { describe, expect, it } from 'vitest';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { lines, readPdf } from '../support/pdf.js';

// pdfmake silently drops an unbreakable block taller than a page: a long "Nơi nhận" list must flow
// on instead, every line and the signature present.
describe('a recipients list taller than a page', () => {
  it('is rendered in full, with the signature, and a short one stays together with the last paragraph', async () => {
    const r = await loadReport('data/nghi-son-qp-an-2020.yaml');
    if (!r.ok) throw new Error('sample invalid');
    for (const n of [90, 12]) {
      r.report.frame.recipients = Array.from({ length: n }, (_, i) => `UBND xã số ${i + 1}`);
      const pdf = await readPdf(await renderDocument(buildDocument(r.kind, r.report), 'pdf', 'nd30'));
      const all = pdf.pages.map((p) => lines(p).map((l) => l.text));
      const text = all.flat().join('\n');
      for (let i = 1; i <= n; i++) expect(text, `recipient ${i}`).toContain(`- UBND xã số ${i};`);
      expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
      expect(text).toContain('- Lưu: VT.');
      if (n === 12) {
        const last = all[all.length - 1]!.join('\n');
        expect(last).toContain('Nơi nhận:');
        expect(last).toContain('Nghi Sơn./.');
      }
    }
  });
});
