import { layoutDocument } from '../../src/layout/index.js';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSource } from '../../src/archive/extract.js';
import { renderFile } from '../../src/index.js';
import { VERSION } from '../../src/pipeline/index.js';
import { SAMPLE, cli, tmp } from './helpers.js';

// `baocao extract` and PDF inputs: the data of an archived copy comes back exactly.

const dir = tmp();
const pdf3b = path.join(dir, 'sample-3b.pdf');
const pdf2b = path.join(dir, 'sample-2b.pdf');

beforeAll(async () => {
  writeFileSync(pdf3b, (await renderFile(SAMPLE, { formats: ['pdf'] })).outputs.pdf!);
  writeFileSync(pdf2b, (await renderFile(SAMPLE, { formats: ['pdf'], pdfa: '2b' })).outputs.pdf!);
});

describe('extractSource', () => {
  it('returns the embedded bytes, name, kind and version', async () => {
    const s = (await extractSource(readFileSync(pdf3b)))!;
    expect(s.name).toBe('nghi-son-qp-an-2020.yaml');
    expect(s.bytes.equals(readFileSync(SAMPLE))).toBe(true);
    expect(s.kind).toBe('qp-an');
    expect(s.version).toBe(VERSION);
  });

  it('finds nothing in a PDF/A-2b file, and reports pdf.js\'s reason for something that is not a PDF', async () => {
    expect(await extractSource(readFileSync(pdf2b))).toBeUndefined();
    await expect(extractSource(Buffer.from('%PDF-1.7\ngarbage'))).rejects.toThrow(/^không đọc được PDF \(.+\)\.$/);
  });
});

describe('baocao extract', () => {
  it('writes the data file under its own name, byte for byte, in the current folder', () => {
    const cwd = tmp();
    const r = cli(['extract', pdf3b], {}, cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Đã lấy số liệu nguồn ra nghi-son-qp-an-2020.yaml (qp-an, baocao ${VERSION})`);
    expect(readdirSync(cwd)).toEqual(['nghi-son-qp-an-2020.yaml']);
    expect(readFileSync(path.join(cwd, 'nghi-son-qp-an-2020.yaml')).equals(readFileSync(SAMPLE))).toBe(true);
    // Again: identical file, nothing to do.
    expect(cli(['extract', pdf3b], {}, cwd).code).toBe(0);
  });

  it('writes to --out, keeps a different existing file without --force (exit 5), or prints with --stdout', () => {
    const out = path.join(tmp(), 'so-lieu.yaml');
    writeFileSync(out, 'khác');
    const kept = cli(['extract', pdf3b, '--out', out]);
    expect(kept.code).toBe(5);
    expect(kept.stderr).toContain('đã có tệp khác nội dung, giữ nguyên');
    expect(readFileSync(out, 'utf8')).toBe('khác');
    expect(cli(['extract', pdf3b, '--out', out, '--force']).code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(SAMPLE))).toBe(true);
    const r = cli(['extract', pdf3b, '--stdout']);
    expect(r.code).toBe(0);
    expect(r.raw.equals(readFileSync(SAMPLE))).toBe(true);
  });

  it('says so when a PDF carries no data (PDF/A-2b), a file is no PDF, or is missing', () => {
    const none = cli(['extract', pdf2b]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('PDF này không chứa số liệu nguồn');
    expect(cli(['extract', pdf2b, '--lang', 'en']).stderr).toContain('this PDF carries no source data');
    const notPdf = cli(['extract', SAMPLE]);
    expect(notPdf.code).toBe(2);
    expect(notPdf.stderr).toContain('không phải tệp PDF');
    expect(cli(['extract', path.join(dir, 'khong-co.pdf')]).code).toBe(4);
  });
});

describe('a PDF as the input of render', () => {
  it('renders the data inside it; a PDF without data is invalid input (exit 2), nothing written', () => {
    const out = tmp();
    const r = cli(['render', pdf2b, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tệp PDF này không chứa số liệu nguồn');
    expect(readdirSync(out)).toEqual([]);
    const ok = cli(['render', pdf3b, '--out', out, '--format', 'pdf']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(path.join(out, '2020-12-09_BC-UBND_nghi-son_qp-an-2020.pdf')).equals(readFileSync(pdf3b))).toBe(true);
  });

  it('reports problems of the embedded data at the embedded file', async () => {
    const dir2 = tmp();
    const bad = path.join(dir2, 'bad-string-for-number.yaml');
    writeFileSync(bad, readFileSync('test/fixtures/data/bad-string-for-number.yaml'));
    // A PDF carrying invalid data can only be made by hand: embed through the library's renderer.
    const { renderPdf } = await import('../../src/render/pdf/index.js');
    const { getProfile } = await import('../../src/profile/index.js');
    const { buildDocument, loadReport } = await import('../../src/pipeline/index.js');
    const good = await loadReport(SAMPLE);
    if (!good.ok) throw new Error('sample invalid');
    const bytes = await renderPdf(layoutDocument(buildDocument(good.kind, good.report), getProfile('nd30')), {
      creator: 'test', source: { name: 'bad-string-for-number.yaml', bytes: readFileSync(bad), kind: 'qp-an', version: VERSION },
    });
    const file = path.join(dir2, 'carrier.pdf');
    writeFileSync(file, bytes);
    const r = cli(['render', file, '--out', dir2]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} (bad-string-for-number.yaml):17:27: lỗi: trường "police.trafficSafetyBulletins"`);
  });
});
