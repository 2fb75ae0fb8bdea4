import { nd30 } from './nd30.js';
import type { Profile } from './types.js';

/**
 * Documents of Party committees and bodies: Hướng dẫn 36-HD/VPTW (03/4/2018) of the Central Party
 * Office, "thể thức và kỹ thuật trình bày văn bản của Đảng". Each number cites HD 36's part (mục
 * II.1 the elements, Phụ lục 3 the table of sizes and styles, as quoted) or says where else it comes
 * from.
 *
 * Which guideline (checked 2026 with the search tool):
 * - HD 36 governs documents from April 2018. Third-party repositories written in 2026 say it was
 *   replaced by Hướng dẫn 05-HD/VPTW (one gives 27/5/2026, the spec saw "12/01/2026" too) under
 *   Quy định 399-QĐ/TW (09/01/2026, replacing QĐ 66-QĐ/TW). No primary text of HD 05 was found,
 *   so it is unverified. Chosen: HD 36, because (a) it is the text whose Appendix 3 size table is
 *   quoted verbatim (thuvienphapluat.vn Q&A 40E84, 40E51; biquyetxaynha.com copy), (b) the
 *   bundled Party sample is dated 2021, when HD 36 was in force whatever happened in 2026, and
 *   (c) every implementation that claims HD 05 uses the same numbers as below (20/20/30/15 mm,
 *   "*", "Số 12-CT/TU", "-----", "Nơi nhận" underlined, position not bold), so the choice changes
 *   no number. Re-check when HD 05's text is available.
 *
 * The uncertain rules (the project spec, shared/spec/nd30.md §14.2, §17.5, not in the package), what was chosen and how sure it is:
 * - Margins 20/20/30/15 (top/bottom/left/right): the value of the third-party implementations
 *   (including the two that cite HD 05); the Bình Thuận handbook's 25/25/35/15 with mirrored
 *   back pages matches the older HD 11/2004 wording ("vùng trình bày"). Medium confidence.
 * - Sizes of ô 1–5 (title 15 bold; parent 14; issuer 14 bold; number 14; date 14 italic; type
 *   name 15–16 bold; summary 14–15 bold; body 14–15): HD 36 Appendix 3 as quoted. High.
 * - "-----" under the summary instead of a rule: third-party implementations and practice. Medium.
 * - "Nơi nhận:" 14 underlined, recipient lines 12, "- …," with the last "- Lưu Văn phòng …."
 *   (no colon, no "VT"): practice and third-party implementations; HD 36's table was not seen
 *   for these rows. Medium-low.
 * - Signer's position regular (not bold), name bold: practice, as in both third-party
 *   implementations. Medium-low.
 * Body, headings, tables and page numbers keep nd30's numbers: HD 36 asks for the same indent and
 * spacing as state documents (spec §14.2, [I]).
 */
export const dang: Profile = {
  id: 'dang',
  name: 'Hướng dẫn 36-HD/VPTW (văn bản của Đảng)',
  conventions: 'party',
  page: {
    width: 210, // HD 36-HD/VPTW, mục II.1: A4
    height: 297, // HD 36-HD/VPTW, mục II.1: A4
    margin: { top: 20, bottom: 20, left: 30, right: 15 }, // not in HD 36-HD/VPTW as found: third-party implementations, see above
    headerDistance: 10, // not in HD 36-HD/VPTW as found: Bình Thuận handbook, page number 10 mm from the top edge
  },
  fontFamily: 'Tinos',
  // HD 36-HD/VPTW, Phụ lục 3: body 14–15 with the indent and spacing of state documents: nd30's numbers.
  body: nd30.body,
  header: {
    // Not in HD 36-HD/VPTW as found (it places, not measures): two halves of the 165 mm text width, inside the margins: "ĐẢNG BỘ TỈNH THANH HÓA" (14) and
    // "ĐẢNG CỘNG SẢN VIỆT NAM" (15 bold) each fit on one line with room to spare.
    columns: [80, 85], // not in HD 36-HD/VPTW: see above
    offset: 0, // not in HD 36-HD/VPTW: the table starts at the margin
    parentAgency: { size: 14, bold: false, italic: false }, // HD 36-HD/VPTW, Phụ lục 3: 14 caps regular
    issuingAgency: { size: 14, bold: true, italic: false }, // HD 36-HD/VPTW, Phụ lục 3: 14 caps bold
    agencyRule: { fractionOfText: 0.4, thickness: 0.5, gap: 3 }, // unused (not drawn): HD 36-HD/VPTW puts a star instead
    agencyMark: { type: 'star', style: { size: 14, bold: false, italic: false } }, // HD 36-HD/VPTW, mục II.1: "*" centred; size as the agency
    nationalTitle: { size: 15, bold: true, italic: false }, // HD 36-HD/VPTW, Phụ lục 3: 15 caps bold
    motto: { size: 14, bold: true, italic: false }, // unused (not drawn): HD 36-HD/VPTW documents have no motto
    mottoRule: { fractionOfText: 1, thickness: 0.5, gap: 3 }, // HD 36-HD/VPTW, mục II.1: solid, as long as the title
    number: { size: 14, bold: false, italic: false }, // HD 36-HD/VPTW, Phụ lục 3: 14 regular, "Số" without a colon
    placeDate: { size: 14, bold: false, italic: true }, // HD 36-HD/VPTW, Phụ lục 3: 14 italic
    numberRowSpaceBefore: 6, // not in HD 36-HD/VPTW: nd30's spacing (NĐ 30/2020, PL I, Phần I, mục IV)
  },
  title: {
    spaceBefore: 24, // not in HD 36-HD/VPTW: nd30's (NĐ 30/2020, PL I, Phần I, mục II.5)
    typeName: { size: 16, bold: true, italic: false }, // HD 36-HD/VPTW, Phụ lục 3: 15–16 caps bold
    summary: { size: 14, bold: true, italic: false }, // HD 36-HD/VPTW, Phụ lục 3: 14–15 bold, lower case "về …"
    summaryRule: { fractionOfText: 0.4, thickness: 0.5, gap: 3 }, // unused (not drawn): "-----" replaces it
    summaryMark: { type: 'dashes', style: { size: 14, bold: false, italic: false } }, // not in HD 36-HD/VPTW as found: practice (third-party implementations)
    spaceAfter: 10, // not in HD 36-HD/VPTW: nd30's (NĐ 30/2020, PL I, Phần I, mục II.5)
  },
  addressees: nd30.addressees,
  parts: nd30.parts, // HD 36-HD/VPTW, Phụ lục 3: "Phần thứ nhất" bold, title caps bold, as in state documents
  headings: nd30.headings, // HD 36-HD/VPTW, Phụ lục 3: section titles caps bold, as in state documents
  table: nd30.table,
  signature: {
    columns: [75, 90], // not in HD 36-HD/VPTW as found: two halves of the text width, as the header
    spaceBefore: 12, // not in HD 36-HD/VPTW: nd30's (NĐ 30/2020, PL I, Phần I, mục II.7)
    authority: { size: 14, bold: true, italic: false }, // HD 36-HD/VPTW, Phụ lục 3: "T/M BAN THƯỜNG VỤ" 14 caps bold
    positionBold: false, // not in HD 36-HD/VPTW as found: position 14 caps regular in practice
    name: { size: 14, bold: true, italic: false }, // HD 36-HD/VPTW, Phụ lục 3: 14 bold
    signatureSpace: 25, // not in HD 36-HD/VPTW: nd30's practice, 20–30 mm
    recipientsLabel: { size: 14, bold: false, italic: false, underline: true }, // not in HD 36-HD/VPTW's table as found: 14 underlined in practice
    recipient: { size: 12, bold: false, italic: false }, // not in HD 36-HD/VPTW's table as found: 12 upright in practice
  },
  pageNumber: { size: 14, bold: false, italic: false, showOnFirstPage: false }, // HD 36-HD/VPTW, mục II.1: 14, not on page 1
};
