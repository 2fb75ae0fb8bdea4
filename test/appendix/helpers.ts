import path from 'node:path';
import { buildDocument, loadReport } from '../../src/pipeline/index.js';
import type { LoadedReport } from '../../src/pipeline/index.js';
import type { Document } from '../../src/document/types.js';
import { getProfile } from '../../src/profile/index.js';
import type { Profile } from '../../src/profile/index.js';

/**
 * The sample's data through the whole pipeline with a test-only template (test/appendix/template):
 * a short main body, a portrait appendix and a landscape one holding a `rows`-row table.
 */

export const SAMPLE = 'data/nghi-son-qp-an-2020.yaml';
export const ROWS = 200;

export async function sampleReport(): Promise<LoadedReport> {
  const loaded = await loadReport(SAMPLE);
  if (!loaded.ok) throw new Error(`sample does not load: ${JSON.stringify(loaded.problems)}`);
  return loaded;
}

/** Row i (1-based) of the long table: its unit name is unique, so a test can find every row. */
export const rowUnit = (i: number): string => `Tổ dân phố số ${i} phường Hải Thượng`;

export async function appendixDocument(
  rows = ROWS,
  frame: Partial<LoadedReport['report']['frame']> = {},
): Promise<{ doc: Document; profile: Profile; loaded: LoadedReport }> {
  const loaded = await sampleReport();
  const kind = { ...loaded.kind, template: path.resolve('test/appendix/template') };
  const report = {
    ...loaded.report,
    frame: { ...loaded.report.frame, ...frame },
    previousYear: 2019,
    rows: Array.from({ length: rows }, (_, k) => ({ n: k + 1, unit: rowUnit(k + 1), before: k % 7, after: (k * 3) % 11, note: k % 10 === 0 ? 'Trọng điểm' : '' })),
  };
  return { doc: buildDocument(kind, report), profile: getProfile(loaded.kind.profile), loaded };
}
