import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/compose/index.js';
import { tmp } from './support.js';
import { parseMarkup } from '../../src/document/parse.js';
import { errorText } from '../../src/messages/errors.js';
import { setLimits, defaultLimits } from '../../src/limits/index.js';

// Issue 13 item 7 and the markup limits: markup nested 20,000 deep (a template loop that opens
// tags and never closes them) is a template error, exit 3, not a stack overflow.
const caught = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('deeply nested markup', () => {
  it('20,000 levels: a template error naming the limit and its option', () => {
    const markup = `<p>Mở đầu</p>\n${'<ul><li>mục '.repeat(20_000)}`;
    const e = caught(() => parseMarkup(markup, 'qp-an/body.hbs'));
    expect((e as { exitCode?: number }).exitCode).toBe(3);
    expect(errorText(e, 'en')).toBe('qp-an/body.hbs: line 2 of the composed text: elements are nested deeper than the limit of 200 (usually a loop of the template); if this is really needed, raise it with --max-markup-depth.');
  });

  it('a real list nesting parses as before', () => {
    const parsed = parseMarkup('<ul><li>a<ul><li>b</li></ul></li></ul>', 'x');
    expect(JSON.stringify(parsed.children)).toContain('"b"');
  });

  it('the composed markup size limit is named with its option (exit 2)', () => {
    setLimits({ markupChars: 1000 });
    try {
      const e = caught(() => parseMarkup(`<p>${'chữ '.repeat(400)}</p>`, 'qp-an/body.hbs'));
      expect((e as { exitCode?: number }).exitCode).toBe(2);
      expect(errorText(e, 'en')).toBe('qp-an/body.hbs: the length of the composed markup (characters) exceeds the limit of 1000 (found 1607); if this is really needed, raise it with --max-markup-chars.');
    } finally {
      setLimits({ markupChars: defaultLimits.markupChars });
    }
  });
});

describe('nested loops of a template over a list of the data', () => {
  // Issue 13 item 14: four nested {{#each}} over 200 items (1.6 billion paragraphs) grew to 3 GB
  // before the time limit stopped them; the markup limit was checked on the finished markup only.
  it('stop at the composed-markup limit while composing (exit 2, the option named), not after', () => {
    const folder = path.join(tmp('loop'), 'vong');
    mkdirSync(folder);
    const body = '{{#each xs}}{{#each ../xs}}{{#each ../../xs}}<p>{{v}} lặp</p>{{/each}}{{/each}}{{/each}}\n';
    writeFileSync(path.join(folder, 'body.hbs'), body);
    let read = 0;
    const xs = Array.from({ length: 100 }, (_, i) => Object.defineProperty({}, 'v', { enumerable: true, get: () => (read++, `m${i}`) }));
    setLimits({ markupChars: 100_000 });
    try {
      const e = caught(() => loadTemplate(folder, path.dirname(folder)).render({ xs }));
      expect((e as { exitCode?: number }).exitCode).toBe(2);
      expect(errorText(e, 'en')).toBe(`${path.join(folder, 'body.hbs')}: the length of the composed markup (characters) exceeds the limit of 100000; if this is really needed, raise it with --max-markup-chars.`);
      // About 100,000 characters of paragraphs (~14 each) were composed, not all 1,000,000.
      expect(read).toBeLessThan(20_000);
    } finally {
      setLimits({ markupChars: defaultLimits.markupChars });
    }
    // Under the limit the loops compose as Handlebars' own {{#each}} does (position markers aside).
    const three = [{ v: 'a' }, { v: 'b' }, { v: 'c' }];
    expect(loadTemplate(folder, path.dirname(folder)).render({ xs: three }).replace(/<!--@\d+:\d+-->/g, '')).toBe(Handlebars.create().compile(body)({ xs: three }));
  });
});
