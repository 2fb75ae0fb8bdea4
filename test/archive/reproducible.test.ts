import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { renderFile } from '../../src/index.js';
import { VERSION } from '../../src/pipeline/index.js';
import { SAMPLE, cli, parseXml, sha256, tmp, xmpOf } from './helpers.js';

// An archived file can be made again: the same data and version give the same bytes, in this
// process or another, from the data file or from the data inside the PDF.

const STEM = '2020-12-09_BC-UBND_nghi-son_qp-an-2020';

describe('reproducible bytes', () => {
  it('renders PDF, DOCX and .eml byte-identical twice in one process and once in another', async () => {
    const a = await renderFile(SAMPLE, { eml: true });
    const b = await renderFile(SAMPLE, { eml: true });
    expect(sha256(b.outputs.pdf!)).toBe(sha256(a.outputs.pdf!));
    expect(sha256(b.outputs.docx!)).toBe(sha256(a.outputs.docx!));
    expect(sha256(b.eml!)).toBe(sha256(a.eml!));

    const out = tmp();
    const r = cli(['render', SAMPLE, '--out', out, '--eml']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${STEM}.docx`, `${STEM}.eml`, `${STEM}.pdf`]);
    expect(sha256(readFileSync(path.join(out, `${STEM}.pdf`)))).toBe(sha256(a.outputs.pdf!));
    expect(sha256(readFileSync(path.join(out, `${STEM}.docx`)))).toBe(sha256(a.outputs.docx!));
    expect(sha256(readFileSync(path.join(out, `${STEM}.eml`)))).toBe(sha256(a.eml!));
  });

  it('renders the data extracted from the PDF to the same PDF, DOCX and .eml', () => {
    const first = tmp();
    expect(cli(['render', SAMPLE, '--out', first, '--eml']).code).toBe(0);
    const pdf = path.join(first, `${STEM}.pdf`);
    // From the PDF itself…
    const second = tmp();
    const r = cli(['render', pdf, '--out', second, '--eml']);
    expect(r.code, r.stderr).toBe(0);
    for (const ext of ['pdf', 'docx', 'eml']) {
      expect(sha256(readFileSync(path.join(second, `${STEM}.${ext}`))), ext).toBe(sha256(readFileSync(path.join(first, `${STEM}.${ext}`))));
    }
    // …and from the file `baocao extract` writes.
    const third = tmp();
    expect(cli(['extract', pdf], {}, third).code).toBe(0);
    expect(cli(['render', path.join(third, 'nghi-son-qp-an-2020.yaml'), '--out', third, '--format', 'pdf']).code).toBe(0);
    expect(sha256(readFileSync(path.join(third, `${STEM}.pdf`)))).toBe(sha256(readFileSync(pdf)));
  });

  it('dates an undated draft by SOURCE_DATE_EPOCH, the same bytes on every run', async () => {
    const dir = tmp();
    const doc = parseDocument(readFileSync('test/fixtures/data/minimal.yaml', 'utf8'));
    doc.setIn(['frame', 'date'], null);
    const input = path.join(dir, 'du-thao.yaml');
    writeFileSync(input, doc.toString());
    const epoch = String(Date.UTC(2021, 0, 15, 1, 2, 3) / 1000);
    const runs = [tmp(), tmp()].map((out) => {
      const r = cli(['render', input, '--out', out, '--eml'], { SOURCE_DATE_EPOCH: epoch });
      expect(r.code, r.stderr).toBe(0);
      return out;
    });
    const names = readdirSync(runs[0]!).sort();
    expect(names.length).toBe(3);
    for (const n of names) expect(sha256(readFileSync(path.join(runs[1]!, n))), n).toBe(sha256(readFileSync(path.join(runs[0]!, n))));
    const pdf = readFileSync(path.join(runs[0]!, names.find((n) => n.endsWith('.pdf'))!));
    expect(parseXml(xmpOf(pdf)).get('xmp:CreateDate')).toEqual(['2021-01-15T01:02:03Z']);
    const eml = readFileSync(path.join(runs[0]!, names.find((n) => n.endsWith('.eml'))!), 'utf8');
    expect(eml).toMatch(/^Date: Fri, 15 Jan 2021 01:02:03 \+0000\r$/m);
    // A draft's human attachment name says so.
    const mail = await simpleParser(eml);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['Báo cáo dự thảo BC-UBND.pdf', 'Báo cáo dự thảo BC-UBND.docx']);
  });
});

describe('metadata in both formats', () => {
  it('DOCX core properties: title, author, subject, keywords, language, the document\'s date; app = baocao', async () => {
    const { outputs } = await renderFile(SAMPLE, { formats: ['docx'] });
    const files = unzipSync(outputs.docx!);
    const core = parseXml(strFromU8(files['docProps/core.xml']!));
    expect(core.get('dc:title')).toEqual(['Tổng kết công tác quốc phòng - an ninh năm 2020, phương hướng, nhiệm vụ năm 2021']);
    expect(core.get('dc:creator')).toEqual(['Ủy ban nhân dân thị xã Nghi Sơn']);
    expect(core.get('dc:subject')[0]).toBe('Báo cáo /BC-UBND (dự thảo)');
    expect(core.get('cp:keywords')[0]).toContain('quốc phòng');
    expect(core.get('dc:language')).toEqual(['vi-VN']);
    expect(core.get('dcterms:created')).toEqual(['2020-12-08T17:00:00Z']);
    expect(core.get('dcterms:modified')).toEqual(['2020-12-08T17:00:00Z']);
    expect(core.get('cp:lastModifiedBy')).toEqual([`baocao ${VERSION}`]);
    const app = parseXml(strFromU8(files['docProps/app.xml']!));
    expect(app.get('Application')).toEqual([`baocao ${VERSION}`]);
  });

  it('takes another creation date when asked, in both formats and the .eml', async () => {
    const { outputs, eml } = await renderFile(SAMPLE, { creationDate: '2021-01-04', eml: true });
    expect(parseXml(xmpOf(outputs.pdf!)).get('xmp:CreateDate')).toEqual(['2021-01-03T17:00:00Z']);
    const core = parseXml(strFromU8(unzipSync(outputs.docx!)['docProps/core.xml']!));
    expect(core.get('dcterms:created')).toEqual(['2021-01-03T17:00:00Z']);
    expect(eml!.toString('utf8')).toMatch(/^Date: Sun, 03 Jan 2021 17:00:00 \+0000\r$/m);

    const out = tmp();
    const r = cli(['render', SAMPLE, '--out', out, '--format', 'pdf', '--creation-date', '2021-01-04']);
    expect(r.code, r.stderr).toBe(0);
    expect(sha256(readFileSync(path.join(out, `${STEM}.pdf`)))).toBe(sha256(outputs.pdf!));
    const bad = cli(['render', SAMPLE, '--out', out, '--creation-date', 'hôm qua']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--creation-date cần một ngày dạng YYYY-MM-DD');
  });
});

describe('sizes fit e-mail', () => {
  it('the sample: PDF ≤ 100 KB, DOCX ≤ 350 KB, each size in the summary table', () => {
    const out = tmp();
    const r = cli(['render', SAMPLE, '--out', out]);
    expect(r.code).toBe(0);
    const pdf = readFileSync(path.join(out, `${STEM}.pdf`)).length;
    const docx = readFileSync(path.join(out, `${STEM}.docx`)).length;
    expect(pdf).toBeLessThanOrEqual(100 * 1024);
    expect(docx).toBeLessThanOrEqual(350 * 1024);
    const kb = (n: number) => `${(n / 1024).toFixed(1).replace('.', ',')} KB`;
    expect(r.stdout).toContain(`${kb(pdf)}; ${kb(docx)}`);
  });

  it('copies of the sample under another name embed that name and still extract byte for byte', () => {
    const dir = tmp();
    const copy = path.join(dir, 'bản sao.yaml');
    copyFileSync(SAMPLE, copy);
    const r = cli(['render', copy, '--out', dir, '--format', 'pdf', '--pdfa', 'none']);
    expect(r.code, r.stderr).toBe(0);
    const x = cli(['extract', path.join(dir, `${STEM}.pdf`), '--stdout']);
    expect(x.code).toBe(0);
    expect(x.raw.equals(readFileSync(SAMPLE))).toBe(true);
  });
});
