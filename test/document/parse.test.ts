import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MarkupError, parseMarkup } from '../../src/document/parse.js';

// Fixture-driven: markup in, expected Document blocks out (test/fixtures/markup/*.html → *.json).
const fixture = (name: string) => ({
  markup: readFileSync(`test/fixtures/markup/${name}.html`, 'utf8'),
  expected: JSON.parse(readFileSync(`test/fixtures/markup/${name}.json`, 'utf8')) as unknown,
});

describe('parseMarkup', () => {
  for (const name of ['structure', 'table']) {
    it(`turns ${name}.html into the expected tree`, () => {
      const { markup, expected } = fixture(name);
      expect(parseMarkup(markup, `${name}.html`)).toEqual({ children: expected, appendices: [] });
    });
  }

  const errors: [string, string, number, RegExp][] = [
    ['unknown tag', '<p>a</p>\n<div>b</div>', 2, /<div> không được hỗ trợ/],
    ['text outside a paragraph', '<p>a</p>\nlạc chỗ', 2, /chữ nằm ngoài đoạn văn/],
    ['a list item inside a line', '<p>a\n<li>x</li></p>', 2, /thẻ <li> không được đặt trong một dòng chữ/],
    ['ragged table', '<table>\n<tr><td>1</td><td>2</td></tr>\n<tr><td>3</td></tr>\n</table>', 3, /dòng 2 của bảng có 1 cột/],
    ['bad colspan', '<table><tr><td colspan="0">1</td></tr></table>', 1, /colspan="0"/],
    ['bad align', '<p align="middle">x</p>', 1, /align="middle"/],
    ['empty heading', '<h1> </h1>', 1, /tiêu đề <h1> trống/],
  ];
  for (const [what, markup, line, message] of errors) {
    it(`rejects ${what}, naming the line`, () => {
      let caught: unknown;
      try {
        parseMarkup(markup, 'mau.hbs');
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(MarkupError);
      expect((caught as MarkupError).line).toBe(line);
      expect((caught as MarkupError).message).toMatch(message);
      expect((caught as MarkupError).message).toContain('mau.hbs');
      // The same error for an English reader, with the same place and no Vietnamese word.
      const en = (caught as MarkupError).text('en');
      expect(en).toMatch(new RegExp(`^mau\\.hbs: line ${line} of the composed text: `));
      expect(en.replace(/"[^"]*"/g, '')).not.toMatch(/[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i);
    });
  }

  it('is a template error: exit code 3', () => {
    expect(() => parseMarkup('<div>x</div>', 'mau.hbs')).toThrow(expect.objectContaining({ exitCode: 3 }));
  });
});
