import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBytes, readPdfDocument } from '../../src/check/index.js';
import { requireTools } from '../support/libreoffice.js';
import { mutate, rendered, replaceOnce, summarise } from './helpers.js';

// The same DOCX after a round trip through LibreOffice Writer (what a clerk's office suite
// saves): styles, run properties and indents are rewritten in LibreOffice's own way, the format
// stays. The checker reads the effective formatting, so it finds nothing to report either.
const missing = requireTools('test/check/libreoffice', ['soffice']);
const samples = readdirSync('data').filter((f) => f.endsWith('.yaml'));

describe.skipIf(missing.length > 0)('baocao DOCX re-saved by LibreOffice', () => {
  let dir = '';
  const original = new Map<string, Buffer>();
  const resaved = new Map<string, Buffer>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-check-lo-'));
    mkdirSync(path.join(dir, 'in'));
    for (const s of samples) {
      const { docx } = await rendered(path.join('data', s));
      original.set(s, docx);
      writeFileSync(path.join(dir, 'in', s.replace(/\.yaml$/, '.docx')), docx);
    }
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(dir, 'out'),
        ...samples.map((s) => path.join(dir, 'in', s.replace(/\.yaml$/, '.docx')))],
      { stdio: 'pipe', timeout: 170_000 },
    );
    for (const s of samples) resaved.set(s, readFileSync(path.join(dir, 'out', s.replace(/\.yaml$/, '.docx'))));
    // A PDF not made by baocao: LibreOffice prints a DOCX with two faults.
    const faulty = mutate(original.get('nghi-son-qp-an-2020.yaml')!, 'word/document.xml', (x) => replaceOnce(replaceOnce(x, 'ngày 09 tháng 12', 'ngày 9 tháng 12'), 'TM. ỦY BAN', 'TM ỦY BAN'));
    writeFileSync(path.join(dir, 'in', 'loi.docx'), faulty);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', path.join(dir, 'out'), path.join(dir, 'in', 'loi.docx')],
      { stdio: 'pipe', timeout: 170_000 });
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(samples)('%s: rewritten by LibreOffice, no finding, the same elements recognised', async (s) => {
    const before = original.get(s)!;
    const after = resaved.get(s)!;
    const xml = (b: Buffer) => strFromU8(unzipSync(b)['word/document.xml']!);
    // LibreOffice's own shape: explicit paragraph styles and start/end indents.
    expect(xml(after)).not.toBe(xml(before));
    expect(xml(after)).toContain('<w:pStyle w:val="Normal"/>');
    const a = await checkBytes(before, { name: s });
    const b = await checkBytes(after, { name: s });
    expect(summarise(b)).toEqual([]);
    expect(b.profile).toBe(a.profile);
    expect(b.located).toEqual(a.located);
  });

  it('a PDF printed by LibreOffice: the faults of its DOCX, placed by page and position', async () => {
    const bytes = readFileSync(path.join(dir, 'out', 'loi.pdf'));
    const r = await checkBytes(bytes, { name: 'loi.pdf' });
    expect(r.format).toBe('pdf');
    // The signature's page as LibreOffice broke the pages.
    const signaturePage = (await readPdfDocument(bytes)).paras.find((p) => p.text.startsWith('TM ỦY BAN'))!.page;
    expect(r.findings.map((f) => [f.rule, f.found, f.where.page])).toEqual([
      ['date-day-pad', '"ngày 9"', 1],
      ['authority-prefix', '"TM" thiếu dấu chấm', signaturePage],
    ]);
    expect(r.findings[0]!.at).toMatch(/^trang 1, cách lề trái \d+ mm, mép trên \d+ mm "Nghi Sơn, ngày 9 tháng 12 …"$/);
  });
});

