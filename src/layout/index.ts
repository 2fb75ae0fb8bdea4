import type { Appendix, Block, Document, Frame, Inline, List, Table } from '../document/types.js';
import { faceFor, getFontFamily, measureText } from '../fonts/index.js';
import type { FontFamily } from '../fonts/index.js';
import { balanceLines, bindCompounds } from '../frame/lines.js';
import type { Profile, RuleStyle, TextStyle } from '../profile/index.js';
import type {
  LaidBlock,
  LaidCell,
  LaidGroup,
  LaidParagraph,
  LaidRow,
  LaidRule,
  LaidSection,
  LaidStyle,
  LaidTable,
  Layout,
  PageSetup,
  RunStyle,
} from './types.js';
import { appendixStamp, signAreaHeight, withSignArea } from './electronic.js';
import type { ElectronicLayout } from './electronic.js';

export type * from './types.js';
export type { ElectronicLayout, SignImage } from './electronic.js';
export { RESERVED, vietnamTime } from './electronic.js';

/**
 * layout: the Document tree + the effective profile → the resolved layout. The one place where the
 * profile's numbers meet the tree: page set-up, indents, spacing, keep rules, column widths and
 * spans, rule lengths, faces and sizes are decided here, in points, for both writers at once.
 */

const PT_PER_MM = 72 / 25.4;
const mm = (v: number): number => v * PT_PER_MM;

/** What every function here needs: the profile, the font, and the page being laid out. */
interface Ctx {
  profile: Profile;
  family: FontFamily;
  page: PageSetup;
  /** --electronic: the signature area of an electronic document (./electronic.ts). */
  electronic?: ElectronicLayout;
}

export function layoutDocument(doc: Document, profile: Profile, electronic?: ElectronicLayout): Layout {
  const family = getFontFamily(profile.fontFamily);
  const main: Ctx = { profile, family, page: pageSetup(profile, 'portrait'), ...(electronic ? { electronic } : {}) };
  const sections: LaidSection[] = [
    {
      page: main.page,
      pageNumbers: pageNumbers(profile, false),
      blocks: [
        headerBlock(doc.frame, main),
        titleBlock(doc.frame, main),
        ...addresseesBlock(doc.frame, main),
        ...bodyWithSignature(doc, main),
      ],
    },
    ...doc.appendices.map((a) => appendixSection(a, profile, family)),
  ];
  return {
    font: { family: family.name, singleLineFactor: family.singleLineFactor, defaultSize: profile.body.size, defaultLineSpacing: profile.body.lineSpacing },
    styles: paragraphStyles(main),
    sections,
    meta: doc.meta,
    facts: doc.facts,
  };
}

/** The layout as JSON with numbers rounded to 1/1000 pt: the golden fixtures' readable form. */
export function layoutJson(layout: Layout): string {
  return JSON.stringify(layout, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v), 2);
}

/** A4 (or the profile's sheet) in one orientation: landscape is the sheet turned, same margins. */
function pageSetup(p: Profile, orientation: 'portrait' | 'landscape'): PageSetup {
  const landscape = orientation === 'landscape';
  const width = landscape ? p.page.height : p.page.width;
  const height = landscape ? p.page.width : p.page.height;
  const m = p.page.margin;
  return {
    sheet: { width: mm(p.page.width), height: mm(p.page.height) },
    orientation,
    margin: { top: mm(m.top), right: mm(m.right), bottom: mm(m.bottom), left: mm(m.left) },
    headerDistance: mm(p.page.headerDistance),
    textWidth: mm(width - m.left - m.right),
    textHeight: mm(height - m.top - m.bottom),
  };
}

/** Page numbers: top centre, none on a section's first page (Decree 30 §11); appendices restart. */
function pageNumbers(p: Profile, restart: boolean): LaidSection['pageNumbers'] {
  return { style: runStyle(p.pageNumber), onFirstPage: p.pageNumber.showOnFirstPage, restart };
}

function runStyle(s: TextStyle): RunStyle {
  return { size: s.size, bold: s.bold, italic: s.italic, underline: s.underline ?? false };
}

const text = (t: string): Inline[] => [{ type: 'text', text: t }];

/** A centred frame line at Word's single spacing: the frame builder already chose its breaks. */
function frameLine(t: string, s: TextStyle, extra: Partial<LaidParagraph> = {}): LaidParagraph {
  return {
    type: 'paragraph',
    runs: text(t),
    style: runStyle(s),
    align: 'center',
    indent: { left: 0, right: 0, firstLine: 0 },
    spaceBefore: 0,
    spaceAfter: 0,
    lineSpacing: 1,
    keepWithNext: false,
    widowControl: false,
    keepTokens: false,
    ...extra,
  };
}

function widest(lines: string[], s: TextStyle, ctx: Ctx): number {
  return Math.max(0, ...lines.map((l) => measureText(ctx.family, faceFor(s.bold, s.italic), l, s.size)));
}

/** A rule under text `measured` points wide, centred in a box: a fraction of the text's length. */
function rule(measured: number, boxWidth: number, r: RuleStyle, spaceAfter = 0): LaidRule {
  return { type: 'rule', length: Math.min(measured, boxWidth) * r.fractionOfText, boxWidth, thickness: r.thickness, gap: r.gap, spaceAfter };
}

/** A borderless, padless table: the header and signature blocks position text exactly. */
function frameTable(widths: number[], rows: LaidRow[], indent: number, spaceBefore = 0, keepTogether = false): LaidTable {
  return { type: 'table', role: 'frame', columns: widths, gridColumns: widths, indent, padding: 0, borderWidth: 0, spaceBefore, keepTogether, rows };
}

function frameRow(widths: number[], cells: LaidCell['blocks'][], cantSplit = false): LaidRow {
  return {
    cells: cells.map((blocks, i) => ({ column: i, colSpan: 1, rowSpan: 1, width: widths[i]!, verticalAlign: 'top', centreOffset: 0, blocks })),
    covered: [],
    header: false,
    cantSplit,
  };
}

/** Agency block and national title (row 1), number and place-date (row 2). */
function headerBlock(f: Frame, ctx: Ctx): LaidTable {
  const h = ctx.profile.header;
  const widths = h.columns.map(mm) as [number, number];
  const left = [
    ...f.parentAgency.map((l) => frameLine(l, h.parentAgency)),
    ...f.issuingAgency.map((l) => frameLine(l, h.issuingAgency)),
    h.agencyMark.type === 'star'
      ? frameLine(f.agencyMark ?? '', h.agencyMark.style)
      : rule(widest(f.issuingAgency, h.issuingAgency, ctx), widths[0], h.agencyRule),
  ];
  // The rule goes under the last line of ô 1: the motto, or a title that has none (Party).
  const right = f.motto
    ? [frameLine(f.nationalTitle, h.nationalTitle), frameLine(f.motto, h.motto), rule(widest([f.motto], h.motto, ctx), widths[1], h.mottoRule)]
    : [frameLine(f.nationalTitle, h.nationalTitle), rule(widest([f.nationalTitle], h.nationalTitle, ctx), widths[1], h.mottoRule)];
  const before = { spaceBefore: h.numberRowSpaceBefore };
  return frameTable(
    widths,
    [frameRow(widths, [left, right]), frameRow(widths, [[frameLine(f.numberLine, h.number, before)], [frameLine(f.placeDate, h.placeDate, before)]])],
    mm(h.offset),
  );
}

/** Type name, summary lines and the rule (or the Party's dashes) under them, kept with the body. */
function titleBlock(f: Frame, ctx: Ctx): LaidGroup {
  const t = ctx.profile.title;
  const keep = { keepWithNext: true };
  return group([
    frameLine(f.typeName, t.typeName, { ...keep, spaceBefore: t.spaceBefore }),
    ...f.summary.map((l) => frameLine(l, t.summary, keep)),
    t.summaryMark.type === 'dashes'
      ? frameLine(f.summaryMark ?? '', t.summaryMark.style, { ...keep, spaceAfter: t.spaceAfter })
      : rule(widest(f.summary, t.summary, ctx), ctx.page.textWidth, t.summaryRule, t.spaceAfter),
  ]);
}

function group(blocks: LaidBlock[], keepTogether = false): LaidGroup {
  return { type: 'group', blocks, keepTogether };
}

/**
 * "Kính gửi" lines at the body's line spacing; a single line keeps the body's space under it.
 * Several addressees: each dash starts where the label's colon does (or at the profile's indent).
 */
function addresseesBlock(f: Frame, ctx: Ctx): LaidParagraph[] {
  const a = ctx.profile.addressees;
  const after = f.addresseeLines.length === 1 ? ctx.profile.body.spaceBefore : 0;
  const label = f.addresseeLines.find((l) => !l.item)?.text.replace(/:.*$/su, '') ?? '';
  const itemIndent = a.itemIndent === 'colon' ? mm(a.labelIndent) + widest([label], a.style, ctx) : mm(a.itemIndent);
  return f.addresseeLines.map((l) =>
    frameLine(l.text, a.style, {
      align: 'left',
      indent: { left: l.item ? itemIndent : mm(a.labelIndent), right: 0, firstLine: 0 },
      lineSpacing: ctx.profile.body.lineSpacing,
      spaceAfter: after,
    }),
  );
}

const BODY_STYLE = (p: Profile): RunStyle => ({ size: p.body.size, bold: false, italic: false, underline: false });

function bodyParagraph(runs: Inline[], ctx: Ctx, extra: Partial<LaidParagraph> = {}): LaidParagraph {
  const b = ctx.profile.body;
  return {
    type: 'paragraph',
    runs,
    style: BODY_STYLE(ctx.profile),
    align: 'justify',
    indent: { left: 0, right: 0, firstLine: mm(b.firstLineIndent) },
    spaceBefore: b.spaceBefore,
    spaceAfter: b.spaceAfter,
    lineSpacing: b.lineSpacing,
    keepWithNext: false,
    widowControl: ctx.profile.body.widowControl,
    keepTokens: true,
    paragraphStyle: 'body',
    ...extra,
  };
}

/** A heading of level 1–3 (Mục, Khoản, Điểm): never the last line of a page, kept with what follows. */
function headingParagraph(level: 1 | 2 | 3, ctx: Ctx): LaidParagraph {
  const hs = ctx.profile.headings;
  const s = level === 1 ? hs.level1 : level === 2 ? hs.level2 : hs.level3;
  return bodyParagraph([], ctx, { style: runStyle(s), keepWithNext: true, headingLevel: level, paragraphStyle: `heading${level}` });
}

/** Text of a table cell, header or not, at Word's single line with no spacing or indent. */
function cellParagraph(runs: Inline[], header: boolean, ctx: Ctx): LaidParagraph {
  const ts = ctx.profile.table;
  return {
    ...bodyParagraph(runs, ctx),
    style: { size: header ? ts.headerSize : ts.size, bold: header, italic: false, underline: false },
    align: header ? 'center' : 'left',
    indent: { left: 0, right: 0, firstLine: 0 },
    spaceBefore: 0,
    spaceAfter: 0,
    lineSpacing: 1,
    paragraphStyle: header ? 'tableHeader' : 'table',
  };
}

/** A line of the "Nơi nhận" list. */
function recipientLine(t: string, ctx: Ctx): LaidParagraph {
  return frameLine(t, ctx.profile.signature.recipient, { align: 'left', paragraphStyle: 'recipients' });
}

/**
 * The styles the DOCX names (in Vietnamese, as a clerk calls these parts of a report); every
 * paragraph of these kinds is laid out from its style, so a clerk who edits a style edits them all.
 */
function paragraphStyles(ctx: Ctx): LaidStyle[] {
  return [
    { id: 'body', name: 'Văn bản', paragraph: bodyParagraph([], ctx) },
    { id: 'heading1', name: 'Mục (đề mục cấp 1)', outlineLevel: 0, paragraph: headingParagraph(1, ctx) },
    { id: 'heading2', name: 'Khoản (đề mục cấp 2)', outlineLevel: 1, paragraph: headingParagraph(2, ctx) },
    { id: 'heading3', name: 'Điểm (đề mục cấp 3)', outlineLevel: 2, paragraph: headingParagraph(3, ctx) },
    { id: 'recipients', name: 'Nơi nhận', paragraph: recipientLine('', ctx) },
    { id: 'table', name: 'Chữ trong bảng', paragraph: cellParagraph([], false, ctx) },
    { id: 'tableHeader', name: 'Tiêu đề cột bảng', paragraph: cellParagraph([], true, ctx) },
  ];
}

function block(b: Block, ctx: Ctx): LaidBlock[] {
  switch (b.type) {
    case 'part': {
      // Two centred lines kept with what follows; the label takes the body's space above it.
      const ps = ctx.profile.parts;
      const line = { align: 'center' as const, indent: { left: 0, right: 0, firstLine: 0 }, keepWithNext: true };
      return [
        bodyParagraph(text(b.label), ctx, { ...line, style: runStyle(ps.label), headingLevel: 1 }),
        bodyParagraph(balancedTitle(b.children, ctx.page.textWidth * 0.9, ps.title, ctx), ctx, { ...line, style: runStyle(ps.title), spaceBefore: 0, headingLevel: 1 }),
      ];
    }
    case 'heading': {
      const label: Inline[] = b.number ? text(`${b.number} `) : [];
      const p = headingParagraph(b.level, ctx);
      return [{ ...p, runs: [...label, ...wrappedHeading(b.children, b.number ? `${b.number} ` : '', p, ctx)] }];
    }
    case 'paragraph':
      return [bodyParagraph(b.children, ctx, { align: b.align, ...(b.indent ? {} : { indent: { left: 0, right: 0, firstLine: 0 } }) })];
    case 'list':
      return list(b, ctx);
    case 'table':
      return [table(b, ctx)];
    case 'pagebreak':
      return [{ type: 'pagebreak' }];
  }
}

/** Each item a paragraph opening with its marker; nested lists follow their item. */
function list(l: List, ctx: Ctx): LaidParagraph[] {
  return l.children.flatMap((item) => {
    const own = item.children.filter((c): c is Inline => c.type !== 'list');
    const nested = item.children.filter((c): c is List => c.type === 'list');
    return [bodyParagraph([...text(`${l.marker} `), ...own], ctx), ...nested.flatMap((child) => list(child, ctx))];
  });
}

/**
 * A body table: column widths from the template's weights over the text width, less padding and
 * borders; every cell placed in the grid once, with its spans and the width they cover.
 */
function table(t: Table, ctx: Ctx): LaidTable {
  const ts = ctx.profile.table;
  const weights = t.widths ?? Array.from({ length: t.columns }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const columns = weights.map((w) => (w / total) * (ctx.page.textWidth - 2 * ts.padding * t.columns - ts.borderWidth * (t.columns + 1)));
  const gridColumns = columns.map((w) => w + 2 * ts.padding + ts.borderWidth);
  const taken: boolean[][] = t.children.map(() => []);
  const rows = t.children.map((row, r): LaidRow => {
    let col = 0;
    const cells = row.children.map((cell): LaidCell => {
      while (taken[r]![col]) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (taken[r + dr] ??= [])[col + dc] = true;
      const width = gridColumns.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
      const laid: LaidCell = {
        column: col,
        colSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
        width,
        // Header cells stand in the middle of their height, as a typed table's do (a rowspan
        // cell beside a two-row group would otherwise hang at its top).
        verticalAlign: cell.header ? 'center' : 'top',
        centreOffset: 0,
        blocks: [{ ...cellParagraph(cell.header ? balancedHeader(cell.children, width - 2 * ts.padding - ts.borderWidth, ctx) : cell.children, cell.header, ctx), align: cell.align }],
      };
      col += cell.colSpan;
      return laid;
    });
    const starts = new Set(cells.map((c) => c.column));
    const covered = Array.from({ length: t.columns }, (_, c) => c).filter((c) => taken[r]![c] && !starts.has(c));
    return { cells, covered, header: r < t.headerRows, cantSplit: false };
  });
  centreHeaders(rows, ts.padding * 2 + ts.borderWidth, ctx);
  return {
    type: 'table',
    role: 'grid',
    columns,
    gridColumns,
    indent: 0,
    padding: ts.padding,
    borderWidth: ts.borderWidth,
    spaceBefore: ctx.profile.body.spaceBefore,
    keepTogether: false,
    rows,
  };
}

/**
 * Offsets that centre header cells in their rows: a header row is as tall as its tallest one-row
 * cell (its lines are known: balanced and broken here), a rowspan cell as the rows it spans.
 */
function centreHeaders(rows: LaidRow[], gutter: number, ctx: Ctx): void {
  const ts = ctx.profile.table;
  const lineH = lineBox(ctx, ts.headerSize, 1);
  const own = (c: LaidCell): number => {
    const p = c.blocks[0] as LaidParagraph;
    const t = p.runs.map((r) => (r.type === 'text' ? r.text : '\n')).join('');
    return t.split('\n').reduce((n, l) => n + linesIn(l, c.width - gutter, { size: ts.headerSize, bold: true, italic: false }, ctx, 1), 0) * lineH;
  };
  const header = rows.filter((r) => r.header);
  const heights = header.map((r) => Math.max(lineH, ...r.cells.filter((c) => c.rowSpan === 1).map(own)));
  header.forEach((row, r) => {
    for (const c of row.cells) {
      const spanned = heights.slice(r, r + c.rowSpan).reduce((a, b) => a + b, 0) + (Math.min(c.rowSpan, heights.length - r) - 1) * gutter;
      c.centreOffset = Math.max(0, (spanned - own(c)) / 2);
    }
  });
}

/**
 * Header text that wraps is broken as titles are (balanced lines, no lone syllable: "Đơn vị chủ
 * trì" stays "Đơn vị" / "chủ trì"), the breaks written into the runs so both writers keep them.
 * Plain text only; formatted or already broken runs are left to the writers.
 */
function balancedHeader(runs: Inline[], width: number, ctx: Ctx): Inline[] {
  const only = runs.length === 1 ? runs[0]! : undefined;
  if (!only || only.type !== 'text' || only.bold || only.italic || only.underline) return runs;
  const ts = ctx.profile.table;
  // A point of slack: a line that just fits here must fit in either writer's own wrapping too.
  const lines = balanceLines(only.text, width - 1, (t) => measureText(ctx.family, faceFor(true, false), t, ts.headerSize));
  return lines.flatMap((l, i): Inline[] => [...(i === 0 ? [] : [{ type: 'break' as const }]), { type: 'text', text: l }]);
}

/**
 * A heading too long for one line keeps its compounds whole ("QUỐC PHÒNG - AN" / "NINH" is
 * wrong): their spaces become no-break spaces, so both writers wrap it between words only. A
 * heading that fits is left as it is.
 */
function wrappedHeading(runs: Inline[], label: string, p: LaidParagraph, ctx: Ctx): Inline[] {
  const plain = runs.map((r) => (r.type === 'text' ? r.text : '\n')).join('');
  const width = ctx.page.textWidth - p.indent.left - p.indent.right - p.indent.firstLine;
  if (measureText(ctx.family, faceFor(p.style.bold, p.style.italic), label + plain, p.style.size) <= width) return runs;
  return runs.map((r) => (r.type === 'text' ? { ...r, text: bindCompounds(r.text) } : r));
}

/**
 * A centred title of plain text (a Phần's) broken as the summary is: balanced lines between
 * phrases, never inside a word ("XÃ / HỘI"); a <br> of the template is kept and each piece
 * balanced on its own. Formatted runs are left to the writers.
 */
function balancedTitle(runs: Inline[], width: number, s: TextStyle, ctx: Ctx): Inline[] {
  if (!runs.every((r) => r.type === 'break' || (r.type === 'text' && !r.bold && !r.italic && !r.underline))) return runs;
  const pieces = runs.map((r) => (r.type === 'text' ? r.text : '\n')).join('').split('\n');
  const lines = pieces.flatMap((p) => balanceLines(p.trim(), width, (t) => measureText(ctx.family, faceFor(s.bold, s.italic), t, s.size)));
  return lines.flatMap((l, i): Inline[] => [...(i === 0 ? [] : [{ type: 'break' as const }]), { type: 'text', text: l }]);
}

/** Body blocks with explicit page breaks; a paragraph right after one is marked for the writers. */
function bodyBlocks(blocks: Block[], ctx: Ctx): LaidBlock[] {
  return blocks.flatMap((b) => block(b, ctx));
}

/**
 * The signature never stands alone on the last page: the last body paragraph goes with it, as a
 * clerk would arrange it by hand (a table is left where it is; it may be taller than a page).
 * Kept together only when the whole fits on one page: a very long "Nơi nhận" list flows on.
 */
function bodyWithSignature(doc: Document, ctx: Ctx): LaidBlock[] {
  const body = bodyBlocks(doc.children, ctx);
  const last = body[body.length - 1];
  const withLast = last?.type === 'paragraph';
  const fits = signatureHeight(doc.frame, ctx) + (withLast ? paragraphHeight(last, ctx) : 0) < ctx.page.textHeight;
  const signature = signatureBlock(doc.frame, ctx, fits);
  if (!withLast || !fits) return [...body, signature];
  return [...body.slice(0, -1), group([{ ...last, keepWithNext: true }, signature], true)];
}

/** Height of a text line as the PDF lays it out: the font's box times the line height. */
function lineBox(ctx: Ctx, size: number, lineSpacing: number): number {
  const f = ctx.family.faces.regular.font;
  return ((f.ascent - f.descent) / f.unitsPerEm) * size * lineSpacing * ctx.family.singleLineFactor;
}

/** Lines a text takes in a column (by default a generous estimate: it only decides whether a block fits). */
function linesIn(t: string, width: number, s: TextStyle, ctx: Ctx, slack = 1.05): number {
  return Math.max(1, Math.ceil((measureText(ctx.family, faceFor(s.bold, s.italic), t, s.size) * slack) / width));
}

function signatureHeight(f: Frame, ctx: Ctx): number {
  const s = ctx.profile.signature;
  const leftW = mm(s.columns[0]);
  const left = lineBox(ctx, s.recipientsLabel.size, 1) + f.recipients.reduce((h, r) => h + linesIn(r, leftW, s.recipient, ctx) * lineBox(ctx, s.recipient.size, 1), 0);
  const { titles, space, name } = signatureColumn(f, ctx);
  return s.spaceBefore + Math.max(left, titles + space + name);
}

/**
 * The right column's heights (pt): the title lines (a generous estimate, as above), the space for
 * the signature (the electronic area's real height when `--electronic`: a tall signature or a large
 * seal makes it taller than the profile's space) and the name line.
 */
function signatureColumn(f: Frame, ctx: Ctx): { titles: number; exactTitles: number; space: number; name: number } {
  const s = ctx.profile.signature;
  const rightW = mm(s.columns[1]);
  const titles = f.signatureLines.reduce((h, l) => h + linesIn(l.text, rightW, s.authority, ctx) * lineBox(ctx, s.authority.size, 1), 0);
  const name = lineBox(ctx, s.name.size, 1);
  // The area's own estimate of the title lines is exact (linesIn without slack): it sizes the area, not a fit check.
  const exactTitles = f.signatureLines.reduce((h, l) => h + linesIn(l.text, rightW, s.authority, ctx, 1) * lineBox(ctx, s.authority.size, 1), 0);
  const space = ctx.electronic ? signAreaHeight(mm(s.signatureSpace), ctx.electronic, exactTitles, name) : mm(s.signatureSpace);
  return { titles, exactTitles, space, name };
}

function paragraphHeight(p: LaidParagraph, ctx: Ctx): number {
  const t = p.runs.map((r) => (r.type === 'text' ? r.text : '\n')).join('');
  const b = ctx.profile.body;
  return b.spaceBefore + linesIn(t, ctx.page.textWidth - mm(b.firstLineIndent), { size: b.size, bold: false, italic: false }, ctx) * lineBox(ctx, b.size, b.lineSpacing);
}

/** "Nơi nhận" (left) and the signature (right), side by side in one row. */
function signatureBlock(f: Frame, ctx: Ctx, keepTogether: boolean): LaidTable {
  const s = ctx.profile.signature;
  const widths = s.columns.map(mm) as [number, number];
  const left = [
    frameLine(f.recipientsLabel, s.recipientsLabel, { align: 'left' }),
    ...f.recipients.map((r) => recipientLine(r, ctx)),
  ];
  const right = [
    ...f.signatureLines.map((l) => frameLine(l.text, { ...s.authority, bold: l.bold })),
    // A draft leaves the name blank; the line keeps its height.
    frameLine(f.signerName || ' ', s.name, { spaceBefore: mm(s.signatureSpace) }),
  ];
  const column = signatureColumn(f, ctx);
  const signed = ctx.electronic ? withSignArea(right, widths[1], s.signatureSpace, ctx.electronic, column.exactTitles, column.name) : right;
  return frameTable(widths, [frameRow(widths, [left, signed], keepTogether)], 0, s.spaceBefore, keepTogether);
}

/**
 * One appendix issued as a file of its own (`--appendices separate`): its section alone, with the
 * agency's text stamp on page 1 when the document is electronic (`signedAt` given).
 */
export function layoutAppendixFile(doc: Document, index: number, profile: Profile, signedAt?: string): Layout {
  const family = getFontFamily(profile.fontFamily);
  const a = doc.appendices[index];
  if (!a) throw new Error(`internal: no appendix ${index}`);
  const section = appendixSection(a, profile, family);
  const stamped = signedAt === undefined ? section : { ...section, stamp: appendixStamp(doc.frame.numberLine, signedAt, section.page, family) };
  const main: Ctx = { profile, family, page: pageSetup(profile, 'portrait') };
  return {
    font: { family: family.name, singleLineFactor: family.singleLineFactor, defaultSize: profile.body.size, defaultLineSpacing: profile.body.lineSpacing },
    styles: paragraphStyles(main),
    sections: [stamped],
    meta: { ...doc.meta, title: `${a.label}: ${a.title.join(' ')}` },
    facts: doc.facts,
  };
}

/** An appendix: a section of its own (new page, own orientation, page numbers from 1). */
function appendixSection(a: Appendix, profile: Profile, family: FontFamily): LaidSection {
  const ctx: Ctx = { profile, family, page: pageSetup(profile, a.orientation) };
  return { page: ctx.page, pageNumbers: pageNumbers(profile, true), blocks: [appendixFrame(a, ctx), ...bodyBlocks(a.children, ctx)] };
}

/**
 * Decree 30 §10.1 lines over an appendix, in the profile's title styles: "Phụ lục II" as the type
 * name, the title as the summary, the attribution as the place-date, the summary's rule under it.
 */
function appendixFrame(a: Appendix, ctx: Ctx): LaidGroup {
  const t = ctx.profile.title;
  const attribution = ctx.profile.header.placeDate;
  const keep = { keepWithNext: true };
  return group([
    frameLine(a.label, t.typeName, keep),
    ...a.title.map((l) => frameLine(l, t.summary, keep)),
    ...a.attribution.map((l) => frameLine(l, attribution, keep)),
    rule(widest(a.attribution, attribution, ctx), ctx.page.textWidth, t.summaryRule, t.spaceAfter),
  ]);
}
