import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/messages/index.js';
import type { Message } from '../../src/messages/types.js';

/**
 * `--lang en` is complete when every message of the catalogue has an English wording with no
 * Vietnamese left in it. Every entry is worded in both languages with sample arguments ('X' for
 * each, or 1 where an entry computes with a number): the samples carry no Vietnamese, so any
 * Vietnamese letter in the English text comes from the wording itself. Text in double quotes is a
 * quotation of what the document or the data says ("Kính gửi", "Số: 05/BC-UBND") and stays as is;
 * an entry that is nothing but such a quotation may read the same in both languages.
 */

/** A letter with a Vietnamese diacritic (tone marks, â ê ô ă ơ ư: combining marks once decomposed) or đ/Đ. */
const vietnamese = (s: string) => /[\u0300-\u036f\u1dc0-\u1dff]|[đĐ]/u.test(s.normalize('NFD'));

/** The wording without its quotations ("…", “…”). */
const unquoted = (s: string) => s.replace(/"[^"]*"|“[^”]*”/gu, '""');

function word(m: Message, lang: 'vi' | 'en'): string {
  const n = Math.max(m.vi.length, m.en.length);
  try {
    return m[lang](...Array<unknown>(n).fill('X'));
  } catch {
    return m[lang](...Array<unknown>(n).fill(1));
  }
}

const entries = Object.entries(catalogue).flatMap(([area, messages]) =>
  Object.entries(messages as Record<string, Message>).map(([key, m]) => ({ name: `${area}.${key}`, m })));

describe('the message catalogue', () => {
  it('has entries in every area', () => {
    expect(entries.length).toBeGreaterThan(150);
    for (const [area, messages] of Object.entries(catalogue)) expect(Object.keys(messages).length, area).toBeGreaterThan(0);
  });

  it.each(entries)('$name is worded in both languages, the English with no Vietnamese letter', ({ m }) => {
    const vi = word(m, 'vi');
    const en = word(m, 'en');
    expect(typeof vi).toBe('string');
    expect(typeof en).toBe('string');
    expect(en.trim()).not.toBe('');
    if (/\p{L}/u.test(unquoted(en))) expect(en).not.toBe(vi);
    expect(vietnamese(unquoted(en)), en).toBe(false);
  });

  it('the samples and the check are sound: the Vietnamese wordings do have Vietnamese letters', () => {
    const worded = entries.map(({ m }) => word(m, 'vi'));
    expect(worded.filter(vietnamese).length).toBeGreaterThan(entries.length * 0.8);
    expect(vietnamese('Đã lấy số liệu')).toBe(true);
    expect(vietnamese('the string "X" — at least 1 item(s) ≥ 1 · 0.5 s')).toBe(false);
    expect(vietnamese(unquoted('the words "Kính gửi" — a công văn'))).toBe(true);
    expect(vietnamese(unquoted('the words "Kính gửi" and “Nơi nhận”'))).toBe(false);
  });

  it('gathers every area module of src/messages', async () => {
    const dir = path.resolve('src/messages');
    const gathered = new Set<unknown>(Object.values(catalogue));
    const areaFiles = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'errors.ts', 'ref.ts'].includes(f));
    expect(areaFiles.length).toBeGreaterThanOrEqual(Object.keys(catalogue).length);
    for (const file of areaFiles) {
      const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
      const areas = Object.entries(mod).filter(([name]) => name.endsWith('Messages'));
      expect(areas.length, file).toBeGreaterThan(0);
      for (const [name, value] of areas) expect(gathered.has(value), `${file}: ${name} is not in the catalogue`).toBe(true);
    }
  });
});
