import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../../src/pipeline/index.js';

// Issue 13 item 5: characters that make the PDF and the DOCX say different things are refused
// in data with their field and line, like U+0008 already was.
const base = readFileSync('test/fixtures/data/minimal.yaml', 'utf8');
const withForecast = (escaped: string) => base.replace('forecast: Tình hình ổn định.', `forecast: "Tình hình ${escaped} ổn định."`);
const withPlace = (escaped: string) => base.replace('  place: Tân Lập', `  place: "Tân ${escaped}Lập"`);
const problems = (text: string) => {
  const r = loadReportText(text, 'bao-cao.yaml', 'en');
  return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
};

describe('direction controls and U+0000 in data', () => {
  it.each(['\\u202A', '\\u202B', '\\u202C', '\\u202D', '\\u202E', '\\u2066', '\\u2067', '\\u2068', '\\u2069', '\\0', '\\u200F'])('%s is refused at its field', (c) => {
    const code = c === '\\0' ? '0000' : c.slice(2);
    expect(problems(withForecast(`abc${c}abcd`))).toEqual([
      `38:11 field "forecast" holds a control character that is not allowed: U+${code}; such characters change or hide text differently in the PDF and the DOCX; remove it.`,
    ]);
  });

  it('is refused in JSON too, and the message itself never carries the character', () => {
    const json = JSON.stringify({ ...JSON.parse(JSON.stringify((loadReportText(base, 'x.yaml') as { report: object }).report)), forecast: 'a\u202Eb' });
    const r = loadReportText(json, 'bao-cao.json', 'vi');
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.problems.map((p) => p.message).join('\n');
    expect(text).toContain('trường "forecast" chứa ký tự điều khiển không được phép: U+202E');
    expect(text).not.toContain('\u202E');
  });
});

describe('line separators in a one-line field', () => {
  it.each(['\\L', '\\P', '\\N'])('%s is refused like a line break', (c) => {
    expect(problems(withPlace(c))).toEqual(['5:10 field "frame.place": must fit on one line.']);
  });

  it('ordinary Vietnamese text still loads', () => {
    expect(problems(withPlace('Phường '))).toEqual([]);
  });
});

describe('the paragraph limit', () => {
  it('refuses one text longer than --max-paragraph-chars at its field', () => {
    const long = 'chữ '.repeat(50_001);
    expect(problems(base.replace('forecast: Tình hình ổn định.', `forecast: ${long}`))).toEqual([
      '38:11 field "forecast": the length of one paragraph (characters) exceeds the limit of 200000 (found 200003); if this is really needed, raise it with --max-paragraph-chars.',
    ]);
  });
});
