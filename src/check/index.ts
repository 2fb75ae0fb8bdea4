import { readFile } from 'node:fs/promises';
import type { Lang } from '../messages/types.js';
import { getProfile, profileIds } from '../profile/index.js';
import { foldTone } from './limits.js';
import { NotDocxError, readDocx } from './docx.js';
import type { ReadDocument } from './model.js';
import { readPdfDocument } from './pdf.js';
import { fixDocx } from './fix.js';
import { runChecks } from './rules.js';
import type { Finding, Located } from './rules.js';

/**
 * `baocao check`: read a DOCX (or PDF) made by hand, and say what deviates from Decree 30 (or,
 * for a Party document, HD 36): one finding per fault, with the decree's section and the place.
 */

export type { Finding, Located, Severity, Where } from './rules.js';
export type { ReadDocument, Para, Run, Section } from './model.js';
export { readDocx, NotDocxError } from './docx.js';
export { readPdfDocument } from './pdf.js';
export { FIXABLE } from './fix.js';

export interface CheckOptions {
  /** Layout profile: nd30 or dang; by default dang when the header says "ĐẢNG CỘNG SẢN VIỆT NAM". */
  profile?: string;
  lang?: Lang;
  /** Name used in messages. */
  name?: string;
}

export interface CheckReport {
  file: string;
  format: 'docx' | 'pdf';
  profile: string;
  findings: Finding[];
  /** The elements the checker recognised, with the text read there (what it checked). */
  located: Located;
  errors: number;
  notices: number;
}

/** Why a file could not be checked: it is not a DOCX or PDF, or it is damaged. */
export class CheckInputError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-docx' | 'broken-docx' | 'broken-pdf',
  ) {
    super(message);
  }
}

export function isPdfBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** Check a DOCX or PDF given as bytes. Throws CheckInputError when it is neither, or damaged. */
export async function checkBytes(bytes: Uint8Array, options: CheckOptions = {}): Promise<CheckReport> {
  const lang = options.lang ?? 'vi';
  const file = options.name ?? 'văn bản';
  let doc: ReadDocument;
  if (isPdfBytes(bytes)) {
    try {
      doc = await readPdfDocument(bytes);
    } catch (e) {
      throw new CheckInputError((e as Error).message, 'broken-pdf');
    }
  } else {
    const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
    if (!zip) throw new CheckInputError('not a DOCX or PDF', 'not-docx');
    try {
      doc = readDocx(bytes);
    } catch (e) {
      // A zip without a Word document (an XLSX, an ODT) is not a DOCX; a zip that fails to open is a damaged one.
      throw new CheckInputError((e as Error).message, e instanceof NotDocxError && e.message === 'no word/document.xml' ? 'not-docx' : 'broken-docx');
    }
  }
  if (options.profile !== undefined && !profileIds().includes(options.profile)) throw new RangeError(`unknown profile ${options.profile}`);
  const profileId = options.profile ?? detectProfile(doc);
  const { findings, located } = runChecks({ doc, profile: getProfile(profileId), lang });
  return {
    file,
    format: doc.format,
    profile: profileId,
    findings,
    located,
    errors: findings.filter((f) => f.severity === 'error').length,
    notices: findings.filter((f) => f.severity === 'notice').length,
  };
}

/**
 * A corrected copy of a DOCX for its mechanical faults (margins, body size, indent, spacing, the
 * date's padding), with the report it was made from; the words are not touched.
 */
export async function fixBytes(bytes: Uint8Array, options: CheckOptions = {}): Promise<{ report: CheckReport; fixed: Finding[]; bytes: Uint8Array }> {
  const report = await checkBytes(bytes, options);
  if (report.format !== 'docx') return { report, fixed: [], bytes };
  const doc = readDocx(bytes);
  const out = fixDocx(bytes, doc, report.findings, getProfile(report.profile));
  return { report, fixed: out.fixed, bytes: out.bytes };
}

/** Check a file on disk (DOCX or PDF, told apart by their first bytes). */
export async function checkFile(path: string, options: Omit<CheckOptions, 'name'> = {}): Promise<CheckReport> {
  return checkBytes(await readFile(path), { ...options, name: path });
}

/** A Party document names itself at the top: "ĐẢNG CỘNG SẢN VIỆT NAM" (HD 36). */
export function detectProfile(doc: ReadDocument): 'nd30' | 'dang' {
  const top = doc.paras.slice(0, 20).filter((p) => p.page === undefined || p.page === 1);
  return top.some((p) => foldTone(p.text.replace(/\s+/g, ' ').trim()).toUpperCase() === 'ĐẢNG CỘNG SẢN VIỆT NAM') ? 'dang' : 'nd30';
}
