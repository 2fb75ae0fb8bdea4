import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobResult } from '../../src/batch/index.js';

// One input in PDF and DOCX renders each format in a worker of its own and writes them here as one
// group (src/batch/index.ts). The compiled batch is used: from the sources a batch stays in-thread.
const SAMPLE = path.resolve('data/nghi-son-qp-an-2020.yaml');
const STEM = '2020-12-09_BC-UBND_nghi-son_qp-an-2020';
const tmp = () => mkdtempSync(path.join(tmpdir(), 'baocao-split-'));
const batchModule = async () => (await import(path.resolve('dist/batch/index.js'))) as typeof import('../../src/batch/index.js');
const options = (outDir: string, force = false) => ({ formats: ['pdf', 'docx'] as ('pdf' | 'docx')[], outDir, force, lang: 'vi' as const });
const strip = (r: JobResult) => ({ ...r, ms: 0, outputs: r.outputs.map((o) => ({ ...o, path: path.basename(o.path) })) });

describe('one input, two formats, two workers', () => {
  it('writes the same files, in the same order, with the same result as one job in one thread', async () => {
    const { runBatch } = await batchModule();
    const [a, b] = [tmp(), tmp()];
    const [split] = await runBatch([SAMPLE], options(a), { threads: 2 });
    const [single] = await runBatch([SAMPLE], options(b), { threads: 1 });
    expect(strip(split!)).toEqual(strip(single!));
    expect(split!.status).toBe('ok');
    expect(split!.pages).toBe(3);
    expect(split!.outputs.map((o) => [path.basename(o.path), o.status])).toEqual([[`${STEM}.pdf`, 'written'], [`${STEM}.docx`, 'written']]);
    for (const ext of ['pdf', 'docx']) expect(readFileSync(path.join(a, `${STEM}.${ext}`)).equals(readFileSync(path.join(b, `${STEM}.${ext}`)))).toBe(true);
  }, 120_000);

  it('keeps the group rule: a different DOCX already there is kept and the new PDF is not written', async () => {
    const { runBatch } = await batchModule();
    const dir = tmp();
    writeFileSync(path.join(dir, `${STEM}.docx`), 'a clerk’s edited copy');
    const [r] = await runBatch([SAMPLE], options(dir), { threads: 2 });
    expect(r!.status).toBe('exists');
    expect(r!.outputs.map((o) => [path.basename(o.path), o.status])).toEqual([[`${STEM}.docx`, 'kept']]);
    expect(readdirSync(dir)).toEqual([`${STEM}.docx`]);
    expect(readFileSync(path.join(dir, `${STEM}.docx`), 'utf8')).toBe('a clerk’s edited copy');
  }, 120_000);

  it('a failure of the data is reported once, as one job reports it, and nothing is written', async () => {
    const { runBatch } = await batchModule();
    const dir = tmp();
    const bad = path.join(dir, 'sai.yaml');
    writeFileSync(bad, readFileSync(SAMPLE, 'utf8').replace(/^year: .*$/m, 'year: hai nghìn'));
    const out = path.join(dir, 'out');
    const [split] = await runBatch([bad], options(out), { threads: 2 });
    const [single] = await runBatch([bad], options(out), { threads: 1 });
    expect(split!.status).toBe('invalid');
    expect(strip(split!)).toEqual(strip(single!));
    expect(split!.problems.map((p) => p.path.join('.'))).toContain('year');
    expect(readdirSync(dir)).toEqual(['sai.yaml']);
  }, 120_000);
});
