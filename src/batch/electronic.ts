import path from 'node:path';
import { loadSignatureImages } from '../load/images.js';
import { parseSource } from '../load/index.js';
import type { Lang, Problem } from '../load/index.js';
import type { ElectronicLayout } from '../layout/index.js';
import type { LoadedReport } from '../pipeline/index.js';
import type { SignArea } from '../render/pdf/electronic.js';

/**
 * The electronic-document options of one job (`--electronic`, `--sign-layout`, `--appendices
 * separate`): the frame's images read and checked beside the data file, and sign.json.
 */

/** The images of `--electronic`, or the positioned problems that stop the job before anything is written. */
export async function electronicFor(input: string, loaded: LoadedReport, lang: Lang): Promise<{ electronic: ElectronicLayout } | { problems: Problem[] }> {
  const file = loaded.file;
  // Lines are found again in the data file's text: only asked for when an image is wrong.
  let locate: ((p: (string | number)[]) => { line: number; column: number }) | undefined;
  const at = (p: (string | number)[]) => {
    if (!locate) {
      const parsed = loaded.source ? parseSource(Buffer.from(loaded.source.bytes).toString('utf8'), file, lang).source : undefined;
      locate = parsed ? (q) => parsed.locate(q) : () => ({ line: 0, column: 0 });
    }
    return locate(p);
  };
  const { images, problems } = await loadSignatureImages(loaded.report.frame, path.dirname(input), file, at, lang);
  return problems.length > 0 ? { problems } : { electronic: { images } };
}

/** sign.json: the agreed exchange with `baocao sign --visible` and e-office integrations (version 1). */
export function signJson(pdfName: string, areas: SignArea[]): Buffer {
  const body = { version: 1, pdf: pdfName, areas: areas.map((a) => ({ role: a.role, page: a.page, rect: a.rect, mm: a.mm })) };
  return Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8');
}

/** A signing time given on the command line: ISO 8601 with seconds and a time zone. */
export function parseSignedAt(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
