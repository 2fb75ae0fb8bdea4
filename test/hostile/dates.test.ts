import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCreationDate } from '../../src/batch/job.js';
import { loadReportText } from '../../src/pipeline/index.js';

// Issue 13 item 8: --creation-date is checked like a date in data, and real dates of years
// 0001-0099 are real.
describe('--creation-date', () => {
  it('refuses a day that does not exist and a year a PDF date cannot hold', () => {
    for (const bad of ['2021-02-30', '0000-01-01', '2021-02-30T10:00:00Z', '2021-13-01', 'hôm qua']) expect(parseCreationDate(bad), bad).toBeUndefined();
  });

  it('reads a real one as that day in Vietnam', () => {
    expect(parseCreationDate('2021-02-28')!.toISOString()).toBe('2021-02-27T17:00:00.000Z');
    expect(parseCreationDate('2021-03-01T08:00:00Z')!.toISOString()).toBe('2021-03-01T08:00:00.000Z');
  });
});

describe('dates in data', () => {
  const base = readFileSync('test/fixtures/data/minimal.yaml', 'utf8');
  const problems = (date: string) => {
    const r = loadReportText(base.replace('  date: 2021-02-03', `  date: ${date}`), 'x.yaml', 'en');
    return r.ok ? [] : r.problems.filter((p) => p.path.join('.') === 'frame.date').map((p) => p.message);
  };

  it('a real date of year 0050 is not refused as "not a real date"; 0050-02-29 is', () => {
    expect(problems('0050-03-01').join(' ')).not.toContain('no such day');
    expect(problems('0052-02-29').join(' ')).not.toContain('no such day');
    expect(problems('0050-02-29').join(' ')).toContain('no such day');
    expect(problems('2021-02-30').join(' ')).toContain('no such day');
  });
});
