import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../../src/pipeline/index.js';

// A Party document has no "TUQ." or "Q." signature: the data file is refused at the field, before
// rendering, like any other invalid value.
describe('Party conventions checked at validation', () => {
  it('refuses an authority prefix Party documents do not use, naming the field and its line', () => {
    const text = readFileSync('data/nghi-son-chi-thi-tet-2021.yaml', 'utf8');
    const line = text.split('\n').findIndex((l) => /^\s+authority: TM\./.test(l)) + 1;
    const r = loadReportText(text.replace(/^(\s+authority:) TM\./m, '$1 TUQ.'), 'ct.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line, path: ['frame', 'signer', 'authority'], severity: 'error' });
    expect(r.problems[0]!.message).toBe('trường "frame.signer.authority": văn bản của Đảng không dùng quyền hạn ký "TUQ.": chỉ dùng TM. (T/M), KT. (K/T) hoặc TL. (T/L).');
  });
});
