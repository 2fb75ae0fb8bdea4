/**
 * The Document tree: the only contract between compose and render.
 *
 * Plain data like mdast: every node has a `type`, nested nodes are always `children`, blocks carry
 * the template position they came from (see ./walk.ts for the one walker). Every string is NFC and
 * already in its final form (upper case, numbers formatted, dates written out): later stages only
 * lay text out; they never format it. A new output format is a new walk over this tree.
 */

/**
 * Where a node came from: the template file (relative to the kinds folder, e.g. "qp-an/body.hbs")
 * and the line of the tag that made it. Later errors point back here.
 */
export interface Position {
  file: string;
  line: number;
}

/** A run of text with one style. `text` never contains a newline; line breaks are `LineBreak`s. */
export interface TextRun {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** A forced line break inside a paragraph (`<br>`). */
export interface LineBreak {
  type: 'break';
}

/** Inline content of a paragraph, heading, list item or table cell. */
export type Inline = TextRun | LineBreak;

/** Horizontal alignment of a block. */
export type Align = 'justify' | 'left' | 'center' | 'right';

/**
 * A heading of the report structure (NĐ 30/2020, PL I, Phần I, mục II.6: Mục, khoản, điểm).
 * level 1 = Mục "I. TITLE" (caps, bold); level 2 = Khoản "1. Title" (bold);
 * level 3 = Điểm "a) Title". `number` is the label the parser computed ("I.", "2.", "đ)"), or ''.
 */
export interface Heading {
  type: 'heading';
  level: 1 | 2 | 3;
  number: string;
  children: Inline[];
  position?: Position;
}

/**
 * A Phần above the Mục headings (NĐ 30/2020, PL I, Phần I, mục II.6): the label ("Phần I", "Phần thứ
 * nhất", "PHẦN THỨ NHẤT") on its own line, the title in caps on the next.
 */
export interface Part {
  type: 'part';
  label: string;
  children: Inline[];
  position?: Position;
}

/** A body paragraph. `indent` false suppresses the first-line indent (e.g. a centred line). */
export interface Paragraph {
  type: 'paragraph';
  children: Inline[];
  align: Align;
  indent: boolean;
  position?: Position;
}

/** A list as Vietnamese reports write them: each item is a paragraph opening with "- " or "+ ". */
export interface List {
  type: 'list';
  marker: '-' | '+';
  children: ListItem[];
  position?: Position;
}

/** One list item: its own text, then any nested lists (a "+" list under a "-" item). */
export interface ListItem {
  type: 'listItem';
  children: (Inline | List)[];
  position?: Position;
}

/** A table cell. Spans follow HTML: a spanned-over position has no cell of its own. */
export interface TableCell {
  type: 'tableCell';
  children: Inline[];
  colSpan: number;
  rowSpan: number;
  align: Align;
  header: boolean;
}

/** A table row; its children are only the cells that start in this row. */
export interface TableRow {
  type: 'tableRow';
  children: TableCell[];
}

/**
 * A table. `headerRows` rows at the top repeat on every page. `columns` is the column count after
 * spans are resolved; `widths` (optional, relative weights) come from the template's `widths`.
 */
export interface Table {
  type: 'table';
  columns: number;
  widths?: number[];
  headerRows: number;
  children: TableRow[];
  position?: Position;
}

/** An explicit page break. */
export interface PageBreak {
  type: 'pagebreak';
  position?: Position;
}

/** Body content. */
export type Block = Part | Heading | Paragraph | List | Table | PageBreak;

/** One line of the signature block, e.g. { text: 'TM. ỦY BAN NHÂN DÂN', bold: true }. */
export interface SignatureLine {
  text: string;
  bold: boolean;
}

/**
 * What Decree 30 fixes around the body (the "ô số" of Appendix I), already worded and formatted.
 * Built from the Report's metadata by the frame builder, laid out by a profile.
 */
export interface Frame {
  /** ô 2: parent agency lines (caps, regular); empty for a top-level agency. */
  parentAgency: string[];
  /** ô 2: issuing agency lines (caps, bold); a renderer may still wrap a line that is too long. */
  issuingAgency: string[];
  /** ô 2: a text mark under the agency instead of the rule ("*" in Party documents); absent: the rule. */
  agencyMark?: string;
  /** ô 1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". */
  nationalTitle: string;
  /** ô 1: "Độc lập - Tự do - Hạnh phúc"; empty when the title has none (Party documents). */
  motto: string;
  /** ô 3: "Số: 05/BC-UBND", or with a blank number in a draft. */
  numberLine: string;
  /** ô 4: "Nghi Sơn, ngày 09 tháng 12 năm 2020". */
  placeDate: string;
  /** ô 5a: the type name in caps, e.g. "BÁO CÁO". */
  typeName: string;
  /** ô 5a: the summary (trích yếu); may contain line breaks chosen by the author. */
  summary: string[];
  /** ô 5a: a text mark under the summary instead of the rule ("-----" in Party documents); absent: the rule. */
  summaryMark?: string;
  /** ô 9a: "Kính gửi" recipients as given; empty when the document has none. */
  addressees: string[];
  /**
   * ô 9a as printed: one recipient on the label's line ("Kính gửi: X"), several under it, each
   * "- X;" and the last "- Y." (NĐ 30/2020, PL I, Phần I, mục II.9); `item` lines sit at the item indent.
   */
  addresseeLines: { text: string; item: boolean }[];
  /** ô 7a/7b: authority and position lines, top to bottom. */
  signatureLines: SignatureLine[];
  /** ô 7b: signer's full name; empty string leaves the line blank in a draft. */
  signerName: string;
  /** ô 9b: the "Nơi nhận:" label. */
  recipientsLabel: string;
  /** ô 9b: recipient lines, each already with its leading "- " and trailing ";" or ".". */
  recipients: string[];
}

/**
 * What the document is, as data rather than printed lines: the e-mail draft, the file metadata and
 * the exchange fields read these and never re-parse a printed string such as "Số: 05/BC-UBND".
 */
export interface DocumentFacts {
  /** Whose conventions worded the frame: Decree 30 (state) or HD 36 (Party). */
  conventions: 'state' | 'party';
  /** The type name in sentence case: "Báo cáo", "Chỉ thị". */
  typeName: string;
  /** The number, or null while the document is a draft. */
  number: number | null;
  /** The symbol as the data gives it: "BC-UBND", "CT-TU". */
  symbol: string;
  /** Number and symbol as the conventions write them: "05/BC-UBND", "12-CT/TU"; "/BC-UBND" in a draft. */
  numberSymbol: string;
  /** The date of issue (YYYY-MM-DD), or null for an undated draft. */
  date: string | null;
  place: string;
  issuingAgency: string;
  summary: string;
  signer: { position: string; name: string | null };
  /** Exchange and archive metadata (Decree 30 Appendix VI), when the data gives any of it. */
  exchange?: ExchangeFacts;
}

/** The exchange fields the data gave (src/model/frame.ts); absent ones are left out. */
export interface ExchangeFacts {
  agencyCode?: string;
  priority?: string;
  copies?: number;
  dueDate?: string;
  recipientCodes?: string[];
  language?: string;
}

/** Document properties written into the file (PDF info, DOCX core properties). */
export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  language: string;
  /** Fixed creation date, so the same input gives the same bytes. */
  creationDate: Date;
  /**
   * Whether the document has a date of its own (its signing date, SOURCE_DATE_EPOCH or a date the
   * caller gave). An undated draft has none: the writers leave the creation and modification
   * dates out of the PDF and the DOCX rather than invent one (the bytes still repeat).
   */
  dated: boolean;
}

/**
 * An appendix (Phụ lục; NĐ 30/2020, PL I, Phần I, mục III), laid out after the signature: it opens a new page, its
 * page numbers restart at 1 (none on its first page), and it has its own heading numbering.
 */
export interface Appendix {
  type: 'appendix';
  /** "Phụ lục" when the document has one appendix, "Phụ lục I", "Phụ lục II" … when it has more. */
  label: string;
  /** The title in caps, one entry per line (the author's breaks, long lines balanced by the frame builder). */
  title: string[];
  /** "(Kèm theo Báo cáo số 05/BC-UBND ngày 09 tháng 12 năm 2020" / "của Ủy ban nhân dân thị xã Nghi Sơn)", in lines. */
  attribution: string[];
  /** Landscape is A4 turned on its side, for wide tables. */
  orientation: 'portrait' | 'landscape';
  /** The appendix's content: any body blocks. */
  children: Block[];
  position?: Position;
}

/** The whole document: frame + body (its children) + appendices (empty when none) + metadata. */
export interface Document {
  type: 'document';
  frame: Frame;
  facts: DocumentFacts;
  children: Block[];
  appendices: Appendix[];
  meta: DocumentMeta;
}
