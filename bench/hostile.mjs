// node bench/hostile.mjs [--quick] [--only NAME,…]: every reproduction of issue 13 (hostile input),
// generated here (nothing committed as megabytes), run through the built CLI at its DEFAULT limits in
// a child process, as an office would run it on a file someone sent. The issue's bar: each one ends
// in under 5 s with under 500 MB peak memory.
//
// For each case: the exit code (and whether it is the expected one), the wall time from spawn to exit
// (median of 3 runs; 1 with --quick or for a case that waits for a limit), and the peak resident
// memory of the process tree. The peak is the larger of GNU time's %M (the largest single process
// of the tree, exact: the CLI renders in worker threads of one process) and the sum over the tree's processes of their own high-water marks
// (VmHWM, read from /proc every 20 ms: an upper bound, counting each process at its own peak).
// Generating the inputs (e.g. deflating the 1 GB zip bomb) is not timed. Needs `npm run build`.
import { spawn } from 'node:child_process';
import { createDeflate, deflateSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(root, 'dist/cli/main.js');
const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1].split(',')) : undefined;
const RUNS = quick ? 1 : 3;
const LIMIT_S = 5;
const LIMIT_MB = 500;
const work = mkdtempSync(path.join(tmpdir(), 'baocao-hostile-'));
const base = readFileSync(path.join(root, 'test/fixtures/data/minimal.yaml'), 'utf8');
const frame = `frame:
  issuingAgency: Ủy ban nhân dân xã Tân Lập
  symbol: TB-UBND
  place: Tân Lập
  date: 2021-02-03
  summary: Thử
  signer: { position: Chủ tịch, name: Nguyễn Văn A }
  recipients: []
  archive: [VT]
`;

/** A fresh folder per case. */
let n = 0;
const folder = (tag) => {
  const d = path.join(work, `${String(++n).padStart(2, '0')}-${tag}`);
  mkdirSync(d, { recursive: true });
  return d;
};
/** The minimal report with `forecast` (one paragraph) set to `text`. */
const withForecast = (text) => base.replace('forecast: Tình hình ổn định.', `forecast: ${JSON.stringify(text)}`);
/** A kind folder `loai/<id>` with its kind.yaml, body.hbs and sample. */
function kind(dir, id, { fields = '  year: { type: year, description: Năm }\n', body, sample = `kind: ${id}\n${frame}year: 2021\n`, kindYaml } = {}) {
  const k = path.join(dir, 'loai', id);
  mkdirSync(k, { recursive: true });
  writeFileSync(path.join(k, 'kind.yaml'), kindYaml ?? `id: ${id}\ntitle: Thử\ntype: { name: Thông báo, abbreviation: TB }\nsample: mau.yaml\nfileStem: ${id}\nfields:\n${fields}`);
  writeFileSync(path.join(k, 'body.hbs'), body ?? '<p>Thử.</p>\n');
  writeFileSync(path.join(k, 'mau.yaml'), sample);
  return k;
}
/** A deflate stream of `bytes` spaces, produced in 1 MiB pieces (never a 1 GB buffer here). */
async function deflatedSpaces(bytes) {
  const z = createDeflate({ level: 9 });
  const out = [];
  z.on('data', (c) => out.push(c));
  const done = new Promise((res) => z.on('end', res));
  const chunk = Buffer.alloc(1 << 20, 0x20);
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!z.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((res) => z.once('drain', res));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}
/** A minimal PDF whose one embedded file (named `name`) is the given deflated stream (as test/hostile/pdf-build.ts). */
function pdfWith(name, deflated) {
  const str = (s) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a) 5 0 R] >> >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
    `<< /Type /Filespec /F ${str(name)} /UF ${str(name)} /EF << /F 6 0 R >> >>`,
    Buffer.concat([Buffer.from(`<< /Type /EmbeddedFile /Length ${deflated.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), deflated, Buffer.from('\nendstream', 'latin1')]),
  ];
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets = [];
  let at = parts[0].length;
  objects.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(b);
    at += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const LOOP_KIND = '  year: { type: year, description: Năm }\n  xs: { type: list, items: text, description: Danh sách }\n';
// Capitalised: lower-case items of a flow list draw a warning each (a comma split inside [ ]).
const items = (k, tag = 'Muc') => `[${Array.from({ length: k }, (_, i) => `${tag}${i}`).join(', ')}]`;

/**
 * The reproductions: item of the issue, what it is, the expected exit code(s), and a set-up that
 * writes the input in a fresh folder and returns the CLI's arguments (run in that folder). A case
 * may also send a signal after `signalAfterMs`.
 */
const cases = [
  { item: '10', name: 'token-20k', what: '20,000-character token (no spaces), PDF + DOCX', exit: [0], setup: (d) => (writeFileSync(path.join(d, 'a.yaml'), withForecast('QmFvQ2Fv'.repeat(2_500))), ['render', 'a.yaml']) },
  { item: '10', name: 'token-40k', what: '40,000-character token, PDF + DOCX', exit: [0], setup: (d) => (writeFileSync(path.join(d, 'a.yaml'), withForecast('QmFvQ2Fv'.repeat(5_000))), ['render', 'a.yaml']) },
  ...[[100_000, '100k'], [200_000, '200k'], [1_000_000, '1m']].map(([chars, tag]) => ({
    item: '11', name: `paragraph-${tag}`, what: `one paragraph of ${chars.toLocaleString('en')} characters (words), PDF + DOCX`, exit: chars > 200_000 ? [2] : [0],
    setup: (d) => {
      const words = 'Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn ổn định. ';
      writeFileSync(path.join(d, 'a.yaml'), withForecast(words.repeat(Math.ceil(chars / words.length)).slice(0, chars).trimEnd()));
      return ['render', 'a.yaml'];
    },
  })),
  ...[[100_000, '100k'], [200_000, '200k']].map(([chars, tag]) => ({
    item: '4', name: `redos-${tag}`, what: `endItem/punct: ${chars.toLocaleString('en')} characters of spaces and punctuation then a letter, PDF + DOCX`, exit: [0],
    setup: (d) => {
      const run = ' .;,:'.repeat(chars / 5 - 1);
      writeFileSync(path.join(d, 'a.yaml'), base.replace('  - Giữ vững an ninh, trật tự', `  - ${JSON.stringify(`a${run}x`)}`));
      return ['render', 'a.yaml'];
    },
  })),
  { item: '4', name: 'kind-pattern', what: 'kind.yaml pattern ^(a|a)*$ on 40 a + b (catastrophic for a backtracking engine): validate', exit: [2], setup: (d) => {
    kind(d, 'mau', { fields: '  year: { type: year, description: Năm }\n  code: { type: text, pattern: "^(a|a)*$", description: Mã }\n', sample: `kind: mau\n${frame}year: 2021\ncode: aaa\n` });
    writeFileSync(path.join(d, 'a.yaml'), `kind: mau\n${frame}year: 2021\ncode: ${'a'.repeat(40)}b\n`);
    return ['validate', 'a.yaml', '--kinds', 'loai'];
  } },
  { item: '13', name: 'keys-20k', what: '20,000 keys in one mapping: validate', exit: [2], setup: (d) => (writeFileSync(path.join(d, 'a.yaml'), `${base}extra:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`), ['validate', 'a.yaml']) },
  { item: '13', name: 'keys-9999', what: '9,999 keys in one mapping (under the limit): validate', exit: [2], setup: (d) => (writeFileSync(path.join(d, 'a.yaml'), `${base}extra:\n${Array.from({ length: 9_999 }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`), ['validate', 'a.yaml']) },
  { item: '6', name: 'alias-data', what: 'recursive alias a: &a {b: *a} in data, then a good file: validate', exit: [2], setup: (d) => {
    writeFileSync(path.join(d, 'a.yaml'), `${base}extra: &a {b: *a}\n`);
    writeFileSync(path.join(d, 'b.yaml'), base);
    return ['validate', 'a.yaml', 'b.yaml'];
  } },
  { item: '6', name: 'alias-kind', what: 'recursive alias in kind.yaml: kinds', exit: [3], setup: (d) => {
    kind(d, 'k', { kindYaml: 'id: k\ntitle: K\ntype: &t { name: Thông báo, abbreviation: TB, x: *t }\nsample: mau.yaml\nfileStem: x\nfields: {}\n' });
    return ['kinds', '--kinds', 'loai'];
  } },
  { item: '7', name: 'markup-deep', what: 'template loop opening <ul><li> 20,000 times: render', exit: [3], setup: (d) => {
    kind(d, 'sau', { fields: LOOP_KIND, body: '{{#each xs}}<ul><li>{{this}}{{/each}}\n', sample: `kind: sau\n${frame}year: 2021\nxs: [a]\n` });
    writeFileSync(path.join(d, 'a.yaml'), `kind: sau\n${frame}year: 2021\nxs: ${items(20_000)}\n`);
    return ['render', 'a.yaml', '--kinds', 'loai'];
  } },
  { item: '14', name: 'nested-each-quiet', runs: 1, what: 'the same loops writing one paragraph per 200 turns (little markup: only the time limit stops them): render, 1 run', exit: [2], setup: (d) => {
    kind(d, 'vong', { fields: LOOP_KIND, body: '{{#each xs}}{{#each ../xs}}{{#each ../../xs}}{{#each ../../../xs}}{{#if @last}}<p>{{this}} lặp lại</p>{{/if}}{{/each}}{{/each}}{{/each}}{{/each}}\n', sample: `kind: vong\n${frame}year: 2021\nxs: [a]\n` });
    writeFileSync(path.join(d, 'a.yaml'), `kind: vong\n${frame}year: 2021\nxs: ${items(200)}\n`);
    return ['render', 'a.yaml', '--kinds', 'loai'];
  } },
  { item: '14', name: 'nested-each', what: 'four nested {{#each}} over 200 items (1.6 billion paragraphs): render', exit: [2, 3], setup: (d) => {
    kind(d, 'vong', { fields: LOOP_KIND, body: '{{#each xs}}{{#each ../xs}}{{#each ../../xs}}{{#each ../../../xs}}<p>{{this}} lặp lại</p>{{/each}}{{/each}}{{/each}}{{/each}}\n', sample: `kind: vong\n${frame}year: 2021\nxs: [a]\n` });
    writeFileSync(path.join(d, 'a.yaml'), `kind: vong\n${frame}year: 2021\nxs: ${items(200)}\n`);
    return ['render', 'a.yaml', '--kinds', 'loai'];
  } },
  ...[[20_000, '20k', [3]], [9_999, '9999', [0]]].map(([count, tag, exit]) => ({
    item: '14', name: `fields-${tag}`, what: `a kind with ${count.toLocaleString('en')} fields: render its sample (PDF + DOCX)`, exit,
    setup: (d) => {
      const fields = Array.from({ length: count - 1 }, (_, i) => `  f${i}: { type: text, optional: true, description: Trường ${i} }\n`).join('');
      kind(d, 'rong', { fields: `  year: { type: year, description: Năm }\n${fields}`, body: '<p>{{f0}} {{f1}}</p>\n', sample: `kind: rong\n${frame}year: 2021\nf0: đầu\nf1: cuối\n` });
      return ['render', 'loai/rong/mau.yaml', '--kinds', 'loai'];
    },
  })),
  { item: '2', name: 'zip-bomb-extract', what: 'PDF (~1 MB) whose embedded source inflates to 1 GiB: extract', exit: [2], bomb: true, setup: (d, bomb) => (writeFileSync(path.join(d, 'bom.pdf'), bomb), ['extract', 'bom.pdf']) },
  { item: '2', name: 'zip-bomb-render', what: 'the same PDF: render', exit: [2], bomb: true, setup: (d, bomb) => (writeFileSync(path.join(d, 'bom.pdf'), bomb), ['render', 'bom.pdf']) },
  { item: '3', name: 'extract-config', what: 'PDF whose source is named baocao.config.yaml: extract', exit: [0], setup: (d) => (writeFileSync(path.join(d, 'x.pdf'), pdfWith('baocao.config.yaml', deflateSync(Buffer.from(base)))), ['extract', 'x.pdf']) },
  { item: '1', name: 'symlink-partial', what: 'kind partial symlinked to /etc/passwd: render', exit: [3], setup: (d) => {
    const k = kind(d, 'lien', { body: '<p>{{> bi}}</p>\n' });
    mkdirSync(path.join(k, 'partials'));
    symlinkSync('/etc/passwd', path.join(k, 'partials', 'bi.hbs'));
    return ['render', 'loai/lien/mau.yaml', '--kinds', 'loai'];
  } },
  { item: '5', name: 'bidi', what: 'U+202E and U+0000 in data: validate', exit: [2], setup: (d) => (writeFileSync(path.join(d, 'a.yaml'), withForecast('abc\u202Edcba\u0000')), ['validate', 'a.yaml']) },
  { item: '8', name: 'creation-date', what: '--creation-date 2021-02-30: render', exit: [64], setup: (d) => (writeFileSync(path.join(d, 'a.yaml'), base), ['render', 'a.yaml', '--creation-date', '2021-02-30']) },
  { item: '12', name: 'sigint', what: 'Ctrl-C (SIGINT) 1 s into the nested {{#each}} render (wall time includes that 1 s)', exit: [130], signalAfterMs: 1000, setup: (d) => {
    kind(d, 'vong', { fields: LOOP_KIND, body: '{{#each xs}}{{#each ../xs}}{{#each ../../xs}}{{#each ../../../xs}}<p>{{this}} lặp lại</p>{{/each}}{{/each}}{{/each}}{{/each}}\n', sample: `kind: vong\n${frame}year: 2021\nxs: [a]\n` });
    writeFileSync(path.join(d, 'a.yaml'), `kind: vong\n${frame}year: 2021\nxs: ${items(200)}\n`);
    return ['render', 'a.yaml', '--kinds', 'loai'];
  } },
  { item: '17', name: 'name-escape', what: '--name ../x: render', exit: [64], setup: (d) => (writeFileSync(path.join(d, 'a.yaml'), base), ['render', 'a.yaml', '--name', '../x']) },
  { item: '18', name: 'proto-access', what: 'template reading {{constructor.name}} and {{__proto__}}: render (refused when the kind loads)', exit: [3], setup: (d) => {
    kind(d, 'proto', { body: '<p>{{constructor.name}} {{__proto__}} {{year}}</p>\n' });
    return ['render', 'loai/proto/mau.yaml', '--kinds', 'loai'];
  } },
];

/** The pids of `pid` and its descendants (threads' children included), from /proc. */
function tree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${out[i]}/task/${t}/children`, 'utf8').split(' ').filter(Boolean)) out.push(Number(c));
      } catch {
        /* gone */
      }
    }
  }
  return out;
}
const hwmKb = (pid) => {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

/** One run: wall ms, exit code (or signal), peak MB, last stderr line. */
async function once(c, bomb) {
  const dir = folder(c.name);
  const args = c.setup(dir, bomb);
  const timeFile = path.join(dir, '.time');
  const t0 = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, CLI, ...args, '--lang', 'en'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  const peaks = new Map();
  const poll = setInterval(() => {
    for (const p of tree(child.pid)) if (p !== child.pid) peaks.set(p, Math.max(peaks.get(p) ?? 0, hwmKb(p)));
  }, 20);
  if (c.signalAfterMs) {
    setTimeout(() => {
      // The CLI, not GNU time: the node process is time's only child.
      const node = tree(child.pid).find((p) => p !== child.pid);
      if (node) process.kill(node, 'SIGINT');
    }, c.signalAfterMs);
  }
  const code = await new Promise((res) => child.on('close', (code) => res(code)));
  const ms = performance.now() - t0;
  clearInterval(poll);
  // time(1) reports a signalled child as "Command terminated by signal N"; the exit code is the last line.
  const timeOut = readFileSync(timeFile, 'utf8').trim().split('\n');
  const timeKb = Number(timeOut.at(-1));
  const sumKb = [...peaks.values()].reduce((a, b) => a + b, 0);
  const said = stderr.trim().split('\n').filter(Boolean)[0] ?? '';
  rmSync(dir, { recursive: true, force: true });
  return { ms, code, mb: Math.max(timeKb, sumKb) / 1024, procs: peaks.size, said };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load0 = loadavg();
console.log(`# baocao hostile inputs (issue 13), default limits, ${RUNS} run(s) each; load before ${load0.map((x) => x.toFixed(2)).join(' ')}`);
let bomb;
const rows = [];
for (const c of cases) {
  if (only && !only.has(c.name)) continue;
  if (c.bomb && !bomb) bomb = pdfWith('so-lieu.yaml', await deflatedSpaces(1024 * 1024 * 1024));
  const rs = [];
  for (let i = 0; i < Math.min(RUNS, c.runs ?? RUNS); i++) rs.push(await once(c, bomb));
  const codes = [...new Set(rs.map((r) => r.code))];
  const ms = median(rs.map((r) => r.ms));
  const mb = Math.max(...rs.map((r) => r.mb));
  const ok = codes.every((x) => c.exit.includes(x)) && ms < LIMIT_S * 1000 && mb < LIMIT_MB;
  rows.push({ ...c, codes, ms, mb, ok, said: rs.at(-1).said });
  console.log(`${ok ? 'ok  ' : 'OVER'} #${c.item.padEnd(3)} ${c.name.padEnd(18)} exit ${codes.join('/').padEnd(4)} (want ${c.exit.join('/')})  ${(ms / 1000).toFixed(2).padStart(6)} s  ${mb.toFixed(0).padStart(5)} MB  ${c.what}`);
  if (c.exit.some((x) => x !== 0) || !ok) console.log(`       ${rs.at(-1).said.slice(0, 220)}`);
}
const load1 = loadavg();
console.log(`# load after ${load1.map((x) => x.toFixed(2)).join(' ')}; wall = spawn to exit (median), MB = peak RSS of the process tree (max over runs); bar: < ${LIMIT_S} s, < ${LIMIT_MB} MB`);
rmSync(work, { recursive: true, force: true });
if (!existsSync(work) && rows.some((r) => !r.ok)) process.exitCode = 1;
