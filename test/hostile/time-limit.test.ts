import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hasStack, run, tmp } from './support.js';

// Issue 13 item 14 and "limits": a kind whose template loops without end (nested {{#each}} over a
// list of the data grew to 4 GB in 60 s) is stopped at the time limit of one document, in the CLI
// (its worker is terminated) and in the library (renderData runs in a worker too), with a message
// naming the limit and --max-seconds, exit 2, nothing written. The limit is lowered here so the
// loop ends in seconds, long before it costs 500 MB; 200^4 paragraphs would never finish.
const KIND = `id: vong-lap
title: Thử vòng lặp
type: { name: Thông báo, abbreviation: TB }
sample: mau.yaml
fileStem: vong-{year}
fields:
  year: { type: year, description: Năm }
  xs: { type: list, items: text, description: Danh sách }
`;
// The loops write one paragraph per 200 turns of the innermost one: the time limit comes long
// before the composed-markup limit (which stops a loop that writes a paragraph every turn, see
// test/hostile/markup.test.ts). BIG writes one every turn: the memory limit, set low, comes first.
const BODY = '{{#each xs}}{{#each ../xs}}{{#each ../../xs}}{{#each ../../../xs}}{{#if @last}}<p>{{this}} lặp lại</p>{{/if}}{{/each}}{{/each}}{{/each}}{{/each}}\n';
const BIG = '{{#each xs}}{{#each ../xs}}{{#each ../../xs}}{{#each ../../../xs}}<p>{{this}} lặp lại</p>{{/each}}{{/each}}{{/each}}{{/each}}\n';
const data = (n: number, id = 'vong-lap') => `kind: ${id}
frame:
  issuingAgency: Ủy ban nhân dân xã Tân Lập
  symbol: TB-UBND
  place: Tân Lập
  date: 2021-02-03
  summary: Thử
  signer: { position: Chủ tịch, name: Nguyễn Văn A }
  recipients: []
  archive: [VT]
year: 2021
xs: [${Array.from({ length: n }, (_, i) => `muc${i}`).join(', ')}]
`;

/** A folder with the looping kind (its sample has one item, so the kind loads quickly) and the hostile data. */
function loopFolder(id = 'vong-lap', body = BODY): string {
  const dir = tmp('time');
  const kind = path.join(dir, 'loai', id);
  mkdirSync(kind, { recursive: true });
  writeFileSync(path.join(kind, 'kind.yaml'), KIND.replace('id: vong-lap', `id: ${id}`));
  writeFileSync(path.join(kind, 'body.hbs'), body);
  writeFileSync(path.join(kind, 'mau.yaml'), data(1, id));
  writeFileSync(path.join(dir, 'vong.yaml'), data(200, id));
  return dir;
}

describe('the time limit of one document', () => {
  it('the CLI terminates the worker at --max-seconds: exit 2, the limit and its option named, nothing written', () => {
    const dir = loopFolder();
    const r = run(['render', 'vong.yaml', '--kinds', 'loai', '--format', 'pdf,docx', '--max-seconds', '2', '--lang', 'en'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('vong.yaml: the time to render one document (seconds) exceeds the limit of 2; if this is really needed, raise it with --max-seconds.');
    expect(hasStack(r.stderr)).toBe(false);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('the CLI in Vietnamese by default, and the other inputs of the batch still render', () => {
    const dir = loopFolder();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'vong.yaml'), data(200));
    // A number of its own: two inputs of one batch may not map to one output name (issue 12 item 2).
    writeFileSync(path.join(dir, 'in', 'ngan.yaml'), data(2).replace('  symbol: TB-UBND', '  number: 5\n  symbol: TB-UBND'));
    // Generous for the short one on a loaded machine, still a bound on the endless one.
    const r = run(['render', 'in', '--kinds', 'loai', '--format', 'docx', '--max-seconds', '20', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    const summary = JSON.parse(r.stdout) as { files: { input: string; status: string; error?: string; outputs: { path: string }[] }[] };
    const byName = Object.fromEntries(summary.files.map((f) => [path.basename(f.input), f]));
    expect(byName['vong.yaml']).toMatchObject({ status: 'invalid', outputs: [] });
    expect(byName['vong.yaml']!.error).toBe('in/vong.yaml: thời gian dựng một văn bản (giây) vượt giới hạn 20; nếu thật sự cần, nâng giới hạn bằng --max-seconds.');
    expect(byName['ngan.yaml']!.status).toBe('ok');
    expect(byName['ngan.yaml']!.outputs.map((o) => path.basename(o.path))).toEqual(['2021-02-03_05-TB-UBND_tan-lap_vong-2021.docx']);
  });

  it('renderData of the library runs in a worker bounded by maxSeconds and maxMemoryMb (exit 2, the limit named)', async () => {
    // The built library: its worker is compiled JavaScript (from the sources renderData stays in this thread).
    const lib = (await import(path.resolve('dist/index.js'))) as typeof import('../../src/index.js');
    const dir = loopFolder();
    lib.registerKindDir(path.join(dir, 'loai'));
    const hostile = parse(readFileSync(path.join(dir, 'vong.yaml'), 'utf8')) as unknown;
    const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

    const slow = await failure(lib.renderData(hostile, { formats: ['pdf'], maxSeconds: 2 }));
    expect(slow).toBeInstanceOf(lib.InvalidDataError);
    expect((slow as { exitCode: number }).exitCode).toBe(2);
    expect(lib.errorText(slow, 'en')).toBe('renderData: the time to render one document (seconds) exceeds the limit of 2; if this is really needed, raise it with --max-seconds.');

    const bigDir = loopFolder('vong-lon', BIG);
    lib.registerKindDir(path.join(bigDir, 'loai'));
    const big = await failure(lib.renderData(parse(readFileSync(path.join(bigDir, 'vong.yaml'), 'utf8')), { formats: ['pdf'], maxMemoryMb: 64, maxSeconds: 600 }));
    expect(lib.errorText(big, 'en')).toBe('renderData: the memory used to render one document (MiB) exceeds the limit of 64; if this is really needed, raise it with --max-memory-mb.');

    // The same worker's answers for good and bad data: Buffers, and the error classes of the library.
    const ok = await lib.renderData(parse(data(2)), { formats: ['docx'] });
    expect(Buffer.isBuffer(ok.outputs.docx)).toBe(true);
    expect(ok.outputs.docx!.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(ok.name).toBe('2021-02-03_TB-UBND_tan-lap_vong-2021');
    const bad = await failure(lib.renderData({ ...(parse(data(2)) as object), year: 'hai' }, { lang: 'en' }));
    expect(bad).toBeInstanceOf(lib.DataError);
    expect((bad as { problems: { path: string[] }[] }).problems[0]!.path).toEqual(['year']);
    expect((bad as Error).message).toContain('field "year"');
  }, 180_000);
});
