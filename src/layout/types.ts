/**
 * The resolved layout: the Document tree with every measurement decided, in points, from the
 * effective profile. The PDF and DOCX writers serialise this and nothing else: they hold no
 * Decree-30 number, look up no profile and do no span or width arithmetic. Plain data, like the
 * Document tree; `layoutJson` in ./index.ts prints it for the golden fixtures.
 */
import type { DocumentFacts, DocumentMeta, Inline } from '../document/types.js';

export type Align = 'justify' | 'left' | 'center' | 'right';

/** Face and size of text; `underline` only where the profile asks for it. */
export interface RunStyle {
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/**
 * A paragraph: the base style of its runs, its box and its keep rules. Line spacing is a multiple
 * of Word's "single" line for the font (1 = single); each writer turns it into its own unit.
 */
export interface LaidParagraph {
  type: 'paragraph';
  runs: Inline[];
  style: RunStyle;
  align: Align;
  /** Left and right indents of the whole paragraph, and the first line's extra indent (pt). */
  indent: { left: number; right: number; firstLine: number };
  spaceBefore: number;
  spaceAfter: number;
  lineSpacing: number;
  /** Never the last line of a page: kept with the block that follows (Word's keepNext). */
  keepWithNext: boolean;
  /**
   * Widow and orphan control: the paragraph never leaves a single line of itself at the foot or the
   * head of a page; when a break would, the whole paragraph goes to the next page (both writers).
   */
  widowControl: boolean;
  /** The named paragraph style this paragraph is (its own fields may still differ from it). */
  paragraphStyle?: ParagraphStyleId;
  /** 1–3 for the report's headings (Mục, Khoản, Điểm): outline level and keep rules hang on it. */
  headingLevel?: 1 | 2 | 3;
  /**
   * Body text: a token joined by "/" or "-" ("15-CT/TU") is never broken inside, as Word does not.
   * False for frame lines, whose breaks the frame builder has already chosen.
   */
  keepTokens: boolean;
}

/**
 * A horizontal rule under a line of text (under the agency, the motto, the summary), centred in a
 * box `boxWidth` wide, `gap` below the text above it, with `spaceAfter` left below the rule.
 */
export interface LaidRule {
  type: 'rule';
  length: number;
  boxWidth: number;
  thickness: number;
  gap: number;
  spaceAfter: number;
}

/** A table cell: where it starts in the grid, its spans, its resolved widths and its content. */
export interface LaidCell {
  column: number;
  colSpan: number;
  rowSpan: number;
  /** Outer width of the cell: the grid columns it spans, padding and borders included (pt). */
  width: number;
  verticalAlign: 'top' | 'center';
  /**
   * For a centred cell: the space above its content that centres it in the height of its row(s),
   * from the header's known lines (a writer without working vertical alignment adds it on top).
   */
  centreOffset: number;
  blocks: (LaidParagraph | LaidRule | LaidSignArea)[];
}

/** A table row; `covered` lists the grid columns of this row that a spanning cell (from the left or above) takes. */
export interface LaidRow {
  cells: LaidCell[];
  covered: number[];
  /** A header row, repeated at the top of every page the table runs onto. */
  header: boolean;
  /** The row never splits across pages. */
  cantSplit: boolean;
}

/**
 * A table. A `frame` table (header block, signature block) has no borders and no padding and
 * positions text exactly; a `grid` table is a body table with borders and cell padding.
 */
export interface LaidTable {
  type: 'table';
  role: 'frame' | 'grid';
  /** Content width of each grid column (pt), padding and borders excluded. */
  columns: number[];
  /** Outer width of each grid column (pt): content + padding on both sides + one border. */
  gridColumns: number[];
  /** Shift of the table from the left margin (pt; negative = into the margin). */
  indent: number;
  padding: number;
  borderWidth: number;
  spaceBefore: number;
  /** The whole table stays on one page when it fits. */
  keepTogether: boolean;
  rows: LaidRow[];
}

/** An explicit page break. */
export interface LaidPageBreak {
  type: 'pagebreak';
}

/**
 * Blocks laid out as one unit: the title block, an appendix's heading lines, or the last body
 * paragraph with the signature. `keepTogether` keeps the unit on one page (only when it fits).
 */
export interface LaidGroup {
  type: 'group';
  blocks: LaidBlock[];
  keepTogether: boolean;
}

export type LaidBlock = LaidParagraph | LaidRule | LaidTable | LaidPageBreak | LaidGroup;

/** Page set-up of a section (pt). The sheet is given upright; landscape turns it. */
export interface PageSetup {
  sheet: { width: number; height: number };
  orientation: 'portrait' | 'landscape';
  margin: { top: number; right: number; bottom: number; left: number };
  /** From the sheet's top edge to the page-number line. */
  headerDistance: number;
  /** Width of the text area of the page as laid out (turned for landscape). */
  textWidth: number;
  /** Height of the text area of the page as laid out. */
  textHeight: number;
}

/** A section: the main document, or an appendix on a new page with its own numbering. */
export interface LaidSection {
  page: PageSetup;
  pageNumbers: {
    style: RunStyle;
    /** Whether page 1 of the section shows its number (Decree 30: no). */
    onFirstPage: boolean;
    /** Numbering starts again at 1 (appendices). */
    restart: boolean;
  };
  blocks: LaidBlock[];
  /** An electronic appendix issued as its own file: the agency's text stamp on its page 1. */
  stamp?: LaidStamp;
}

/** The font the document is set in: the registry's family name and its single-line factor. */
export interface LaidFont {
  family: string;
  /** Word's "single" line of the font as a multiple of its size (from its ascent, descent and gap). */
  singleLineFactor: number;
  /** What text inherits unless it says otherwise: the body's size and line spacing. */
  defaultSize: number;
  defaultLineSpacing: number;
}

/** The named paragraph styles a word processor shows: body text, the three heading levels, Nơi nhận, table text. */
export type ParagraphStyleId = 'body' | 'heading1' | 'heading2' | 'heading3' | 'recipients' | 'table' | 'tableHeader';

/**
 * A named paragraph style: the name a clerk sees in the style gallery, the outline level that puts
 * the headings into the navigation pane and a table of contents (0 = top), and the paragraph the
 * style stands for (its runs empty).
 */
export interface LaidStyle {
  id: ParagraphStyleId;
  name: string;
  outlineLevel?: 0 | 1 | 2;
  paragraph: LaidParagraph;
}

/** The whole resolved layout. */
export interface Layout {
  font: LaidFont;
  styles: LaidStyle[];
  sections: LaidSection[];
  meta: DocumentMeta;
  /** The document's facts as data (number, symbol, date …), for metadata written beside the pages. */
  facts: DocumentFacts;
}

// ── Electronic document (Decree 30 Appendix I Part II; src/layout/electronic.ts) ──

/**
 * An image of the signature area, or the place reserved for one: the signer's signature (blue) or
 * the agency's seal (red, its real size). Position from the area's top-left corner (pt); the seal
 * reaches outside the area, over the title lines, as a seal on paper does.
 */
export interface LaidImage {
  role: 'signer' | 'seal';
  /** The PNG; absent when the area is only reserved for the e-office to sign into. */
  png?: Uint8Array;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** ô 7c of an electronic document: the space between the title lines and the name, with its images. */
export interface LaidSignArea {
  type: 'signArea';
  width: number;
  height: number;
  images: LaidImage[];
}

/**
 * The agency's signature on an appendix issued as a separate file: text only (number and symbol,
 * signing time), right-aligned in a box `width` wide at the right margin, `top` below the sheet's
 * top edge, on page 1 only.
 */
export interface LaidStamp {
  lines: string[];
  style: RunStyle;
  width: number;
  top: number;
  lineSpacing: number;
}
