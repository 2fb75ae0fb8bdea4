import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../../src/pipeline/index.js';

// Issue 13 item 8: 2^53+1 was reported (and rendered) as a different number. An integer beyond
// Number.MAX_SAFE_INTEGER, or a number out of range, is refused at its line and field, quoting
// the number as the file writes it, not the rounded double.
const base = readFileSync('test/fixtures/data/minimal.yaml', 'utf8');
const withBulletins = (v: string) => base.replace('trafficSafetyBulletins: 0', `trafficSafetyBulletins: ${v}`);
const line = base.split('\n').findIndex((l) => l.includes('trafficSafetyBulletins')) + 1;

describe('numbers a JavaScript number cannot hold as written', () => {
  it.each(['9007199254740993', '-9007199254740993', '0x20000000000001', '123456789012345678901234567890'])('%s is refused at its line, quoted as written', (written) => {
    const r = loadReportText(withBulletins(written), 'so.yaml', 'en');
    expect(r.ok).toBe(false);
    const p = r.ok ? undefined : r.problems.find((x) => x.code === 'number');
    expect(p).toMatchObject({ file: 'so.yaml', line, column: 27, path: ['police', 'trafficSafetyBulletins'] });
    expect(p!.message).toBe(`field "police.trafficSafetyBulletins": the number ${written} is beyond the largest number kept exactly (9007199254740991) and would be rounded to a different one; check it, or put it in quotes if it is an identifier.`);
  });

  it('out of range (1e400, .inf) is refused too; 2^53−1 and a quoted long identifier are not', () => {
    for (const written of ['1e400', '.inf']) {
      const r = loadReportText(withBulletins(written), 'so.yaml', 'vi');
      expect(r.ok ? '' : r.problems.find((x) => x.code === 'number')?.message).toBe(`trường "police.trafficSafetyBulletins": số ${written} vượt quá số lớn nhất giữ được chính xác (9007199254740991), sẽ bị làm tròn thành số khác; hãy kiểm tra lại số này, hoặc đặt trong ngoặc kép nếu đó là một mã số.`);
    }
    const safe = loadReportText(withBulletins('9007199254740991'), 'so.yaml', 'en');
    expect(safe.ok ? [] : safe.problems.filter((x) => x.code === 'number')).toEqual([]);
    const quoted = loadReportText(`${base}extra: "9007199254740993"\n`, 'so.yaml', 'en');
    expect(quoted.ok ? [] : quoted.problems.filter((x) => x.code === 'number')).toEqual([]);
  });

  it('in a JSON data file, the number as the JSON text writes it', () => {
    const json = JSON.stringify({ kind: 'qp-an', year: 2020 }).replace('2020', '9007199254740993');
    const r = loadReportText(json, 'so.json', 'en');
    const p = r.ok ? undefined : r.problems.find((x) => x.code === 'number');
    expect(p).toMatchObject({ line: 1, path: ['year'] });
    expect(p!.message).toContain('the number 9007199254740993 is beyond');
  });
});
