import type { Lang } from '../load/index.js';
import { convertLegacyDeep, findLegacyStrings } from '../legacy/index.js';
import type { LegacyEncoding } from '../legacy/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import type { SheetProblem, TableResult } from './table.js';

/**
 * Sheet text typed in TCVN3 (.VnTime) or VNI fonts, treated as the data file's own text is: with
 * `--legacy tcvn3|vni` or the file's `legacyEncoding` it is converted to Unicode, with `unicode`
 * it is left alone, otherwise each such cell is refused, named by file, sheet and cell, with the
 * same way out the YAML path gives.
 */
export type SheetLegacy = LegacyEncoding | 'unicode';

const NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC, .VnTime)', vni: 'VNI (VNI-Times)' };

export function legacyCells(table: TableResult, legacy: SheetLegacy | undefined, lang: Lang): { records: Record<string, unknown>[]; problems: SheetProblem[] } {
  if (legacy === 'tcvn3' || legacy === 'vni') return { records: convertLegacyDeep(table.records, legacy) as Record<string, unknown>[], problems: [] };
  if (legacy === 'unicode') return { records: table.records, problems: [] };
  const problems = findLegacyStrings(table.records).map((f): SheetProblem => ({
    place: table.place(f.path) ?? '',
    path: f.path,
    code: 'legacy-encoding',
    severity: 'error',
    message: say(lang, M.legacyCell, NAMES[f.encoding], f.sample, f.encoding),
  }));
  return { records: table.records, problems };
}

/** The encoding a data file declares for its legacy text (`legacyEncoding:`), if any. */
export function declaredLegacy(data: unknown): SheetLegacy | undefined {
  const v = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).legacyEncoding : undefined;
  return v === 'tcvn3' || v === 'vni' || v === 'unicode' ? v : undefined;
}
