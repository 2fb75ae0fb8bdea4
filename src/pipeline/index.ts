import { createRequire } from 'node:module';
import { loadTemplate } from '../compose/index.js';
import { parseMarkup } from '../document/parse.js';
import type { Document } from '../document/types.js';
import { buildFrame, buildMeta } from '../frame/index.js';
import { loadSource, parseSource, sortProblems, validate, warningsAt } from '../load/index.js';
import type { Lang, Problem, SourceDocument } from '../load/index.js';
import { findKind, listKinds } from '../model/index.js';
import type { KindDefinition, ReportBase } from '../model/index.js';
import { faceFor, getFontFamily, measureText } from '../fonts/index.js';
import { getProfile } from '../profile/index.js';
import type { TextStyle } from '../profile/index.js';
import { renderPdf } from '../render/pdf/index.js';

/**
 * The pipeline, one stage after another: load → compose → parse → frame → render.
 * Each function here is one step a caller (CLI, library user, test) can also take alone.
 */

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
export const VERSION: string = pkg.version;
export const CREATOR = `baocao ${VERSION}`;

/** A validated report with its kind, ready to compose. */
export interface LoadedReport {
  file: string;
  kind: KindDefinition;
  report: ReportBase;
  warnings: Problem[];
}

export type LoadResult = ({ ok: true } & LoadedReport) | { ok: false; problems: Problem[] };

/** Validate parsed data against the kind it names in its `kind` field. */
export function validateSource(source: SourceDocument, lang: Lang = 'vi'): LoadResult {
  const data = source.data as Record<string, unknown>;
  const kindId = data.kind;
  const kind = typeof kindId === 'string' ? findKind(kindId) : undefined;
  if (!kind) {
    const known = listKinds().map((k) => `"${k.id}"`).join(', ');
    const pos = source.locate(['kind']);
    const message =
      kindId === undefined
        ? lang === 'vi' ? `thiếu trường "kind" cho biết loại văn bản (${known})` : `missing field "kind" naming the document kind (${known})`
        : lang === 'vi' ? `loại văn bản "${String(kindId)}" không có; các loại có sẵn: ${known}` : `unknown document kind "${String(kindId)}"; available: ${known}`;
    return {
      ok: false,
      problems: [{ file: source.file, ...pos, path: ['kind'], code: kindId === undefined ? 'missing' : 'enum', message, severity: 'error' }],
    };
  }
  const result = validate(source, kind.schema, lang);
  if (!result.ok) return { ok: false, problems: result.problems };
  const report = result.value as ReportBase;
  const warnings = [...result.warnings, ...warningsAt(source, kind.consistency?.(report) ?? [], lang)];
  return { ok: true, file: source.file, kind, report, warnings };
}

/** Read, parse and validate a data file. Never throws for bad data: problems come back instead. */
export async function loadReport(file: string, lang: Lang = 'vi'): Promise<LoadResult> {
  const parsed = await loadSource(file, lang);
  if (!parsed.source) return { ok: false, problems: parsed.problems };
  const result = validateSource(parsed.source, lang);
  if (!result.ok) return { ok: false, problems: sortProblems([...parsed.problems, ...result.problems]) };
  return { ...result, warnings: sortProblems([...parsed.problems, ...result.warnings]) };
}

/** Same as loadReport for data already in memory (text of a YAML or JSON file). */
export function loadReportText(text: string, file: string, lang: Lang = 'vi'): LoadResult {
  const parsed = parseSource(text, file, lang);
  if (!parsed.source) return { ok: false, problems: parsed.problems };
  const result = validateSource(parsed.source, lang);
  if (!result.ok) return { ok: false, problems: sortProblems([...parsed.problems, ...result.problems]) };
  return { ...result, warnings: sortProblems([...parsed.problems, ...result.warnings]) };
}

/** compose + parse + frame: the validated report → the Document tree. */
export function buildDocument(kind: KindDefinition, report: ReportBase, profileId = kind.profile): Document {
  const profile = getProfile(profileId);
  const family = getFontFamily(profile.fontFamily);
  const template = loadTemplate(kind.template);
  const markup = template.render(report);
  const measure = (text: string, s: TextStyle) => measureText(family, faceFor(s.bold, s.italic), text, s.size);
  return {
    frame: buildFrame(kind, report.frame, profile, measure),
    body: parseMarkup(markup, template.file),
    meta: buildMeta(kind, report),
  };
}

export type Format = 'pdf';
export const FORMATS: readonly Format[] = ['pdf'];

/** Render a Document to the bytes of one format with the kind's profile (or another by id). */
export async function renderDocument(doc: Document, format: Format, profileId: string): Promise<Buffer> {
  const profile = getProfile(profileId);
  switch (format) {
    case 'pdf':
      return renderPdf(doc, profile, { creator: CREATOR });
  }
}

/** ASCII-safe, meaningful output name: "2020-12-09_BC-UBND_qp-an-2020". */
export function outputStem(kind: KindDefinition, report: ReportBase): string {
  const f = report.frame;
  const parts = [f.date ?? 'du-thao', f.number ? `${String(f.number).padStart(2, '0')}-${f.symbol}` : f.symbol, kind.fileStem(report)];
  return asciiSafe(parts.join('_'));
}

/** Strip Vietnamese diacritics (đ → d) and anything outside [A-Za-z0-9._-]. */
export function asciiSafe(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}
