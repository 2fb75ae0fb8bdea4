import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractSource, isPdf } from '../archive/extract.js';
import { findInTemplate, loadTemplate } from '../compose/index.js';
import { describeChars, documentGaps, missingChars, missingGlyphs, stringLeaves } from '../fonts/coverage.js';
import { cachedCoverage } from '../fonts/cmap.js';
import { parseMarkup } from '../document/parse.js';
import { mapDocumentText } from '../document/transform.js';
import { setTonePlacement } from '../format/index.js';
import type { Document } from '../document/types.js';
import { layoutAppendixFile, layoutDocument } from '../layout/index.js';
import type { ElectronicLayout } from '../layout/index.js';
import type { SignArea } from '../render/pdf/electronic.js';
import { buildAppendix, buildFacts, buildFrame, buildMeta, frameFindings, plainFrame } from '../frame/index.js';
import { decodeUtf8, excerpt, formatPath, loadSource, parseSource, sortProblems, warningsAt } from '../load/index.js';
import { validateWithLists } from '../sheets/index.js';
import { applyPrevious } from '../load/previous.js';
import type { PreviousOption } from '../load/previous.js';
import type { Lang, Problem, SourceDocument } from '../load/index.js';
import { convertLegacyDeep, findLegacyStrings } from '../legacy/index.js';
import type { LegacyEncoding } from '../legacy/index.js';
import { findKind, listKinds } from '../model/index.js';
import type { KindDefinition, ReportBase } from '../model/index.js';
import { faceFor, familyFiles, getFontFamily, measureText } from '../fonts/index.js';
import { getProfile } from '../profile/index.js';
import type { TextStyle } from '../profile/index.js';
import type { PdfA } from '../render/pdf/archive.js';
import { InvalidDataError, TemplateKindError } from '../messages/errors.js';
import { pipelineMessages as words } from '../messages/pipeline.js';
import { say } from '../messages/types.js';
import { describeForbidden, forbiddenChars } from '../limits/chars.js';
import { limitOption, limits } from '../limits/index.js';
import { limitsMessages } from '../messages/limits.js';
import { CREATOR, VERSION } from './formats.js';
import type { Format } from './formats.js';
export { CREATOR, FORMATS, VERSION } from './formats.js';
export type { Format } from './formats.js';

/**
 * The pipeline, one stage after another: load → compose → parse → frame → render.
 * Each function here is one step a caller (CLI, library user, test) can also take alone.
 */

/** A validated report with its kind, ready to compose. */
export interface LoadedReport {
  file: string;
  kind: KindDefinition;
  report: ReportBase;
  warnings: Problem[];
  /** The data file's bytes as read (from inside the PDF for a PDF input), to embed in the PDF. */
  source?: { name: string; bytes: Uint8Array };
}

export type LoadResult = ({ ok: true } & LoadedReport) | { ok: false; problems: Problem[] };

/** How to treat text typed in a legacy Vietnamese encoding: convert it, or declare there is none. */
export type LegacyOption = LegacyEncoding | 'unicode';

export type { PreviousOption } from '../load/previous.js';

/**
 * Text pasted from old TCVN3 (.VnTime) or VNI documents: converted when the command line or the
 * file's `legacyEncoding` names the encoding, otherwise detected and refused with a hint, so a
 * garbled "Qu¶ng Ng·i" never reaches an official document.
 */
function handleLegacy(source: SourceDocument, option: LegacyOption | undefined, lang: Lang): { source: SourceDocument; problems: Problem[] } {
  const declared = (source.data as Record<string, unknown> | null)?.legacyEncoding;
  const encoding = option ?? (declared === 'tcvn3' || declared === 'vni' || declared === 'unicode' ? declared : undefined);
  if (encoding === 'tcvn3' || encoding === 'vni') return { source: { ...source, data: convertLegacyDeep(source.data, encoding) }, problems: [] };
  if (encoding === 'unicode') return { source, problems: [] };
  const names = { tcvn3: 'TCVN3 (ABC, .VnTime)', vni: 'VNI (VNI-Times)' };
  const problems = findLegacyStrings(source.data).map((f): Problem => {
    const field = formatPath(f.path);
    const message = say(lang, words.legacyText, field, names[f.encoding], f.sample, f.encoding);
    return { file: source.file, ...source.locate(f.path), path: f.path, code: 'legacy-encoding', severity: 'error', message };
  });
  return { source, problems };
}

/** Validate parsed data against the kind it names in its `kind` field. */
export function validateSource(original: SourceDocument, lang: Lang = 'vi', legacy?: LegacyOption, previous?: PreviousOption): LoadResult {
  const { source: own, problems: legacyProblems } = handleLegacy(original, legacy, lang);
  if (legacyProblems.length > 0) return { ok: false, problems: sortProblems(legacyProblems) };
  const data = own.data as Record<string, unknown>;
  const kindId = data.kind;
  const kind = typeof kindId === 'string' ? findKind(kindId) : undefined;
  if (!kind) {
    const known = listKinds().map((k) => `"${k.id}"`).join(', ');
    const pos = own.locate(['kind']);
    const message =
      kindId === undefined
        ? say(lang, words.missingKind, known)
        : say(lang, words.unknownKind, excerpt(String(kindId)), known);
    return {
      ok: false,
      problems: [{ file: own.file, ...pos, path: ['kind'], code: kindId === undefined ? 'missing' : 'enum', message, severity: 'error' }],
    };
  }
  // `previous: ../2020/x.yaml` (or --previous) fills last period's figures from that file, validated as any input.
  const prior = applyPrevious(own, kind.id, lang, (s) => validateSource(s, lang, legacy), previous);
  if (prior.problems.length > 0) return { ok: false, problems: prior.problems };
  const source = prior.source;
  const chars = dataCharProblems(source, lang);
  // Lists written as { from: sheet.xlsx } or { from-reports: xa/*.yaml } are filled in first (src/sheets).
  const { source: resolved, result } = validateWithLists(source, kind, lang, legacy);
  if (!result.ok) return { ok: false, problems: sortProblems([...chars, ...result.problems]) };
  if (chars.length > 0) return { ok: false, problems: chars };
  const glyphs = dataGlyphProblems(resolved, kind, lang);
  if (glyphs.length > 0) return { ok: false, problems: glyphs };
  const report = result.value as ReportBase;
  const frameErrors = warningsAt(resolved, frameFindings(getProfile(kind.profile), report.frame), lang).map((p) => ({ ...p, severity: 'error' as const }));
  if (frameErrors.length > 0) return { ok: false, problems: frameErrors };
  const warnings = [...prior.warnings, ...result.warnings, ...warningsAt(resolved, kind.consistency?.(report) ?? [], lang)];
  return { ok: true, file: source.file, kind, report, warnings };
}

/**
 * Read, parse and validate a data file. Never throws for bad data: problems come back instead.
 * A PDF rendered by baocao is accepted too: the data file embedded in it is read instead.
 */
export async function loadReport(file: string, lang: Lang = 'vi', legacy?: LegacyOption, previous?: PreviousOption): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    // The loader words I/O failures (missing file, a folder, no permission …) for the clerk.
    const parsed = await loadSource(file, lang);
    return { ok: false, problems: parsed.problems };
  }
  if (isPdf(file, bytes)) {
    let embedded;
    try {
      embedded = await extractSource(bytes);
    } catch (e) {
      if (!(e instanceof InvalidDataError)) throw e;
      return { ok: false, problems: [{ file, line: 0, column: 0, path: [], code: 'pdf', severity: 'error', message: e.text(lang) }] };
    }
    if (!embedded) {
      const message = say(lang, words.pdfWithoutSource);
      return { ok: false, problems: [{ file, line: 0, column: 0, path: [], code: 'no-source', severity: 'error', message }] };
    }
    return loadReportBytes(embedded.bytes, `${file} (${embedded.name})`, lang, legacy, embedded.name, previous);
  }
  return loadReportBytes(bytes, file, lang, legacy, path.basename(file), previous);
}

/** Decode, parse and validate a data file's bytes; `name` is the source's name inside a PDF. */
export function loadReportBytes(bytes: Uint8Array, file: string, lang: Lang = 'vi', legacy?: LegacyOption, name = path.basename(file), previous?: PreviousOption): LoadResult {
  if (bytes.length > limits().inputBytes) {
    const message = say(lang, limitsMessages.limitInData, '', say(lang, limitsMessages.limit_inputBytes), bytes.length, limits().inputBytes, limitOption.inputBytes);
    return { ok: false, problems: [{ file, line: 0, column: 0, path: [], code: 'limit', severity: 'error', message }] };
  }
  const decoded = decodeUtf8(bytes, file, lang);
  if ('problem' in decoded) return { ok: false, problems: [decoded.problem] };
  const result = loadReportText(decoded.text, file, lang, legacy, previous);
  return result.ok ? { ...result, source: { name, bytes } } : result;
}

/** Same as loadReport for data already in memory (text of a YAML or JSON file). */
export function loadReportText(text: string, file: string, lang: Lang = 'vi', legacy?: LegacyOption, previous?: PreviousOption): LoadResult {
  const parsed = parseSource(text, file, lang);
  if (!parsed.source) return { ok: false, problems: parsed.problems };
  const result = validateSource(parsed.source, lang, legacy, previous);
  if (!result.ok) return { ok: false, problems: sortProblems([...parsed.problems, ...result.problems]) };
  return { ...result, warnings: sortProblems([...parsed.problems, ...result.warnings]), source: { name: path.basename(file), bytes: Buffer.from(text, 'utf8') } };
}

/** Characters refused in any text of the data (NUL, direction controls), and texts beyond the paragraph limit, each at its field. */
function dataCharProblems(source: SourceDocument, lang: Lang): Problem[] {
  const problems: Problem[] = [];
  const { paragraphChars } = limits();
  for (const [path, text] of stringLeaves(source.data)) {
    if (text.length > paragraphChars) {
      const message = say(lang, limitsMessages.limitInData, formatPath(path), say(lang, limitsMessages.limit_paragraphChars), text.length, paragraphChars, limitOption.paragraphChars);
      problems.push({ file: source.file, ...source.locate(path), path, code: 'limit', severity: 'error', message });
      continue;
    }
    const chars = forbiddenChars(text);
    if (chars.length === 0) continue;
    const message = say(lang, limitsMessages.forbiddenChars, formatPath(path), describeForbidden(chars));
    problems.push({ file: source.file, ...source.locate(path), path, code: 'char', severity: 'error', message });
  }
  return problems;
}

/**
 * Characters of the data file that the kind's font cannot draw, each at its field: caught before
 * rendering, so a PDF never shows an empty box where a letter should be.
 */
function dataGlyphProblems(source: SourceDocument, kind: KindDefinition, lang: Lang): Problem[] {
  const name = getProfile(kind.profile).fontFamily;
  // The build's table of the bundled faces' characters spares parsing the fonts (src/fonts/cmap.ts).
  const files = familyFiles(name);
  const cached = files ? cachedCoverage(files) : undefined;
  const family = cached ? undefined : getFontFamily(name);
  const missing = (text: string, face: (typeof faces)[number]) => (cached ? missingChars(text, (cp) => cached(face, cp)) : missingGlyphs(text, family!, face));
  const problems: Problem[] = [];
  for (const [path, text] of stringLeaves(source.data)) {
    if (path[0] === '$schema') continue;
    const chars = [...new Set(faces.flatMap((face) => missing(text, face)))];
    if (chars.length === 0) continue;
    const field = formatPath(path);
    const message = say(lang, words.dataGlyph, field, name, describeChars(chars));
    problems.push({ file: source.file, ...source.locate(path), path, code: 'glyph', severity: 'error', message });
  }
  return problems;
}

const faces = ['regular', 'bold', 'italic', 'boldItalic'] as const;

/** A character of the composed document that its face cannot draw (from a template, a helper …). */
export class GlyphError extends TemplateKindError {}

/** compose + parse + frame: the validated report → the Document tree, checked for glyph coverage. */
export function buildDocument(kind: KindDefinition, report: ReportBase, profileId = kind.profile, lang: Lang = 'vi'): Document {
  const profile = getProfile(profileId);
  const family = getFontFamily(profile.fontFamily);
  const template = loadTemplate(kind.template);
  // The frame's own lines keep the data's forced breaks ("|"); everything else prints them as spaces.
  const plain: ReportBase = { ...report, frame: plainFrame(report.frame) };
  const markup = template.render(plain);
  const measure = (text: string, s: TextStyle) => measureText(family, faceFor(s.bold, s.italic), text, s.size);
  const { children, appendices } = parseMarkup(markup, template.file, template.sources.map((s) => s.name));
  let doc: Document = {
    type: 'document',
    frame: buildFrame(kind, report.frame, profile, measure),
    facts: buildFacts(kind, plain.frame, profile),
    children,
    appendices: appendices.map((a) => buildAppendix(a, kind, plain.frame, profile, measure)),
    meta: buildMeta(kind, plain, profile),
  };
  // One tone placement for the whole document when the file asks for one (òa/oà, ủy/uỷ).
  const tone = (report as { tonePlacement?: 'old' | 'new' }).tonePlacement;
  if (tone) doc = mapDocumentText(doc, (t) => setTonePlacement(t, tone));
  const gaps = documentGaps(doc, family);
  if (gaps.length > 0) {
    const lines = gaps.map((g) => {
      const where = findInTemplate(template, g.chars[0]!) ?? say(lang, words.inText);
      return say(lang, words.templateGlyph, where, family.name, g.face, describeChars(g.chars), g.context);
    });
    throw new GlyphError([...new Set(lines)].join('\n'));
  }
  return doc;
}


export type { PdfA } from '../render/pdf/archive.js';
export { PDFA_LEVELS } from '../render/pdf/archive.js';

/** How a Document becomes archive-ready bytes; the Document itself stays the only content. */
export interface DocumentRenderOptions {
  /** PDF/A level of the PDF: 3b (default), 2b, or none for a plain PDF. */
  pdfa?: PdfA;
  /** The data file to embed in the PDF (PDF/A-3 and plain PDF; never in PDF/A-2b). */
  source?: { name: string; bytes: Uint8Array; kind: string };
  /** Creation date written into both formats instead of the document's own date. */
  creationDate?: Date;
  /** --electronic: the signature area of ô 7c, with the frame's images (src/load/images.ts) or reserved. */
  electronic?: ElectronicLayout;
  /** --appendices separate: this appendix (0-based) alone, as its own file; `signedAt` adds the agency's text stamp. */
  appendix?: { index: number; signedAt?: string };
  /** PDF only: where the signature areas were drawn (sign.json). */
  onSignAreas?: (areas: SignArea[]) => void;
}

/** The same Document with another creation date (metadata only: the printed date is the frame's). */
export function withCreationDate(doc: Document, creationDate: Date | undefined): Document {
  return creationDate ? { ...doc, meta: { ...doc.meta, creationDate, dated: true } } : doc;
}

/** Render a Document to the bytes of one format: laid out once with the profile, then serialised. */
export async function renderDocument(doc: Document, format: Format, profileId: string, options: DocumentRenderOptions = {}): Promise<Buffer> {
  const dated = withCreationDate(doc, options.creationDate);
  const layout = options.appendix
    ? layoutAppendixFile(dated, options.appendix.index, getProfile(profileId), options.appendix.signedAt)
    : layoutDocument(dated, getProfile(profileId), options.electronic);
  // Writers load on first use: validate, kinds, init and schema never pay for pdfmake or docx.
  switch (format) {
    case 'pdf': {
      const { renderPdf } = await import('../render/pdf/index.js');
      return renderPdf(layout, {
        creator: CREATOR,
        pdfa: options.pdfa ?? '3b',
        ...(options.source ? { source: { ...options.source, version: VERSION } } : {}),
        ...(options.onSignAreas ? { onSignAreas: options.onSignAreas } : {}),
      });
    }
    case 'docx': {
      const { renderDocx } = await import('../render/docx/index.js');
      return renderDocx(layout, { creator: CREATOR });
    }
  }
}

/**
 * ASCII-safe, meaningful output name, unique per document: date, number-symbol, the issuing
 * agency's short name and the kind's own stem, e.g. "2020-12-09_BC-UBND_nghi-son_qp-an-2020".
 * The agency is there because date, number and symbol repeat across offices: forty communes'
 * undated-number drafts of one day would otherwise share one name. It is left out when the
 * kind's stem already names it (qp-an-xa's "qp-an-2021-Xa-Dong-Ha": the stem keeps the commune's case).
 */
export function outputStem(kind: KindDefinition, report: ReportBase): string {
  const f = report.frame;
  const own = asciiSafe(kind.fileStem(report));
  const agency = agencySlug(f.issuingAgency);
  const named = agency === '' || `-${own.toLowerCase()}-`.includes(`-${agency}-`);
  const parts = [f.date ?? 'du-thao', f.number ? `${String(f.number).padStart(2, '0')}-${f.symbol}` : f.symbol, ...(named ? [] : [agency]), own];
  return asciiSafe(parts.join('_'));
}

/**
 * The issuing agency's short name: "Ủy ban nhân dân thị xã Nghi Sơn" → "nghi-son". The symbol
 * (BC-UBND) already names a People's Committee, and the level word (tỉnh, huyện, xã …) adds
 * nothing to tell two agencies apart; any other organ keeps its words ("Thị ủy Nghi Sơn" →
 * "thi-uy-nghi-son", "Công an xã Đông Hà" → "cong-an-xa-dong-ha").
 */
export function agencySlug(agency: string): string {
  const words = asciiSafe(agency.replace(/\s+/g, ' ').trim()).toLowerCase();
  const m = /^(?:uy-ban-nhan-dan|ubnd)-(?:tinh|thanh-pho|thi-xa|thi-tran|huyen|quan|xa|phuong)-(.+)$/.exec(words);
  return m ? m[1]! : words;
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
