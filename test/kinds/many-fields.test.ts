import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultLimits, setLimits } from '../../src/limits/index.js';
import { validate, parseSource } from '../../src/load/index.js';
import { KindError, loadKindFolder } from '../../src/model/registry.js';

// Issue 13 item 14: a kind with 20,000 fields took 34 s to load on every command. Loading is
// linear now (parse, schema, checks, strict template walk); a quadratic step would run far past
// the test timeout at this size. No timed assertion: the results are what is checked.
const N = 20_000;

function bigKind(fields: number): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'baocao-big-')), 'nhieu-truong');
  mkdirSync(dir);
  const lines = ['id: nhieu-truong', 'title: Nhiều trường', 'type: { name: Báo cáo, abbreviation: BC }', 'sample: mau.yaml', 'fileStem: x', 'fields:'];
  for (let i = 0; i < fields; i++) lines.push(`  f${i}: { type: integer, optional: true, description: Trường ${i} }`);
  lines.push('checks:', `  - { field: f${fields - 1}, atLeast: f0, severity: error, message: 'nhỏ hơn' }`);
  writeFileSync(path.join(dir, 'kind.yaml'), lines.join('\n') + '\n');
  // Every field named once in the template: the strict walk resolves 20,000 placeholders.
  writeFileSync(path.join(dir, 'body.hbs'), `<p>${Array.from({ length: fields }, (_, i) => `{{f${i}}}`).join(' ')}</p>\n`);
  return dir;
}

afterEach(() => setLimits({ mappingKeys: defaultLimits.mappingKeys }));

describe('a kind with many fields', () => {
  // The timeout is generous for a shared, loaded machine (the linear load takes about 2 s of CPU);
  // the quadratic one took 34 s alone.
  it('loads 20,000 fields (with --max-keys raised) and validates data against them', { timeout: 120_000 }, () => {
    setLimits({ mappingKeys: 30_000 });
    const kind = loadKindFolder(bigKind(N));
    expect(kind.id).toBe('nhieu-truong');
    expect(Object.keys(kind.fields ?? {})).toHaveLength(N);
    const frame = 'frame: { issuingAgency: UBND xã A, symbol: BC-UBND, place: A, date: 2021-01-05, summary: Báo cáo, signer: { position: Chủ tịch, name: B }, recipients: [Như trên], archive: [VT] }';
    const source = parseSource(`kind: nhieu-truong\n${frame}\nf0: 5\nf${N - 1}: 3\nf123: "bảy"\n`, 'data.yaml').source!;
    const r = validate(source, kind.schema);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '4: trường "f19999": nhỏ hơn.',
      '5: trường "f123": cần một số, nhưng nhận được chuỗi "bảy" — viết bằng chữ số: 7.',
    ]);
  });

  it('is refused above the key limit with the limit and the option to raise it', () => {
    let error: unknown;
    try {
      loadKindFolder(bigKind(defaultLimits.mappingKeys + 1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KindError);
    expect((error as KindError).text('vi')).toContain(`vượt giới hạn ${defaultLimits.mappingKeys} (có ${defaultLimits.mappingKeys + 1}); nếu thật sự cần, nâng giới hạn bằng --max-keys.`);
  });
});
