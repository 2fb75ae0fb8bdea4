import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  Header,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IParagraphOptions, IRunOptions, ISectionOptions } from 'docx';
import type { Align, Appendix, Block, Document, Frame, Inline, List, Table as TableBlock } from '../../document/types.js';
import { faceFor, getFontFamily, measureText } from '../../fonts/index.js';
import type { FontFamily } from '../../fonts/index.js';
import { subsetFamily } from '../../fonts/subset.js';
import type { Profile, RuleStyle, TextStyle } from '../../profile/index.js';
import { finishPackage } from './package.js';

/**
 * render/docx: Document + profile → DOCX bytes through the docx package. Names follow docx's
 * classes and the OOXML elements they write (w:p, w:tbl, w:pBdr …). Every length comes from the
 * profile; the walk mirrors render/pdf so both lay the same tree out the same way.
 */

export interface DocxOptions {
  /** Tool name and version, written as the application and last modifier. */
  creator: string;
}

/** Twentieths of a point (twips) from millimetres and from points. */
const twipsMm = (mm: number): number => Math.round((mm * 1440) / 25.4);
const twipsPt = (pt: number): number => Math.round(pt * 20);
/** w:sz is in half-points. */
const halfPt = (pt: number): number => Math.round(pt * 2);
/** Word's "single" line in w:spacing/@w:line with lineRule auto. */
const SINGLE_LINE = 240;

interface Ctx {
  profile: Profile;
  family: FontFamily;
  /** Width of the text area in twips. */
  textWidth: number;
}

type Spec = { paragraph: IParagraphOptions } | { table: Table };

/** Render to DOCX bytes: the same input gives the same bytes. */
export async function renderDocx(doc: Document, profile: Profile, options: DocxOptions): Promise<Buffer> {
  const family = getFontFamily(profile.fontFamily);
  const faces = await subsetFamily(family);
  const p = profile;
  const ctx: Ctx = { profile: p, family, textWidth: twipsMm(p.page.width - p.page.margin.left - p.page.margin.right) };

  const document = new DocxDocument({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    keywords: doc.meta.keywords.join(', '),
    description: doc.meta.subject,
    lastModifiedBy: options.creator,
    revision: 1,
    // Faces go in subset; package.ts rewrites their keys and obfuscation deterministically.
    fonts: [{ name: family.name, data: faces.regular, bold: faces.bold, italic: faces.italic, boldItalic: faces.boldItalic }],
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: family.name, hAnsi: family.name, cs: family.name, eastAsia: family.name },
            size: halfPt(p.body.size),
            sizeComplexScript: halfPt(p.body.size),
            language: { value: doc.meta.language, eastAsia: doc.meta.language, bidirectional: doc.meta.language },
          },
          // Explicit single line rule: LibreOffice clips capital diacritics without one.
          paragraph: { spacing: { before: 0, after: 0, line: SINGLE_LINE, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        ...pageSection(ctx, 'portrait'),
        children: [
          headerBlock(doc.frame, ctx),
          ...titleBlock(doc.frame, ctx),
          ...addresseesBlock(doc.frame, ctx),
          ...bodyWithSignature(doc, ctx),
          // A section ending in a table gets a full-height paragraph from docx to carry its sectPr,
          // which could spill onto a page of its own; end it with a 1 pt one instead.
          ...(doc.appendices.length > 0 ? [new Paragraph(spacer(1))] : []),
        ],
      },
      ...doc.appendices.map((a) => appendixSection(a, p, family)),
    ],
  });

  const bytes = await Packer.toBuffer(document);
  return finishPackage(bytes, { family: family.name, faces, meta: doc.meta, application: options.creator });
}

/** Page set-up and page-number headers of a section; landscape is A4 turned with the same margins. */
function pageSection(ctx: Ctx, orientation: Appendix['orientation'], restart = false): Omit<ISectionOptions, 'children'> {
  const p = ctx.profile;
  return {
    properties: {
      page: {
        // docx swaps width and height itself for a landscape section.
        size: {
          width: twipsMm(p.page.width),
          height: twipsMm(p.page.height),
          ...(orientation === 'landscape' ? { orientation: PageOrientation.LANDSCAPE } : {}),
        },
        margin: {
          top: twipsMm(p.page.margin.top),
          bottom: twipsMm(p.page.margin.bottom),
          left: twipsMm(p.page.margin.left),
          right: twipsMm(p.page.margin.right),
          header: twipsMm(p.page.headerDistance),
          footer: twipsMm(p.page.headerDistance),
          gutter: 0,
        },
        // An appendix numbers its pages from 1 (Decree 30 §11).
        ...(restart ? { pageNumbers: { start: 1 } } : {}),
      },
      // The first page takes the (empty) first-page header: no number on page 1 (Decree 30, App. I §11).
      titlePage: !p.pageNumber.showOnFirstPage,
    },
    headers: {
      default: pageNumberHeader(ctx),
      ...(p.pageNumber.showOnFirstPage ? {} : { first: new Header({ children: [new Paragraph({})] }) }),
    },
  };
}

/** An appendix: a section of its own (new page, own orientation, page numbers from 1). */
function appendixSection(a: Appendix, profile: Profile, family: FontFamily): ISectionOptions {
  const landscape = a.orientation === 'landscape';
  const width = landscape ? profile.page.height : profile.page.width;
  const ctx: Ctx = { profile, family, textWidth: twipsMm(width - profile.page.margin.left - profile.page.margin.right) };
  return {
    ...pageSection(ctx, a.orientation, true),
    children: [...appendixFrame(a, ctx), ...bodyElements(a.body, ctx).out],
  };
}

/**
 * Decree 30 §10.1 lines over an appendix, in the profile's title styles (as the PDF): the label as
 * the type name, the title as the summary, the attribution as the place-date, the summary's rule.
 */
function appendixFrame(a: Appendix, ctx: Ctx): Paragraph[] {
  const t = ctx.profile.title;
  const attribution = ctx.profile.header.placeDate;
  return [
    frameLine(a.label, t.typeName, { keepNext: true }),
    ...a.title.map((l) => frameLine(l, t.summary, { keepNext: true })),
    ...a.attribution.map((l) => frameLine(l, attribution, { keepNext: true })),
    rule(widest(a.attribution, attribution, ctx), ctx.textWidth, t.summaryRule, t.spaceAfter),
  ];
}

function pageNumberHeader(ctx: Ctx): Header {
  const s = ctx.profile.pageNumber;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ ...runStyle(s), children: [PageNumber.CURRENT] })],
      }),
    ],
  });
}

function runStyle(s: TextStyle): IRunOptions {
  return { size: halfPt(s.size), bold: s.bold, italics: s.italic, ...(s.underline ? { underline: {} } : {}) };
}

const ALIGN = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const satisfies Record<Align, string>;

/** A centred frame line at Word's single spacing (the PDF stacks frame lines the same way). */
function frameLine(text: string, s: TextStyle, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, ...runStyle(s) })],
    ...extra,
  });
}

/**
 * A rule under a text line: an empty paragraph whose top border is the rule, narrowed by equal
 * left/right indents to the measured length. Its spacing before is the gap under the text; its
 * exact line height is the room the PDF leaves below the rule (`below`, pt). Word and LibreOffice
 * both draw a paragraph border between the indents, below the spacing before; the rule moves
 * with the text when a clerk edits, and no floating shape is needed (Word and LibreOffice anchor
 * shapes in table cells differently). Only the rule's spacing before is non-zero, so it does not
 * matter whether an application adds or collapses adjacent before/after spacing.
 */
function rule(textWidthPt: number, boxWidth: number, r: RuleStyle, below = 0): Paragraph {
  const length = Math.min(twipsPt(textWidthPt), boxWidth) * r.fractionOfText;
  const side = Math.round((boxWidth - length) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: twipsPt(r.gap), after: 0, line: Math.max(1, twipsPt(below)), lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(r.thickness * 8)), space: 0, color: '000000' } },
    // A tiny paragraph mark, so the exact height is not fighting a 14 pt mark.
    run: { size: 2 },
    children: [],
  });
}

function widest(lines: string[], s: TextStyle, ctx: Ctx): number {
  return Math.max(0, ...lines.map((l) => measureText(ctx.family, faceFor(s.bold, s.italic), l, s.size)));
}

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

/** A borderless table with zero cell margins: frame tables position text exactly. */
function frameTable(widths: number[], rows: TableRow[], indent: number): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    indent: { size: indent, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: NO_MARGINS,
  });
}

function frameCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, margins: NO_MARGINS, children });
}

/** Agency block and national title (row 1), number and place-date (row 2). */
function headerBlock(f: Frame, ctx: Ctx): Table {
  const h = ctx.profile.header;
  const [leftW, rightW] = h.columns.map(twipsMm) as [number, number];
  const left = [
    ...f.parentAgency.map((l) => frameLine(l, h.parentAgency)),
    ...f.issuingAgency.map((l) => frameLine(l, h.issuingAgency)),
    h.agencyMark.type === 'star'
      ? frameLine(f.agencyMark ?? '', h.agencyMark.style)
      : rule(widest(f.issuingAgency, h.issuingAgency, ctx), leftW, h.agencyRule),
  ];
  // The rule goes under the last line of ô 1: the motto, or a title that has none (Party).
  const right = f.motto
    ? [
      frameLine(f.nationalTitle, h.nationalTitle),
      frameLine(f.motto, h.motto),
      rule(widest([f.motto], h.motto, ctx), rightW, h.mottoRule),
    ]
    : [frameLine(f.nationalTitle, h.nationalTitle), rule(widest([f.nationalTitle], h.nationalTitle, ctx), rightW, h.mottoRule)];
  const before = { spacing: { before: twipsPt(h.numberRowSpaceBefore) } };
  return frameTable(
    [leftW, rightW],
    [
      new TableRow({ children: [frameCell(leftW, left), frameCell(rightW, right)] }),
      new TableRow({
        children: [
          frameCell(leftW, [frameLine(f.numberLine, h.number, before)]),
          frameCell(rightW, [frameLine(f.placeDate, h.placeDate, before)]),
        ],
      }),
    ],
    twipsMm(h.offset),
  );
}

/** Type name, summary lines and the rule under them. */
function titleBlock(f: Frame, ctx: Ctx): Paragraph[] {
  const t = ctx.profile.title;
  return [
    frameLine(f.typeName, t.typeName, { spacing: { before: twipsPt(t.spaceBefore) }, keepNext: true }),
    ...f.summary.map((l) => frameLine(l, t.summary, { keepNext: true })),
    t.summaryMark.type === 'dashes'
      ? frameLine(f.summaryMark ?? '', t.summaryMark.style, { spacing: { after: twipsPt(t.spaceAfter) }, keepNext: true })
      : rule(widest(f.summary, t.summary, ctx), ctx.textWidth, t.summaryRule, t.spaceAfter),
  ];
}

function bodySpacing(ctx: Ctx): IParagraphOptions['spacing'] {
  const b = ctx.profile.body;
  return {
    before: twipsPt(b.spaceBefore),
    after: twipsPt(b.spaceAfter),
    line: Math.round(SINGLE_LINE * b.lineSpacing),
    lineRule: LineRuleType.AUTO,
  };
}

function addresseesBlock(f: Frame, ctx: Ctx): Paragraph[] {
  if (f.addressees.length === 0) return [];
  const a = ctx.profile.addressees;
  const spacing = { ...bodySpacing(ctx), before: 0, after: 0 };
  const line = (text: string, indent: number) =>
    new Paragraph({
      indent: { left: twipsMm(indent) },
      spacing,
      children: [new TextRun({ text, ...runStyle(a.style) })],
    });
  const lines = f.addresseeLines.map((l) => line(l.text, l.item ? a.itemIndent : a.labelIndent));
  // The PDF's space under a one-line "Kính gửi" comes on top of the body's space before.
  return lines.length === 1 ? [...lines, new Paragraph(spacer(ctx.profile.body.spaceBefore))] : lines;
}

/** Inline content as runs; `base` is the block's style (a heading's bold, a cell's size). */
function runs(content: Inline[], base: IRunOptions = {}): TextRun[] {
  return content.map((c) =>
    c.type === 'break'
      ? new TextRun({ ...base, break: 1 })
      : new TextRun({
          ...base,
          text: c.text,
          ...(c.bold ? { bold: true } : {}),
          ...(c.italic ? { italics: true } : {}),
          ...(c.underline ? { underline: {} } : {}),
        }),
  );
}

function bodyParagraph(children: TextRun[], ctx: Ctx, extra: Partial<IParagraphOptions> = {}): Spec {
  return {
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: twipsMm(ctx.profile.body.firstLineIndent) },
      spacing: bodySpacing(ctx),
      children,
      ...extra,
    },
  };
}

function block(b: Block, ctx: Ctx): Spec[] | 'pagebreak' {
  const hs = ctx.profile.headings;
  switch (b.type) {
    case 'heading': {
      const s = b.level === 1 ? hs.level1 : b.level === 2 ? hs.level2 : hs.level3;
      const base = runStyle(s);
      const label = b.number ? [new TextRun({ ...base, text: `${b.number} ` })] : [];
      // Never the last line of a page: kept with what follows, as the PDF does.
      return [bodyParagraph([...label, ...runs(b.content, base)], ctx, { keepNext: true })];
    }
    case 'paragraph':
      return [
        bodyParagraph(runs(b.content), ctx, {
          alignment: ALIGN[b.align],
          ...(b.indent ? {} : { indent: { firstLine: 0 } }),
        }),
      ];
    case 'list':
      return list(b, ctx);
    case 'table':
      return [{ paragraph: spacer(ctx.profile.body.spaceBefore) }, { table: table(b, ctx) }];
    case 'pagebreak':
      return 'pagebreak';
  }
}

/** An empty paragraph exactly `pt` tall: the space a table keeps above it (tables have no spacing). */
function spacer(pt: number): IParagraphOptions {
  return {
    spacing: { before: 0, after: 0, line: Math.max(1, twipsPt(pt)), lineRule: LineRuleType.EXACT },
    run: { size: 2 },
    children: [],
  };
}

function list(l: List, ctx: Ctx): Spec[] {
  return l.items.flatMap((item) => [
    bodyParagraph([new TextRun({ text: `${l.marker} ` }), ...runs(item.content)], ctx),
    ...item.children.flatMap((child) => list(child, ctx)),
  ]);
}

function table(t: TableBlock, ctx: Ctx): Table {
  const ts = ctx.profile.table;
  const weights = t.widths ?? Array.from({ length: t.columns }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  // Same content widths as the PDF; a Word grid column also holds the cell's two margins.
  const textWidthPt = ctx.textWidth / 20;
  const content = weights.map((w) => (w / total) * (textWidthPt - 2 * ts.padding * t.columns - ts.borderWidth * (t.columns + 1)));
  const widths = content.map((w) => twipsPt(w + 2 * ts.padding + ts.borderWidth));
  const border = { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(ts.borderWidth * 8)), color: '000000' };
  const pad = twipsPt(ts.padding);
  // Column index where each cell starts, to give a spanning cell its width.
  const taken: boolean[][] = t.rows.map(() => []);
  const rows = t.rows.map((row, r) => {
    let col = 0;
    const cells = row.cells.map((cell) => {
      while (taken[r]![col]) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (taken[r + dr] ??= [])[col + dc] = true;
      const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
      col += cell.colSpan;
      const base: IRunOptions = { size: halfPt(cell.header ? ts.headerSize : ts.size), ...(cell.header ? { bold: true } : {}) };
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.TOP,
        ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
        ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
        children: [
          new Paragraph({
            alignment: ALIGN[cell.align],
            spacing: { before: 0, after: 0, line: SINGLE_LINE, lineRule: LineRuleType.AUTO },
            // The mark in the cell's size: an empty cell would otherwise be a 14 pt line and its row taller than the PDF's.
            run: base,
            children: runs(cell.content, base),
          }),
        ],
      });
    });
    return new TableRow({ children: cells, ...(r < t.headerRows ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { top: pad, bottom: pad, left: pad, right: pad },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

/**
 * Body, then the signature block. As in the PDF, the last body paragraph travels with the
 * signature (keepNext onto a row that cannot split); a trailing table is left where it is.
 */
function bodyWithSignature(doc: Document, ctx: Ctx): (Paragraph | Table)[] {
  const { specs, pageBreak } = bodySpecs(doc.body, ctx);
  const last = specs[specs.length - 1];
  if (last !== undefined && 'paragraph' in last && !pageBreak) {
    specs[specs.length - 1] = { paragraph: { ...last.paragraph, keepNext: true } };
  }
  const s = ctx.profile.signature;
  const out = specs.map(element);
  // Tables carry no spacing: after a table, the space goes in a paragraph of its own.
  const tableLast = last !== undefined && 'table' in last;
  if (tableLast) out.push(new Paragraph(spacer(s.spaceBefore)));
  return [...out, signatureBlock(doc.frame, ctx, tableLast ? 0 : twipsPt(s.spaceBefore))];
}

/** Blocks as docx elements (an appendix body: nothing follows it in its section). */
function bodyElements(blocks: Block[], ctx: Ctx): { out: (Paragraph | Table)[] } {
  const { specs } = bodySpecs(blocks, ctx);
  const out = specs.map(element);
  // Word ends a section with a paragraph: after a table, a 1 pt one (see renderDocx).
  if (specs[specs.length - 1] === undefined || 'table' in specs[specs.length - 1]!) out.push(new Paragraph(spacer(1)));
  return { out };
}

const element = (x: Spec): Paragraph | Table => ('table' in x ? x.table : new Paragraph(x.paragraph));

/** Blocks → paragraph and table specs; an explicit page break goes on the next paragraph. */
function bodySpecs(blocks: Block[], ctx: Ctx): { specs: Spec[]; pageBreak: boolean } {
  const specs: Spec[] = [];
  let pageBreak = false;
  for (const b of blocks) {
    const out = block(b, ctx);
    if (out === 'pagebreak') {
      pageBreak = true;
      continue;
    }
    const [first, ...rest] = out;
    if (pageBreak && first && 'paragraph' in first) {
      specs.push({ paragraph: { ...first.paragraph, pageBreakBefore: true } }, ...rest);
    } else {
      if (pageBreak) specs.push({ paragraph: { children: [new PageBreak()] } });
      specs.push(...out);
    }
    pageBreak = false;
  }
  if (pageBreak) specs.push({ paragraph: { children: [new PageBreak()] } });
  return { specs, pageBreak };
}

/** "Nơi nhận" (left) and the signature (right), side by side in one row that never splits. */
function signatureBlock(f: Frame, ctx: Ctx, spaceBefore: number): Table {
  const s = ctx.profile.signature;
  const [leftW, rightW] = s.columns.map(twipsMm) as [number, number];
  const left = [
    new Paragraph({ spacing: { before: spaceBefore }, children: [new TextRun({ text: f.recipientsLabel, ...runStyle(s.recipientsLabel) })] }),
    ...f.recipients.map((r) => new Paragraph({ children: [new TextRun({ text: r, ...runStyle(s.recipient) })] })),
  ];
  const right = [
    ...f.signatureLines.map((l, i) =>
      frameLine(l.text, { ...s.authority, bold: l.bold }, i === 0 ? { spacing: { before: spaceBefore } } : {}),
    ),
    frameLine(f.signerName, s.name, { spacing: { before: twipsMm(s.signatureSpace) } }),
  ];
  return frameTable([leftW, rightW], [new TableRow({ cantSplit: true, children: [frameCell(leftW, left), frameCell(rightW, right)] })], 0);
}
