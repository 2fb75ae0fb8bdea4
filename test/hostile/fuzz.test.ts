import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BaocaoError } from '../../src/messages/errors.js';
import { buildDocument, loadReportText, renderDocument } from '../../src/pipeline/index.js';
import { hasStack, run, tmp } from './support.js';

// Issue 13, "Done when": the pipeline on generated hostile documents (sizes bounded) ends with a
// documented outcome: rendered, or refused with positioned problems or an error of baocao's own
// (a documented exit code), never another exception; the CLI prints no stack and writes nothing
// for a refused input. The seed is pinned; fast-check prints it with the failing case.
const SEED = 1302;
const base = readFileSync('test/fixtures/data/minimal.yaml', 'utf8');

/** Pieces a hostile author would paste: controls, direction marks, long runs, markup, mustaches, YAML syntax. */
const piece = fc.oneof(
  fc.constantFrom('\u202E', '\u2066', '\u0000', '\u0008', '\u2028', '\u00AD', '\uFEFF', '\u200B', '<p>', '</li>', '<!--', '{{x}}', '{{#each}}', '&amp;', '&#0;', '*a', '&a', ': ', '- ', '"', "'", '#', '\\', '\t', '%', '9007199254740993', '-0x20000000000001', '1e400', '.inf'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.tuple(fc.constantFrom(' ', '.', ';', ',', ':', 'A', 'ế', '/', '-'), fc.integer({ min: 40, max: 3_000 })).map(([c, n]) => c.repeat(n)),
);
const hostileText = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

/** The minimal report with one hostile value, written as YAML would let a clerk or an attacker write it. */
const hostileDoc = fc.tuple(hostileText, fc.constantFrom('forecast', 'place', 'task', 'key', 'nest'), fc.boolean()).map(([t, where, quoted]) => {
  const v = quoted ? JSON.stringify(t) : t;
  switch (where) {
    case 'forecast': return base.replace('forecast: Tình hình ổn định.', `forecast: ${v}`);
    case 'place': return base.replace('  place: Tân Lập', `  place: ${v}`);
    case 'task': return base.replace('  - Giữ vững an ninh, trật tự', `  - ${v}`);
    case 'key': return `${base}${JSON.stringify(t)}: 1\n`;
    default: return `${base}extra: ${'['.repeat(t.length % 90)}${v}${']'.repeat(t.length % 90)}\n`;
  }
});

describe('the pipeline on generated hostile documents', () => {
  it('renders or refuses with a documented outcome, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(hostileDoc, async (text) => {
        const loaded = loadReportText(text, 'fuzz.yaml', 'en');
        if (!loaded.ok) {
          expect(loaded.problems.length).toBeGreaterThan(0);
          for (const p of loaded.problems) expect(p.message).not.toMatch(/^\s+at /m);
          return;
        }
        try {
          const doc = buildDocument(loaded.kind, loaded.report, loaded.kind.profile, 'en');
          const pdf = await renderDocument(doc, 'pdf', loaded.kind.profile);
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        } catch (e) {
          if (!(e instanceof BaocaoError)) throw e;
          expect([2, 3, 4]).toContain(e.exitCode);
        }
      }),
      { seed: SEED, numRuns: 30, verbose: true, endOnFailure: true },
    );
  });

  it('the CLI: a documented exit code, no stack on stderr, nothing written for a refused input', () => {
    const docs = fc.sample(hostileDoc, { seed: SEED, numRuns: 6 });
    const dir = tmp('fuzz');
    mkdirSync(path.join(dir, 'in'));
    docs.forEach((d, i) => writeFileSync(path.join(dir, 'in', `d${i}.yaml`), d.replace('  symbol: BC-UBND', `  number: ${i + 1}\n  symbol: BC-UBND`)));
    // The bound per document: the worker rendering each one is stopped past 30 s or 512 MiB (the
    // issue's cases ran for minutes and to gigabytes); these documents need a small part of that.
    const r = run(['render', 'in', '--format', 'docx', '--json', '--lang', 'en', '--max-seconds', '30', '--max-memory-mb', '512'], { cwd: dir });
    expect([0, 2, 3], r.stderr).toContain(r.code);
    expect(hasStack(r.stderr), r.stderr).toBe(false);
    const summary = JSON.parse(r.stdout) as { files: { input: string; status: string; error?: string; problems?: { message: string }[]; outputs: { path: string }[] }[] };
    expect(summary.files).toHaveLength(6);
    // A refusal is for what the document holds, never for reaching the bound of time or memory.
    for (const f of summary.files) expect([f.error ?? '', ...(f.problems ?? []).map((p) => p.message)].join('\n'), f.input).not.toMatch(/--max-(seconds|memory-mb)/);
    const written = readdirSync(path.join(dir, 'out'), { withFileTypes: false }).map(String).sort();
    const claimed = summary.files.flatMap((f) => f.outputs.map((o) => path.basename(o.path))).sort();
    expect(written).toEqual(claimed);
    for (const f of summary.files) {
      expect(['ok', 'invalid', 'template'], `${f.input} ${f.status}`).toContain(f.status);
      if (f.status !== 'ok') expect(f.outputs).toEqual([]);
    }
  });

  it('a kind that loops over generated lists: rendered, or refused at the time limit (exit 2, --max-seconds named), never a stack or an output', () => {
    const dir = tmp('fuzz-loop');
    const kind = path.join(dir, 'loai', 'vong');
    mkdirSync(kind, { recursive: true });
    const head = 'kind: vong\nframe:\n  issuingAgency: Ủy ban nhân dân xã Tân Lập\n  symbol: TB-UBND\n  place: Tân Lập\n  date: 2021-02-03\n  summary: Thử\n  signer: { position: Chủ tịch, name: Nguyễn Văn A }\n  recipients: []\n  archive: [VT]\n';
    writeFileSync(path.join(kind, 'kind.yaml'), 'id: vong\ntitle: Thử\ntype: { name: Thông báo, abbreviation: TB }\nsample: mau.yaml\nfileStem: vong-{n}\nfields:\n  n: { type: integer, description: Số }\n  xs: { type: list, items: text, description: Danh sách }\n');
    writeFileSync(path.join(kind, 'body.hbs'), '{{#each xs}}{{#each ../xs}}{{#each ../../xs}}<p>{{this}}</p>{{/each}}{{/each}}{{/each}}\n');
    writeFileSync(path.join(kind, 'mau.yaml'), `${head}n: 0\nxs: [a]\n`);
    mkdirSync(path.join(dir, 'in'));
    // List sizes from a handful (a few hundred paragraphs) to hundreds (millions: never finishes).
    const sizes = fc.sample(fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 150, max: 400 })), { seed: SEED, numRuns: 4 });
    sizes.forEach((n, i) => writeFileSync(path.join(dir, 'in', `v${i}.yaml`), `${head}n: ${i}\nxs: [${Array.from({ length: n }, (_, k) => `m${k}`).join(', ')}]\n`));
    const r = run(['render', 'in', '--kinds', 'loai', '--format', 'docx', '--json', '--lang', 'en', '--max-seconds', '4', '--max-memory-mb', '512'], { cwd: dir });
    expect([0, 2], r.stderr).toContain(r.code);
    expect(hasStack(r.stderr), r.stderr).toBe(false);
    const summary = JSON.parse(r.stdout) as { files: { input: string; status: string; error?: string; problems: { message: string }[]; outputs: { path: string }[] }[] };
    expect(summary.files).toHaveLength(4);
    for (const f of summary.files) {
      if (f.status === 'ok') expect(f.outputs).toHaveLength(1);
      else {
        expect(f.status).toBe('invalid');
        expect(f.outputs).toEqual([]);
        // The time, the memory or the composed markup's length: whichever limit the loop reaches first.
        const said = [f.error ?? '', ...f.problems.map((p) => p.message)].join('\n');
        expect(said).toMatch(/exceeds the limit of \d+( \(found \d+\))?; if this is really needed, raise it with --max-(seconds|memory-mb|markup-chars)\./);
      }
    }
    // The endless ones are refused (sizes in the hundreds cannot finish in the limit).
    sizes.forEach((n, i) => {
      if (n >= 150) expect(summary.files.find((f) => f.input.endsWith(`v${i}.yaml`))?.status).toBe('invalid');
    });
  }, 300_000);
});
