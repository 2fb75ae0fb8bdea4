import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/compose/index.js';
import { loadKindFolder } from '../../src/model/registry.js';

// Decimal places chosen per kind (kind.yaml `places:`, default 1); a call's own places= wins.
const words = (markup: string): string => markup.replace(/<!--@\d+:\d+-->/g, '').trim();
const data = { cases: { value: 16, unit: 'vụ', previous: 12 }, solved: 13 };

describe('places per kind', () => {
  it('words every percentage of a kind with places: 2 to two places, unless the call says otherwise', () => {
    const kind = loadKindFolder(path.resolve('test/fixtures/kinds/strict/hai-so-le'));
    expect(words(loadTemplate(kind.template).render(data))).toBe(
      '<p>tăng 33,33%|tăng 33,3%|tăng 4 vụ (33,33%) so với năm 2023|13/16 vụ, đạt 81,25%|5,67%|16 vụ (+4 vụ; +33,33%)</p>',
    );
  });

  it('keeps one place for a kind without places:', () => {
    const src = path.resolve('test/fixtures/kinds/strict/hai-so-le');
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'baocao-places-')), 'mot-so-le');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'kind.yaml'), readFileSync(path.join(src, 'kind.yaml'), 'utf8').replace('id: hai-so-le', 'id: mot-so-le').replace('places: 2\n', ''));
    writeFileSync(path.join(dir, 'body.hbs'), readFileSync(path.join(src, 'body.hbs'), 'utf8'));
    const kind = loadKindFolder(dir);
    expect(words(loadTemplate(kind.template).render(data))).toBe(
      '<p>tăng 33,3%|tăng 33,3%|tăng 4 vụ (33,3%) so với năm 2023|13/16 vụ, đạt 81,3%|5,7%|16 vụ (+4 vụ; +33,3%)</p>',
    );
  });
});
