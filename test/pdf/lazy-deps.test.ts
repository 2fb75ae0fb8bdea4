import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 15: pdfkit's encryption libraries are not loaded to write our (unencrypted) PDFs, and an
// encrypted pdfkit document still gets the real ones. In a fresh process on the built package
// (test/setup/build.ts builds it), since Node's module cache is per process.
const root = fileURLToPath(new URL('../../', import.meta.url));
const script = `
import { createRequire } from 'node:module';
const lib = await import('./dist/index.js');
const loaded = await lib.loadReport('data/nghi-son-qp-an-2020.yaml');
const doc = lib.buildDocument(loaded.kind, loaded.report);
const pdf = await lib.renderDocument(doc, 'pdf', loaded.kind.profile, { pdfa: '3b', source: { ...loaded.source, kind: loaded.kind.id } });
const cache = createRequire(import.meta.url).cache;
const loadedNoble = () => Object.keys(cache).filter((k) => /@noble[\\\\/](ciphers[\\\\/]_polyval|hashes[\\\\/]_md)/.test(k)).length;
const before = loadedNoble();
const fromPdfkit = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'));
const PDFDocument = fromPdfkit('pdfkit');
const kit = new PDFDocument({ userPassword: 'x', pdfVersion: '1.7ext3' });
const chunks = [];
kit.on('data', (c) => chunks.push(c));
const ended = new Promise((r) => kit.on('end', r));
kit.text('x');
kit.end();
await ended;
console.log(JSON.stringify({ pdf: pdf.subarray(0, 5).toString(), before, after: loadedNoble(), encrypted: Buffer.concat(chunks).includes('/Encrypt') }));
`;

describe("pdfkit's encryption libraries", () => {
  it('load only when a document is encrypted', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual({ pdf: '%PDF-', before: 0, after: 2, encrypted: true });
  });
});
