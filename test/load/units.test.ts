import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  decodeUtf8, formatProblem, formatProblems, parseSource, suggest, validate, type Lang, type Problem,
} from '../../src/load/index.js';

function src(text: string, file = 'x.yaml') {
  const r = parseSource(text, file);
  if (!r.source) throw new Error(formatProblems(r.problems));
  return r.source;
}
function check(schema: z.ZodType, text: string, lang: Lang = 'vi'): string[] {
  const r = validate(src(text), schema, lang);
  if (r.ok) return [];
  return r.problems.map((p) => formatProblem(p, lang));
}

describe('parseSource', () => {
  test('YAML 1.2 core: dates and yes/no stay strings, numbers are numbers', () => {
    expect(src('d: 2020-12-09\nb: yes\nn: 12\nf: 1.5\nt: true\nz: ~\n').data)
      .toEqual({ d: '2020-12-09', b: 'yes', n: 12, f: 1.5, t: true, z: null });
  });

  test('anchors and aliases resolve normally', () => {
    expect(src('a: &x {k: 1}\nb: *x\n').data).toEqual({ a: { k: 1 }, b: { k: 1 } });
  });

  test('top level must be a mapping', () => {
    const r = parseSource('- a\n- b\n', 'x.yaml');
    expect(r.source).toBeUndefined();
    expect(r.problems.map((p) => formatProblem(p))).toEqual([
      'x.yaml:1:1: lỗi: nội dung tệp phải là các trường dạng "tên: giá trị", nhưng nhận được danh sách (2 mục).',
    ]);
    expect(parseSource('"chỉ một chuỗi"', 'x.json').problems[0]).toMatchObject({ code: 'type', line: 1, column: 1 });
  });

  test('empty file', () => {
    expect(parseSource('# chỉ có ghi chú\n', 'x.yaml').problems).toEqual([
      { file: 'x.yaml', line: 1, column: 1, path: [], code: 'empty', severity: 'error', message: 'tệp không có dữ liệu.' },
    ]);
  });

  test('keys equal after NFC are duplicates', () => {
    const r = parseSource('ph\u00f2ng: 1\npho\u0300ng: 2\n', 'x.yaml');
    expect(r.problems.map((p) => formatProblem(p))).toEqual([
      'x.yaml:2:1: lỗi: trường "phòng" bị lặp lại (đã có ở dòng 1); mỗi trường chỉ được ghi một lần.',
    ]);
  });

  test('NFD keys are normalised and still locatable', () => {
    const s = src('a:\n  pho\u0300ng: 1\n');
    expect(s.data).toEqual({ a: { 'phòng': 1 } });
    // columns count UTF-16 code units of the original text, as editors do: the combining mark counts
    expect(s.locate(['a', 'phòng'])).toEqual({ line: 2, column: 11 });
    expect(s.locate(['a', 'phòng'], 'key')).toEqual({ line: 2, column: 3 });
  });

  test('locate falls back to the nearest ancestor key; empty values point at their key', () => {
    const s = src('a:\n  b:\n    - x\n    - y\nc:\n');
    expect(s.locate(['a', 'b', 1])).toEqual({ line: 4, column: 7 });
    expect(s.locate(['a', 'b', 5])).toEqual({ line: 2, column: 3 });
    expect(s.locate(['a', 'zz', 'q'])).toEqual({ line: 1, column: 1 });
    expect(s.locate(['c'])).toEqual({ line: 5, column: 1 });
    expect(s.locate([])).toEqual({ line: 1, column: 1 });
  });

  test('YAML warnings (unknown tag) are warnings, the source is still returned', () => {
    const r = parseSource('a: !la 1\n', 'x.yaml');
    expect(r.source?.data).toEqual({ a: '1' });
    expect(r.problems).toMatchObject([{ severity: 'warning', code: 'syntax', line: 1, column: 4 }]);
  });

  test('English syntax message', () => {
    const r = parseSource('a:\n\tb: 1\n', 'x.yaml', 'en');
    expect(r.problems.map((p) => formatProblem(p, 'en'))).toEqual([
      'x.yaml:2:1: error: syntax error: tabs are not allowed for indentation — use spaces.',
    ]);
  });
});

describe('decodeUtf8', () => {
  test('UTF-16 files get a specific hint', () => {
    const r = decodeUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'x.yaml');
    expect(r).toMatchObject({ problem: { code: 'encoding', line: 1, column: 1 } });
    expect('problem' in r && r.problem.message).toContain('UTF-16');
  });
  test('truncated sequence at end of file', () => {
    const r = decodeUtf8(new Uint8Array([0x61, 0x0a, 0x62, 0xe1, 0xba]), 'x.yaml', 'en');
    expect(r).toMatchObject({ problem: { line: 2, column: 2 } });
  });
  test('valid UTF-8 with BOM', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa0]), 'x.yaml')).toEqual({ text: 'à' });
  });
});

describe('validate', () => {
  test('integer, non-empty string, ISO date, exclusive bound, list length', () => {
    const S = z.strictObject({
      n: z.number().int(), s: z.string().min(1), d: z.iso.date(), p: z.number().positive(),
      l: z.array(z.string()).max(1),
    });
    expect(check(S, 'n: 1.5\ns: ""\nd: 2020-13-01\np: 0\nl: [a, b]\n')).toEqual([
      'x.yaml:1:4: lỗi: trường "n": cần một số nguyên, nhưng nhận được số 1.5.',
      'x.yaml:2:4: lỗi: trường "s": không được để trống.',
      'x.yaml:3:4: lỗi: trường "d": cần một ngày dạng YYYY-MM-DD, nhưng nhận được chuỗi "2020-13-01".',
      'x.yaml:4:4: lỗi: trường "p": phải > 0, nhưng nhận được số 0.',
      'x.yaml:5:4: lỗi: trường "l": phải có tối đa 1 mục, nhưng nhận được danh sách (2 mục).',
    ]);
  });

  test('type names: null, boolean, list, object; long strings truncated', () => {
    const S = z.strictObject({ a: z.string(), b: z.number(), c: z.array(z.number()), d: z.boolean(), e: z.number() });
    expect(check(S, `a:\nb: true\nc: {x: 1}\nd: [1]\ne: "${'x'.repeat(60)}"\n`)).toEqual([
      'x.yaml:1:1: lỗi: trường "a": cần một chuỗi, nhưng nhận được giá trị rỗng (null).',
      'x.yaml:2:4: lỗi: trường "b": cần một số, nhưng nhận được giá trị true (boolean).',
      'x.yaml:3:4: lỗi: trường "c": cần một danh sách, nhưng nhận được đối tượng.',
      'x.yaml:4:4: lỗi: trường "d": cần giá trị true/false (boolean), nhưng nhận được danh sách (1 mục).',
      `x.yaml:5:4: lỗi: trường "e": cần một số, nhưng nhận được chuỗi "${'x'.repeat(40)}…".`,
    ]);
  });

  test('unknown fields inside arrays, optional, default and union wrappers get suggestions', () => {
    const Item = z.strictObject({ name: z.string(), count: z.number() });
    const S = z.strictObject({
      units: z.array(Item).optional(),
      meta: z.union([z.strictObject({ author: z.string() }), z.string()]).default('x'),
    });
    expect(check(S, 'units:\n  - name: a\n    cout: 1\nmeta:\n  autor: b\n')).toEqual([
      'x.yaml:2:5: lỗi: thiếu trường bắt buộc "units[0].count".',
      'x.yaml:3:5: lỗi: trường "units[0].cout" không có trong mẫu — có phải "count"?',
      'x.yaml:4:1: lỗi: thiếu trường bắt buộc "meta.author".',
      'x.yaml:5:3: lỗi: trường "meta.autor" không có trong mẫu — có phải "author"?',
    ]);
  });

  test('union of types and of literals', () => {
    const S = z.strictObject({ a: z.union([z.string(), z.number()]), b: z.union([z.literal('x'), z.literal(2)]) });
    expect(check(S, 'a: [1]\nb: y\n')).toEqual([
      'x.yaml:1:4: lỗi: trường "a": cần một chuỗi hoặc một số, nhưng nhận được danh sách (1 mục).',
      'x.yaml:2:4: lỗi: trường "b": cần "x" hoặc 2, nhưng nhận được chuỗi "y".',
    ]);
  });

  test('discriminated union with unknown discriminator', () => {
    const S = z.strictObject({
      item: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('a') }), z.strictObject({ kind: z.literal('b') })]),
    });
    expect(check(S, 'item:\n  kind: c\n')).toEqual([
      'x.yaml:2:9: lỗi: trường "item.kind": phải là một trong: "a", "b", nhưng nhận được chuỗi "c".',
    ]);
  });

  test('record key errors are reported at the key', () => {
    const S = z.strictObject({ r: z.record(z.string().regex(/^[a-z]+$/), z.number()) });
    expect(check(S, 'r:\n  ok: 1\n  Sai: 2\n')).toEqual([
      'x.yaml:3:3: lỗi: trường "r.Sai": tên "Sai" không hợp lệ: phải đúng định dạng quy định.',
    ]);
  });

  test('custom refinements: message passed through, root-level, and without message', () => {
    const S = z.strictObject({ a: z.number(), b: z.number().refine((n) => n > 10) })
      .refine((v) => v.a < 5, { message: 'Tổng số không khớp.' });
    expect(check(S, 'a: 7\nb: 1\n')).toEqual([
      'x.yaml:1:1: lỗi: Tổng số không khớp.',
      'x.yaml:2:4: lỗi: trường "b": giá trị không hợp lệ.',
    ]);
  });

  test('error positions point into aliases where the user wrote them', () => {
    const S = z.strictObject({ a: z.strictObject({ k: z.number() }), b: z.strictObject({ k: z.number() }) });
    expect(check(S, 'a: &x\n  k: sai\nb: *x\n')).toEqual([
      'x.yaml:2:6: lỗi: trường "a.k": cần một số, nhưng nhận được chuỗi "sai".',
      'x.yaml:2:6: lỗi: trường "b.k": cần một số, nhưng nhận được chuỗi "sai".',
    ]);
  });

  test('every custom issue of a schema is an error (warnings come from a kind\'s consistency rules)', () => {
    const S = z.strictObject({ a: z.number() })
      .superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', message: 'w', params: { severity: 'warning' } }));
    const r = validate(src('a: 1\n'), S);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p: Problem) => p.severity)).toEqual(['error']);
  });

  test('English type names', () => {
    const S = z.strictObject({ a: z.number().int(), b: z.string(), c: z.enum(['TM.', 'KT.']) });
    expect(check(S, 'a: x\nb: [1, 2]\nc:\n', 'en')).toEqual([
      'x.yaml:1:4: error: field "a": expected a number, but got the string "x".',
      'x.yaml:2:4: error: field "b": expected a string, but got a list (2 items).',
      'x.yaml:3:1: error: field "c": must be one of: "TM.", "KT.", but got null (empty).',
    ]);
  });

  test('suggest()', () => {
    expect(suggest('trafficBulletin', ['trafficBulletins', 'date'])).toBe('trafficBulletins');
    expect(suggest('DATE', ['date'])).toBe('date');
    expect(suggest('ab', ['xy'])).toBeUndefined();
    expect(suggest('zzzzzz', ['date'])).toBeUndefined();
  });
});
