// node bench/stages.mjs [N=5] [--root DIR]: the cost of each pipeline stage on the bundled sample,
// the first time in a fresh process (cold) and the second time in the same process (warm), as
// medians over N fresh processes. Needs `npm run build` (it uses tsc's per-module output in dist/).
//
// What each figure includes (all in one child process, timed with performance.now()):
// - import: `import()` of dist/pipeline/index.js (not node's own start-up, not the writers, which
//   load on first use);
// - load:   loadReport(sample): read, parse, validate;
// - build:  buildDocument(kind, report): compose, parse, frame;
// - pdf:    renderDocument(doc, 'pdf', profile, { pdfa: '3b', source }): layout + PDF bytes,
//           including the first import of the PDF writer (pdfmake, pdfkit) and the font set-up;
// - docx:   renderDocument(doc, 'docx', profile): layout + DOCX bytes, including the first import
//           of the DOCX writer (docx, fflate) and reading the font subsets.
// The cold figure of a format comes from a process that renders that format FIRST (so it also pays
// the first layout and the first font parse); half the processes render PDF first, half DOCX first.
// The warm figure is the same call again, right after, in the same process. No disk writes.
// Each figure is given as wall time and as the process's CPU time (user + system, all threads, so
// GC helper threads count): on a shared, loaded machine the CPU figure is the steadier one.
// --root DIR measures another checkout's dist/ (e.g. a copy of main's build) for a before/after.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? path.resolve(args[rootAt + 1]) : fileURLToPath(new URL('..', import.meta.url));

if (args[0] === '--child') {
  const first = args[1]; // 'pdf' or 'docx'
  const t = {};
  const cpu = {};
  const time = async (name, f) => {
    const s = performance.now(), c = process.cpuUsage();
    const r = await f();
    t[name] = performance.now() - s;
    const d = process.cpuUsage(c);
    cpu[name] = (d.user + d.system) / 1000;
    return r;
  };
  const lib = await time('import', () => import(pathToFileURL(path.join(root, 'dist/pipeline/index.js')).href));
  const loaded = await time('load', () => lib.loadReport(path.join(root, 'data/nghi-son-qp-an-2020.yaml')));
  if (!loaded.ok) throw new Error('sample did not load');
  const doc = await time('build', () => lib.buildDocument(loaded.kind, loaded.report));
  const render = {
    pdf: () => lib.renderDocument(doc, 'pdf', loaded.kind.profile, { pdfa: '3b', source: { ...loaded.source, kind: loaded.kind.id } }),
    docx: () => lib.renderDocument(doc, 'docx', loaded.kind.profile),
  };
  const second = first === 'pdf' ? 'docx' : 'pdf';
  await time(`${first} cold`, render[first]);
  await time(`${first} warm`, render[first]);
  await time(`${second} after ${first}`, render[second]);
  process.stdout.write(JSON.stringify({ wall: t, cpu }));
  process.exit(0);
}

const n = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--root') ?? 5);
const runs = { pdf: [], docx: [] };
for (let i = 0; i < n; i++) {
  for (const first of ['pdf', 'docx']) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', first, '--root', root], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`child (${first} first) failed:\n${r.stderr}`);
    runs[first].push(JSON.parse(r.stdout));
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const table = (k) => {
const pdfFirst = runs.pdf.map((r) => r[k]), docxFirst = runs.docx.map((r) => r[k]);
const all = [...pdfFirst, ...docxFirst];
return [
  ['import dist/pipeline/index.js', median(all.map((r) => r.import)), '', 2 * n],
  ['loadReport', median(all.map((r) => r.load)), '', 2 * n],
  ['buildDocument', median(all.map((r) => r.build)), '', 2 * n],
  ['render PDF (PDF/A-3b + source)', median(pdfFirst.map((r) => r['pdf cold'])), median(pdfFirst.map((r) => r['pdf warm'])), n],
  ['render DOCX', median(docxFirst.map((r) => r['docx cold'])), median(docxFirst.map((r) => r['docx warm'])), n],
  ['render PDF after a DOCX', median(docxFirst.map((r) => r['pdf after docx'])), '', n],
  ['render DOCX after a PDF', median(pdfFirst.map((r) => r['docx after pdf'])), '', n],
];
};
const ms = (x) => (x === '' ? '' : `${x.toFixed(0)} ms`);
console.log(`baocao stages, ${root}, medians of fresh processes (node ${process.version})`);
const wall = table('wall'), cpu = table('cpu');
console.log('stage                            wall: cold  warm       cpu: cold   warm       processes');
wall.forEach(([what, cold, warm, count], i) =>
  console.log(`${what.padEnd(33)}${ms(cold).padEnd(12)}${ms(warm).padEnd(11)}${ms(cpu[i][1]).padEnd(12)}${ms(cpu[i][2]).padEnd(11)}${count}`),
);
console.log('cold = first call in the process (a render: also the first layout and the writer\'s import);');
console.log('warm = the same call again at once; "after": the other format rendered first in that process.');
