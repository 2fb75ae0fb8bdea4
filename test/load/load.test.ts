import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { DataError, formatProblems, loadSource, sortProblems, validate, warningsAt, type Lang, type Problem } from '../../src/load/index.js';
import { TestSchema } from './schema.js';

/** Read, parse and validate a data file, as the pipeline's loadReport does (src/pipeline). */
async function loadFile<S extends z.ZodType>(file: string, schema: S, lang: Lang = 'vi') {
  const { source, problems } = await loadSource(file, lang);
  if (!source) return { ok: false as const, problems };
  const res = validate(source, schema, lang);
  if (res.ok) return { ...res, warnings: sortProblems([...problems, ...res.warnings]) };
  return { ok: false as const, problems: sortProblems([...problems, ...res.problems]) };
}

const F = 'test/load/fixtures/';
type Res = Awaited<ReturnType<typeof loadFile>>;

function problemsOf(r: Res): Problem[] {
  if (r.ok) throw new Error(`expected failure, got ${JSON.stringify(r.value)}`);
  return r.problems;
}
/** file:line:col: severity: message — the clerk-facing output. */
function lines(r: Res, lang: 'vi' | 'en' = 'vi'): string[] {
  return formatProblems(problemsOf(r), lang).split('\n');
}

describe('loadFile', () => {
  test('good file: value typed and parsed, dates stay strings', async () => {
    const r = await loadFile(F + 'good.yaml', TestSchema);
    expect(r).toEqual({
      ok: true,
      warnings: [],
      value: {
        frame: { date: '2020-12-09', signing: 'TM.', agency: 'UBND xã Nghi Sơn' },
        police: { trafficBulletins: 94 },
        tags: ['quốc phòng', 'an ninh'],
      },
    });
  });

  test('wrong type: string where a number belongs', async () => {
    const r = await loadFile(F + 'wrong-type.yaml', TestSchema);
    expect(problemsOf(r)).toEqual([{
      file: F + 'wrong-type.yaml', line: 6, column: 21, path: ['police', 'trafficBulletins'], code: 'type',
      expected: 'một số', found: 'chuỗi "94 bản tin"', severity: 'error',
      message: 'trường "police.trafficBulletins": cần một số, nhưng nhận được chuỗi "94 bản tin".',
    }]);
    expect(lines(r)).toEqual([
      'test/load/fixtures/wrong-type.yaml:6:21: lỗi: trường "police.trafficBulletins": cần một số, nhưng nhận được chuỗi "94 bản tin".',
    ]);
  });

  test('missing field: reported at the parent key', async () => {
    const r = await loadFile(F + 'missing.yaml', TestSchema);
    expect(problemsOf(r)).toEqual([{
      file: F + 'missing.yaml', line: 1, column: 1, path: ['frame', 'date'], code: 'missing',
      expected: 'một chuỗi', severity: 'error', message: 'thiếu trường bắt buộc "frame.date".',
    }]);
  });

  test('unknown field with suggestion, at the key', async () => {
    const r = await loadFile(F + 'unknown.yaml', TestSchema);
    expect(lines(r)).toEqual([
      'test/load/fixtures/unknown.yaml:5:1: lỗi: thiếu trường bắt buộc "police.trafficBulletins".',
      'test/load/fixtures/unknown.yaml:6:3: lỗi: trường "police.trafficBulletin" không có trong mẫu — có phải "trafficBulletins"?',
    ]);
    expect(problemsOf(r)[1]).toMatchObject({ code: 'unknown-field', path: ['police', 'trafficBulletin'] });
  });

  test('several problems in one file are all reported, sorted by position', async () => {
    const r = await loadFile(F + 'many.yaml', TestSchema);
    expect(lines(r)).toEqual([
      'test/load/fixtures/many.yaml:1:1: lỗi: thiếu trường bắt buộc "frame.agency".',
      'test/load/fixtures/many.yaml:2:9: lỗi: trường "frame.date": ngày phải viết dạng YYYY-MM-DD, nhưng nhận được chuỗi "09/12/2020".',
      'test/load/fixtures/many.yaml:3:12: lỗi: trường "frame.signing": phải là một trong: "TM.", "KT.", "TL.", "TUQ.", "Q.", nhưng nhận được chuỗi "XX".',
      'test/load/fixtures/many.yaml:4:3: lỗi: trường "frame.Agency" không có trong mẫu — có phải "agency"?',
      'test/load/fixtures/many.yaml:6:21: lỗi: trường "police.trafficBulletins": phải ≥ 0, nhưng nhận được số -3.',
      'test/load/fixtures/many.yaml:9:5: lỗi: trường "tags[1]": cần một chuỗi, nhưng nhận được số 42.',
      'test/load/fixtures/many.yaml:10:1: lỗi: trường "extra" không có trong mẫu.',
    ]);
    expect(problemsOf(r).map((p) => p.code)).toEqual(
      ['missing', 'format', 'enum', 'unknown-field', 'too-small', 'type', 'unknown-field']);
    expect(problemsOf(r)[1]).toMatchObject({ expected: 'ngày phải viết dạng YYYY-MM-DD', found: 'chuỗi "09/12/2020"' });
  });

  test('English messages with lang "en"', async () => {
    const r = await loadFile(F + 'many.yaml', TestSchema, 'en');
    expect(lines(r, 'en')).toEqual([
      'test/load/fixtures/many.yaml:1:1: error: missing required field "frame.agency".',
      // the schema's own (Vietnamese) message is kept as written
      'test/load/fixtures/many.yaml:2:9: error: field "frame.date": ngày phải viết dạng YYYY-MM-DD, but got the string "09/12/2020".',
      'test/load/fixtures/many.yaml:3:12: error: field "frame.signing": must be one of: "TM.", "KT.", "TL.", "TUQ.", "Q.", but got the string "XX".',
      'test/load/fixtures/many.yaml:4:3: error: field "frame.Agency" is not in the template — did you mean "agency"?',
      'test/load/fixtures/many.yaml:6:21: error: field "police.trafficBulletins": must be ≥ 0, but got the number -3.',
      'test/load/fixtures/many.yaml:9:5: error: field "tags[1]": expected a string, but got the number 42.',
      'test/load/fixtures/many.yaml:10:1: error: field "extra" is not in the template.',
    ]);
  });

  test('YAML syntax errors: all reported, translated', async () => {
    const r = await loadFile(F + 'syntax.yaml', TestSchema);
    expect(lines(r)).toEqual([
      'test/load/fixtures/syntax.yaml:4:1: lỗi: sai cú pháp: thụt lề không đúng — các mục cùng cấp phải bắt đầu ở cùng một cột.',
      'test/load/fixtures/syntax.yaml:6:1: lỗi: sai cú pháp: không được dùng phím Tab để thụt lề — hãy dùng dấu cách.',
      'test/load/fixtures/syntax.yaml:7:7: lỗi: sai cú pháp: giá trị không được bắt đầu bằng ký tự "@" — hãy đặt giá trị trong ngoặc kép.',
    ]);
    expect(problemsOf(r).every((p) => p.code === 'syntax' && p.path.length === 0)).toBe(true);
  });

  test('unclosed quote is reported at the opening quote', async () => {
    const r = await loadFile(F + 'quote.yaml', TestSchema);
    expect(lines(r)).toEqual([
      'test/load/fixtures/quote.yaml:2:9: lỗi: sai cú pháp: chuỗi mở ngoặc ở đây chưa được đóng (thiếu dấu ngoặc đóng).',
    ]);
  });

  test('duplicate key: error at the second occurrence, naming the first', async () => {
    const r = await loadFile(F + 'duplicate.yaml', TestSchema);
    expect(problemsOf(r)).toEqual([{
      file: F + 'duplicate.yaml', line: 5, column: 3, path: ['frame', 'signing'], code: 'duplicate-key', severity: 'error',
      message: 'trường "frame.signing" bị lặp lại (đã có ở dòng 3); mỗi trường chỉ được ghi một lần.',
    }]);
  });

  test('JSON syntax error has line and column', async () => {
    const r = await loadFile(F + 'bad.json', TestSchema);
    expect(lines(r)).toEqual([
      'test/load/fixtures/bad.json:5:5: lỗi: sai cú pháp: thiếu dấu phẩy "," trước vị trí này.',
    ]);
  });

  test('JSON validation error is positioned like YAML', async () => {
    const r = await loadFile(F + 'good.json', TestSchema);
    expect(lines(r)).toEqual([
      'test/load/fixtures/good.json:3:35: lỗi: trường "police.trafficBulletins": cần một số, nhưng nhận được chuỗi "94".',
    ]);
  });

  test('NFD input is normalised to NFC (keys and values)', async () => {
    const r = await loadFile(F + 'nfd.yaml', TestSchema);
    if (!r.ok) throw new Error(formatProblems(r.problems));
    expect(r.value.tags).toEqual(['Quốc phòng']);
    expect(r.value.tags?.[0]).toBe('Quo\u0302\u0301c pho\u0300ng'.normalize('NFC'));
    expect(r.value.frame.agency).toBe('UBND xã Nghi Sơn');
    expect(r.value.frame.agency.normalize('NFC')).toBe(r.value.frame.agency);
  });

  test('BOM is stripped and does not shift columns', async () => {
    const r = await loadFile(F + 'bom.yaml', TestSchema);
    expect(lines(r)).toEqual([
      'test/load/fixtures/bom.yaml:6:21: lỗi: trường "police.trafficBulletins": cần một số, nhưng nhận được chuỗi "x".',
    ]);
  });

  test('invalid UTF-8 is a positioned problem, not a crash', async () => {
    const r = await loadFile(F + 'latin1.yaml', TestSchema);
    expect(problemsOf(r)).toEqual([{
      file: F + 'latin1.yaml', line: 4, column: 17, path: [], code: 'encoding', severity: 'error',
      message: 'tệp không phải văn bản UTF-8 hợp lệ (byte 0xE3); có thể tệp được lưu bằng bảng mã khác (Windows-1258, TCVN3…) — hãy lưu lại với bảng mã UTF-8.',
    }]);
  });

  test('consistency findings become positioned warnings', async () => {
    const { source } = await loadSource(F + 'warning.yaml');
    if (!source) throw new Error('fixture did not parse');
    const warnings = warningsAt(source, [
      { path: ['police', 'trafficBulletins'], message: 'không có bản tin giao thông nào — kiểm tra lại số liệu' },
    ]);
    expect(formatProblems(warnings)).toBe(
      'test/load/fixtures/warning.yaml:6:21: cảnh báo: trường "police.trafficBulletins": không có bản tin giao thông nào — kiểm tra lại số liệu.');
    expect(warnings[0]).toMatchObject({ severity: 'warning', code: 'consistency' });
  });

  test('missing file is a file-level problem without position', async () => {
    const r = await loadFile(F + 'khong-co.yaml', TestSchema);
    expect(lines(r)).toEqual(['test/load/fixtures/khong-co.yaml: lỗi: không tìm thấy tệp.']);
    expect(lines(await loadFile(F + 'khong-co.yaml', TestSchema, 'en'), 'en'))
      .toEqual(['test/load/fixtures/khong-co.yaml: error: file not found.']);
  });

  test('DataError carries the problems and a formatted message', async () => {
    const r = await loadFile(F + 'wrong-type.yaml', TestSchema);
    const err = new DataError(problemsOf(r));
    expect(err).toBeInstanceOf(Error);
    expect(err.problems).toHaveLength(1);
    expect(err.message).toBe(lines(r).join('\n'));
  });
});
