import type { Profile } from './types.js';

/**
 * Decree 30/2020/NĐ-CP, Appendix I, as summarised in shared/spec/nd30.md.
 * Where the decree gives a range, the value of the official Appendix III Word templates is used
 * (tagged [S-tpl] in the spec); the section of the spec is given beside each number.
 */
export const nd30: Profile = {
  id: 'nd30',
  name: 'Nghị định 30/2020/NĐ-CP (văn bản hành chính)',
  conventions: 'state',
  page: {
    width: 210, // §1 A4
    height: 297,
    // §1: top 20–25, bottom 20–25, left 30–35, right 15–20; the official files use 25/20/35/20.
    // A landscape appendix is A4 turned with these same top/bottom/left/right margins (§1, §17.4: the
    // decree gives none of its own; the official file's 20/15/30/15 goes below the bottom minimum).
    margin: { top: 25, bottom: 20, left: 35, right: 20 },
    headerDistance: 10, // §11, official header distance
  },
  fontFamily: 'Tinos',
  body: {
    size: 14, // §7.1: 13–14, templates 14
    firstLineIndent: 12.7, // §7.1: 1 cm or 1.27 cm
    spaceBefore: 6, // §7.1: at least 6 pt; templates 6 before, 0 after
    spaceAfter: 0,
    lineSpacing: 1, // §7.1: single … 1.5; templates single
    // Not in the decree; every word processor's default, and what a reviewer expects of a page.
    widowControl: true,
  },
  header: {
    // §2.3: the official templates' mode is 67.5 / 100 mm with the table shifted about 6 mm into
    // the left margin. The national title at 13 pt bold is ~96 mm wide, so 60 % of the 155 mm text
    // width would wrap it: follow the templates.
    columns: [67.5, 100],
    offset: -6,
    parentAgency: { size: 13, bold: false, italic: false }, // §3: 12–13, caps, regular
    issuingAgency: { size: 13, bold: true, italic: false }, // §3: 12–13, caps, bold
    agencyRule: { fractionOfText: 0.4, thickness: 0.5, gap: 3 }, // §3: 1/3–1/2 of the line
    agencyMark: { type: 'rule' },
    nationalTitle: { size: 13, bold: true, italic: false }, // §3, §17.2: 13 with a 14 motto
    motto: { size: 14, bold: true, italic: false },
    mottoRule: { fractionOfText: 1, thickness: 0.5, gap: 3 }, // §3: as long as the motto
    number: { size: 13, bold: false, italic: false }, // §3: 13
    placeDate: { size: 14, bold: false, italic: true }, // §5: 13–14 italic
    numberRowSpaceBefore: 6,
  },
  title: {
    spaceBefore: 24, // §6: templates leave 1–2 empty lines above the type name
    typeName: { size: 14, bold: true, italic: false }, // §6: 13–14 caps bold
    summary: { size: 14, bold: true, italic: false }, // §6: 13–14 bold
    summaryRule: { fractionOfText: 0.4, thickness: 0.5, gap: 3 }, // §6: 1/3–1/2
    summaryMark: { type: 'rule' },
    spaceAfter: 10,
  },
  addressees: {
    style: { size: 14, bold: false, italic: false }, // §6: 13–14 upright
    labelIndent: 35, // App. I §6 (ô 9a): the templates' indent, from the left text edge
    // App. I §6: "the dashes are aligned under the colon". The templates' fixed 45 mm put them
    // about 9 mm left of it at 14 pt; measured instead, so any size or face keeps them there.
    itemIndent: 'colon',
  },
  parts: {
    label: { size: 14, bold: true, italic: false }, // §7.3 "Phần I": lower case, bold, centred
    title: { size: 14, bold: true, italic: false }, // §7.3 part title: caps (written so by the parser), bold
  },
  headings: {
    level1: { size: 14, bold: true, italic: false }, // §7.3 Mục: caps (written so by the template), bold
    level2: { size: 14, bold: true, italic: false }, // §7.3 khoản with title: bold
    level3: { size: 14, bold: false, italic: false }, // App. I §7.3 (Điểm): regular; a house style may set italic: true
  },
  table: {
    size: 13,
    headerSize: 13,
    padding: 3,
    borderWidth: 0.5,
  },
  signature: {
    // §2.3: templates 58–64 / 100–103 mm; kept inside the 155 mm text area.
    columns: [60, 95],
    spaceBefore: 12,
    authority: { size: 14, bold: true, italic: false }, // §8.2: 13–14 caps bold
    positionBold: true, // §8.2: position caps bold
    name: { size: 14, bold: true, italic: false }, // §8.2: 13–14 bold
    signatureSpace: 25, // §8.2: practice 20–30 mm
    recipientsLabel: { size: 12, bold: true, italic: true }, // §9: 12 bold italic
    recipient: { size: 11, bold: false, italic: false }, // §9: 11 upright
  },
  pageNumber: { size: 14, bold: false, italic: false, showOnFirstPage: false }, // §11
};
