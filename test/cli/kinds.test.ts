import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listKinds } from '../../src/model/index.js';

// Issue 12 item 6: `baocao kinds` ends every line, and offers --json as every listing does.
const BIN = path.resolve('dist/cli/main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('baocao kinds', () => {
  it('prints one kind a line, the last line ended too', () => {
    const r = run('kinds');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(listKinds().map((k) => `${k.id}\t${k.title}\n`).join(''));
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.split('\n').slice(0, -1).map((l) => l.split('\t')[0])).toEqual(['ban-tin-antt', 'bao-cao-dinh-ky', 'chi-thi', 'ke-hoach', 'qp-an', 'qp-an-xa']);
  });

  it('--json prints an array of the kinds with their sample files', () => {
    const r = run('kinds', '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const list = JSON.parse(r.stdout) as { id: string; typeName: string; profile: string; sample: string }[];
    expect(list.map((k) => [k.id, k.typeName, k.profile, path.relative(process.cwd(), k.sample)])).toEqual([
      ['ban-tin-antt', 'Báo cáo', 'nd30', 'data/demo-ban-tin-antt-2024-03.yaml'],
      ['bao-cao-dinh-ky', 'Báo cáo', 'nd30', 'data/demo-xa-an-phu-6-thang-2024.yaml'],
      ['chi-thi', 'Chỉ thị', 'dang', 'data/nghi-son-chi-thi-tet-2021.yaml'],
      ['ke-hoach', 'Kế hoạch', 'nd30', 'data/nghi-son-ke-hoach-tet-2021.yaml'],
      ['qp-an', 'Báo cáo', 'nd30', 'data/nghi-son-qp-an-2020.yaml'],
      ['qp-an-xa', 'Báo cáo', 'nd30', 'data/rollup-demo/xa/dong-ha.yaml'],
    ]);
  });
});
