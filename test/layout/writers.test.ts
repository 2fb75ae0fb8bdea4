import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The writers serialise the resolved layout and nothing else: they may not reach for a profile,
// the frame builder, the markup parser or the templates, and each stays a short file.
const WRITERS = ['src/render/pdf', 'src/render/docx'];
const FORBIDDEN = [/\/profile\//, /\/frame\//, /\/document\/parse/, /\/compose\//, /\/model\//, /\/load\//];

describe.each(WRITERS)('the writer in %s', (dir) => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('imports neither profiles nor earlier stages', () => {
    for (const f of files) {
      const imports = [...readFileSync(`${dir}/${f}`, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const i of imports) expect(FORBIDDEN.some((re) => re.test(i)), `${f} imports ${i}`).toBe(false);
    }
  });

  it('keeps its entry file well under 300 lines', () => {
    expect(readFileSync(`${dir}/index.ts`, 'utf8').split('\n').length).toBeLessThan(280);
  });
});
