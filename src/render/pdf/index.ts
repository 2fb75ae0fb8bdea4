import pdfmake from 'pdfmake';
import type { Appendix, Block, Document, Frame, Inline, List, Table } from '../../document/types.js';
import { faceFor, getFontFamily, measureText } from '../../fonts/index.js';
import type { FontFamily } from '../../fonts/index.js';
import type { Profile, RuleStyle, TextStyle } from '../../profile/index.js';
import { finishArchive } from './archive.js';
import type { PdfA, PdfKitDocument, PdfSource } from './archive.js';
import { warmFont } from './font-cache.js';

export type { PdfA, PdfSource } from './archive.js';
export { PDFA_LEVELS, sourceDescription, parseSourceDescription } from './archive.js';

/**
 * render/pdf: Document + profile → PDF bytes through pdfmake. Names follow pdfmake's document
 * definition (content, stack, table, canvas, margin …). Every length comes from the profile.
 */

// pdfmake ships no types for its Node entry; the definition is plain data.
type Node = Record<string, unknown>;

const PT_PER_MM = 72 / 25.4;
const mm = (v: number): number => v * PT_PER_MM;

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
}

const registeredFamilies = new Set<string>();

/** Put the family's four faces into pdfmake's virtual file system once per process. */
function registerFonts(family: FontFamily): void {
  if (registeredFamilies.has(family.name)) return;
  const vfsName = (face: string) => `${family.name}-${face}.ttf`;
  for (const [face, loaded] of Object.entries(family.faces)) {
    pdfmake.virtualfs.writeFileSync(vfsName(face), loaded.bytes);
    // Every document reuses the face the registry parsed, instead of parsing the file again.
    warmFont(pdfmake.virtualfs.readFileSync(vfsName(face)), loaded.font);
  }
  pdfmake.addFonts({
    [family.name]: {
      normal: vfsName('regular'),
      bold: vfsName('bold'),
      italics: vfsName('italic'),
      bolditalics: vfsName('boldItalic'),
    },
  });
  // Nothing in a document may reach the network or the disk: fonts come from the vfs only.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  registeredFamilies.add(family.name);
}

/** Build the pdfmake document definition (exported for tests and benchmarks). */
export function pdfDefinition(doc: Document, profile: Profile, options: PdfOptions): Node {
  const family = getFontFamily(profile.fontFamily);
  const p = profile;
  const ctx = pageCtx(p, family, 'portrait');
  const numbering: Numbering = { pass: 0 };
  const margins = [mm(p.page.margin.left), mm(p.page.margin.top), mm(p.page.margin.right), mm(p.page.margin.bottom)];

  return {
    pageSize: { width: mm(p.page.width), height: mm(p.page.height) },
    pageOrientation: 'portrait',
    pageMargins: margins,
    language: doc.meta.language,
    // 1.7 in every mode: pdfkit writes no XMP packet for 1.3. PDF/A conformance is claimed at the
    // "b" levels only (tagged: true would write an empty structure tree).
    version: '1.7',
    ...((options.pdfa ?? '3b') === 'none' ? {} : { subset: `PDF/A-${options.pdfa ?? '3b'}` }),
    info: {
      title: doc.meta.title,
      author: doc.meta.author,
      subject: doc.meta.subject,
      keywords: doc.meta.keywords.join(', '),
      creator: options.creator,
      producer: options.creator,
      creationDate: doc.meta.creationDate,
      modDate: doc.meta.creationDate,
    },
    defaultStyle: { font: family.name, fontSize: p.body.size, lineHeight: ctx.lineHeight },
    header: (currentPage: number) => {
      // pdfmake lays the headers out page by page from page 1 after each layout pass.
      if (currentPage === 1) numbering.pass++;
      return pageNumber(currentPage, p);
    },
    pageBreakBefore: keepWordsPageBreaks,
    content: [
      headerBlock(doc.frame, ctx),
      titleBlock(doc.frame, ctx),
      ...addresseesBlock(doc.frame, ctx),
      ...bodyWithSignature(doc, ctx),
      ...doc.appendices.map((a) => appendixSection(a, p, family, margins, numbering)),
    ],
  };
}

/** The layout numbers of one page orientation: landscape is A4 turned, with the same margins. */
function pageCtx(p: Profile, family: FontFamily, orientation: Appendix['orientation']): Ctx {
  const landscape = orientation === 'landscape';
  const page = { width: landscape ? p.page.height : p.page.width, height: landscape ? p.page.width : p.page.height };
  return {
    profile: p,
    family,
    page,
    textWidth: mm(page.width - p.page.margin.left - p.page.margin.right),
    lineHeight: p.body.lineSpacing * family.singleLineFactor,
  };
}

/** The page number centred in the top margin (of the turned page too), or none on a first page. */
function pageNumber(n: number, p: Profile): Node | null {
  if (n === 1 && !p.pageNumber.showOnFirstPage) return null;
  return {
    text: String(n),
    alignment: 'center',
    ...style(p.pageNumber),
    margin: [mm(p.page.margin.left), mm(p.page.headerDistance), mm(p.page.margin.right), 0],
  };
}

/** Layout passes counted by the main header, so appendix headers know when pages are laid out anew. */
interface Numbering {
  pass: number;
}

/**
 * An appendix as a pdfmake section: it opens a new page in its own orientation, and its header
 * numbers its pages from 1 (Decree 30 §11). pdfmake gives a header only the absolute page
 * number, but it lays the headers out in page order after each layout pass (and lays the document
 * out again when pageBreakBefore moves a break), so the first page this section's header is
 * asked for in a pass is the appendix's first page.
 */
function appendixSection(a: Appendix, p: Profile, family: FontFamily, margins: number[], numbering: Numbering): Node {
  const ctx = pageCtx(p, family, a.orientation);
  let pass = -1;
  let first = 0;
  const body = a.body.flatMap((b) => block(b, ctx));
  markHardBreaks(body);
  return {
    section: [appendixFrame(a, ctx), ...body],
    pageSize: { width: mm(p.page.width), height: mm(p.page.height) },
    pageOrientation: a.orientation,
    pageMargins: margins,
    header: (currentPage: number) => {
      if (pass !== numbering.pass) {
        pass = numbering.pass;
        first = currentPage;
      }
      return pageNumber(currentPage - first + 1, p);
    },
  };
}

/**
 * Decree 30 §10.1 lines over an appendix, in the profile's title styles: "Phụ lục II" as the type
 * name (14 bold), the title as the summary (bold caps), the attribution as the place-date
 * (italic), with the summary's short rule under it.
 */
function appendixFrame(a: Appendix, ctx: Ctx): Node {
  const t = ctx.profile.title;
  const attribution = ctx.profile.header.placeDate;
  return {
    stack: [
      frameLine(a.label, t.typeName, ctx),
      ...a.title.map((l) => frameLine(l, t.summary, ctx)),
      ...a.attribution.map((l) => frameLine(l, attribution, ctx)),
      rule(widest(a.attribution, attribution, ctx), ctx.textWidth, t.summaryRule),
    ],
    margin: [0, 0, 0, t.spaceAfter],
  };
}

/** Body paragraphs that follow an explicit page break keep their space before (see keepWordsPageBreaks). */
function markHardBreaks(body: Node[]): void {
  body.forEach((node, i) => {
    if (i > 0 && body[i - 1]!.pageBreak === 'after') afterHardBreak.add(node);
  });
}

/**
 * The signature never stands alone on the last page: the last body paragraph goes with it, as a
 * clerk would arrange it by hand (a table is left where it is; it may be taller than a page).
 */
function bodyWithSignature(doc: Document, ctx: Ctx): Node[] {
  const body = doc.body.flatMap((b) => block(b, ctx));
  markHardBreaks(body);
  const last = body[body.length - 1];
  const withLast = !!last && last.text !== undefined && last.pageBreak === undefined;
  // pdfmake silently drops unbreakable content taller than a page: keep the block together only
  // when it fits on one (a very long "Nơi nhận" list then flows on, as Word lets it).
  const fits = signatureHeight(doc.frame, ctx) + (withLast ? paragraphHeight(last, ctx) : 0) < pageContentHeight(ctx);
  const signature = signatureBlock(doc.frame, ctx, fits);
  if (!withLast || !fits) return [...body, signature];
  return [...body.slice(0, -1), { stack: [last, signature], unbreakable: true }];
}

/** Height of a text line as pdfmake lays it out: the font's box times the line height. */
function lineBox(ctx: Ctx, size: number, lineHeight: number): number {
  const f = ctx.family.faces.regular.font;
  return ((f.ascent - f.descent) / f.unitsPerEm) * size * lineHeight;
}

function pageContentHeight(ctx: Ctx): number {
  const m = ctx.profile.page.margin;
  return mm(ctx.page.height - m.top - m.bottom);
}

/** Lines a text takes in a column (a generous estimate: it only decides whether a block fits). */
function linesIn(text: string, width: number, s: TextStyle, ctx: Ctx): number {
  return Math.max(1, Math.ceil((measureText(ctx.family, faceFor(s.bold, s.italic), text, s.size) * 1.05) / width));
}

function signatureHeight(f: Frame, ctx: Ctx): number {
  const s = ctx.profile.signature;
  const [leftW, rightW] = s.columns.map(mm) as [number, number];
  const single = ctx.family.singleLineFactor;
  const left = lineBox(ctx, s.recipientsLabel.size, single) +
    f.recipients.reduce((h, r) => h + linesIn(r, leftW, s.recipient, ctx) * lineBox(ctx, s.recipient.size, single), 0);
  const right = f.signatureLines.reduce((h, l) => h + linesIn(l.text, rightW, s.authority, ctx) * lineBox(ctx, s.authority.size, single), 0) +
    mm(s.signatureSpace) + lineBox(ctx, s.name.size, single);
  return s.spaceBefore + Math.max(left, right);
}

function paragraphHeight(node: Node, ctx: Ctx): number {
  const text = (node.text as { text?: string }[]).map((t) => t.text ?? '').join('');
  const b = ctx.profile.body;
  return b.spaceBefore + linesIn(text, ctx.textWidth - mm(b.firstLineIndent), { size: b.size, bold: false, italic: false }, ctx) * lineBox(ctx, b.size, ctx.lineHeight);
}

/** Render to PDF bytes. */
export async function renderPdf(doc: Document, profile: Profile, options: PdfOptions): Promise<Buffer> {
  registerFonts(getFontFamily(profile.fontFamily));
  const definition = pdfDefinition(doc, profile, options);
  // getStream() gives pdfkit's document after layout, before end(): the moment to attach the
  // source data and to write our own XMP packet.
  const output = pdfmake.createPdf(definition) as unknown as { getStream(): Promise<PdfKitDocument> };
  const kit = await output.getStream();
  finishArchive(kit, { pdfa: options.pdfa ?? '3b', language: doc.meta.language, ...(options.source ? { source: options.source } : {}) });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    kit.on('data', (c: Buffer) => chunks.push(c));
    kit.on('end', () => resolve(Buffer.concat(chunks)));
    kit.on('error', reject);
    kit.end();
  });
}

/** What pdfmake tells pageBreakBefore about a node. */
interface PageBreakNode {
  headlineLevel?: number;
  text?: unknown;
  startPosition: { top: number; pageNumber: number };
}

interface PageBreakQueries {
  getFollowingNodesOnPage(): PageBreakNode[];
  getPreviousNodesOnPage(): PageBreakNode[];
}

/** Body paragraphs by their runs array (pdfmake hands pageBreakBefore a copy of the node, not the node). */
const paragraphByText = new WeakMap<object, Node>();
/** Body paragraphs that follow an explicit page break. */
const afterHardBreak = new WeakSet<Node>();

/**
 * Page breaks as Word and LibreOffice make them, so the DOCX breaks where the PDF does:
 * - a heading (or a run of headings) is never last on a page (Word's keepNext). Only nodes below
 *   it count: the page-number header is laid out after the body and also lists as on the page; a
 *   heading followed only by headings breaks too, as pdfmake asks each node once.
 * - a paragraph that opens a page after a natural break loses its space before (Word and
 *   LibreOffice drop it; after an explicit break they keep it).
 * Returning true makes pdfmake lay the document out again with a break before the node.
 */
function keepWordsPageBreaks(node: PageBreakNode, nodes: PageBreakQueries): boolean {
  const headingAlone =
    node.headlineLevel !== undefined &&
    nodes
      .getFollowingNodesOnPage()
      .filter((n) => n.startPosition.top > node.startPosition.top)
      .every((n) => n.headlineLevel !== undefined);
  const paragraph = typeof node.text === 'object' && node.text !== null ? paragraphByText.get(node.text) : undefined;
  if (!paragraph) return headingAlone;
  const page = node.startPosition.pageNumber;
  const opensPage =
    page > 1 &&
    !afterHardBreak.has(paragraph) &&
    nodes.getPreviousNodesOnPage().every((n) => n.startPosition.pageNumber === page && n.startPosition.top >= node.startPosition.top);
  const margin = paragraph.margin as [number, number, number, number];
  if ((headingAlone || opensPage) && margin[1] > 0) {
    paragraph.margin = [margin[0], 0, margin[2], margin[3]];
    return true;
  }
  return headingAlone;
}

interface Ctx {
  profile: Profile;
  family: FontFamily;
  /** The page in mm as laid out (width and height swapped for landscape). */
  page: { width: number; height: number };
  textWidth: number;
  lineHeight: number;
}

function style(s: TextStyle): Node {
  return { fontSize: s.size, bold: s.bold, italics: s.italic, ...(s.underline ? { decoration: 'underline' } : {}) };
}

/** Frame lines use Word's single spacing too, so both renderers stack them the same. */
function frameLine(text: string, s: TextStyle, ctx: Ctx, extra: Node = {}): Node {
  return { text, ...style(s), alignment: 'center', lineHeight: ctx.family.singleLineFactor, ...extra };
}

/** A centred rule under a text of the given measured width, inside a box `boxWidth` wide. */
function rule(textWidth: number, boxWidth: number, r: RuleStyle): Node {
  const length = Math.min(textWidth, boxWidth) * r.fractionOfText;
  const x1 = (boxWidth - length) / 2;
  return {
    canvas: [{ type: 'line', x1, y1: r.gap, x2: x1 + length, y2: r.gap, lineWidth: r.thickness }],
  };
}

function widest(lines: string[], s: TextStyle, ctx: Ctx): number {
  return Math.max(0, ...lines.map((l) => measureText(ctx.family, faceFor(s.bold, s.italic), l, s.size)));
}

function headerBlock(f: Frame, ctx: Ctx): Node {
  const h = ctx.profile.header;
  const [leftW, rightW] = h.columns.map(mm) as [number, number];
  const left: Node[] = [
    ...f.parentAgency.map((l) => frameLine(l, h.parentAgency, ctx)),
    ...f.issuingAgency.map((l) => frameLine(l, h.issuingAgency, ctx)),
    h.agencyMark.type === 'star'
      ? frameLine(f.agencyMark ?? '', h.agencyMark.style, ctx)
      : rule(widest(f.issuingAgency, h.issuingAgency, ctx), leftW, h.agencyRule),
  ];
  // The rule goes under the last line of ô 1: the motto, or a title that has none (Party).
  const right: Node[] = f.motto
    ? [
      frameLine(f.nationalTitle, h.nationalTitle, ctx),
      frameLine(f.motto, h.motto, ctx),
      rule(widest([f.motto], h.motto, ctx), rightW, h.mottoRule),
    ]
    : [frameLine(f.nationalTitle, h.nationalTitle, ctx), rule(widest([f.nationalTitle], h.nationalTitle, ctx), rightW, h.mottoRule)];
  return {
    table: {
      widths: [leftW, rightW],
      body: [
        [{ stack: left }, { stack: right }],
        [
          frameLine(f.numberLine, h.number, ctx, { margin: [0, h.numberRowSpaceBefore, 0, 0] }),
          frameLine(f.placeDate, h.placeDate, ctx, { margin: [0, h.numberRowSpaceBefore, 0, 0] }),
        ],
      ],
    },
    layout: 'noBorders0',
    margin: [mm(h.offset), 0, 0, 0],
  };
}

function titleBlock(f: Frame, ctx: Ctx): Node {
  const t = ctx.profile.title;
  return {
    stack: [
      frameLine(f.typeName, t.typeName, ctx),
      ...f.summary.map((l) => frameLine(l, t.summary, ctx)),
      t.summaryMark.type === 'dashes'
        ? frameLine(f.summaryMark ?? '', t.summaryMark.style, ctx)
        : rule(widest(f.summary, t.summary, ctx), ctx.textWidth, t.summaryRule),
    ],
    margin: [0, t.spaceBefore, 0, t.spaceAfter],
  };
}

function addresseesBlock(f: Frame, ctx: Ctx): Node[] {
  const a = ctx.profile.addressees;
  const base = { ...style(a.style), lineHeight: ctx.lineHeight };
  // A single "Kính gửi: X" line keeps the body's space under it.
  const after = f.addresseeLines.length === 1 ? ctx.profile.body.spaceBefore : 0;
  return f.addresseeLines.map((l) => ({ text: l.text, ...base, margin: [mm(l.item ? a.itemIndent : a.labelIndent), 0, 0, after] }));
}

/**
 * Body text for pdfmake. Words of letters, digits and ordinary punctuation go as one inline per
 * run (pdfmake breaks them at spaces, as Word does); a token with anything else in it ("15-CT/TU",
 * "PCCC/CNCH", "2017–2021") becomes its own `noWrap` inline. pdfmake would otherwise break after
 * "/" and "-" inside such tokens where Word and LibreOffice do not, and its justification would
 * add space at those breaks ("15- CT/ TU"). Fewer inlines also keep the layout fast.
 */
const plainToken = /^[\p{L}\p{M}\p{N}.,;:()“”"'‘’%\u00a0]+[ \t\n]*$/u;

function runs(content: Inline[]): Node[] {
  const out: Node[] = [];
  for (const c of content) {
    if (c.type === 'break') {
      out.push({ text: '\n' });
      continue;
    }
    const style = {
      ...(c.bold ? { bold: true } : {}),
      ...(c.italic ? { italics: true } : {}),
      ...(c.underline ? { decoration: 'underline' } : {}),
    };
    let plain = '';
    // Break at ordinary spaces only: a no-break space (U+00A0) binds its neighbours.
    for (const token of c.text.match(/[^ \t\n]+[ \t\n]*|[ \t\n]+/g) ?? []) {
      if (plainToken.test(token) || /^[ \t\n]+$/.test(token)) {
        plain += token;
        continue;
      }
      if (plain) out.push({ text: plain, ...style });
      plain = '';
      // A token longer than any line (a URL) may still break, rather than overflow the margin.
      out.push({ text: token, ...style, ...(token.length <= 40 ? { noWrap: true } : {}) });
    }
    if (plain) out.push({ text: plain, ...style });
  }
  return out;
}

function bodyParagraph(text: Node[], ctx: Ctx, extra: Node = {}): Node {
  const b = ctx.profile.body;
  const node: Node = {
    text,
    alignment: 'justify',
    leadingIndent: mm(b.firstLineIndent),
    margin: [0, b.spaceBefore, 0, b.spaceAfter],
    lineHeight: ctx.lineHeight,
    ...extra,
  };
  paragraphByText.set(text, node);
  return node;
}

function block(b: Block, ctx: Ctx): Node[] {
  const hs = ctx.profile.headings;
  switch (b.type) {
    case 'heading': {
      const s = b.level === 1 ? hs.level1 : b.level === 2 ? hs.level2 : hs.level3;
      const label = b.number ? [{ text: `${b.number} ` }] : [];
      return [bodyParagraph([...label, ...runs(b.content)], ctx, { ...style(s), headlineLevel: b.level })];
    }
    case 'paragraph':
      return [
        bodyParagraph(runs(b.content), ctx, {
          alignment: b.align,
          ...(b.indent ? {} : { leadingIndent: 0 }),
        }),
      ];
    case 'list':
      return list(b, ctx);
    case 'table':
      return [table(b, ctx)];
    case 'pagebreak':
      return [{ text: '', pageBreak: 'after' }];
  }
}

function list(l: List, ctx: Ctx): Node[] {
  return l.items.flatMap((item) => [
    bodyParagraph([{ text: `${l.marker} ` }, ...runs(item.content)], ctx),
    ...item.children.flatMap((child) => list(child, ctx)),
  ]);
}

function table(t: Table, ctx: Ctx): Node {
  const ts = ctx.profile.table;
  const weights = t.widths ?? Array.from({ length: t.columns }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * (ctx.textWidth - 2 * ts.padding * t.columns - ts.borderWidth * (t.columns + 1)));
  // pdfmake wants a full grid: positions covered by a span hold an empty placeholder.
  const grid: Node[][] = t.rows.map(() => []);
  t.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (grid[r]![col]) col++;
      grid[r]![col] = {
        text: runs(cell.content),
        alignment: cell.align,
        fontSize: cell.header ? ts.headerSize : ts.size,
        bold: cell.header,
        lineHeight: ctx.family.singleLineFactor,
        ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
        ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      };
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (dr === 0 && dc === 0) continue;
          grid[r + dr]![col + dc] = {};
        }
      }
      col += cell.colSpan;
    }
  });
  return {
    table: { headerRows: t.headerRows, widths, body: grid },
    layout: {
      hLineWidth: () => ts.borderWidth,
      vLineWidth: () => ts.borderWidth,
      paddingLeft: () => ts.padding,
      paddingRight: () => ts.padding,
      paddingTop: () => ts.padding,
      paddingBottom: () => ts.padding,
    },
    margin: [0, ctx.profile.body.spaceBefore, 0, 0],
  };
}

function signatureBlock(f: Frame, ctx: Ctx, keepTogether: boolean): Node {
  const s = ctx.profile.signature;
  const [leftW, rightW] = s.columns.map(mm) as [number, number];
  const left: Node[] = [
    { text: f.recipientsLabel, ...style(s.recipientsLabel), lineHeight: ctx.family.singleLineFactor },
    ...f.recipients.map((r) => ({ text: r, ...style(s.recipient), lineHeight: ctx.family.singleLineFactor })),
  ];
  const right: Node[] = [
    ...f.signatureLines.map((l) => frameLine(l.text, { ...s.authority, bold: l.bold }, ctx)),
    frameLine(f.signerName || ' ', s.name, ctx, { margin: [0, mm(s.signatureSpace), 0, 0] }),
  ];
  return {
    table: { widths: [leftW, rightW], body: [[{ stack: left }, { stack: right }]], dontBreakRows: keepTogether },
    layout: 'noBorders0',
    unbreakable: keepTogether,
    margin: [0, s.spaceBefore, 0, 0],
  };
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
