import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStack, minimal, run, tmp } from './support.js';

// The memory limit of one document: the worker rendering it ends at the limit (a template loop
// that grows without end grew to 4 GB), the input is refused with the limit and its option, and
// the process goes on. A limit far below any document's needs shows it without a 4 GB repro.
describe('the memory limit of one document', () => {
  it('ends the worker, refuses the input naming --max-memory-mb, no stack, nothing written', () => {
    const dir = tmp('memory');
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'a.yaml'), minimal());
    writeFileSync(path.join(dir, 'in', 'b.yaml'), minimal().replace('  symbol: BC-UBND', '  number: 2\n  symbol: BC-UBND'));
    const r = run(['render', 'in', '--format', 'pdf', '--max-memory-mb', '12', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('in/a.yaml: the memory used to render one document (MiB) exceeds the limit of 12; if this is really needed, raise it with --max-memory-mb.');
    expect(hasStack(r.stderr)).toBe(false);
    expect(existsSync(path.join(dir, 'out')) ? 'out' : '').toBe('');
  });
});
