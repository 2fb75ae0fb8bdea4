import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/load/index.js';
import { registerKindDir } from '../../src/model/index.js';
import { renderRows } from '../../src/sheets/merge.js';
import { readPdf } from '../support/pdf.js';
import { sealPng, signaturePng } from '../electronic/png.js';

// Mail merge: a notice to each household, one row of the sheet each (a test kind with a sample).
const FIX = 'test/fixtures/sheets';
const KIND = path.join(FIX, 'kinds', 'thong-bao-ho-tro');
const STEM = '2022-01-10_21-TB-UBND_dong-ha_ho-tro-2021';

describe('one document per row', () => {
  it('renders every good row, names them without collision and reports the bad row at its cell', async () => {
    registerKindDir(KIND);
    const out = mkdtempSync(path.join(tmpdir(), 'baocao-merge-'));
    const rows = path.join(FIX, 'ho-tro.csv');
    const results = await renderRows({ base: path.join(KIND, 'mau.yaml'), rows, formats: ['pdf'], outDir: out, force: false, lang: 'vi' });
    expect(results.map((r) => [r.input, r.status, r.outputs.map((o) => path.basename(o.path))])).toEqual([
      [`${rows}, dòng 2`, 'ok', [`${STEM}_dong-2.pdf`]],
      [`${rows}, dòng 3`, 'ok', [`${STEM}_Le-Thi-Binh.pdf`]],
      [`${rows}, dòng 4`, 'ok', [`${STEM}_dong-4.pdf`]],
      [`${rows}, dòng 5`, 'ok', [`${STEM}_dong-5.pdf`]],
      [`${rows}, dòng 6`, 'invalid', []],
      [`${rows}, dòng 7`, 'invalid', []],
    ]);
    expect(results[4]!.problems.map((p) => formatProblem(p))).toEqual([`${rows}, ô D6: lỗi: cần một số nguyên, nhưng nhận được "ba triệu".`]);
    // The kind's own rule, about a value the row gave: at the row's cell too.
    expect(results[5]!.problems.map((p) => formatProblem(p))).toEqual([`${rows}, ô D7: lỗi: trường "amount": phải ≥ 0, nhưng nhận được số -5.`]);
    expect(readdirSync(out).sort()).toEqual([`${STEM}_Le-Thi-Binh.pdf`, `${STEM}_dong-2.pdf`, `${STEM}_dong-4.pdf`, `${STEM}_dong-5.pdf`]);
    const { text } = await readPdf(readFileSync(path.join(out, `${STEM}_Le-Thi-Binh.pdf`)));
    expect(text.replace(/\s+/g, ' ')).toContain('hộ ông (bà) Lê Thị Bình, Thôn 2, được hỗ trợ 2.000.000 đồng trong năm 2021, chi trả ngày 06/01/2022.');
    const first = (await readPdf(readFileSync(path.join(out, `${STEM}_dong-2.pdf`)))).text.replace(/\s+/g, ' ');
    expect(first).toContain('hộ ông (bà) Nguyễn Văn An, Thôn 1, được hỗ trợ 1.500.000 đồng trong năm 2021, chi trả ngày 05/01/2022.');
  });

  it('from the command line with --kind (the kind\'s sample is the shared part): exit 2 for the bad row, the others written', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'baocao-merge-cli-'));
    const r = spawnSync(process.execPath, ['dist/cli/main.js', 'render', '--kinds', KIND, '--kind', 'thong-bao-ho-tro', '--rows', path.join(FIX, 'ho-tro.csv'), '--out', out, '--format', 'pdf'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`không có tệp số liệu chung: dùng tệp mẫu ${path.join(KIND, 'mau.yaml')} làm khung văn bản.`);
    expect(r.stderr).toContain(`${path.join(FIX, 'ho-tro.csv')}, ô D6: lỗi: cần một số nguyên, nhưng nhận được "ba triệu".`);
    expect(r.stdout).toContain('6 tệp: 4 xong, 2 lỗi');
    expect(readdirSync(out)).toHaveLength(4);
  });

  it('refuses --previous with --rows (exit 64, nothing written): each row is its own document', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'baocao-merge-prev-'));
    const r = spawnSync(process.execPath, ['dist/cli/main.js', 'render', '--kinds', KIND, '--kind', 'thong-bao-ho-tro', '--rows', path.join(FIX, 'ho-tro.csv'), '--previous', path.join(KIND, 'mau.yaml'), '--out', out, '--format', 'pdf'], { encoding: 'utf8' });
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('--previous không dùng với --rows: mỗi dòng là một văn bản riêng; ghi số liệu kỳ trước vào cột của bảng.');
    expect(readdirSync(out)).toHaveLength(0);
  });

  it('says once, at its cell, that the sheet\'s totals row disagrees with its rows (the totals row is not a document)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-merge-totals-'));
    const rows = path.join(dir, 'ho.csv');
    writeFileSync(rows, 'Họ và tên chủ hộ,Thôn,Số tiền (đồng)\nNguyễn Văn An,Thôn 1,"1.500.000"\nLê Thị Bình,Thôn 2,"2.000.000"\n,Tổng cộng,"3.600.000"\n');
    registerKindDir(KIND);
    const notices: string[] = [];
    const results = await renderRows({ base: path.join(KIND, 'mau.yaml'), rows, formats: ['pdf'], outDir: path.join(dir, 'out'), force: false, lang: 'vi', onNotice: (m) => notices.push(m) });
    expect(results.map((r) => [r.input, r.status])).toEqual([[`${rows}, dòng 2`, 'ok'], [`${rows}, dòng 3`, 'ok']]);
    expect(notices).toEqual([`${rows}, ô C4: cảnh báo: dòng tổng cộng ghi 3.600.000 cho "amount", nhưng cộng các dòng được 3.500.000; văn bản dùng tổng tính lại.`]);
  });

  it('applies every render option to each row\'s document: electronic layout, sign.json, separate appendices, e-mail draft, creation date, PDF/A level, profile, name, language, jobs and limits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-merge-options-'));
    // The test kind with an appendix; the shared file with the signer's image and the seal beside it.
    const kind = path.join(dir, 'kind');
    cpSync(KIND, kind, { recursive: true });
    writeFileSync(path.join(kind, 'body.hbs'), readFileSync(path.join(KIND, 'body.hbs'), 'utf8') + '\n<appendix>\n<appendix-title>DANH SÁCH CHI TRẢ</appendix-title>\n<p>Hộ {{household}}: {{num amount}} đồng.</p>\n</appendix>\n');
    const base = path.join(dir, 'chung.yaml');
    writeFileSync(base, readFileSync(path.join(KIND, 'mau.yaml'), 'utf8')
      .replace('name: Phạm Văn Đức }', 'name: Phạm Văn Đức, image: { file: chu-ky.png, width: 40 } }\n  sealImage: { file: dau.png, width: 36 }'));
    writeFileSync(path.join(dir, 'chu-ky.png'), signaturePng());
    writeFileSync(path.join(dir, 'dau.png'), sealPng());
    writeFileSync(path.join(dir, 'ho.csv'), 'Họ và tên chủ hộ,Thôn,Số tiền (đồng)\nNguyễn Văn An,Thôn 1,"1.500.000"\nLê Thị Bình,Thôn 2,"2.000.000"\nTrần Văn Cường,Thôn 4,ba triệu\n');
    const out = path.join(dir, 'out');
    const cli = path.resolve('dist/cli/main.js');
    const r = spawnSync(process.execPath, [cli, 'render', 'chung.yaml', '--kinds', 'kind', '--rows', 'ho.csv', '--out', 'out', '--format', 'pdf,docx',
      '--electronic', '--sign-layout', '--appendices', 'separate', '--signed-at', '2026-12-09T14:30:15+07:00', '--eml', '--creation-date', '2022-02-01',
      '--pdfa', '2b', '--profile', 'nd30', '--name', 'giay-bao', '--lang', 'en', '--jobs', '2', '--max-seconds', '30'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('ho.csv, cell C4: error: a whole number is needed, but found "ba triệu".');
    const names = ['Nguyen-Van-An', 'Le-Thi-Binh'].flatMap((who) => ['pdf', 'docx', 'sign.json', 'phu-luc-1.pdf', 'phu-luc-1.docx', 'phu-luc-1.sign.json', 'eml'].map((ext) => `giay-bao_${who}.${ext}`));
    expect(readdirSync(out).sort()).toEqual(names.sort());
    const sign = JSON.parse(readFileSync(path.join(out, 'giay-bao_Le-Thi-Binh.sign.json'), 'utf8'));
    expect([sign.pdf, sign.areas.map((a: { role: string }) => a.role)]).toEqual(['giay-bao_Le-Thi-Binh.pdf', ['signer', 'seal']]);
    const stamp = JSON.parse(readFileSync(path.join(out, 'giay-bao_Le-Thi-Binh.phu-luc-1.sign.json'), 'utf8'));
    expect(stamp.areas.map((a: { role: string }) => a.role)).toEqual(['issuer-stamp']);
    const pdf = readFileSync(path.join(out, 'giay-bao_Le-Thi-Binh.pdf'));
    const main = (await readPdf(pdf)).text.replace(/\s+/g, ' ');
    expect(main).toContain('hộ ông (bà) Lê Thị Bình, Thôn 2, được hỗ trợ 2.000.000 đồng');
    expect(main).not.toContain('DANH SÁCH CHI TRẢ');
    const appendix = (await readPdf(readFileSync(path.join(out, 'giay-bao_Le-Thi-Binh.phu-luc-1.pdf')))).text.replace(/\s+/g, ' ');
    expect(appendix).toContain('Hộ Lê Thị Bình: 2.000.000 đồng.');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>'); // --pdfa 2b: PDF/A-2, no file attached
    expect(raw).not.toContain('/EmbeddedFiles');
    expect(raw).toContain('<xmp:CreateDate>2022-01-31T17:00:00Z</xmp:CreateDate>'); // --creation-date 2022-02-01, Vietnam time (the document is dated 2022-01-10)
    const eml = readFileSync(path.join(out, 'giay-bao_Nguyen-Van-An.eml'), 'utf8');
    expect(eml.match(/filename\*1="-UBND\.(pdf|docx)"/g)).toEqual(['filename*1="-UBND.pdf"', 'filename*1="-UBND.docx"']); // the row's PDF and DOCX attached

    // A limit of one document applies to each row's document (here the size of its data).
    const small = spawnSync(process.execPath, [cli, 'render', 'chung.yaml', '--kinds', 'kind', '--rows', 'ho.csv', '--out', 'out-small', '--format', 'pdf', '--max-input-bytes', '300'], { cwd: dir, encoding: 'utf8' });
    expect(small.status).toBe(2);
    expect(small.stderr).toContain('kích thước số liệu (byte) vượt giới hạn 300');
    expect(() => readdirSync(path.join(dir, 'out-small'))).toThrow();
  });

  it('init starts a kind\'s list from a sheet: the file names the sheet, and validates', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-init-sheet-'));
    cpSync(path.join(FIX, 'so-lieu-xa.csv'), path.join(dir, 'so-lieu-xa.csv'));
    const cli = path.resolve('dist/cli/main.js');
    const init = spawnSync(process.execPath, [cli, 'init', 'qp-an', 'bao-cao.yaml', '--list', 'communes=so-lieu-xa.csv', '--header-row', '3'], { cwd: dir, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toContain('danh sách "communes" lấy từ so-lieu-xa.csv (5 dòng đọc được).');
    expect(readFileSync(path.join(dir, 'bao-cao.yaml'), 'utf8')).toMatch(/^communes: \{ from: so-lieu-xa\.csv, header-row: 3 \}$/m);
    const valid = spawnSync(process.execPath, [cli, 'validate', 'bao-cao.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(valid.status, valid.stderr).toBe(0);
    expect(valid.stderr.trim()).toBe('so-lieu-xa.csv, ô D10: cảnh báo: dòng tổng cộng ghi 350 cho "teamMembers", nhưng cộng các dòng được 352; văn bản dùng tổng tính lại.');

    const bad = spawnSync(process.execPath, [cli, 'init', 'qp-an', 'khac.yaml', '--list', 'tasks=so-lieu-xa.csv'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('lỗi: danh sách "tasks" không gồm các bản ghi (nhiều trường), nên không lấy từ bảng tính được.');
  });
});
