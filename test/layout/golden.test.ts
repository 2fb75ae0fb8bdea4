import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutJson } from '../../src/layout/index.js';
import { listKinds } from '../../src/model/index.js';
import { buildDocument, loadReport } from '../../src/pipeline/index.js';
import { getProfile } from '../../src/profile/index.js';

// Golden fixtures per kind, reviewed once and kept: the sample's Document tree (data + template →
// tree) and its resolved layout (tree + profile → layout). A change to parsing, wording or layout
// shows as a readable diff of these files. Re-record with UPDATE_GOLDEN=1 after reviewing the diff.
const DIR = 'test/fixtures/golden';
const update = process.env.UPDATE_GOLDEN === '1';

function golden(file: string, actual: string): void {
  const path = `${DIR}/${file}`;
  if (update || !existsSync(path)) {
    if (!update && process.env.CI) throw new Error(`${path} is missing: record it with UPDATE_GOLDEN=1`);
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

// Each kind's sample, and the fictional town whose report carries a landscape appendix.
const CASES: [string, string][] = [...listKinds().map((k): [string, string] => [k.id, k.sample]), ['qp-an-appendix', 'data/demo-thi-xa-song-lam-2021.yaml']];

describe.each(CASES)('%s', (name, file) => {
  it('composes into the recorded Document tree, and lays out as recorded', async () => {
    const r = await loadReport(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const doc = buildDocument(r.kind, r.report);
    golden(`${name}.document.json`, JSON.stringify(doc, null, 2) + '\n');
    golden(`${name}.layout.json`, layoutJson(layoutDocument(doc, getProfile(r.kind.profile))) + '\n');
  });
});
