// pdfmake, required only after pdfkit's unused encryption libraries were deferred (./lazy-deps.ts).
import { pdfmake } from './lazy-deps.js';
import { getFontFamily, type FontFamily } from '../../fonts/index.js';
import type { LaidBlock, LaidCell, LaidParagraph, LaidRule, LaidSection, LaidTable, Layout, RunStyle } from '../../layout/index.js';
import { finishArchive, type PdfA, type PdfKitDocument, type PdfSource } from './archive.js';
import { exchangeMetadata } from '../exchange.js';
import { AreaRecorder, signAreaNode, stampNode, type SignArea } from './electronic.js';
import { warmFont } from './font-cache.js';
import { keepWordsPageBreaks, type PageBreakNode, type PageBreakQueries } from './page-breaks.js';
import { breakLongTokens, runs } from './text.js';

export type { PdfA, PdfSource } from './archive.js';
export { PDFA_LEVELS, sourceDescription, parseSourceDescription } from './archive.js';

/**
 * render/pdf: the resolved layout → PDF bytes through pdfmake. A serialiser: every length comes
 * from the layout; names follow pdfmake's document definition (content, stack, table, canvas …).
 * What stays here is how pdfmake is told to break as Word does (keepWordsPageBreaks, runs).
 */

// pdfmake ships no types for its Node entry; the definition is plain data.
type Node = Record<string, unknown>;

export interface PdfOptions {
  /** Producer/creator string written into the PDF info. */
  creator: string;
  /** PDF/A level: 3b (default: archive copy with its source data), 2b (no attachments), none. */
  pdfa?: PdfA;
  /**
   * The data file the document was rendered from, embedded as an associated file (PDF/A-3
   * AFRelationship /Source) so the archive copy can be audited or rendered again. Not embedded in
   * PDF/A-2b, which allows only PDF/A files as attachments.
   */
  source?: PdfSource;
  onSignAreas?: (areas: SignArea[]) => void; // --electronic: where the signature areas were drawn, after layout
}

const registeredFamilies = new Map<string, FontFamily>();

/** Put the family's four faces into pdfmake's virtual file system, again whenever the registry's family changes. */
function registerFonts(family: FontFamily): void {
  if (registeredFamilies.get(family.name) === family) return;
  const vfsName = (face: string) => `${family.name}-${face}.ttf`;
  for (const [face, loaded] of Object.entries(family.faces)) {
    pdfmake.virtualfs.writeFileSync(vfsName(face), loaded.bytes);
    // Every document reuses the face the registry parsed, instead of parsing the file again.
    warmFont(pdfmake.virtualfs.readFileSync(vfsName(face)), loaded.font);
  }
  pdfmake.addFonts({
    [family.name]: { normal: vfsName('regular'), bold: vfsName('bold'), italics: vfsName('italic'), bolditalics: vfsName('boldItalic') },
  });
  // Nothing in a document may reach the network or the disk: fonts come from the vfs only.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  registeredFamilies.set(family.name, family);
}

/** Per-document state of the walk: pdfmake hands pageBreakBefore copies, so nodes are found by their runs array. */
export interface Walk {
  singleLineFactor: number;
  /** Top-level paragraphs by their `text` array. */
  paragraphs: WeakMap<object, Node>;
  /** Paragraphs that follow an explicit page break. */
  afterHardBreak: WeakSet<Node>;
  /** Paragraphs under widow and orphan control. */
  widowControl: WeakSet<Node>;
  /** Layout passes counted by the main header, so appendix headers know when pages are laid out anew. */
  pass: number;
  areas: AreaRecorder; // signature areas and stamp of an electronic document (./electronic.ts)
}

/** Build the pdfmake document definition (exported for tests and benchmarks). */
export function pdfDefinition(layout: Layout, options: PdfOptions, areas = new AreaRecorder(layout.sections[0]!.page)): Node {
  const walk: Walk = { singleLineFactor: layout.font.singleLineFactor, paragraphs: new WeakMap(), afterHardBreak: new WeakSet(), widowControl: new WeakSet(), pass: 0, areas };
  const [main, ...appendices] = layout.sections;
  if (!main) throw new Error('internal: a layout without sections');
  return {
    ...pageSetup(main),
    language: layout.meta.language,
    // 1.7 in every mode: pdfkit writes no XMP packet for 1.3. PDF/A conformance is claimed at the
    // "b" levels only (tagged: true would write an empty structure tree).
    version: '1.7',
    ...((options.pdfa ?? '3b') === 'none' ? {} : { subset: `PDF/A-${options.pdfa ?? '3b'}` }),
    info: {
      title: layout.meta.title,
      author: layout.meta.author,
      subject: layout.meta.subject,
      keywords: layout.meta.keywords.join(', '),
      creator: options.creator,
      producer: options.creator,
      // Given even for an undated draft: pdfkit derives the file ID from it (renderPdf then drops it).
      creationDate: layout.meta.creationDate,
      modDate: layout.meta.creationDate,
    },
    defaultStyle: { font: layout.font.family, fontSize: layout.font.defaultSize, lineHeight: layout.font.defaultLineSpacing * layout.font.singleLineFactor },
    header: (currentPage: number) => {
      // pdfmake lays the headers out page by page from page 1 after each layout pass.
      if (currentPage === 1) walk.pass++;
      return (currentPage === 1 ? stampNode(main, areas, walk.singleLineFactor) : null) ?? pageNumber(currentPage, main);
    },
    pageBreakBefore: (node: PageBreakNode, nodes: PageBreakQueries) => keepWordsPageBreaks(node, nodes, walk),
    content: [...blocks(main.blocks, walk), ...appendices.map((s) => appendixSection(s, walk))],
  };
}

function pageSetup(s: LaidSection): Node {
  const m = s.page.margin;
  return {
    pageSize: { width: s.page.sheet.width, height: s.page.sheet.height },
    pageOrientation: s.page.orientation,
    pageMargins: [m.left, m.top, m.right, m.bottom],
  };
}

/** The page number centred in the top margin (of the turned page too), or none on a first page. */
function pageNumber(n: number, s: LaidSection): Node | null {
  if (n === 1 && !s.pageNumbers.onFirstPage) return null;
  return { text: String(n), alignment: 'center', ...style(s.pageNumbers.style), margin: [s.page.margin.left, s.page.headerDistance, s.page.margin.right, 0] };
}

/**
 * An appendix as a pdfmake section: it opens a new page in its own orientation, and its header
 * numbers its pages from 1. pdfmake gives a header only the absolute page number, but it lays the
 * headers out in page order after each layout pass (and lays the document out again when
 * pageBreakBefore moves a break), so the first page this section's header is asked for in a pass
 * is the appendix's first page.
 */
function appendixSection(s: LaidSection, walk: Walk): Node {
  let pass = -1;
  let first = 0;
  return {
    section: blocks(s.blocks, walk),
    ...pageSetup(s),
    header: (currentPage: number) => {
      if (pass !== walk.pass) {
        pass = walk.pass;
        first = currentPage;
      }
      return pageNumber(s.pageNumbers.restart ? currentPage - first + 1 : currentPage, s);
    },
  };
}

/** Blocks of a section or group; an explicit break becomes pdfmake's break after an empty line. */
function blocks(list: LaidBlock[], walk: Walk): Node[] {
  const out: Node[] = [];
  let afterBreak = false;
  for (const b of list) {
    if (b.type === 'pagebreak') {
      out.push({ text: '', pageBreak: 'after' });
      afterBreak = true;
      continue;
    }
    const node = block(b, walk);
    if (afterBreak) walk.afterHardBreak.add(node);
    out.push(node);
    afterBreak = false;
  }
  return out;
}

function block(b: Exclude<LaidBlock, { type: 'pagebreak' }>, walk: Walk): Node {
  switch (b.type) {
    case 'paragraph': {
      const node = paragraph(b, walk);
      if (typeof node.text === 'object') walk.paragraphs.set(node.text as object, node);
      if (b.widowControl) walk.widowControl.add(node);
      return node;
    }
    case 'rule':
      return rule(b);
    case 'table':
      return table(b, walk);
    case 'group':
      return { stack: blocks(b.blocks, walk), ...(b.keepTogether ? { unbreakable: true } : {}) };
  }
}

function style(s: RunStyle): Node {
  return { fontSize: s.size, bold: s.bold, italics: s.italic, ...(s.underline ? { decoration: 'underline' } : {}) };
}

function paragraph(p: LaidParagraph, walk: Walk): Node {
  const plain = p.runs.length === 1 && p.runs[0]!.type === 'text' && !p.keepTokens;
  return {
    text: plain ? breakLongTokens((p.runs[0] as { text: string }).text) : runs(p.runs, p.keepTokens),
    ...style(p.style),
    alignment: p.align,
    leadingIndent: p.indent.firstLine,
    margin: [p.indent.left, p.spaceBefore, p.indent.right, p.spaceAfter],
    lineHeight: p.lineSpacing * walk.singleLineFactor,
    ...(p.headingLevel ? { headlineLevel: p.headingLevel } : {}),
  };
}

/** A centred rule: a canvas line `gap` below the text above it. */
function rule(r: LaidRule): Node {
  const x1 = (r.boxWidth - r.length) / 2;
  return {
    canvas: [{ type: 'line', x1, y1: r.gap, x2: x1 + r.length, y2: r.gap, lineWidth: r.thickness }],
    ...(r.spaceAfter ? { margin: [0, 0, 0, r.spaceAfter] } : {}),
  };
}

function cell(c: LaidCell, walk: Walk): Node {
  const [only, ...more] = c.blocks;
  const spans = {
    ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
    ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
  };
  // pdfmake's own verticalAlignment misplaces rowspan cells: the layout's offset centres instead.
  if (only?.type === 'paragraph' && more.length === 0) return { ...paragraph({ ...only, spaceBefore: only.spaceBefore + c.centreOffset }, walk), ...spans };
  return { stack: c.blocks.map((b) => (b.type === 'paragraph' ? paragraph(b, walk) : b.type === 'rule' ? rule(b) : signAreaNode(b, walk.areas))), ...spans };
}

function table(t: LaidTable, walk: Walk): Node {
  // pdfmake wants a full grid: positions covered by a span hold an empty placeholder.
  const body = t.rows.map((row) => {
    const cells: Node[] = [];
    for (const c of row.cells) cells[c.column] = cell(c, walk);
    for (const c of row.covered) cells[c] = {};
    return cells;
  });
  const cantSplit = t.rows.length > 0 && t.rows.every((r) => r.cantSplit);
  return {
    table: { headerRows: t.rows.filter((r) => r.header).length, widths: t.columns, body, ...(cantSplit ? { dontBreakRows: true } : {}) },
    layout: t.role === 'frame' ? 'noBorders0' : gridLayout(t),
    ...(t.keepTogether ? { unbreakable: true } : {}),
    margin: [t.indent, t.spaceBefore, 0, 0],
  };
}

function gridLayout(t: LaidTable): Node {
  return {
    hLineWidth: () => t.borderWidth,
    vLineWidth: () => t.borderWidth,
    paddingLeft: () => t.padding,
    paddingRight: () => t.padding,
    paddingTop: () => t.padding,
    paddingBottom: () => t.padding,
  };
}

/** Render to PDF bytes. */
export async function renderPdf(layout: Layout, options: PdfOptions): Promise<Buffer> {
  registerFonts(getFontFamily(layout.font.family));
  const areas = new AreaRecorder(layout.sections[0]!.page), definition = pdfDefinition(layout, options, areas);
  // getStream() gives pdfkit's document after layout, before end(): the moment to attach the
  // source data and to write our own XMP packet.
  const output = pdfmake.createPdf(definition) as unknown as { getStream(): Promise<PdfKitDocument> };
  const kit = await output.getStream();
  // An undated draft states no date; the file ID was drawn from the fixed placeholder.
  if (!layout.meta.dated) {
    delete kit.info.CreationDate;
    delete kit.info.ModDate;
  }
  const exchange = exchangeMetadata(layout);
  finishArchive(kit, { pdfa: options.pdfa ?? '3b', language: layout.meta.language, ...(options.source ? { source: options.source } : {}), ...(exchange ? { exchange } : {}) });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    kit.on('data', (c: Buffer) => chunks.push(c));
    kit.on('end', () => resolve(Buffer.concat(chunks)));
    kit.on('error', reject);
    kit.end();
  }).then(async (bytes) => { options.onSignAreas?.(await areas.areas(bytes)); return bytes; });
}

// A borderless layout with no cell padding: frame tables position text exactly.
pdfmake.addTableLayouts({
  noBorders0: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => 0,
  },
});
