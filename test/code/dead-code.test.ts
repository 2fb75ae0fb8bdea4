import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12 item 20: no dead code in the shared modules. Every function or constant exported by
 * these files is used by some other file of src/ (not only by tests), and every field of a kind
 * definition is read somewhere.
 */
const FILES = ['src/model/registry.ts', 'src/frame/lines.ts', 'src/layout/index.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}
const all = sources('src').map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));

describe('exports of the shared modules', () => {
  it('keeps none of the dead code the audit found', () => {
    for (const name of ['proseList', 'typeAbbreviation', 'loadFile']) expect(all.filter((s) => s.text.includes(name)).map((s) => s.file), name).toEqual([]);
  });

  it.each(FILES)('%s: each used elsewhere in src/', (file) => {
    const own = readFileSync(file, 'utf8');
    const names = [...own.matchAll(/^export (?:async )?(?:const|function) (\w+)/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    const unused = names.filter((n) => !all.some((s) => path.normalize(s.file) !== path.normalize(file) && new RegExp(`\\b${n}\\b`).test(s.text)));
    expect(unused).toEqual([]);
  });

  it('every field of a kind definition is read', () => {
    const kind = readFileSync('src/model/kind.ts', 'utf8');
    const body = /export interface KindDefinition[^{]*\{([\s\S]*?)\n\}/.exec(kind)![1]!;
    const fields = [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!);
    const unread = fields.filter((f) => !all.some((s) => !s.file.endsWith('kind.ts') && !s.file.endsWith('registry.ts') && new RegExp(`\\.${f}\\b`).test(s.text)));
    expect(unread).toEqual([]);
  });
});
