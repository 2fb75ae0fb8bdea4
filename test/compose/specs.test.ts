import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearTemplateCache } from '../../src/compose/index.js';
import { cachedSpec, specCacheFile, specKey } from '../../src/compose/specs.js';
import { buildDocument, loadReport } from '../../src/pipeline/index.js';

// The build compiles the built-in templates once (dist/template-specs.json, made by npm run build,
// which the suite's global setup runs); a process then takes a template's compiled form from there
// instead of compiling it. The cached and the compiled forms must compose the very same document,
// and a template that differs by one character must miss and be compiled from its own string.
const templates = path.resolve('templates');
const kinds = readdirSync(templates).filter((d) => !d.startsWith('.')).sort();

afterEach(() => {
  delete process.env.BAOCAO_NO_BUILD_CACHE;
  clearTemplateCache();
});

describe('the build’s compiled templates', () => {
  it('hold every built-in kind’s body, keyed by its exact string', () => {
    const specs = JSON.parse(readFileSync(specCacheFile, 'utf8')) as Record<string, string>;
    for (const kind of kinds) {
      const body = readFileSync(path.join(templates, kind, 'body.hbs'), 'utf8').replace(/^\uFEFF/, '').normalize('NFC');
      expect(Object.hasOwn(specs, specKey(body, 0)), kind).toBe(true);
      expect(cachedSpec(body, 0)).toBe(specs[specKey(body, 0)]);
      // One character more, or another position: not the cached template.
      expect(cachedSpec(`${body} `, 0)).toBeUndefined();
      expect(cachedSpec(body, 1)).toBeUndefined();
    }
  });

  it('compose the same Document as compiling the template strings, for every sample', async () => {
    const samples = ['data/nghi-son-qp-an-2020.yaml', 'data/nghi-son-ke-hoach-tet-2021.yaml', 'data/nghi-son-chi-thi-tet-2021.yaml', 'data/demo-thi-xa-song-lam-2021.yaml', 'data/demo-xa-an-phu-6-thang-2024.yaml', 'data/demo-ban-tin-antt-2024-03.yaml'];
    for (const file of samples) {
      const loaded = await loadReport(file);
      if (!loaded.ok) throw new Error(`${file} does not load`);
      clearTemplateCache();
      const cached = JSON.stringify(buildDocument(loaded.kind, loaded.report));
      clearTemplateCache();
      process.env.BAOCAO_NO_BUILD_CACHE = '1';
      const compiled = JSON.stringify(buildDocument(loaded.kind, loaded.report));
      delete process.env.BAOCAO_NO_BUILD_CACHE;
      expect(cached, file).toBe(compiled);
      expect(cached.length).toBeGreaterThan(1000);
    }
  });
});
