/**
 * What the checker reads from a file: the same shape for DOCX (from the XML, effective formatting
 * resolved) and PDF (from pdf.js text items), so one set of rules serves both.
 * Lengths in millimetres, font sizes and spacing in points.
 */

export interface Run {
  text: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** The font family as named in the file ("Times New Roman", "Tinos", ".VnTime"). */
  font: string;
  /** w:caps: shown in capitals whatever the letters typed. */
  caps: boolean;
  /** Superscript or subscript (w:vertAlign): drawn smaller than its size. */
  script?: boolean;
  /** A colour other than black or automatic ("2E74B5"). DOCX only. */
  color?: string;
}

export type Align = 'left' | 'center' | 'right' | 'both';

export interface Para {
  /** 1-based number in reading order (DOCX: every paragraph of the body, table cells included; PDF: line on its page). */
  n: number;
  /** The text as stored (not normalised), automatic list numbers included. */
  text: string;
  runs: Run[];
  align: Align;
  /** First-line indent (negative: hanging), left and right indents (mm). DOCX only. */
  firstLine?: number;
  indentLeft?: number;
  indentRight?: number;
  /** Space before and after (pt). DOCX only. */
  spaceBefore?: number;
  spaceAfter?: number;
  /** Line spacing: a multiple of single ("auto"), or points (exact / at least). DOCX only. */
  line?: { rule: 'auto' | 'exact' | 'atLeast'; value: number };
  /** A rule drawn with this paragraph: a border, a drawn line shape, or a run of typed underscores. */
  rule?: { where: 'top' | 'bottom' | 'self'; length?: number; drawn?: boolean; typed?: Run };
  /** In a table cell: the table (0-based order in the document), row and column. */
  cell?: { table: number; row: number; col: number };
  /** Width available to the paragraph's lines (mm): the cell, or the section's text width. */
  width: number;
  section: number;
  /** DOCX: where the w:p element lies in word/document.xml (string offsets, end inclusive). */
  src?: { start: number; end: number };
  /** PDF: page (1-based), left x and baseline y from the top-left corner (mm), right end. */
  page?: number;
  x?: number;
  y?: number;
  right?: number;
}

export interface HeaderPart {
  text: string;
  hasPageField: boolean;
  align?: Align;
  size?: number;
}

export interface Section {
  /** Page size (mm) as set, and orientation. */
  width: number;
  height: number;
  landscape: boolean;
  margin: { top: number; bottom: number; left: number; right: number };
  /** Headers and footers that apply (DOCX), each kind inherited from earlier sections as Word does. */
  header: { default?: HeaderPart; first?: HeaderPart; even?: HeaderPart };
  footer: { default?: HeaderPart; first?: HeaderPart; even?: HeaderPart };
  titlePg: boolean;
  /** Page numbering restarts at this number (w:pgNumType w:start). */
  pageStart?: number;
  /** First paragraph number of the section. */
  firstPara: number;
  /** DOCX: where its w:pgMar element lies in word/document.xml. */
  marginSrc?: { start: number; end: number };
}

export interface TableInfo {
  index: number;
  rows: number;
  cols: number;
  /** Paragraph numbers of the first and last paragraph inside. */
  firstPara: number;
  lastPara: number;
  bordered: boolean;
}

export interface FontInfo {
  name: string;
  embedded: boolean;
}

export interface ReadDocument {
  format: 'docx' | 'pdf';
  paras: Para[];
  sections: Section[];
  tables: TableInfo[];
  /** PDF: every font used, and whether its program is embedded. */
  fonts?: FontInfo[];
  /** Number of pages when known (PDF; DOCX when the writer recorded it). */
  pages?: number;
}
