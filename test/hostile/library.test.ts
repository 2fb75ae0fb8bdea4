import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderData, validateData } from '../../src/index.js';
import { errorText } from '../../src/messages/errors.js';
import { fillPlaceholders } from '../../src/model/declarative.js';
import { loadKindFolder } from '../../src/model/index.js';
import { tmp } from './support.js';

// Issue 13 item 9: the library refuses what it cannot honour instead of resolving with nothing or
// dropping data silently, and never walks the prototype chain.
const base = parse(readFileSync('test/fixtures/data/minimal.yaml', 'utf8')) as Record<string, unknown>;
const rejection = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('the library', () => {
  it('refuses an unknown format (exit 64) instead of resolving with no output', async () => {
    const e = await rejection(renderData(base, { formats: ['exe' as 'pdf'] }));
    expect((e as { exitCode?: number }).exitCode).toBe(64);
    expect(errorText(e, 'en')).toBe('there is no format "exe"; choose from: pdf, docx.');
  });

  it('refuses a function-valued, undefined or cyclic field at its path', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, forecast: () => 'x' }, 'field "forecast": a value of type function is not data'],
      [{ ...base, police: { ...(base.police as object), unit: undefined } }, 'field "police.unit": a value of type undefined is not data'],
    ];
    const cyclic: Record<string, unknown> = { ...base };
    cyclic.extra = { back: cyclic };
    cases.push([cyclic, 'field "extra.back": a value of type cycle is not data']);
    for (const [data, message] of cases) {
      const r = validateData(data, 'en');
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.problems[0]!.message).toContain(message);
    }
    expect(validateData({ ...base }, 'en').ok).toBe(true);
  });

  it('fills a fileStem from own properties only', () => {
    expect(fillPlaceholders('x-{constructor}-{toString}-{year}', { year: 2020 })).toBe('x---2020');
    expect(fillPlaceholders('{a.constructor.name}', { a: {} })).toBe('');
  });

  it('refuses kind fields named after Object.prototype members (exit 3)', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const dir = path.join(tmp('proto'), 'k');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'kind.yaml'), `id: k\ntitle: K\ntype: { name: Thông báo, abbreviation: TB }\nsample: m.yaml\nfileStem: x\nfields:\n  ${name}: { type: text, description: X }\n`);
      writeFileSync(path.join(dir, 'body.hbs'), '<p>x</p>\n');
      let error: unknown;
      try {
        loadKindFolder(dir);
      } catch (e) {
        error = e;
      }
      expect((error as { exitCode?: number })?.exitCode, name).toBe(3);
      expect(errorText(error, 'en'), name).toContain(`the field name "${name}" is a name JavaScript reserves on every object`);
    }
  });
});
