// npm run bench [-- --quick] [-- --readme]: how fast baocao is, cold and warm, with LibreOffice
// converting the same DOCX in the same run as the baseline. One table; each row says what its time
// includes. --readme rewrites the README's speed section from this run (bench/readme.mjs).
// Cold runs of baocao and of LibreOffice alternate, so both see the same machine load.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeReadme } from './readme.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const SAMPLE = path.join(root, 'data/nghi-son-qp-an-2020.yaml');
const CLI = path.join(root, 'dist/cli/main.js');
const work = mkdtempSync(path.join(tmpdir(), 'baocao-bench-'));
const loadBefore = loadavg()[0];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p90: q(0.9), n: s.length };
};
const rows = [];
/** One row: what, what its time includes, stats in ms, notes. */
const row = (what, includes, s, notes = '') => rows.push({ what, includes, median: s.median, p90: s.p90, n: s.n, notes });

// ── 1. Cold: whole processes, from exec to exit (files on disk), interleaved with LibreOffice ──
const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const loDocx = path.join(work, 'lo', 'sample.docx');
const loProfile = `file://${path.join(work, 'lo-profile')}`;
const run = (cmd, args) => {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}`);
  return performance.now() - t;
};
const cliRuns = {
  both: () => run(process.execPath, [CLI, 'render', SAMPLE, '--out', path.join(work, 'cold'), '--force']),
  pdf: () => run(process.execPath, [CLI, 'render', SAMPLE, '--out', path.join(work, 'cold'), '--force', '--format', 'pdf']),
  docx: () => run(process.execPath, [CLI, 'render', SAMPLE, '--out', path.join(work, 'cold'), '--force', '--format', 'docx']),
  validate: () => run(process.execPath, [CLI, 'validate', SAMPLE]),
  node: () => run(process.execPath, ['-e', '0']),
};
const cold = Object.fromEntries(Object.keys(cliRuns).map((k) => [k, []]));
const lo = [];
if (soffice) {
  mkdirSync(path.dirname(loDocx));
  cliRuns.docx();
  writeFileSync(loDocx, readFileSync(path.join(work, 'cold', readdirSync(path.join(work, 'cold')).find((f) => f.endsWith('.docx')))));
  run(soffice, [`-env:UserInstallation=${loProfile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(loDocx), loDocx]); // creates its profile
}
for (let i = 0; i < (quick ? 3 : 7); i++) {
  for (const [k, f] of Object.entries(cliRuns)) cold[k].push(f());
  if (soffice) lo.push(run(soffice, [`-env:UserInstallation=${loProfile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(loDocx), loDocx]));
}
const coldBoth = stats(cold.both);
row('cold `baocao render` of the sample, PDF (PDF/A-3b) + DOCX', 'process start to both files on disk', coldBoth);
row('cold `baocao render --format pdf`', 'process start to the PDF on disk', stats(cold.pdf));
row('cold `baocao render --format docx`', 'process start to the DOCX on disk', stats(cold.docx));
row('cold `baocao validate` of the sample', 'process start to the verdict', stats(cold.validate));
row('`node -e 0` (the floor)', 'Node starting and exiting', stats(cold.node));
let loStats;
if (soffice) {
  loStats = stats(lo);
  row('LibreOffice `soffice --headless --convert-to pdf` of the same DOCX', 'process start to the PDF on disk (profile made beforehand)', loStats,
    `${(loStats.median / coldBoth.median).toFixed(1)}× the cold baocao render (PDF + DOCX)`);
} else {
  rows.push({ what: 'LibreOffice conversion', includes: '', median: NaN, p90: NaN, n: 0, notes: 'soffice not installed' });
}

// ── 2. Warm: the whole pipeline per document in one process (library API, after warm-up) ──
const lib = await import(path.join(root, 'dist/index.js'));
async function warm(fn, n, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn();
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}
const pipeline = async (format) => {
  const loaded = await lib.loadReport(SAMPLE); // read the file, parse, validate
  if (!loaded.ok) throw new Error('sample invalid');
  const doc = lib.buildDocument(loaded.kind, loaded.report); // compose, parse, frame
  return lib.renderDocument(doc, format, loaded.kind.profile, format === 'pdf' ? { pdfa: '3b', source: { ...loaded.source, kind: loaded.kind.id } } : {});
};
const warmPdf = await warm(() => pipeline('pdf'), quick ? 10 : 30);
const warmDocx = await warm(() => pipeline('docx'), quick ? 10 : 30);
row('warm pipeline, PDF (PDF/A-3b, data embedded)', 'read file → validate → compose → parse → frame → layout → PDF bytes', warmPdf);
row('warm pipeline, DOCX (subset fonts embedded)', 'read file → validate → compose → parse → frame → layout → DOCX bytes', warmDocx);

// ── 3. Large table: the sample with a 1,000-row table (≈ 30 pages), warm ──
const loaded = await lib.loadReport(SAMPLE);
const sample = lib.buildDocument(loaded.kind, loaded.report);
const cell = (text, extra = {}) => ({ type: 'tableCell', children: [{ type: 'text', text }], colSpan: 1, rowSpan: 1, align: 'left', header: false, ...extra });
const tableRows = [
  { type: 'tableRow', children: [cell('TT', { rowSpan: 2, header: true, align: 'center' }), cell('Đơn vị', { rowSpan: 2, header: true, align: 'center' }), cell('Số tổ tự quản', { colSpan: 2, header: true, align: 'center' })] },
  { type: 'tableRow', children: [cell('Năm 2019', { header: true, align: 'center' }), cell('Năm 2020', { header: true, align: 'center' })] },
];
for (let i = 1; i <= 1000; i++) tableRows.push({ type: 'tableRow', children: [cell(String(i), { align: 'center' }), cell(`Xã số ${i}`), cell(String(i % 17), { align: 'right' }), cell(String(i % 19), { align: 'right' })] });
const stress = { ...sample, children: [sample.children[0], { type: 'table', columns: 4, widths: [1, 5, 2, 2], headerRows: 2, children: tableRows }, ...sample.children.slice(1)] };
row('1,000-row table, PDF, warm', 'layout → PDF bytes (document already built)', await warm(() => lib.renderDocument(stress, 'pdf', 'nd30'), quick ? 1 : 5, 1));
row('1,000-row table, DOCX, warm', 'layout → DOCX bytes (document already built)', await warm(() => lib.renderDocument(stress, 'docx', 'nd30'), quick ? 1 : 5, 1));

// ── 4. Batch: N documents, PDF + DOCX, one CLI process over all cores; peak RSS of its process tree ──
const N = quick ? 100 : 1000;
const inputs = path.join(work, 'batch-in');
mkdirSync(inputs);
const text = readFileSync(SAMPLE, 'utf8');
for (let i = 1; i <= N; i++) writeFileSync(path.join(inputs, `xa-${String(i).padStart(4, '0')}.yaml`), text.replace('  number: null', `  number: ${i}`));

/** RSS in kB of a process and all its descendants, read from /proc. */
function treeRss(pid) {
  let procs;
  try {
    procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  const info = new Map();
  for (const p of procs) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      info.set(Number(p), { ppid: Number(/PPid:\s+(\d+)/.exec(status)?.[1]), rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) });
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop();
    total += info.get(p)?.rss ?? 0;
    for (const [c, i] of info) if (i.ppid === p) todo.push(c);
  }
  return total;
}
const batch = await new Promise((resolve, reject) => {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'render', inputs, '--out', path.join(work, 'batch-out'), '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100);
  child.stdout.on('data', (d) => (out += d));
  child.on('error', reject);
  child.on('close', () => {
    clearInterval(poll);
    resolve({ ms: performance.now() - t0, summary: JSON.parse(out), peakMb: Math.round(peak / 1024) });
  });
});
row(`batch of ${N} documents, PDF + DOCX, ${availableParallelism()} cores`, 'one `baocao render <folder>` process, start to last file', { median: batch.ms, p90: NaN, n: 1 },
  `${(N / (batch.ms / 1000)).toFixed(1)} docs/s; ${batch.summary.failed ?? 0} failed; peak RSS of the process tree ${batch.peakMb} MB`);

rmSync(work, { recursive: true, force: true });

// ── The table ──
const fmt = (x) => (Number.isNaN(x) ? '' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const head = ['measure', 'includes', 'median', 'p90', 'runs', 'notes'];
const cells = rows.map((r) => [r.what, r.includes, fmt(r.median), fmt(r.p90), String(r.n), r.notes]);
const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
const loadAfter = loadavg()[0];
console.log([line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n'));
console.log(`\nload average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; ${availableParallelism()} cores; Node ${process.version}${quick ? '; --quick' : ''}`);

const targets = [
  ['cold render PDF + DOCX ≤ 0.5 s', coldBoth.median <= 500],
  ['LibreOffice ≥ 4× the cold render', loStats ? loStats.median / coldBoth.median >= 4 : false],
  ['cold validate ≤ 0.25 s', stats(cold.validate).median <= 250],
  ['warm pipeline PDF ≤ 30 ms', warmPdf.median <= 30],
  ['warm pipeline DOCX ≤ 20 ms', warmDocx.median <= 20],
  [`1,000 documents ≤ 40 s, peak RSS ≤ 400 MB`, N === 1000 && batch.ms <= 40_000 && batch.peakMb <= 400],
];
console.log(targets.map(([t, ok]) => `${ok ? 'met    ' : 'not met'}  ${t}`).join('\n'));

if (process.argv.includes('--readme')) {
  writeReadme(path.join(root, 'README.md'), { rows, fmt, load: [loadBefore, loadAfter], cores: availableParallelism(), node: process.version, quick, date: new Date().toISOString().slice(0, 10), coldBoth, loStats });
  console.log('README.md: speed section rewritten from this run.');
}

// The desk's preview latency (its own table), with the same flags.
spawnSync(process.execPath, [path.join(root, 'bench/serve.mjs'), ...process.argv.slice(2).filter((a) => a === '--quick')], { stdio: 'inherit' });

// Every hostile input of issue 13 at the default limits (its own table: time, peak memory, exit code).
spawnSync(process.execPath, [path.join(root, 'bench/hostile.mjs'), ...process.argv.slice(2).filter((a) => a === '--quick')], { stdio: 'inherit' });
