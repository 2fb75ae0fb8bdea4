import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractName } from '../../src/archive/extract.js';
import { pdfWithAttachment } from './pdf-build.js';
import { hasStack, minimal, run, tmp } from './support.js';

// Issue 13 items 2 and 3, issue 12 item 19: a PDF from outside is read with bounds and its
// author does not choose where its data lands; pdf.js's own reason is reported.

describe('a zip bomb in the embedded source', () => {
  it('stops inflating at the input limit: exit 2, the limit and its option named, nothing written', () => {
    const dir = tmp('bomb');
    // 64 MB of one byte weighs about 64 KB deflated.
    writeFileSync(path.join(dir, 'bom.pdf'), pdfWithAttachment({ name: 'so-lieu.yaml', content: Buffer.alloc(64 * 1024 * 1024, 0x20) }));
    const r = run(['extract', 'bom.pdf', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bom.pdf: the data file embedded in this PDF inflates beyond the limit of 8388608 bytes, so inflation stopped; if this is really needed, raise it with --max-input-bytes.\n');
    expect(readdirSync(dir)).toEqual(['bom.pdf']);
    const render = run(['render', 'bom.pdf', '--lang', 'en'], { cwd: dir });
    expect(render.code).toBe(2);
    expect(render.stderr).toContain('bom.pdf: error: the data file embedded in this PDF inflates beyond the limit of 8388608 bytes');
    expect(hasStack(render.stderr)).toBe(false);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('extracts a source below a raised limit', () => {
    const dir = tmp('bomb');
    writeFileSync(path.join(dir, 'x.pdf'), pdfWithAttachment({ name: 'so-lieu.yaml', content: Buffer.from(minimal()) }));
    expect(run(['extract', 'x.pdf', '--max-input-bytes', '100'], { cwd: dir }).code).toBe(2);
    const r = run(['extract', 'x.pdf', '--max-input-bytes', '100000'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'so-lieu.yaml'), 'utf8')).toBe(minimal());
  });
});

describe('the name extract writes under', () => {
  it('keeps a plain data-file name and refuses one chosen to plant a config or a dotfile', () => {
    expect(extractName('bao-cao 2020.yaml', 'x.pdf')).toEqual({ name: 'bao-cao 2020.yaml', derived: false });
    expect(extractName('so-lieu.json', 'x.pdf')).toEqual({ name: 'so-lieu.json', derived: false });
    for (const bad of ['baocao.config.yaml', 'BAOCAO.CONFIG.YAML', '.bashrc', '.x.yaml', 'a.sh', 'a\u202Egnp.yaml', 'a\nb.yaml', ' a.yaml', 'a.yaml\u0000']) {
      expect(extractName(bad, 'thu/bao-cao.pdf'), bad).toEqual({ name: bad.endsWith('.json') ? 'bao-cao.json' : 'bao-cao.yaml', derived: true });
    }
    expect(extractName('baocao.config.yaml', 'baocao.config.pdf').name).toBe('so-lieu.yaml');
    expect(extractName('.x', '.pdf').name).toBe('so-lieu.yaml');
  });

  it('writes a planted baocao.config.yaml under the PDF name instead, and says where', () => {
    const dir = tmp('plant');
    writeFileSync(path.join(dir, 'gui-den.pdf'), pdfWithAttachment({ name: 'baocao.config.yaml', content: Buffer.from('kinds: [/tmp/evil]\n'), deflate: false }));
    const r = run(['extract', 'gui-den.pdf', '--lang', 'en'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('The file name stored in the PDF ("baocao.config.yaml") is not a plain data-file name; writing gui-den.yaml, named after the PDF.\n');
    expect(r.stdout).toContain('gui-den.yaml');
    expect(readdirSync(dir).sort()).toEqual(['gui-den.pdf', 'gui-den.yaml']);
  });
});

describe('a PDF pdf.js cannot read', () => {
  it('is reported with pdf.js\'s reason, exit 2, and its stack only with --verbose', () => {
    const dir = tmp('badpdf');
    writeFileSync(path.join(dir, 'hong.pdf'), '%PDF-1.7\nrác\n');
    const r = run(['extract', 'hong.pdf', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hong\.pdf: cannot read the PDF \(.*Invalid PDF structure.*\)\.\n$/);
    expect(hasStack(r.stderr)).toBe(false);
    const v = run(['extract', 'hong.pdf', '--lang', 'en', '--verbose'], { cwd: dir });
    expect(v.code).toBe(2);
    expect(hasStack(v.stderr)).toBe(true);
  });
});

describe('the input size limit on a data file', () => {
  it('refuses a data file above --max-input-bytes before parsing it, naming the limit and the option', () => {
    const dir = tmp('size');
    writeFileSync(path.join(dir, 'lon.yaml'), `${minimal()}# ${'x'.repeat(3_000)}\n`);
    const r = run(['validate', 'lon.yaml', '--max-input-bytes', '2000', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lon\.yaml: error: the size of the data \(bytes\) exceeds the limit of 2000 \(found \d+\); if this is really needed, raise it with --max-input-bytes\.\n/);
    expect(run(['validate', 'lon.yaml'], { cwd: dir }).code).toBe(0);
  });
});
