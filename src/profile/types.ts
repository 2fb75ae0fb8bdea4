/**
 * A layout profile: numbers only. Renderers read these; they never hard-code a millimetre.
 * Lengths are in millimetres, font sizes in points.
 */

/** Size and style of one frame element. */
export interface TextStyle {
  size: number;
  bold: boolean;
  italic: boolean;
  underline?: boolean;
}

/** A rule drawn under a text line. */
export interface RuleStyle {
  /** Length as a fraction of the measured text line above it (1 = as long as the text). */
  fractionOfText: number;
  /** Stroke width in points. */
  thickness: number;
  /** Gap between the text line's bottom and the rule, in points. */
  gap: number;
}

export interface Profile {
  id: string;
  /** Human name, shown in help and metadata. */
  name: string;
  page: {
    /** Portrait A4 in mm. */
    width: number;
    height: number;
    margin: { top: number; bottom: number; left: number; right: number };
    /** Distance from the page's top edge to the page-number line. */
    headerDistance: number;
  };
  /**
   * Whose conventions the frame builder words the frame by: Decree 30 for state bodies
   * ("CỘNG HÒA …" and motto, "Số: 05/BC-UBND", "TM.", "- Lưu: VT.") or HD 36-HD/VPTW for Party
   * bodies ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-CT/TU", "T/M", "- Lưu Văn phòng Thị ủy.").
   */
  conventions: 'state' | 'party';
  /** Font family key in the font registry (the four faces are looked up there). */
  fontFamily: string;
  body: {
    size: number;
    /** First-line indent of body paragraphs. */
    firstLineIndent: number;
    /** Space before each body paragraph (pt); Decree 30 asks for at least 6 pt. */
    spaceBefore: number;
    spaceAfter: number;
    /**
     * Line spacing as a multiple of Word's "single" for the font (1 = single, up to 1.5).
     * Renderers convert it to their own unit using the font's metrics.
     */
    lineSpacing: number;
    /** Widow and orphan control: no single line of a paragraph left alone at a page's foot or head. */
    widowControl: boolean;
  };
  header: {
    /** Widths of the two-column header table (mm); may exceed the text width, as the official templates do. */
    columns: [number, number];
    /** Horizontal shift of the header table from the left margin (mm; negative = into the margin). */
    offset: number;
    parentAgency: TextStyle;
    issuingAgency: TextStyle;
    agencyRule: RuleStyle;
    /** Under the agency name: Decree 30's rule (agencyRule), or the Party's star "*" in this style. */
    agencyMark: { type: 'rule' } | { type: 'star'; style: TextStyle };
    nationalTitle: TextStyle;
    /** Unused when the frame has no motto (Party documents). */
    motto: TextStyle;
    /** The rule under the last line of ô 1: the motto, or the title when there is no motto. */
    mottoRule: RuleStyle;
    number: TextStyle;
    placeDate: TextStyle;
    /** Space between the rules' row and the "Số"/date row (pt). */
    numberRowSpaceBefore: number;
  };
  title: {
    /** Space above the type name (pt): the templates leave one or two empty lines. */
    spaceBefore: number;
    typeName: TextStyle;
    summary: TextStyle;
    summaryRule: RuleStyle;
    /** Under the summary: Decree 30's rule (summaryRule), or the Party's "-----" line in this style. */
    summaryMark: { type: 'rule' } | { type: 'dashes'; style: TextStyle };
    /** Space between the summary rule and the first body block (pt). */
    spaceAfter: number;
  };
  addressees: {
    style: TextStyle;
    /** Left indent of "Kính gửi:" (mm, from the left margin). */
    labelIndent: number;
    /**
     * Left indent of the items' dashes when there are several: "colon" puts each dash under the
     * colon of "Kính gửi:" (NĐ 30/2020, PL I, Phần I, mục II.9, ô 9a), measured in the
     * label's face; a number is a fixed indent (mm).
     */
    itemIndent: number | 'colon';
  };
  /** A Phần (NĐ 30/2020, PL I, Phần I, mục II.6): its label ("Phần I") and its title in caps, each centred on its own line. */
  parts: {
    label: TextStyle;
    title: TextStyle;
  };
  headings: {
    /** Level 1 "I. TITLE", level 2 "1. Title", level 3 "a) Title". */
    level1: TextStyle;
    level2: TextStyle;
    level3: TextStyle;
  };
  table: {
    size: number;
    headerSize: number;
    /** Cell padding in points. */
    padding: number;
    borderWidth: number;
  };
  signature: {
    /** Widths of the recipients/signature table (mm). */
    columns: [number, number];
    /** Space between the end of the body and the block (pt). */
    spaceBefore: number;
    authority: TextStyle;
    /** Whether the signer's position line is bold like the authority line (Decree 30) or regular (Party practice). */
    positionBold: boolean;
    name: TextStyle;
    /** Room left for the hand signature and seal between the title lines and the name (mm). */
    signatureSpace: number;
    recipientsLabel: TextStyle;
    recipient: TextStyle;
  };
  pageNumber: TextStyle & {
    /** Whether page 1 shows its number; Decree 30 says not (PL I, Phần I, mục I.7). */
    showOnFirstPage: boolean;
  };
}
