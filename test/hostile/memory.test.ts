import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIX, hasStack, minimal, run, tmp } from './support.js';

// The memory limit of one document: the worker rendering it ends at the limit (a template loop
// that grows without end grew to 4 GB), the input is refused with the limit and its option, and
// the process goes on. A limit far below any document's needs shows it without a 4 GB repro.
// At 12 MiB a worker sometimes cannot even start: Piscina then stopped replacing workers, and the
// inputs still queued waited for ever (CI saw the other face of it: an unhandled 'error' event, exit 1).
describe('the memory limit of one document', () => {
  it('ends the worker, refuses every input naming --max-memory-mb, no stack, no hang, nothing written', () => {
    const dir = tmp('memory');
    mkdirSync(path.join(dir, 'in'));
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    names.forEach((n, i) => writeFileSync(path.join(dir, 'in', `${n}.yaml`), minimal().replace('  symbol: BC-UBND', `  number: ${i + 1}\n  symbol: BC-UBND`)));
    // Several rounds: whether a worker fails before it is ready depends on when its heap fills.
    for (let round = 0; round < 3; round++) {
      const r = run(['render', 'in', '--format', 'pdf', '--max-memory-mb', '12', '--lang', 'en'], { cwd: dir, timeout: 90_000 });
      expect(r.signal, 'the batch hung').toBe(null);
      expect(r.code, r.stderr).toBe(2);
      for (const n of names) expect(r.stderr).toContain(`in/${n}.yaml: the memory used to render one document (MiB) exceeds the limit of 12; if this is really needed, raise it with --max-memory-mb.`);
      expect(hasStack(r.stderr)).toBe(false);
      expect(existsSync(path.join(dir, 'out')) ? 'out' : '').toBe('');
    }
  }, 300_000);

  it('the library refuses every concurrent call at a limit too small to start a worker, and recovers with a fresh pool', async () => {
    const lib = (await import(path.resolve('dist/index.js'))) as typeof import('../../src/index.js');
    const data = parse(readFileSync(`${FIX}/minimal.yaml`, 'utf8')) as object;
    const calls = Array.from({ length: 5 }, () => lib.renderData(data, { formats: ['pdf'], maxMemoryMb: 12, lang: 'en' }).then(() => 'rendered', (e: unknown) => lib.errorText(e, 'en')));
    const texts = await Promise.all(calls);
    for (const t of texts) expect(t).toBe('renderData: the memory used to render one document (MiB) exceeds the limit of 12; if this is really needed, raise it with --max-memory-mb.');
    // The same limit again: the pool that stalled was dropped, a new one answers the same way.
    await expect(lib.renderData(data, { formats: ['pdf'], maxMemoryMb: 12 }).then(() => 'rendered', (e: unknown) => lib.errorText(e, 'en'))).resolves.toContain('exceeds the limit of 12');
    // And a sound limit still renders.
    const ok = await lib.renderData(data, { formats: ['pdf'] });
    expect(ok.outputs.pdf!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 300_000);
});
