import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/load/index.js';
import { buildDocument, loadReport, renderDocument } from '../../src/pipeline/index.js';
import { readPdf } from '../support/pdf.js';
import type { PdfPage } from '../support/pdf.js';

// The shipped example: the town of Sông Lam rolls up the reports of its five communes (data/rollup-demo).
const DEMO = 'data/rollup-demo';
const TOWN = 'thi-xa-song-lam-2021.yaml';

function copyDemo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-rollup-'));
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}

/** A table row of a page: the items on one baseline, each cell's text in order. */
function tableRows(page: PdfPage): string[][] {
  const byY = new Map<number, PdfPage['items']>();
  for (const item of page.items) {
    const y = Math.round(item.y * 2) / 2;
    byY.set(y, [...(byY.get(y) ?? []), item]);
  }
  return [...byY.entries()].sort((a, b) => a[0] - b[0]).map(([, items]) => {
    const cells: string[] = [];
    let end = -Infinity;
    // Words of one cell are a space apart (about 3.5 pt); cells are further apart (padding, rules).
    for (const i of items.filter((x) => x.str.trim() !== '').sort((a, b) => a.x - b.x)) {
      if (i.x - end > 6 || cells.length === 0) cells.push(i.str);
      else cells[cells.length - 1] += ` ${i.str}`;
      end = i.x + i.width;
    }
    return cells.map((c) => c.trim()).filter(Boolean);
  });
}

describe('roll-up: the town report takes its communes\' figures from their own reports', () => {
  it('renders the appendix with every commune\'s row in the declared order and the totals, read back from the PDF', async () => {
    const r = await loadReport(path.join(DEMO, TOWN));
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
    expect(r.warnings).toEqual([]);
    const pdf = await renderDocument(buildDocument(r.kind, r.report), 'pdf', r.kind.profile);
    const { pages } = await readPdf(pdf);
    const appendix = pages.find((p) => /Tổng\s+cộng/.test(p.text))!;
    expect(appendix.width).toBeGreaterThan(appendix.height); // landscape
    const rows = tableRows(appendix);
    const start = rows.findIndex((cells) => cells[0] === '1');
    expect(rows.slice(start, start + 6)).toEqual([
      ['1', 'Phường Bắc Sơn', '13', '78', '2', '2', '98'],
      ['2', 'Phường Nam Sơn', '16', '80', '1', '2', '208'],
      ['3', 'Xã Đông Hà', '9', '54', '3', '2', '226'],
      ['4', 'Xã Tây Hà', '14', '70', '1', '2', '222'],
      ['5', 'Xã Cửa Sông', '10', '70', '2', '4', '436'],
      ['Tổng cộng', '62', '352', '9', '12', '1.190'],
    ]);
  });

  it('reports a commune\'s own problem at its own file and line, and the town is not rendered', async () => {
    const dir = copyDemo();
    const file = path.join(dir, 'xa', 'tay-ha.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('teamMembers: 70', 'teamMembers: bảy mươi'));
    const r = await loadReport(path.join(dir, TOWN));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => formatProblem(p))).toEqual([
      `${file}:27:14: lỗi: trường "teamMembers": cần một số hoặc một đối tượng, nhưng nhận được chuỗi "bảy mươi" — viết bằng chữ số: 70.`,
    ]);
  });

  it('names an expected commune that has no report (error) and a report of a commune not expected (warning)', async () => {
    const dir = copyDemo();
    rmSync(path.join(dir, 'xa', 'nam-son.yaml'));
    const missing = await loadReport(path.join(dir, TOWN));
    expect(missing.ok ? [] : missing.problems.map((p) => formatProblem(p))).toEqual([
      `${path.join(dir, TOWN)}:66:27: lỗi: đơn vị "Phường Nam Sơn" có trong danh sách units nhưng không có báo cáo nào trong "xa/*.yaml".`,
    ]);

    const extra = path.join(dir, 'xa', 'hoa-binh.yaml');
    writeFileSync(extra, readFileSync(path.join(dir, 'xa', 'dong-ha.yaml'), 'utf8').replace('commune: Xã Đông Hà', 'commune: Xã Hòa Bình'));
    writeFileSync(path.join(dir, TOWN), readFileSync(path.join(dir, TOWN), 'utf8').replace('Phường Nam Sơn, ', ''));
    const r = await loadReport(path.join(dir, TOWN));
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
    expect(r.warnings.map((p) => formatProblem(p))).toEqual([
      `${path.join(dir, TOWN)}:66:10: cảnh báo: báo cáo của "Xã Hòa Bình" (${extra}) không có trong danh sách units; vẫn đưa vào tổng hợp.`,
    ]);
    // Expected units first, in their order; the extra one after them.
    expect((r.report as unknown as { communes: { name: string }[] }).communes.map((c) => c.name)).toEqual(['Phường Bắc Sơn', 'Xã Đông Hà', 'Xã Tây Hà', 'Xã Cửa Sông', 'Xã Hòa Bình']);
  });

  it('sorts as declared ("sort: -field" descending)', async () => {
    const dir = copyDemo();
    writeFileSync(path.join(dir, TOWN), readFileSync(path.join(dir, TOWN), 'utf8').replace('  kind: qp-an-xa\n', '  kind: qp-an-xa\n  sort: -securityTeams\n'));
    const r = await loadReport(path.join(dir, TOWN));
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
    expect((r.report as unknown as { communes: { name: string; securityTeams: number }[] }).communes.map((c) => `${c.name} ${c.securityTeams}`)).toEqual([
      'Phường Nam Sơn 16', 'Xã Tây Hà 14', 'Phường Bắc Sơn 13', 'Xã Cửa Sông 10', 'Xã Đông Hà 9',
    ]);
  });

  it('refuses a report of another kind in the folder, naming it', async () => {
    const dir = copyDemo();
    cpSync('data/nghi-son-chi-thi-tet-2021.yaml', path.join(dir, 'xa', 'chi-thi.yaml'));
    const r = await loadReport(path.join(dir, TOWN));
    expect(r.ok ? [] : r.problems.map((p) => formatProblem(p))).toEqual([
      `${path.join(dir, 'xa', 'chi-thi.yaml')}:8:7: lỗi: chi-thi.yaml: là loại "chi-thi", cần loại "qp-an-xa".`,
    ]);
  });
});
