import type { Profile } from '../profile/index.js';

/**
 * The ranges Decree 30/2020/NĐ-CP (Appendix I, Part I) and HD 36-HD/VPTW allow. The profiles hold
 * the one value baocao renders with; where the text gives a range, any value inside it is
 * accepted, and the profile's value must lie inside (test/check/limits.test.ts).
 */
export type Range = readonly [number, number];

export interface Limits {
  party: boolean;
  margin: { top: Range; bottom: Range; left: Range; right: Range };
  nationalTitle: Range;
  motto: Range;
  parentAgency: Range;
  issuingAgency: Range;
  number: Range;
  placeDate: Range;
  cvSummary: Range;
  typeName: Range;
  summary: Range;
  body: Range;
  authority: Range;
  name: Range;
  recipientsLabel: Range;
  recipient: Range;
  pageNumber: Range;
  appendixLabel: Range;
  appendixTitle: Range;
  attribution: Range;
}

/** Decree 30 ranges, Appendix I Part I (section in the comment). */
export const ND30_RANGES = {
  marginTop: [20, 25], // I.3
  marginBottom: [20, 25], // I.3
  marginLeft: [30, 35], // I.3
  marginRight: [15, 20], // I.3
  nationalTitle: [12, 13], // II.1.a
  motto: [13, 14], // II.1.b
  parentAgency: [12, 13], // II.2.b
  issuingAgency: [12, 13], // II.2.b
  number: [13, 13], // II.3.c: "cỡ chữ 13"
  placeDate: [13, 14], // II.4.c
  cvSummary: [12, 13], // II.5.b
  typeName: [13, 14], // II.5.b
  summary: [13, 14], // II.5.b
  body: [13, 14], // II.6.e
  authority: [13, 14], // II.7.đ
  name: [13, 14], // II.7.đ
  recipientsLabel: [12, 12], // II.9.d
  recipient: [11, 11], // II.9.d
  pageNumber: [13, 14], // I.7
  appendixLabel: [14, 14], // III.1.b
  appendixTitle: [13, 14], // III.1.b
  attribution: [13, 14], // III.1.c
} as const satisfies Record<string, Range>;

/**
 * HD 36-HD/VPTW as summarised in shared/spec/nd30.md §14.2: ranges where its Appendix 3 gives
 * them (type name 15–16, summary 14–15, body 14–15). Margins: the sources conflict (§17.5:
 * 20/20/30/15 or 25/25/35/15), so both are accepted: the union is the Decree 30 ranges.
 */
export const DANG_RANGES = {
  typeName: [15, 16],
  summary: [14, 15],
  body: [14, 15],
} as const satisfies Record<string, Range>;

/** The decree's range when the profile's value lies inside it, else exactly the profile's value. */
function around(value: number, range: Range): Range {
  return value >= range[0] && value <= range[1] ? range : [value, value];
}

export function limitsFor(p: Profile): Limits {
  const party = p.conventions === 'party';
  const R = ND30_RANGES;
  return {
    party,
    margin: {
      top: around(p.page.margin.top, R.marginTop),
      bottom: around(p.page.margin.bottom, R.marginBottom),
      left: around(p.page.margin.left, R.marginLeft),
      right: around(p.page.margin.right, R.marginRight),
    },
    nationalTitle: around(p.header.nationalTitle.size, party ? [15, 15] : R.nationalTitle),
    motto: around(p.header.motto.size, R.motto),
    parentAgency: around(p.header.parentAgency.size, party ? [14, 14] : R.parentAgency),
    issuingAgency: around(p.header.issuingAgency.size, party ? [14, 14] : R.issuingAgency),
    number: around(p.header.number.size, party ? [14, 14] : R.number),
    placeDate: around(p.header.placeDate.size, party ? [14, 14] : R.placeDate),
    cvSummary: party ? [12, 12] : R.cvSummary,
    typeName: around(p.title.typeName.size, party ? DANG_RANGES.typeName : R.typeName),
    summary: around(p.title.summary.size, party ? DANG_RANGES.summary : R.summary),
    body: around(p.body.size, party ? DANG_RANGES.body : R.body),
    authority: around(p.signature.authority.size, party ? [14, 14] : R.authority),
    name: around(p.signature.name.size, party ? [14, 14] : R.name),
    recipientsLabel: around(p.signature.recipientsLabel.size, party ? [14, 14] : R.recipientsLabel),
    recipient: around(p.signature.recipient.size, party ? [12, 12] : R.recipient),
    pageNumber: around(p.pageNumber.size, R.pageNumber),
    appendixLabel: R.appendixLabel,
    appendixTitle: R.appendixTitle,
    attribution: R.attribution,
  };
}

/**
 * Type names and their abbreviations for the symbol: Decree 30 Appendix III, I (state), and the
 * Party's table (spec §14.3). Keys are the type names in capitals.
 */
export const STATE_TYPES: Record<string, string> = {
  'NGHỊ QUYẾT': 'NQ', 'QUYẾT ĐỊNH': 'QĐ', 'CHỈ THỊ': 'CT', 'QUY CHẾ': 'QC', 'QUY ĐỊNH': 'QyĐ', 'THÔNG CÁO': 'TC',
  'THÔNG BÁO': 'TB', 'HƯỚNG DẪN': 'HD', 'CHƯƠNG TRÌNH': 'CTr', 'KẾ HOẠCH': 'KH', 'PHƯƠNG ÁN': 'PA', 'ĐỀ ÁN': 'ĐA',
  'DỰ ÁN': 'DA', 'BÁO CÁO': 'BC', 'BIÊN BẢN': 'BB', 'TỜ TRÌNH': 'TTr', 'HỢP ĐỒNG': 'HĐ', 'CÔNG ĐIỆN': 'CĐ',
  'BẢN GHI NHỚ': 'BGN', 'BẢN THỎA THUẬN': 'BTT', 'GIẤY ỦY QUYỀN': 'GUQ', 'GIẤY MỜI': 'GM', 'GIẤY GIỚI THIỆU': 'GGT',
  'GIẤY NGHỈ PHÉP': 'GNP', 'PHIẾU GỬI': 'PG', 'PHIẾU CHUYỂN': 'PC', 'PHIẾU BÁO': 'PB',
};

export const PARTY_TYPES: Record<string, string> = {
  'NGHỊ QUYẾT': 'NQ', 'QUYẾT ĐỊNH': 'QĐ', 'CHỈ THỊ': 'CT', 'KẾT LUẬN': 'KL', 'QUY CHẾ': 'QC', 'QUY ĐỊNH': 'QĐi',
  'THÔNG BÁO': 'TB', 'HƯỚNG DẪN': 'HD', 'KẾ HOẠCH': 'KH', 'CHƯƠNG TRÌNH': 'CTr', 'TỜ TRÌNH': 'TTr', 'BIÊN BẢN': 'BB',
  'ĐỀ ÁN': 'ĐA', 'THÔNG TRI': 'TT', 'BÁO CÁO': 'BC', 'CÔNG VĂN': 'CV',
};

/** "CỘNG HOÀ" and "CỘNG HÒA" alike: the old and new tone placements (spec §1). */
export function foldTone(s: string): string {
  return s.normalize('NFC').replace(/OÀ/g, 'ÒA').replace(/oà/g, 'òa').replace(/UỶ/g, 'ỦY').replace(/uỷ/g, 'ủy').replace(/OẢ/g, 'ỎA').replace(/oả/g, 'ỏa');
}
