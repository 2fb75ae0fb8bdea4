import type { Profile } from './types.js';

/**
 * Decree 30/2020/NĐ-CP, Appendix I (Phụ lục I, "PL I"), Part I. Every number cites the decree's
 * own section: mục I (general technique: I.1 paper, I.3 margins, I.5 sizes and styles, I.6
 * positions, I.7 page numbers), mục II (the elements: II.1 national title and motto, II.2
 * agency, II.3 number, II.4 place and date, II.5 type name and summary, II.6 body, II.7 signer,
 * II.9 recipients and "Kính gửi"), mục IV (the position diagram). Where the decree gives a range,
 * the value of its Appendix III Word templates (PL III, "mẫu") is used; numbers that are not in
 * the decree say so.
 */
export const nd30: Profile = {
  id: 'nd30',
  name: 'Nghị định 30/2020/NĐ-CP (văn bản hành chính)',
  conventions: 'state',
  page: {
    width: 210, // NĐ 30/2020, PL I, Phần I, mục I.1: A4 (210 × 297 mm)
    height: 297, // NĐ 30/2020, PL I, Phần I, mục I.1: A4
    // NĐ 30/2020, PL I, Phần I, mục I.3: top 20–25, bottom 20–25, left 30–35, right 15–20; the PL III
    // templates use 25/20/35/20. A landscape appendix is A4 turned with these same margins (the
    // decree gives none of its own; PL I's landscape sample, 20/15/30/15, is below the minimum).
    margin: { top: 25, bottom: 20, left: 35, right: 20 },
    headerDistance: 10, // NĐ 30/2020, PL I, Phần I, mục I.7 (page number in the top margin): PL III templates' header distance
  },
  fontFamily: 'Tinos',
  body: {
    size: 14, // NĐ 30/2020, PL I, Phần I, mục II.6: 13–14; PL III templates 14
    firstLineIndent: 12.7, // NĐ 30/2020, PL I, Phần I, mục II.6: 1 cm or 1.27 cm
    spaceBefore: 6, // NĐ 30/2020, PL I, Phần I, mục II.6: at least 6 pt between paragraphs; PL III 6 before
    spaceAfter: 0, // NĐ 30/2020, PL I, Phần I, mục II.6; PL III templates: 0 after
    lineSpacing: 1, // NĐ 30/2020, PL I, Phần I, mục II.6: single to 1.5 lines; PL III single
    // Not in the decree; every word processor's default, and what a reviewer expects of a page.
    widowControl: true,
  },
  header: {
    // NĐ 30/2020, PL I, Phần I, mục I.6 and mục IV (positions); widths from the PL III templates, whose mode
    // is 67.5 / 100 mm with the table shifted about 6 mm into the left margin. The national title at 13 pt bold is ~96 mm wide, so 60 % of the 155 mm text
    // width would wrap it: follow the templates.
    columns: [67.5, 100],
    offset: -6, // NĐ 30/2020, PL I, Phần I, mục IV; PL III templates: 6 mm into the left margin
    parentAgency: { size: 13, bold: false, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.2: 12–13, caps, regular
    issuingAgency: { size: 13, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.2: 12–13, caps, bold
    agencyRule: { fractionOfText: 0.4, thickness: 0.5, gap: 3 }, // NĐ 30/2020, PL I, Phần I, mục II.2: a solid rule 1/3–1/2 of the line; thickness and gap from PL III
    agencyMark: { type: 'rule' },
    nationalTitle: { size: 13, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.1: 12–13 caps bold, with a 13–14 motto
    motto: { size: 14, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.1: 13–14 bold
    mottoRule: { fractionOfText: 1, thickness: 0.5, gap: 3 }, // NĐ 30/2020, PL I, Phần I, mục II.1: a solid rule as long as the motto
    number: { size: 13, bold: false, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.3: 13, regular
    placeDate: { size: 14, bold: false, italic: true }, // NĐ 30/2020, PL I, Phần I, mục II.4: 13–14 italic
    numberRowSpaceBefore: 6, // NĐ 30/2020, PL I, Phần I, mục IV (number and date on one row below the header); PL III spacing
  },
  title: {
    spaceBefore: 24, // NĐ 30/2020, PL I, Phần I, mục II.5; PL III templates leave 1–2 empty lines above the type name
    typeName: { size: 14, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.5: 13–14 caps bold
    summary: { size: 14, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.5: 13–14 bold
    summaryRule: { fractionOfText: 0.4, thickness: 0.5, gap: 3 }, // NĐ 30/2020, PL I, Phần I, mục II.5: a solid rule 1/3–1/2 of the line
    summaryMark: { type: 'rule' },
    spaceAfter: 10, // NĐ 30/2020, PL I, Phần I, mục II.5; PL III templates: one line before the body
  },
  addressees: {
    style: { size: 14, bold: false, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.9 (ô 9a, "Kính gửi"): 13–14 upright
    labelIndent: 35, // NĐ 30/2020, PL I, Phần I, mục II.9 (ô 9a): PL III templates' indent, from the left text edge
    // NĐ 30/2020, PL I, Phần I, mục II.9 (ô 9a): "the dashes are aligned under the colon". The templates' fixed 45 mm put them
    // about 9 mm left of it at 14 pt; measured instead, so any size or face keeps them there.
    itemIndent: 'colon',
  },
  parts: {
    label: { size: 14, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.6: "Phần I" 13–14, lower case, bold, centred
    title: { size: 14, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.6: part title 13–14, caps (written so by the parser), bold
  },
  headings: {
    level1: { size: 14, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.6: Mục 13–14, caps (written so by the template), bold
    level2: { size: 14, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.6: khoản with a title 13–14, bold
    level3: { size: 14, bold: false, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.6: điểm 13–14, regular; a house style may set italic: true
  },
  table: {
    size: 13, // Not in the decree (NĐ 30/2020 sets no table sizes): the body's range of mục II.6, one size down
    headerSize: 13, // Not in the decree: as the table text
    padding: 3, // Not in the decree: PL III templates' cell margins
    borderWidth: 0.5, // Not in the decree: PL III templates' single ½ pt border
  },
  signature: {
    // NĐ 30/2020, PL I, Phần I, mục I.6 and mục IV (positions); PL III templates 58–64 / 100–103 mm, kept
    // inside the 155 mm text area.
    columns: [60, 95],
    spaceBefore: 12, // NĐ 30/2020, PL I, Phần I, mục II.7; PL III templates: one line after the body
    authority: { size: 14, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.7: 13–14 caps bold
    positionBold: true, // NĐ 30/2020, PL I, Phần I, mục II.7: position caps bold
    name: { size: 14, bold: true, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.7: 13–14 bold
    signatureSpace: 25, // Not in the decree (mục II.7 gives no height): practice 20–30 mm
    recipientsLabel: { size: 12, bold: true, italic: true }, // NĐ 30/2020, PL I, Phần I, mục II.9: 12 bold italic
    recipient: { size: 11, bold: false, italic: false }, // NĐ 30/2020, PL I, Phần I, mục II.9: 11 upright
  },
  pageNumber: { size: 14, bold: false, italic: false, showOnFirstPage: false }, // NĐ 30/2020, PL I, Phần I, mục I.7: 13–14, not on the first page
};
