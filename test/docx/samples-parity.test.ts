import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontconfigWithoutFamilies, pageLines, pages, requireTools } from '../support/libreoffice.js';

/**
 * Every sample in data/, rendered by the CLI, its DOCX converted by LibreOffice with neither Times
 * New Roman nor Tinos (nor a metric twin) installed: the same pages, and on each page the same
 * lines as the PDF (issue 12 item 10). Lines are compared as a set per page, since pdftotext reads
 * table cells in an order that depends on fractions of a point. This found the "Phần" lines'
 * inherited indent, the missing kerning and the wider table cells; the one difference left is
 * written out below.
 */
const HIDDEN = ['Times New Roman', 'Tinos', 'Liberation Serif', 'Thorndale', 'Thorndale AMT', 'Nimbus Roman', 'Nimbus Roman No9 L', 'TeX Gyre Termes', 'Times'];
const BIN = path.resolve('dist/cli/main.js');

/**
 * Word and LibreOffice break after a "-" followed by a letter; the PDF keeps a symbol such as
 * "210/KH-UBND" whole (src/render/pdf/text.ts). The Sông Lam report's page 2 is the one sample
 * line where this shows: [the PDF's lines, LibreOffice's].
 */
const KNOWN: Record<string, [string[], string[]]> = {
  '2022-01-05_07-BC-UBND_song-lam_qp-an-2021 2': [
    ['đảm bảo an ninh, trật tự Tết Nguyên đán Nhâm Dần 2022 (số', '210/KH-UBND), trong đó tập trung:'],
    ['đảm bảo an ninh, trật tự Tết Nguyên đán Nhâm Dần 2022 (số 210/KHUBND), trong đó tập trung:'],
  ],
  '2022-01-05_08-BC-UBND_song-lam_qp-an-2021 2': [
    ['đảm bảo an ninh, trật tự Tết Nguyên đán Nhâm Dần 2022 (số', '210/KH-UBND), trong đó tập trung:'],
    ['đảm bảo an ninh, trật tự Tết Nguyên đán Nhâm Dần 2022 (số 210/KHUBND), trong đó tập trung:'],
  ],
};

const missing = requireTools('test/docx/samples-parity', ['soffice', 'pdftotext', 'pdfinfo', 'fc-list']);

describe.skipIf(missing.length > 0)('every sample through LibreOffice', () => {
  let dir = '';
  let stems: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-samples-parity-'));
    const out = path.join(dir, 'out');
    execFileSync(process.execPath, [BIN, 'render', 'data/*.yaml', 'data/rollup-demo/*.yaml', 'data/rollup-demo/xa/*.yaml', '--out', out], { stdio: 'pipe' });
    stems = readdirSync(out).filter((f) => f.endsWith('.docx')).map((f) => f.slice(0, -5)).sort();
    // One LibreOffice run for all: only the lines are compared here, so the fonts one document
    // embeds may stay registered for the next (test/docx/font-name.test.ts checks them one by one).
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo-profile')).href}`, '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), ...stems.map((s) => path.join(out, `${s}.docx`))],
      { env: { ...process.env, FONTCONFIG_FILE: fontconfigWithoutFamilies(HIDDEN, dir).file }, stdio: 'pipe', timeout: 170_000 },
    );
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders the twelve samples', () => {
    expect(stems).toHaveLength(12);
  });

  it('gives the same pages, and the same lines on every page, as the PDF', () => {
    const wrong: string[] = [];
    for (const stem of stems) {
      const pdf = path.join(dir, 'out', `${stem}.pdf`);
      const lo = path.join(dir, 'lo', `${stem}.pdf`);
      const n = pages(pdf);
      if (pages(lo) !== n) {
        wrong.push(`${stem}: ${pages(lo)} pages, the PDF ${n}`);
        continue;
      }
      for (let p = 1; p <= n; p++) {
        const [ours, theirs] = [pageLines(pdf, p), pageLines(lo, p)];
        const known = KNOWN[`${stem} ${p}`];
        const drop = (lines: string[], gone: string[] = []) => lines.filter((l) => !gone.includes(l)).sort();
        if (known) {
          for (const l of known[0]) expect(ours, `${stem} page ${p}`).toContain(l);
          for (const l of known[1]) expect(theirs, `${stem} page ${p}`).toContain(l);
        }
        if (JSON.stringify(drop(ours, known?.[0])) !== JSON.stringify(drop(theirs, known?.[1]))) wrong.push(`${stem} page ${p}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
