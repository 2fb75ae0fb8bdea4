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
import type { Inline } from '../../document/types.js';
import { getFontFamily } from '../../fonts/index.js';
import { subsetFamily } from '../../fonts/subset.js';
import type { LaidBlock, LaidParagraph, LaidRule, LaidSection, LaidTable, Layout, RunStyle } from '../../layout/index.js';
import { signAreaParagraph, stampParagraphs } from './electronic.js';
import { docxFontName, finishPackage } from './package.js';
import { exchangeMetadata } from '../exchange.js';
import { halfPt, paragraphProperties, runStyle, same, SINGLE_LINE, STYLE_ID, styleDefinition, twips } from './styles.js';
import type { Styles } from './styles.js';

/**
 * render/docx: the resolved layout → DOCX bytes through the docx package. A serialiser: every
 * length comes from the layout; names follow docx's classes and the OOXML elements they write.
 * What stays here is how Word expresses the layout: spacing above a table is an empty paragraph
 * (tables have none), a rule is a paragraph border, a section ending in a table needs a paragraph.
 */

export interface DocxOptions {
  /** Tool name and version, written as the application and last modifier. */
  creator: string;
}


type Element = Paragraph | Table;

/** Render to DOCX bytes: the same input gives the same bytes. */
export async function renderDocx(layout: Layout, options: DocxOptions): Promise<Buffer> {
  const family = getFontFamily(layout.font.family);
  const faces = await subsetFamily(family);
  const meta = layout.meta;
  const name = docxFontName(family.name);
  const document = new DocxDocument({
    title: meta.title,
    subject: meta.subject,
    creator: meta.author,
    keywords: meta.keywords.join(', '),
    description: meta.subject,
    lastModifiedBy: options.creator,
    revision: 1,
    // Faces go in subset; package.ts rewrites their keys and obfuscation deterministically.
    fonts: [{ name, data: faces.regular, bold: faces.bold, italic: faces.italic, boldItalic: faces.boldItalic }],
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: name, hAnsi: name, cs: name, eastAsia: name },
            size: halfPt(layout.font.defaultSize),
            sizeComplexScript: halfPt(layout.font.defaultSize),
            language: { value: meta.language, eastAsia: meta.language, bidirectional: meta.language },
            // Kerning from 1 pt up, as the PDF is measured and drawn (fontkit applies Tinos's kerning
            // pairs): without it a line that fits by a fraction of a point in the PDF lost its last
            // word in LibreOffice (and in Word, whose default is no kerning).
            kern: 2,
          },
          // Explicit single line rule: LibreOffice clips capital diacritics without one.
          paragraph: { spacing: { before: 0, after: 0, line: SINGLE_LINE, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: layout.styles.map(styleDefinition),
    },
    sections: layout.sections.map((s) => section(s, new Map(layout.styles.map((st) => [st.id, st])))),
  });
  const parts = compiledParts(document) ?? (await Packer.toBuffer(document));
  const exchange = exchangeMetadata(layout);
  return finishPackage(parts, { family: family.name, faces, meta, application: options.creator, ...(exchange ? { exchange } : {}) });
}

/**
 * The parts docx would zip, from the compiler Packer itself uses (what Packer.toBuffer does before
 * zipping): the package is finished and zipped once, in package.ts, instead of being zipped by
 * docx, unzipped and zipped again. Not public in docx's types: if a version lacks it, Packer zips.
 */
function compiledParts(document: DocxDocument): Map<string, string | ArrayBufferView | ArrayBuffer> | undefined {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: DocxDocument, prettify: undefined, overrides: []) => unknown } }).compiler;
  if (typeof compiler?.compile !== 'function') return undefined;
  const parts = compiler.compile(document, undefined, []);
  return parts instanceof Map ? (parts as Map<string, string | ArrayBufferView | ArrayBuffer>) : undefined;
}

/** Page set-up, page-number headers and content of a section. */
function section(s: LaidSection, styles: Styles): ISectionOptions {
  const m = s.page.margin;
  const children = blocks(s.blocks, styles);
  // A section that ends in a table needs a paragraph to carry its properties; docx would add a
  // full-height one, which could spill onto a page of its own: a 1 pt one instead.
  if (children.length === 0 || children[children.length - 1] instanceof Table) children.push(new Paragraph(spacer(1)));
  return {
    properties: {
      page: {
        // docx swaps width and height itself for a landscape section.
        size: { width: twips(s.page.sheet.width), height: twips(s.page.sheet.height), ...(s.page.orientation === 'landscape' ? { orientation: PageOrientation.LANDSCAPE } : {}) },
        margin: { top: twips(m.top), bottom: twips(m.bottom), left: twips(m.left), right: twips(m.right), header: twips(s.page.headerDistance), footer: twips(s.page.headerDistance), gutter: 0 },
        ...(s.pageNumbers.restart ? { pageNumbers: { start: 1 } } : {}),
      },
      // The first page takes the (empty) first-page header: no number on it.
      titlePage: !s.pageNumbers.onFirstPage,
    },
    headers: {
      default: new Header({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...runStyle(s.pageNumbers.style), children: [PageNumber.CURRENT] })] })],
      }),
      ...(s.pageNumbers.onFirstPage ? {} : { first: new Header({ children: s.stamp ? stampParagraphs(s.stamp) : [new Paragraph({})] }) }),
    },
    children,
  };
}

/** Blocks in order; an explicit page break goes on the paragraph after it, or stands alone before a table. */
function blocks(list: LaidBlock[], styles: Styles): Element[] {
  const out: Element[] = [];
  let pageBreak = false;
  const flat = list.flatMap((b) => (b.type === 'group' ? b.blocks : [b]));
  for (const b of flat) {
    if (b.type === 'pagebreak') {
      if (pageBreak) out.push(new Paragraph({ children: [new PageBreak()] }));
      pageBreak = true;
      continue;
    }
    if (b.type === 'paragraph' || b.type === 'rule') {
      const options = b.type === 'paragraph' ? paragraph(b, styles) : rule(b);
      out.push(new Paragraph(pageBreak ? { ...options, pageBreakBefore: true } : options));
    } else if (b.type === 'table') {
      if (pageBreak) out.push(new Paragraph({ children: [new PageBreak()] }));
      // Word tables have no spacing. Above a borderless table that follows a paragraph, the space
      // goes into its first row's paragraphs (the paragraph's keepNext then reaches the row);
      // otherwise an empty paragraph of that height carries it.
      const intoCells = b.borderWidth === 0 && out[out.length - 1] instanceof Paragraph;
      if (b.spaceBefore > 0 && !intoCells) out.push(new Paragraph(spacer(b.spaceBefore)));
      out.push(table(b, intoCells ? b.spaceBefore : 0, styles));
    }
    pageBreak = false;
  }
  if (pageBreak) out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}




/**
 * A paragraph in its named style: only what differs from the style is written on it. What the
 * paragraph's own properties leave out (a zero indent, no spacing) Word takes from the style, so a
 * property the style sets and the paragraph does not is written back to its neutral value: a
 * centred "Phần" line would otherwise take the body's first-line indent and 6 pt above.
 */
function paragraph(p: LaidParagraph, styles: Styles): IParagraphOptions {
  const named = p.paragraphStyle ? styles.get(p.paragraphStyle) : undefined;
  const inherited: Record<string, unknown> = named ? paragraphProperties(named.paragraph) : {};
  const stated = paragraphProperties(p);
  const undo = neutral(inherited);
  // w:ind's attributes are inherited one by one: an own left indent still takes the style's first line.
  const own: Record<string, unknown> = { ...undo, ...stated, ...(undo.indent && stated.indent ? { indent: { ...undo.indent, ...stated.indent } } : {}) };
  const props = Object.fromEntries(Object.entries(own).filter(([k, v]) => !same(v, inherited[k])));
  const base = named && same(p.style, named.paragraph.style) ? {} : runStyle(p.style);
  return {
    ...(named ? { style: STYLE_ID[named.id] } : {}),
    ...props,
    // An empty paragraph's mark carries the style, so its line is as tall as its text would be.
    ...(p.runs.length === 0 ? { run: base } : {}),
    children: runs(p.runs, base),
  };
}

/** The values that undo what a style sets: no indent, no spacing at a single line, not kept with the next. */
function neutral(style: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (style.indent) out.indent = Object.fromEntries(Object.keys(style.indent).map((k) => [k, 0]));
  if (style.spacing) out.spacing = { before: 0, after: 0, line: SINGLE_LINE, lineRule: LineRuleType.AUTO };
  if (style.keepNext) out.keepNext = false;
  return out;
}

/** Inline content as runs over the paragraph's base style. */
function runs(content: Inline[], base: IRunOptions): TextRun[] {
  return content.map((c) =>
    c.type === 'break'
      ? new TextRun({ ...base, break: 1 })
      : new TextRun({ ...base, text: c.text, ...(c.bold ? { bold: true } : {}), ...(c.italic ? { italics: true } : {}), ...(c.underline ? { underline: {} } : {}) }),
  );
}

/**
 * A rule: an empty paragraph whose top border is the rule, narrowed by equal indents to its
 * length. Its spacing before is the gap under the text; its exact line height is the space left
 * below the rule. Word and LibreOffice both draw a paragraph border between the indents; the rule
 * moves with the text when a clerk edits, and no floating shape is needed.
 */
function rule(r: LaidRule): IParagraphOptions {
  const side = twips((r.boxWidth - r.length) / 2);
  return {
    indent: { left: side, right: side },
    spacing: { before: twips(r.gap), after: 0, line: Math.max(1, twips(r.spaceAfter)), lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(r.thickness * 8)), space: 0, color: '000000' } },
    // A tiny paragraph mark, so the exact height is not fighting a 14 pt mark.
    run: { size: 2 },
    children: [],
  };
}

/** An empty paragraph exactly `pt` tall. */
function spacer(pt: number): IParagraphOptions {
  return { spacing: { before: 0, after: 0, line: Math.max(1, twips(pt)), lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] };
}

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

function table(t: LaidTable, firstRowSpaceBefore: number, styles: Styles): Table {
  const frame = t.role === 'frame';
  const border = { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(t.borderWidth * 8)), color: '000000' };
  const pad = twips(t.padding);
  // Word's cell text runs between the margins, borders drawn over them; the PDF's between the
  // padding and a border of its own (a grid column = text + 2 × padding + one border). Half the
  // border more on each side gives the DOCX the PDF's text width, so a cell wraps the same words.
  const side = twips(t.padding + t.borderWidth / 2);
  const widths = t.gridColumns.map(twips);
  const rows = t.rows.map(
    (row, r) =>
      new TableRow({
        ...(row.header ? { tableHeader: true } : {}),
        ...(row.cantSplit ? { cantSplit: true } : {}),
        children: row.cells.map(
          (c) =>
            new TableCell({
              width: { size: twips(c.width), type: WidthType.DXA },
              ...(frame ? { margins: NO_MARGINS } : { verticalAlign: c.verticalAlign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP }),
              ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
              ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
              children: c.blocks.map((b, i) => {
                const extra = r === 0 && i === 0 && firstRowSpaceBefore > 0 && b.type === 'paragraph' ? { spaceBefore: b.spaceBefore + firstRowSpaceBefore } : {};
                return new Paragraph(b.type === 'paragraph' ? paragraph({ ...b, ...extra }, styles) : b.type === 'rule' ? rule(b) : signAreaParagraph(b));
              }),
            }),
        ),
      }),
  );
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    ...(t.indent ? { indent: { size: twips(t.indent), type: WidthType.DXA } } : {}),
    layout: TableLayoutType.FIXED,
    ...(frame
      ? { borders: TableBorders.NONE, margins: NO_MARGINS }
      : { margins: { top: pad, bottom: pad, left: side, right: side }, borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border } }),
  });
}
