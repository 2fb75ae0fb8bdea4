import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';

/**
 * What the parity tests share: LibreOffice converting a DOCX in a fresh profile, with the font
 * family hidden from it when installed system-wide, and poppler reading pages, text and fonts.
 */

export const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/**
 * The tools missing here. A visible notice when some are; with CI=true a failing test as well,
 * so CI can never pass by skipping the check.
 */
export function requireTools(test: string, tools = ['soffice', 'pdftotext', 'pdffonts', 'pdfinfo']): string[] {
  const missing = tools.filter((t) => !has(t));
  const inCI = process.env.CI === 'true';
  if (missing.length > 0) {
    console.warn(`[${test}] SKIPPED: ${missing.join(', ')} not found (Debian: libreoffice-writer-nogui, poppler-utils).` + (inCI ? ' CI=true: this is a failure.' : ''));
    if (inCI) {
      describe(`${test} in CI`, () => {
        it('has LibreOffice and poppler-utils', () => {
          throw new Error(`missing in CI: ${missing.join(', ')}`);
        });
      });
    }
  }
  return missing;
}

export function pages(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

/** Each page's size ("595x842") as pdfinfo reports it. */
export function pageSizes(pdf: string): string[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
}

/** One page's text, NFC, whitespace collapsed. */
export function pageText(pdf: string, page: number): string {
  const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The fonts of a PDF, subset tags dropped, sorted. */
export function pdfFonts(pdf: string): string[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return [...new Set(lines.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')))].sort();
}

/** A fontconfig file that loads the system configuration but rejects every installed copy of `family`. */
export function fontconfigWithout(family: string, dir: string): { file: string; rejected: string[] } {
  return fontconfigWithoutFamilies([family], dir);
}

/** The same for several families (a font and its metric-compatible aliases). */
export function fontconfigWithoutFamilies(families: string[], dir: string): { file: string; rejected: string[] } {
  let rejected: string[] = [];
  if (has('fc-list')) {
    rejected = families.flatMap((family) =>
      execFileSync('fc-list', [`:family=${family}`, 'file'], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim().replace(/:$/, ''))
        .filter(Boolean),
    );
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

/** What fontconfig substitutes for `family` under a fontconfig file: "family" of fc-match. */
export function fcMatch(family: string, fontconfig: string): string {
  return execFileSync('fc-match', ['-f', '%{family}', family], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: fontconfig } }).trim();
}

/** One page's text lines as pdftotext reads them, NFC, each trimmed, empty lines dropped. */
export function pageLines(pdf: string, page: number): string[] {
  const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return text.normalize('NFC').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * Convert `dir/<name>.docx` to `dir/lo/<name>.pdf` with LibreOffice headless, in a fresh user
 * profile of its own (fonts embedded in one document stay registered for the rest of a run),
 * optionally with a fontconfig file; returns the PDF's path.
 */
export function convertToPdf(dir: string, name: string, fontconfig?: string): string {
  execFileSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, `lo-profile-${name}`)).href}`,
      '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), path.join(dir, `${name}.docx`)],
    { env: { ...process.env, ...(fontconfig ? { FONTCONFIG_FILE: fontconfig } : {}) }, stdio: 'pipe', timeout: 85_000 },
  );
  return path.join(dir, 'lo', `${name}.pdf`);
}
