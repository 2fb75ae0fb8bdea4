import path from 'node:path';
import { loadSignatureImages } from '../load/images.js';
import { parseSource } from '../load/index.js';
import type { Lang, Problem } from '../load/index.js';
import type { ElectronicLayout } from '../layout/index.js';
import type { LoadedReport } from '../pipeline/index.js';
import type { SignArea } from '../render/pdf/electronic.js';
import { formatPath } from '../load/describe.js';
import { electronicMessages as m } from '../messages/electronic.js';
import { say } from '../messages/types.js';

/**
 * The electronic-document options of one job (`--electronic`, `--sign-layout`, `--appendices
 * separate`): the frame's images read and checked beside the data file, and sign.json.
 */

/** A field's line in the data file, found again in its text only when a problem is reported. */
function locator(loaded: LoadedReport, lang: Lang): (p: (string | number)[]) => { line: number; column: number } {
  let locate: ((p: (string | number)[]) => { line: number; column: number }) | undefined;
  return (p) => {
    if (!locate) {
      const parsed = loaded.source ? parseSource(Buffer.from(loaded.source.bytes).toString('utf8'), loaded.file, lang).source : undefined;
      locate = parsed ? (q) => parsed.locate(q) : () => ({ line: 0, column: 0 });
    }
    return locate(p);
  };
}

/** The images of `--electronic`, or the positioned problems that stop the job before anything is written. */
export async function electronicFor(input: string, loaded: LoadedReport, lang: Lang): Promise<{ electronic: ElectronicLayout } | { problems: Problem[] }> {
  const { images, problems } = await loadSignatureImages(loaded.report.frame, path.dirname(input), loaded.file, locator(loaded, lang), lang);
  return problems.length > 0 ? { problems } : { electronic: { images } };
}

/**
 * An appendix issued as its own file of an electronic document carries the agency's signature as
 * text, "Số: 07/BC-UBND" and the signing time (Decree 30 App. I Part II), and its "(Kèm theo …)"
 * line names the document's number and date (spec §10.1): a document without them (a draft) would
 * print blanks in both, so the job stops at the missing field instead.
 */
export function appendixFileProblems(loaded: LoadedReport, lang: Lang): Problem[] {
  const frame = loaded.report.frame;
  const at = locator(loaded, lang);
  const missing = (['number', 'date'] as const).filter((f) => frame[f] === undefined || frame[f] === null);
  return missing.map((f) => {
    const p = ['frame', f];
    // A missing field is reported at the frame, where it should be added.
    return { file: loaded.file, ...at(['frame']), path: p, code: 'missing', severity: 'error' as const, message: say(lang, m.appendixNeeds, formatPath(p), f) };
  });
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
