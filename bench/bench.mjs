// npm run bench [-- --quick]: speed of baocao measured side by side with its baselines.
// Medians and p90 of warm in-process renders, cold CLI starts, batch throughput and peak memory,
// and, where LibreOffice is installed, its conversion of the same DOCX in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const { buildDocument, loadReport, renderDocument } = await import(path.join(root, 'dist/pipeline/index.js'));
const { fontCache } = await import(path.join(root, 'dist/render/pdf/font-cache.js'));
const SAMPLE = path.join(root, 'data/nghi-son-qp-an-2020.yaml');
const CLI = path.join(root, 'dist/cli/main.js');
const work = mkdtempSync(path.join(tmpdir(), 'baocao-bench-'));

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p90: q(0.9), n: s.length };
};
async function time(fn, n, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn();
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}
const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [];
const row = (what, s, extra = '') => rows.push([what, ms(s.median), ms(s.p90), String(s.n), extra]);

// 1. The sample, warm, in this process.
const loaded = await loadReport(SAMPLE);
const sample = buildDocument(loaded.kind, loaded.report);
const pdfWarm = await time(() => renderDocument(sample, 'pdf', 'nd30'), quick ? 10 : 30);
const docxWarm = await time(() => renderDocument(sample, 'docx', 'nd30'), quick ? 10 : 30);
row('sample PDF, warm', pdfWarm);
row('sample DOCX, warm (embedded subset fonts)', docxWarm);
// Baseline: the same definition through pdfmake as shipped (fonts parsed for every document).
fontCache.enabled = false;
const pdfPlain = await time(() => renderDocument(sample, 'pdf', 'nd30'), quick ? 5 : 15);
fontCache.enabled = true;
row('sample PDF, pdfmake as shipped (baseline)', pdfPlain, `cache ×${(pdfPlain.median / pdfWarm.median).toFixed(1)}`);

// 2. Stress: the sample with a 1,000-row table (~30 pages).
const cell = (text, extra = {}) => ({ content: [{ type: 'text', text }], colSpan: 1, rowSpan: 1, align: 'left', header: false, ...extra });
const tableRows = [
  { cells: [cell('TT', { rowSpan: 2, header: true, align: 'center' }), cell('Đơn vị', { rowSpan: 2, header: true, align: 'center' }), cell('Số tổ tự quản', { colSpan: 2, header: true, align: 'center' })] },
  { cells: [cell('Năm 2019', { header: true, align: 'center' }), cell('Năm 2020', { header: true, align: 'center' })] },
];
for (let i = 1; i <= 1000; i++) tableRows.push({ cells: [cell(String(i), { align: 'center' }), cell(`Xã số ${i}`), cell(String(i % 17), { align: 'right' }), cell(String(i % 19), { align: 'right' })] });
const stress = { ...sample, body: [sample.body[0], { type: 'table', columns: 4, widths: [1, 5, 2, 2], headerRows: 2, rows: tableRows }, ...sample.body.slice(1)] };
row('1,000-row table PDF, warm', await time(() => renderDocument(stress, 'pdf', 'nd30'), quick ? 2 : 5, 1));
row('1,000-row table DOCX, warm', await time(() => renderDocument(stress, 'docx', 'nd30'), quick ? 2 : 5, 1));

// 3. Cold start of the CLI, both formats.
const cold = [];
for (let i = 0; i < (quick ? 3 : 7); i++) {
  const t = performance.now();
  execFileSync(process.execPath, [CLI, 'render', SAMPLE, '--out', path.join(work, 'cold'), '--force'], { stdio: 'ignore' });
  cold.push(performance.now() - t);
}
const coldStats = stats(cold);
row('cold `baocao render` of the sample (PDF + DOCX)', coldStats);

// 4. Batch throughput and peak memory over all cores.
const N = quick ? 100 : 1000;
const inputs = path.join(work, 'batch-in');
mkdirSync(inputs);
const text = readFileSync(SAMPLE, 'utf8');
for (let i = 1; i <= N; i++) writeFileSync(path.join(inputs, `xa-${String(i).padStart(4, '0')}.yaml`), text.replace('  number: null', `  number: ${i}`));
const timeBin = spawnSync('sh', ['-c', 'command -v /usr/bin/time'], { stdio: 'ignore' }).status === 0;
const t0 = performance.now();
const batch = spawnSync(timeBin ? '/usr/bin/time' : process.execPath, [...(timeBin ? ['-f', 'RSS %M', process.execPath] : []), CLI, 'render', inputs, '--out', path.join(work, 'batch-out'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const batchMs = performance.now() - t0;
const summary = JSON.parse(batch.stdout);
const rss = /RSS (\d+)/.exec(batch.stderr ?? '')?.[1];
rows.push([`batch of ${N} documents (PDF + DOCX), ${availableParallelism()} cores`, `${(batchMs / 1000).toFixed(1)} s`, '', '', `${(N / (batchMs / 1000)).toFixed(1)} docs/s; ${summary.failed} failed; peak RSS ${rss ? `${Math.round(rss / 1024)} MB` : 'n/a'}`]);

// 5. LibreOffice converting the same DOCX, in the same run.
const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (soffice) {
  const docx = path.join(work, 'lo', 'sample.docx');
  mkdirSync(path.dirname(docx));
  writeFileSync(docx, await renderDocument(sample, 'docx', 'nd30'));
  const profile = `file://${path.join(work, 'lo-profile')}`;
  const lo = [];
  for (let i = 0; i < (quick ? 2 : 4); i++) {
    const t = performance.now();
    execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(docx), docx], { stdio: 'ignore' });
    if (i > 0) lo.push(performance.now() - t); // the first run creates the profile
  }
  const loStats = stats(lo);
  row('LibreOffice: soffice --headless --convert-to pdf (same DOCX)', loStats,
    `×${(loStats.median / pdfWarm.median).toFixed(0)} a warm baocao PDF; ×${(loStats.median / coldStats.median).toFixed(1)} a cold baocao CLI run`);
} else {
  rows.push(['LibreOffice conversion', 'n/a', '', '', 'soffice not installed']);
}

rmSync(work, { recursive: true, force: true });
const head = ['measure', 'median', 'p90', 'runs', 'notes'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log([line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
