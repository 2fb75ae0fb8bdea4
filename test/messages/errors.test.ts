import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/compose/index.js';
import { DataError } from '../../src/load/index.js';
import {
  BaocaoError, EXIT, ExistsError, InvalidDataError, IoError, TemplateKindError, UsageError, exitCodeOf, outcomeOfError,
} from '../../src/messages/errors.js';
import { KindError } from '../../src/model/index.js';
import { GlyphError } from '../../src/pipeline/index.js';
import { getProfile } from '../../src/profile/index.js';
import { renderData, renderFile } from '../../src/index.js';

describe('errors and exit codes', () => {
  it('are the ones the README documents', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = [...readme.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map((m) => Number(m[1]));
    expect(table).toEqual([0, 1, 2, 3, 4, 5, 64, 130]);
    expect(Object.values(EXIT).sort((a, b) => a - b)).toEqual(table);
  });

  it('each error class carries its exit code and its outcome for a batch', () => {
    const cases: [BaocaoError, number, string][] = [
      [new DataError([]), 2, 'invalid'],
      [new InvalidDataError('x'), 2, 'invalid'],
      [new TemplateError('body.hbs', 3, 'x'), 3, 'template'],
      [new KindError('x'), 3, 'template'],
      [new GlyphError('x'), 3, 'template'],
      [new TemplateKindError('x'), 3, 'template'],
      [new IoError('x'), 4, 'io'],
      [new ExistsError('x'), 5, 'exists'],
      [new UsageError('x'), 64, 'usage'],
    ];
    for (const [e, code, outcome] of cases) {
      expect(e.exitCode, e.name).toBe(code);
      expect(outcomeOfError(e), e.name).toBe(outcome);
    }
    expect(outcomeOfError(new TypeError('a bug'))).toBe('internal');
  });

  it('the most serious failure of a batch decides', () => {
    expect(exitCodeOf([])).toBe(0);
    expect(exitCodeOf(['ok', 'exists', 'io'])).toBe(4);
    expect(exitCodeOf(['exists', 'invalid', 'template'])).toBe(2);
    expect(exitCodeOf(['invalid', 'internal'])).toBe(1);
  });

  it('an error is worded in the reader\'s language; its message is the Vietnamese', () => {
    const e = new TemplateError('mau/body.hbs', 4, (lang) => (lang === 'vi' ? 'thiếu dấu' : 'missing mark'));
    expect(e.message).toBe('mau/body.hbs:4: lỗi mẫu văn bản: thiếu dấu');
    expect(e.text('en')).toBe('mau/body.hbs:4: template error: missing mark');
    expect(e.detail).toBe('thiếu dấu');
  });

  it('an unknown profile is a usage error listing the known ones, before any file is read', async () => {
    expect(() => getProfile('nd31')).toThrow(UsageError);
    let caught: unknown;
    try {
      getProfile('nd31');
    } catch (e) {
      caught = e;
    }
    expect((caught as UsageError).exitCode).toBe(64);
    expect((caught as UsageError).message).toBe('không có bố cục "nd31"; các bố cục có sẵn: nd30, dang');
    expect((caught as UsageError).text('en')).toBe('unknown layout profile "nd31"; available: nd30, dang');
    // The file does not exist: a usage error, not an I/O one, shows the profile was checked first.
    await expect(renderFile('khong-co.yaml', { profile: 'nd31' })).rejects.toBeInstanceOf(UsageError);
    await expect(renderData({}, { profile: 'nd31' })).rejects.toBeInstanceOf(UsageError);
    expect(() => getProfile('toString')).toThrow(UsageError);
  });
});
