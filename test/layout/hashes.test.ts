import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFile } from '../../src/index.js';

// Byte-identical output across refactors: the SHA-256 of every sample and data fixture, in both
// profiles and every format, recorded before a change and compared after it. A hash changes only
// where a commit intends a change to the output, and that commit says so. Re-record with
// UPDATE_HASHES=1 npx vitest run test/layout/hashes.test.ts.
const FILES = [
  'data/nghi-son-qp-an-2020.yaml',
  'data/nghi-son-ke-hoach-tet-2021.yaml',
  'data/nghi-son-chi-thi-tet-2021.yaml',
  'data/demo-thi-xa-song-lam-2021.yaml',
  'test/fixtures/data/minimal.yaml',
  'test/fixtures/data/song-lam-2021.yaml',
  'test/fixtures/data/warn-participants.yaml',
];
const PROFILES = ['nd30', 'dang'] as const;
const RECORD = 'test/fixtures/hashes.json';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function hashesNow(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of FILES) {
    for (const profile of PROFILES) {
      const r = await renderFile(file, { profile, eml: true });
      out[`${file} ${profile} pdf`] = sha(r.outputs.pdf!);
      out[`${file} ${profile} docx`] = sha(r.outputs.docx!);
      out[`${file} ${profile} eml`] = sha(r.eml!);
    }
  }
  return out;
}

describe('output bytes', () => {
  it('are the recorded ones for every sample, profile and format', async () => {
    const now = await hashesNow();
    if (process.env.UPDATE_HASHES === '1') writeFileSync(RECORD, JSON.stringify(now, null, 2) + '\n');
    const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, string>;
    expect(now).toEqual(recorded);
  }, 180_000);
});
