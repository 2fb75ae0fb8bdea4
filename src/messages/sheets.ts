import { formatNumber } from '../format/number.js';
import type { Lang, Messages } from './types.js';

/**
 * A figure in a sheet message: Vietnamese notation in Vietnamese (12.345, 12,5), as the clerk
 * reads it in the sheet and the document; in English plain digits and a decimal point, as the
 * rest of the catalogue words its numbers (8388608, 12.5).
 */
export function sheetNumber(n: number, lang: Lang): string {
  if (lang === 'en' || !Number.isFinite(n)) return String(n);
  try {
    return formatNumber(n);
  } catch {
    return String(n).replace('.', ',');
  }
}

/** Megabytes with one decimal, in the message's notation: "52,4 MB" / "52.4 MB". */
export function sheetMegabytes(bytes: number, lang: Lang): string {
  const one = (bytes / 1024 / 1024).toFixed(1);
  return `${lang === 'vi' ? one.replace('.', ',') : one} MB`;
}

const vn = (n: number) => sheetNumber(n, 'vi');
const en = (n: number) => sheetNumber(n, 'en');

/** Spreadsheets in (XLSX, ODS, CSV), mail merge and roll-up: every sentence the clerk reads. */
export const sheetMessages = {
  // Where: "so-lieu-xa.xlsx, sheet Tổng hợp, ô D7"
  placeCell: { vi: (file: string, sheet: string | undefined, ref: string) => `${file}${sheet !== undefined ? `, sheet ${sheet}` : ''}, ô ${ref}`, en: (file: string, sheet: string | undefined, ref: string) => `${file}${sheet !== undefined ? `, sheet ${sheet}` : ''}, cell ${ref}` },
  placeRow: { vi: (file: string, sheet: string | undefined, row: number) => `${file}${sheet !== undefined ? `, sheet ${sheet}` : ''}, dòng ${row}`, en: (file: string, sheet: string | undefined, row: number) => `${file}${sheet !== undefined ? `, sheet ${sheet}` : ''}, row ${row}` },
  placeSheet: { vi: (file: string, sheet: string | undefined) => `${file}${sheet !== undefined ? `, sheet ${sheet}` : ''}`, en: (file: string, sheet: string | undefined) => `${file}${sheet !== undefined ? `, worksheet ${sheet}` : ''}` },

  // Reading the file
  cannotRead: { vi: (file: string) => `không đọc được tệp bảng tính "${file}" (không có tệp này, hoặc không có quyền đọc).`, en: (file: string) => `cannot read the spreadsheet "${file}" (no such file, or no permission).` },
  unknownFormat: { vi: (file: string) => `"${file}": chỉ đọc được bảng tính .xlsx, .ods hoặc .csv.`, en: (file: string) => `"${file}": only .xlsx, .ods or .csv spreadsheets can be read.` },
  tooLarge: { vi: (size: number, limit: number) => `tệp lớn ${sheetMegabytes(size, 'vi')}, vượt giới hạn ${sheetMegabytes(limit, 'vi')}; hãy tách bảng hoặc xóa các trang tính không dùng.`, en: (size: number, limit: number) => `the file is ${sheetMegabytes(size, 'en')}, over the ${sheetMegabytes(limit, 'en')} limit; split the table or delete unused sheets.` },
  partTooLarge: { vi: (part: string, limit: number) => `phần "${part}" trong tệp giải nén ra quá ${sheetMegabytes(limit, 'vi')} (tệp hỏng hoặc cố ý làm phình); không đọc tiếp.`, en: (part: string, limit: number) => `the part "${part}" inflates to more than ${sheetMegabytes(limit, 'en')} (a broken or hostile file); not read.` },
  oldExcel: { vi: () => 'đây là tệp Excel 97-2003 (.xls) hoặc tệp có đặt mật khẩu; hãy mở bằng Excel hoặc LibreOffice và lưu lại thành .xlsx (không mật khẩu).', en: () => 'this is an Excel 97-2003 (.xls) file or a password-protected one; open it in Excel or LibreOffice and save it as .xlsx (no password).' },
  notZip: { vi: (what: string) => `tệp không phải bảng tính ${what} hợp lệ (không giải nén được).`, en: (what: string) => `the file is not a valid ${what} spreadsheet (cannot be unzipped).` },
  missingPart: { vi: (part: string) => `tệp thiếu phần "${part}"; hãy mở và lưu lại bằng Excel hoặc LibreOffice.`, en: (part: string) => `the file lacks its "${part}" part; open and save it again in Excel or LibreOffice.` },
  badXml: { vi: (part: string, detail: string) => `phần "${part}" trong tệp hỏng: ${detail}`, en: (part: string, detail: string) => `the part "${part}" is broken: ${detail}` },
  noSheet: { vi: (sheet: string, available: string) => `không có sheet "${sheet}"; các sheet trong tệp: ${available}.`, en: (sheet: string, available: string) => `there is no sheet "${sheet}"; the sheets in the file: ${available}.` },
  tooManyRows: { vi: (limit: number) => `bảng có hơn ${vn(limit)} dòng số liệu; hãy tách bảng.`, en: (limit: number) => `the table has more than ${en(limit)} rows of data; split it.` },
  tooManyColumns: { vi: (limit: number) => `bảng có hơn ${vn(limit)} cột có nội dung.`, en: (limit: number) => `the table has more than ${en(limit)} columns with content.` },
  csvEncoding: { vi: () => 'tệp CSV không phải UTF-8 hay Windows-1258; hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" trong Excel, hoặc chọn bảng mã Unicode (UTF-8) trong LibreOffice.', en: () => 'the CSV file is neither UTF-8 nor Windows-1258; save it again as "CSV UTF-8 (Comma delimited)" in Excel, or choose Unicode (UTF-8) in LibreOffice.' },
  csvUtf16: { vi: () => 'tệp CSV được lưu bằng UTF-16 ("Unicode Text"); hãy lưu lại bằng "CSV UTF-8 (Comma delimited)".', en: () => 'the CSV file is saved as UTF-16 ("Unicode Text"); save it again as "CSV UTF-8 (Comma delimited)".' },
  csvSyntax: { vi: (detail: string) => `tệp CSV sai cú pháp: ${detail}`, en: (detail: string) => `the CSV file is malformed: ${detail}` },

  // The `from:` spec in the data file
  specBad: { vi: (detail: string) => `cách lấy danh sách từ bảng tính chưa đúng: ${detail}`, en: (detail: string) => `the way to take the list from a spreadsheet is wrong: ${detail}` },
  specUnknownKey: { vi: (key: string, known: string) => `khóa "${key}" không dùng được ở đây; dùng: ${known}`, en: (key: string, known: string) => `the key "${key}" cannot be used here; use: ${known}` },
  specFrom: { vi: () => '"from" cần tên tệp bảng tính', en: () => '"from" needs a spreadsheet file name' },
  specSheet: { vi: () => '"sheet" cần tên sheet hoặc số thứ tự (1, 2 …)', en: () => '"sheet" needs a sheet name or its position (1, 2 …)' },
  specHeaderRow: { vi: () => '"header-row" cần số dòng tiêu đề (1, 2 …)', en: () => '"header-row" needs the heading row number (1, 2 …)' },
  specEncoding: { vi: () => '"encoding" là utf-8 hoặc windows-1258', en: () => '"encoding" is utf-8 or windows-1258' },
  specPattern: { vi: () => '"from-reports" cần mẫu tên tệp, ví dụ xa/*.yaml', en: () => '"from-reports" needs a file pattern, e.g. xa/*.yaml' },
  specKind: { vi: (kind: string) => `không có loại văn bản "${kind}"`, en: (kind: string) => `no document kind "${kind}"` },
  specUnits: { vi: () => '"units" cần danh sách tên đơn vị', en: () => '"units" needs a list of unit names' },
  specSort: { vi: () => '"sort" cần tên một trường (thêm "-" ở đầu để xếp giảm dần)', en: () => '"sort" needs a field name ("-" in front for descending)' },
  specNotRecords: { vi: (field: string) => `danh sách "${field}" không gồm các bản ghi (nhiều trường), nên không lấy từ bảng tính được.`, en: (field: string) => `the list "${field}" does not hold records (several fields), so it cannot come from a spreadsheet.` },

  // Columns
  headerNotFound: { vi: (fields: string) => `không tìm thấy dòng tiêu đề có tên cột nào ứng với các trường (${fields}); ghi rõ "header-row: <số dòng>".`, en: (fields: string) => `no heading row names any of the fields (${fields}); give "header-row: <row number>".` },
  columnMissing: { vi: (field: string, titles: string) => `thiếu cột cho trường "${field}" (tên cột: ${titles}).`, en: (field: string, titles: string) => `no column for the field "${field}" (column titles: ${titles}).` },
  columnUnknown: { vi: (title: string, known: string) => `cột "${title}" không ứng với trường nào; các cột dùng được: ${known}.`, en: (title: string, known: string) => `the column "${title}" matches no field; usable columns: ${known}.` },
  columnTwice: { vi: (field: string, first: string) => `trường "${field}" đã lấy từ cột ${first}; một trường chỉ lấy từ một cột.`, en: (field: string, first: string) => `the field "${field}" is already taken from column ${first}; a field comes from one column only.` },
  columnNotCell: { vi: (field: string) => `trường "${field}" là một nhóm hoặc danh sách, không lấy từ một ô được.`, en: (field: string) => `the field "${field}" is a group or a list and cannot come from one cell.` },

  // Cells
  needNumber: { vi: (found: string) => `cần một số, nhưng nhận được ${found}.`, en: (found: string) => `a number is needed, but found ${found}.` },
  needInteger: { vi: (found: string) => `cần một số nguyên, nhưng nhận được ${found}.`, en: (found: string) => `a whole number is needed, but found ${found}.` },
  ambiguousNumber: { vi: (text: string, thousands: string, decimal: string) => `"${text}" không rõ nghĩa: ghi ${thousands} nếu là số nghìn, hoặc ${decimal} nếu là số thập phân (cách ghi Việt Nam: dấu chấm ngăn nghìn, dấu phẩy thập phân).`, en: (text: string, thousands: string, decimal: string) => `"${text}" is ambiguous: write ${thousands} for thousands, or ${decimal} for a decimal (Vietnamese notation: a dot between thousands, a decimal comma).` },
  foreignNotation: { vi: (text: string, vi: string) => `"${text}" không theo cách ghi số Việt Nam (dấu chấm ngăn nghìn, dấu phẩy thập phân); ghi ${vi}.`, en: (text: string, vi: string) => `"${text}" is not in Vietnamese notation (a dot between thousands, a decimal comma); write ${vi}.` },
  needDate: { vi: (found: string) => `cần một ngày (ngày/tháng/năm, ví dụ 05/01/2022), nhưng nhận được ${found}.`, en: (found: string) => `a date is needed (day/month/year, e.g. 05/01/2022), but found ${found}.` },
  needBoolean: { vi: (found: string) => `cần "có" hoặc "không", nhưng nhận được ${found}.`, en: (found: string) => `"có" (yes) or "không" (no) is needed, but found ${found}.` },
  errorCell: { vi: (value: string) => `ô chứa lỗi công thức ${value}; hãy sửa công thức trong bảng tính.`, en: (value: string) => `the cell holds the formula error ${value}; fix the formula in the spreadsheet.` },
  formulaNoValue: { vi: () => 'ô có công thức nhưng không có giá trị lưu sẵn (baocao không tính công thức); hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại.', en: () => 'the cell has a formula but no saved value (baocao does not compute formulas); open the file in Excel or LibreOffice and save it again.' },
  foundText: { vi: (text: string) => `"${text}"`, en: (text: string) => `"${text}"` },
  foundDate: { vi: (date: string) => `ngày ${date}`, en: (date: string) => `the date ${date}` },
  foundBool: { vi: (v: boolean) => `giá trị ${v ? 'TRUE' : 'FALSE'}`, en: (v: boolean) => `the value ${v ? 'TRUE' : 'FALSE'}` },

  // Legacy encodings (TCVN3, VNI) in a cell: the YAML path's hint, for a cell
  legacyCell: {
    vi: (encoding: string, sample: string, option: string) => `chữ trong ô có vẻ được gõ bằng bảng mã ${encoding} (${sample}); dựng lại với --legacy ${option} hoặc ghi "legacyEncoding: ${option}" trong tệp số liệu để chuyển sang Unicode.`,
    en: (encoding: string, sample: string, option: string) => `the cell's text looks typed in the ${encoding} encoding (${sample}); render with --legacy ${option} or set "legacyEncoding: ${option}" in the data file to convert it to Unicode.`,
  },

  // Totals row
  totalDiffers: { vi: (field: string, written: number, computed: number) => `dòng tổng cộng ghi ${vn(written)} cho "${field}", nhưng cộng các dòng được ${vn(computed)}; văn bản dùng tổng tính lại.`, en: (field: string, written: number, computed: number) => `the totals row says ${en(written)} for "${field}", but the rows add up to ${en(computed)}; the document uses the computed total.` },

  // Roll-up
  rollupNoFiles: { vi: (pattern: string) => `không có tệp báo cáo nào khớp "${pattern}".`, en: (pattern: string) => `no report file matches "${pattern}".` },
  rollupWrongKind: { vi: (file: string, found: string, expected: string) => `${file}: là loại "${found}", cần loại "${expected}".`, en: (file: string, found: string, expected: string) => `${file}: is of kind "${found}", "${expected}" is needed.` },
  rollupUnitMissing: { vi: (unit: string, pattern: string) => `đơn vị "${unit}" có trong danh sách units nhưng không có báo cáo nào trong "${pattern}".`, en: (unit: string, pattern: string) => `the unit "${unit}" is in the units list but has no report in "${pattern}".` },
  rollupUnitExtra: { vi: (unit: string, file: string) => `báo cáo của "${unit}" (${file}) không có trong danh sách units; vẫn đưa vào tổng hợp.`, en: (unit: string, file: string) => `the report of "${unit}" (${file}) is not in the units list; it is included anyway.` },
  rollupDuplicate: { vi: (unit: string, files: string) => `đơn vị "${unit}" có hai báo cáo: ${files}.`, en: (unit: string, files: string) => `the unit "${unit}" has two reports: ${files}.` },
  rollupNoValue: { vi: (field: string, from: string) => `báo cáo không có "${from}" để lấy vào "${field}".`, en: (field: string, from: string) => `the report has no "${from}" to take into "${field}".` },
  rollupTooDeep: { vi: () => 'các báo cáo lồng nhau quá nhiều cấp (hoặc vòng lặp: một báo cáo tổng hợp chính nó).', en: () => 'reports nested too deep (or a loop: a report rolling up itself).' },
  rollupSort: { vi: (field: string) => `không sắp xếp được theo "${field}": không có trường này.`, en: (field: string) => `cannot sort by "${field}": no such field.` },

  // init
  initListBad: { vi: () => '--list cần dạng <trường>=<tệp bảng tính>, ví dụ communes=so-lieu-xa.xlsx', en: () => '--list needs <field>=<spreadsheet>, e.g. communes=so-lieu-xa.xlsx' },
  initListDone: { vi: (field: string, file: string, records: number) => `danh sách "${field}" lấy từ ${file} (${vn(records)} dòng đọc được).`, en: (field: string, file: string, records: number) => `the list "${field}" comes from ${file} (${en(records)} rows read).` },

  // Mail merge
  mergeRow: { vi: (row: string) => `dòng ${row}`, en: (row: string) => `row ${row}` },
  mergeNoRows: { vi: (file: string) => `${file}: không có dòng số liệu nào để dựng văn bản.`, en: (file: string) => `${file}: no rows of data to render.` },
  mergeNeedKind: { vi: () => '--rows cần một tệp số liệu chung (khung văn bản) hoặc --kind để lấy tệp mẫu của loại văn bản.', en: () => '--rows needs a shared data file (the frame) or --kind to start from the kind\'s sample.' },
  mergeKindMismatch: { vi: (file: string, found: string, asked: string) => `${file} là loại "${found}", khác --kind ${asked}.`, en: (file: string, found: string, asked: string) => `${file} is of kind "${found}", not --kind ${asked}.` },
  mergeNoPrevious: { vi: () => '--previous không dùng với --rows: mỗi dòng là một văn bản riêng; ghi số liệu kỳ trước vào cột của bảng.', en: () => '--previous does not apply to --rows: each row is its own document; put last period\'s figures in the sheet\'s columns.' },
  mergeOneBase: { vi: () => '--rows dùng với đúng một tệp số liệu chung.', en: () => '--rows takes exactly one shared data file.' },
  mergeFromSample: { vi: (sample: string) => `không có tệp số liệu chung: dùng tệp mẫu ${sample} làm khung văn bản.`, en: (sample: string) => `no shared data file: the sample ${sample} is the frame.` },
} satisfies Messages;
