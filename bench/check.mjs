// node bench/check.mjs [--quick] (after npm run build): how long `baocao check` takes on a
// 10-page DOCX and on the same document as PDF. The document is the sample report with its body
// repeated until it holds about ten pages of 14 pt text; medians and p90 of warm, in-process runs,
// and one cold `baocao check` through the CLI (Node start and module loading included).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const { renderFile } = await import(path.join(root, 'dist/index.js'));
const { checkBytes, readDocx } = await import(path.join(root, 'dist/check/index.js'));
const CLI = path.join(root, 'dist/cli/main.js');
const work = mkdtempSync(path.join(tmpdir(), 'baocao-check-bench-'));

// A body of about ten pages: the sample's body paragraphs (between the title rule and the
// signature table) repeated; one page of 14 pt text at 155 mm holds about 2,800 characters.
const { outputs } = await renderFile(path.join(root, 'data/nghi-son-qp-an-2020.yaml'), { formats: ['docx'], pdfa: 'none' });
const files = unzipSync(outputs.docx);
const xml = strFromU8(files['word/document.xml']);
const bodyStart = xml.indexOf('<w:p><w:pPr><w:spacing w:after="0" w:before="120"');
const bodyEnd = xml.lastIndexOf('<w:tbl>');
const body = xml.slice(bodyStart, bodyEnd);
const chars = (s) => s.replace(/<[^>]+>/g, '').length;
const copies = Math.ceil(28_000 / chars(body));
// Each copy continues the Roman numbering of the headings (I., II. → III., IV. …): the checker
// would rightly report a repeated "I." otherwise.
const roman = (n) => ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'][n - 1];
const sections = (body.match(/>[IVX]+\. </g) ?? []).length;
const copy = (k) => { let i = 0; return body.replace(/>[IVX]+\. </g, () => `>${roman(k * sections + ++i)}. <`); };
files['word/document.xml'] = strToU8(xml.slice(0, bodyStart) + Array.from({ length: copies }, (_, k) => copy(k)).join('') + xml.slice(bodyEnd));
const docx = zipSync(files);
const doc = readDocx(docx);
const totalChars = doc.paras.reduce((a, p) => a + p.text.length, 0);
writeFileSync(path.join(work, 'muoi-trang.docx'), docx);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p90: q(0.9), n: s.length };
};
async function time(fn, n, warmup = 2) {
  for (let i = 0; i < warmup; i++) await fn();
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}
const runs = quick ? 5 : 20;
const rows = [];
const row = (what, s, extra = '') => rows.push([what, `${s.median.toFixed(1)} ms`, `${s.p90.toFixed(1)} ms`, String(s.n), extra]);

const first = await checkBytes(docx);
row('check DOCX, ~10 pages, warm', await time(() => checkBytes(docx), runs), `${doc.paras.length} paragraphs, ${totalChars} characters, ${first.errors} errors`);

// For comparison, the sample as PDF (pdf.js reading every text item and font).
const pdf = (await renderFile(path.join(root, 'data/nghi-son-qp-an-2020.yaml'), { formats: ['pdf'], pdfa: 'none' })).outputs.pdf;
row('check PDF sample (2 pages), warm', await time(() => checkBytes(pdf), runs));

const cold = [];
for (let i = 0; i < (quick ? 2 : 5); i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'check', path.join(work, 'muoi-trang.docx')], { encoding: 'utf8' });
  cold.push(performance.now() - t);
  if (r.status !== 0) throw new Error(`check failed: ${r.stdout}${r.stderr}`);
}
row('cold `baocao check` of the 10-page DOCX (CLI)', stats(cold));

const width = [44, 10, 10, 4];
console.log(['measure', 'median', 'p90', 'n', ''].map((c, i) => c.padEnd(width[i] ?? 0)).join('  '));
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(width[i] ?? 0)).join('  '));
rmSync(work, { recursive: true, force: true });
