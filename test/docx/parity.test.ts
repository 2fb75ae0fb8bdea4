import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATOR } from '../../src/pipeline/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { sampleDocument } from './helpers.js';

/**
 * Parity checked by a real word processor: LibreOffice converts the DOCX to PDF, and that PDF must
 * use the embedded family and carry the same text on the same pages as the pdfmake PDF.
 * System copies of the family are hidden from LibreOffice (a fontconfig file that rejects them),
 * so only the fonts embedded in the DOCX can make the check pass.
 */

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const TOOLS = ['soffice', 'pdftotext', 'pdffonts', 'pdfinfo'];
const missing = TOOLS.filter((t) => !has(t));
const inCI = process.env.CI === 'true';
if (missing.length > 0) {
  console.warn(
    `[test/docx/parity] SKIPPED: ${missing.join(', ')} not found (Debian: libreoffice-writer-nogui, poppler-utils).` +
      (inCI ? ' CI=true: this is a failure.' : ''),
  );
}

describe.runIf(missing.length > 0 && inCI)('DOCX parity in CI', () => {
  it('has LibreOffice and poppler-utils', () => {
    throw new Error(`missing in CI: ${missing.join(', ')}`);
  });
});

/** Page count, per-page text with whitespace normalised, and the fonts of a PDF. */
function pages(pdf: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
  return Number(m?.[1]);
}
function pageText(pdf: string, page: number): string {
  const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
function fonts(pdf: string): string[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  // "ABCDEF+Tinos-Bold  TrueType …": drop the subset tag.
  return [...new Set(lines.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')))].sort();
}

/** A fontconfig file that loads the system configuration but rejects every installed copy of `family`. */
function fontconfigWithout(family: string, dir: string): { file: string; rejected: string[] } {
  let rejected: string[] = [];
  if (has('fc-list')) {
    rejected = execFileSync('fc-list', [`:family=${family}`, 'file'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().replace(/:$/, ''))
      .filter(Boolean);
  }
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
      `  <selectfont><rejectfont>${rejected.map((f) => `<glob>${esc(f)}</glob>`).join('')}</rejectfont></selectfont>\n` +
      `</fontconfig>\n`,
  );
  return { file, rejected };
}

describe.skipIf(missing.length > 0)('DOCX through LibreOffice matches the PDF', () => {
  let dir = '';
  let family = '';
  let rejected: string[] = [];
  const out = { pdf: '', lo: '', loBare: '' };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-parity-'));
    const { doc, profile } = await sampleDocument();
    family = profile.fontFamily;
    const docx = await renderDocx(doc, profile, { creator: CREATOR });
    out.pdf = path.join(dir, 'pdfmake.pdf');
    writeFileSync(out.pdf, await renderPdf(doc, profile, { creator: CREATOR }));
    writeFileSync(path.join(dir, 'sample.docx'), docx);
    // Control: the same DOCX without its w:embedXxx entries must fall back to another font.
    const files = unzipSync(docx);
    files['word/fontTable.xml'] = strToU8(strFromU8(files['word/fontTable.xml']!).replace(/<w:embed[A-Za-z]+ [^>]*\/>/g, ''));
    writeFileSync(path.join(dir, 'bare.docx'), zipSync(files));

    const fc = fontconfigWithout(family, dir);
    rejected = fc.rejected;
    if (rejected.length > 0) {
      console.warn(`[test/docx/parity] ${family} is installed system-wide (${rejected.join(', ')}); hidden from LibreOffice for this test.`);
    }
    // One LibreOffice run per file, each with a fresh profile: fonts embedded in one document stay
    // registered for the rest of a run and would mask the control.
    const convert = (name: string) =>
      execFileSync(
        'soffice',
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=${pathToFileURL(path.join(dir, `lo-profile-${name}`)).href}`,
          '--convert-to',
          'pdf',
          '--outdir',
          path.join(dir, 'lo'),
          path.join(dir, `${name}.docx`),
        ],
        { env: { ...process.env, FONTCONFIG_FILE: fc.file }, stdio: 'pipe', timeout: 85_000 },
      );
    convert('sample');
    convert('bare');
    out.lo = path.join(dir, 'lo', 'sample.pdf');
    out.loBare = path.join(dir, 'lo', 'bare.pdf');
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('LibreOffice lays the DOCX out in the embedded family, all four faces', () => {
    const seen = fonts(out.lo);
    expect(seen).toEqual([family, `${family}-Bold`, `${family}-BoldItalic`, `${family}-Italic`].sort());
    expect(seen.join(' ')).not.toMatch(/DejaVu|Liberation/);
  });

  it('without the embedded fonts it would not (the check above is real)', () => {
    expect(fonts(out.loBare).some((f) => f.startsWith(family))).toBe(false);
  });

  it('has the same page count as the pdfmake PDF', () => {
    expect(pages(out.lo)).toBe(pages(out.pdf));
  });

  it('has the same text on every page', () => {
    const n = pages(out.pdf);
    for (let p = 1; p <= n; p++) expect(pageText(out.lo, p), `page ${p}`).toBe(pageText(out.pdf, p));
  });
});
