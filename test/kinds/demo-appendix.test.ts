import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatInteger } from '../../src/format/index.js';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { lines, readPdf } from '../support/pdf.js';

// The demo of a fictional town: the qp-an kind's per-commune appendix, landscape, with merged header
// cells and a totals row the template computes from the rows.
const DEMO = 'data/demo-thi-xa-song-lam-2021.yaml';

describe('the per-commune appendix of the qp-an demo', () => {
  it('is a landscape "Phụ lục" whose totals row sums the rows, referred to from the body', async () => {
    const r = await loadReport(DEMO);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const doc = buildDocument(r.kind, r.report);
    expect(doc.appendices).toHaveLength(1);
    expect(doc.appendices[0]).toMatchObject({ label: 'Phụ lục', orientation: 'landscape' });
    expect(doc.appendices[0]!.title).toEqual(['KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC', 'THEO XÃ, PHƯỜNG NĂM 2021']);

    const pdf = await readPdf(await renderDocument(doc, 'pdf', 'nd30'));
    const page = pdf.pages.find((p) => lines(p).some((l) => l.text === 'Phụ lục'))!;
    expect(page.width).toBeGreaterThan(page.height);
    const text = lines(page).map((l) => l.text);
    expect(text).toContain('(Kèm theo Báo cáo số 07/BC-UBND ngày 05 tháng 01 năm 2022 của Ủy ban nhân dân thị xã Sông Lam)');

    const communes = (parse(readFileSync(DEMO, 'utf8')) as { communes: Record<string, number | string>[] }).communes;
    const total = (f: string) => formatInteger(communes.reduce((a, c) => a + (c[f] as number), 0));
    const want = `Tổng cộng ${['securityTeams', 'teamMembers', 'cameraModels', 'outreachSessions', 'outreachParticipants'].map(total).join(' ')}`;
    expect(text).toContain(want);
    for (const c of communes) expect(text.some((l) => l.includes(String(c.name))), String(c.name)).toBe(true);

    const body = pdf.pages.flatMap((p) => lines(p).map((l) => l.text)).join(' ');
    expect(body).toContain('tại Phụ lục kèm theo Báo cáo này');
  });

  it('is absent from the Nghi Sơn sample, which has no per-commune figures', async () => {
    const r = await loadReport('data/nghi-son-qp-an-2020.yaml');
    if (!r.ok) throw new Error('sample invalid');
    expect(buildDocument(r.kind, r.report).appendices).toEqual([]);
  });
});
