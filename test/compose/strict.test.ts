import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadTemplate } from '../../src/compose/index.js';
import { KindError, loadKindFolder } from '../../src/model/registry.js';

// Issue 13 item 18: a template reading a prototype name. Handlebars printed three English lines on
// stderr per name at render; now the kind is refused at load with one positioned message per place,
// in the reader's language, and the runtime says nothing.
const errorText = (fn: () => unknown, lang: 'vi' | 'en') => {
  try {
    fn();
  } catch (e) {
    if (e instanceof KindError) return e.text(lang);
    throw e;
  }
  throw new Error('no error');
};

afterEach(() => vi.restoreAllMocks());

describe('prototype names in a template', () => {
  it('are refused when the kind loads, one message per place, positioned', () => {
    const dir = path.resolve('test/fixtures/kinds/strict/proto-mau');
    const body = path.join(dir, 'body.hbs');
    expect(errorText(() => loadKindFolder(dir), 'vi').split('\n')).toEqual([
      `${body}:1:15: lỗi mẫu văn bản: "{{year.constructor}}": "constructor" là tên có sẵn của JavaScript, không phải một trường của số liệu; Handlebars không đọc tên này (chỗ đó sẽ để trống)`,
      `${body}:2:19: lỗi mẫu văn bản: "{{lookup … "__proto__"}}": "__proto__" là tên có sẵn của JavaScript, không phải một trường của số liệu; Handlebars không đọc tên này (chỗ đó sẽ để trống)`,
      `${body}:2:35: lỗi mẫu văn bản: "{{frame.toString}}": "toString" là tên có sẵn của JavaScript, không phải một trường của số liệu; Handlebars không đọc tên này (chỗ đó sẽ để trống)`,
    ]);
    expect(errorText(() => loadKindFolder(dir), 'en')).toContain(`${body}:1:15: template error: "{{year.constructor}}": "constructor" is a name JavaScript gives every object`);
  });

  it('print nothing on stderr when a template is rendered without its kind check', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'baocao-proto-'));
    mkdirSync(path.join(root, 'k'));
    writeFileSync(path.join(root, 'k', 'body.hbs'), '<p>[{{constructor}}][{{a.__proto__}}][{{a.toString}}][{{a.b}}]</p>');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const out = loadTemplate('k', root).render({ a: { b: 'x' } }).replace(/<!--@\d+:\d+-->/g, '');
    expect(out).toBe('<p>[][][][x]</p>');
    expect([...error.mock.calls, ...log.mock.calls, ...warn.mock.calls]).toEqual([]);
  });
});

describe('template errors in the reader\'s language', () => {
  const tpl = (body: string) => {
    const root = mkdtempSync(path.join(tmpdir(), 'baocao-tpl-'));
    mkdirSync(path.join(root, 'k'));
    writeFileSync(path.join(root, 'k', 'body.hbs'), body);
    return { root, file: path.join(root, 'k', 'body.hbs') };
  };
  const textOf = (fn: () => unknown, lang: 'vi' | 'en') => {
    try {
      fn();
    } catch (e) {
      return (e as { text(l: string): string }).text(lang);
    }
    throw new Error('no error');
  };

  it('an unclosed block, with the excerpt and its caret', () => {
    const { root, file } = tpl('<p>{{#if year}}x</p>\n');
    expect(textOf(() => loadTemplate('k', root), 'vi')).toBe(`${file}:2: lỗi mẫu văn bản: khối mở bằng {{#…}} chưa được đóng (thiếu {{/if}}, {{/each}} …) trước khi hết tệp\n...p>{{#if year}}x</p>\n----------------------^`);
    expect(textOf(() => loadTemplate('k', root), 'en')).toBe(`${file}:2: template error: a block opened with {{#…}} is never closed ({{/if}}, {{/each}} … is missing) before the end of the file\n...p>{{#if year}}x</p>\n----------------------^`);
  });

  it('a block closed by another name', () => {
    const { root, file } = tpl('<p>{{#if a}}x{{/each}}</p>');
    expect(textOf(() => loadTemplate('k', root), 'vi')).toBe(`${file}:1: lỗi mẫu văn bản: khối {{#if}} lại được đóng bằng {{/each}}`);
    expect(textOf(() => loadTemplate('k', root), 'en')).toBe(`${file}:1: template error: the block {{#if}} is closed by {{/each}}`);
  });

  it('a helper option out of its values, named once', () => {
    const { root, file } = tpl('<p>{{pctChange q rounding="x"}}</p>');
    const render = () => loadTemplate('k', root).render({ q: { value: 2, unit: 'vụ', previous: 1 } });
    expect(textOf(render, 'vi')).toBe(`${file}:1: lỗi mẫu văn bản: helper "pctChange": rounding phải là "half-up" | "truncate", nhận được "x"`);
    expect(textOf(render, 'en')).toBe(`${file}:1: template error: helper "pctChange": rounding must be "half-up" | "truncate", got "x"`);
    const { root: r2, file: f2 } = tpl('<p>{{qty 5}}</p>');
    expect(textOf(() => loadTemplate('k', r2).render({}), 'en')).toBe(`${f2}:1: template error: helper "qty" needs a figure with a unit (quantity), got 5`);
  });
});
