import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyStyleAt12, mutate, paragraphOf, rendered, replaceOnce } from './helpers.js';

// `baocao check` as a clerk runs it: the built CLI, its lines, summaries and exit codes.
const BIN = path.resolve('dist/cli/main.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
let dir = '';
let good = '';
let bad = '';
let badTm = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'baocao-check-cli-'));
  const { docx } = await rendered('data/nghi-son-qp-an-2020.yaml');
  good = path.join(dir, 'bao-cao.docx');
  bad = path.join(dir, 'bao-cao-loi.docx');
  writeFileSync(good, docx);
  const broken = mutate(docx, 'word/document.xml', (x) => replaceOnce(x, 'TM. ỦY BAN NHÂN DÂN', 'TM ỦY BAN NHÂN DÂN'));
  badTm = paragraphOf(broken, 'TM ỦY BAN');
  writeFileSync(bad, broken);
}, 120_000);

describe('baocao check', () => {
  it('a good document: its summary, exit 0', () => {
    const r = run(['check', good]);
    expect(r.stdout).toBe(`${good}: đúng thể thức (nd30).\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('one line per finding with the decree section and the place, a summary, exit 2', () => {
    const r = run(['check', bad, good]);
    expect(r.stdout.split('\n')).toEqual([
      `lỗi: Quyền hạn, chức vụ người ký: "TM" thiếu dấu chấm; cần "TM." (TM., KT., Q., TL., TUQ. có dấu chấm) (NĐ 30/2020, Phụ lục I, Phần I, mục II.7). Tại đoạn ${badTm} "TM ỦY BAN NHÂN DÂN".`,
      `${bad}: 1 lỗi, 0 lưu ý (nd30).`,
      `${good}: đúng thể thức (nd30).`,
      '',
    ]);
    expect(r.code).toBe(2);
  });

  it('--lang en and --json', () => {
    const en = run(['check', bad, '--lang', 'en']);
    expect(en.stdout).toContain(`error: Signing authority and position: "TM" without its period; expected "TM." (TM., KT., Q., TL., TUQ. with a period) (Decree 30/2020, Appendix I, Part I, II.7). At paragraph ${badTm} "TM ỦY BAN NHÂN DÂN".`);
    expect(en.stdout).toContain(`${bad}: 1 error, 0 notes (nd30).`);
    const json = run(['check', bad, '--json']);
    expect(json.code).toBe(2);
    const [report] = JSON.parse(json.stdout) as [{ errors: number; findings: { rule: string; where: { paragraph: number } }[] }];
    expect(report.errors).toBe(1);
    expect(report.findings.map((f) => [f.rule, f.where.paragraph])).toEqual([['authority-prefix', badTm]]);
  });

  it('--profile dang checks a state document by the Party rules', () => {
    const r = run(['check', good, '--profile', 'dang']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('lỗi: Tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM": không tìm thấy');
    expect(r.stdout).toMatch(/: \d+ lỗi, \d+ lưu ý \(dang\)\.\n$/);
  });

  it('a file that is not a DOCX, a zip without a document, a missing file: clear messages, exit 2 and 4', () => {
    const text = path.join(dir, 'ghi-chu.docx');
    writeFileSync(text, 'không phải Word');
    const zip = path.join(dir, 'rong.docx');
    writeFileSync(zip, zipSync({ 'a.txt': strToU8('x') }));
    const r = run(['check', text, zip]);
    expect(r.stderr).toBe(`${text}: không phải tệp DOCX hay PDF (Word 97-2003 .doc cần lưu lại thành .docx trước).\n${zip}: không phải tệp DOCX hay PDF (Word 97-2003 .doc cần lưu lại thành .docx trước).\n`);
    expect(r.code).toBe(2);
    const missing = run(['check', path.join(dir, 'khong-co.docx'), good]);
    expect(missing.stderr).toBe(`${path.join(dir, 'khong-co.docx')}: không đọc được tệp (ENOENT).\n`);
    expect(missing.stdout).toBe(`${good}: đúng thể thức (nd30).\n`);
    expect(missing.code).toBe(4);
  });
});

describe('the README example', () => {
  it('is what `baocao check` prints for the sample with five faults typed in', async () => {
    const { docx } = await rendered('data/nghi-son-qp-an-2020.yaml');
    let bytes = mutate(docx, 'word/document.xml', (x) =>
      x.replace('TM. ỦY BAN', 'TM ỦY BAN').replace('ngày 09 tháng 12', 'ngày 9 tháng 12').replace('w:left="1984"', 'w:left="1417"').replace('>II. <', '>III. <'));
    bytes = mutate(bytes, 'word/styles.xml', bodyStyleAt12);
    writeFileSync(path.join(dir, 'bao-cao-tay.docx'), bytes);
    const readme = readFileSync('README.md', 'utf8');
    const block = /```console\n\$ baocao check bao-cao-tay\.docx\n([\s\S]*?)```/.exec(readme)![1]!;
    const r = spawnSync(process.execPath, [BIN, 'check', 'bao-cao-tay.docx'], { encoding: 'utf8', cwd: dir });
    expect(r.stdout).toBe(block);
    expect(r.status).toBe(2);
  });
});
