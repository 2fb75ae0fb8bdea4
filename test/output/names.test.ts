import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport, outputStem } from '../../src/pipeline/index.js';

// Issue 12 item 2: a district's draft batch (same day, no number yet) gets one name per commune,
// and two inputs that still share a name are refused before anything is rendered.
const BIN = path.resolve('dist/cli/main.js');
const minimal = readFileSync('test/fixtures/data/minimal.yaml', 'utf8');
const COMMUNES = ['Đông Hà', 'Tây Hà', 'Cửa Sông', 'Bắc Sơn', 'Nam Sơn', 'Tân Lập', 'Hải Bình', 'Hải Thanh', 'Nghi Sơn', 'Trúc Lâm'];

/** 40 communes of one district: "xã Đông Hà", "phường Đông Hà 2" …, one date, no number. */
function communeFiles(dir: string): { file: string; slug: string }[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: 40 }, (_, i) => {
    const level = i % 2 === 0 ? 'xã' : 'phường';
    const name = `${COMMUNES[i % 10]!}${i >= 10 ? ` ${Math.floor(i / 10) + 1}` : ''}`;
    const file = path.join(dir, `bc-${String(i + 1).padStart(2, '0')}.yaml`);
    writeFileSync(file, minimal.replace('issuingAgency: Ủy ban nhân dân xã Tân Lập', `issuingAgency: Ủy ban nhân dân ${level} ${name}`));
    return { file, slug: name };
  });
}

describe('output names', () => {
  it('forty communes of one district, one date, no number: forty names, each naming its commune', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-names-'));
    const files = communeFiles(dir);
    const stems: string[] = [];
    for (const f of files) {
      const loaded = await loadReport(f.file, 'vi');
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      stems.push(outputStem(loaded.kind, loaded.report));
    }
    expect(new Set(stems).size).toBe(40);
    expect(stems[0]).toBe('2021-02-03_BC-UBND_dong-ha_qp-an-2020');
    expect(stems[3]).toBe('2021-02-03_BC-UBND_bac-son_qp-an-2020');
    expect(stems[12]).toBe('2021-02-03_BC-UBND_cua-song-2_qp-an-2020');
    expect(stems[39]).toBe('2021-02-03_BC-UBND_truc-lam-4_qp-an-2020');
  });

  it('keeps the names the README shows for the samples', async () => {
    const stem = async (file: string) => {
      const l = await loadReport(file, 'vi');
      if (!l.ok) throw new Error(file);
      return outputStem(l.kind, l.report);
    };
    expect(await stem('data/nghi-son-qp-an-2020.yaml')).toBe('2020-12-09_BC-UBND_nghi-son_qp-an-2020');
    // A Party committee keeps its organ's words; a commune kind whose stem names the commune does not repeat it.
    expect(await stem('data/nghi-son-chi-thi-tet-2021.yaml')).toBe('du-thao_CT-TU_thi-uy-nghi-son_chi-thi-tet-2021');
    expect(await stem('data/rollup-demo/xa/dong-ha.yaml')).toBe('2021-12-18_13-BC-UBND_qp-an-2021-Xa-Dong-Ha');
  });

  it('two inputs of a batch that still share a name: refused before rendering, exit 5, both files named', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-names-'));
    const files = communeFiles(path.join(dir, 'in')).map((f) => f.file);
    // bc-41 is bc-01 again under another file name: same agency, same date, no number.
    const twin = path.join(dir, 'in', 'bc-41.yaml');
    writeFileSync(twin, readFileSync(files[0]!, 'utf8'));
    const out = path.join(dir, 'out');
    const r = spawnSync(process.execPath, [BIN, 'render', path.join(dir, 'in'), '--out', out, '--format', 'pdf'], { encoding: 'utf8' });
    expect(r.status).toBe(5);
    expect(r.stderr).toContain(`Các tệp dữ liệu ${files[0]}, ${twin} cho cùng một tên tệp kết quả "2021-02-03_BC-UBND_dong-ha_qp-an-2020". Không dựng tệp nào`);
    expect(existsSync(out)).toBe(false);
  });
});
