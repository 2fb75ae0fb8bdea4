import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

  it('renders with the README\'s one command (render data/rollup-demo): six documents, the town\'s appendix read back from its PDF file with each commune\'s row and the totals', async () => {
    // As the README writes it, run in a copy of the repository's layout (the command writes out/ in the working folder).
    const cwd = mkdtempSync(path.join(tmpdir(), 'baocao-rollup-cli-'));
    cpSync(DEMO, path.join(cwd, DEMO), { recursive: true });
    const r = spawnSync(process.execPath, [path.resolve('dist/cli/main.js'), 'render', DEMO], { cwd, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('6 tệp: 6 xong, 0 lỗi');
    const written = readdirSync(path.join(cwd, 'out')).sort();
    expect(written.filter((f) => f.endsWith('.pdf'))).toEqual([
      '2021-12-16_11-BC-UBND_qp-an-2021-Phuong-Bac-Son.pdf', '2021-12-17_12-BC-UBND_qp-an-2021-Phuong-Nam-Son.pdf', '2021-12-18_13-BC-UBND_qp-an-2021-Xa-Dong-Ha.pdf',
      '2021-12-19_14-BC-UBND_qp-an-2021-Xa-Tay-Ha.pdf', '2021-12-20_15-BC-UBND_qp-an-2021-Xa-Cua-Song.pdf', '2022-01-05_08-BC-UBND_song-lam_qp-an-2021.pdf',
    ]);
    const { pages } = await readPdf(readFileSync(path.join(cwd, 'out', '2022-01-05_08-BC-UBND_song-lam_qp-an-2021.pdf')));
    const appendix = pages.find((p) => /Tổng\s+cộng/.test(p.text))!;
    expect(appendix.text.replace(/\s+/g, ' ')).toContain('Phụ lục KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC THEO XÃ, PHƯỜNG NĂM 2021');
    const rows = tableRows(appendix);
    const start = rows.findIndex((cells) => cells[0] === '1');
    expect(rows.slice(start)).toEqual([
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
