import type { UiLang } from '../protocol.js';

/**
 * The page's own words, Vietnamese and English side by side. Messages about the data come from the
 * server (the validator's wording); these are the buttons, headings and states of the desk itself.
 */
const words = {
  appName: ['Bàn làm việc', 'Desk'],
  langSwitch: ['Ngôn ngữ', 'Language'],
  startTitle: ['Văn bản của đơn vị', 'Your office\'s documents'],
  folder: ['Thư mục', 'Folder'],
  newTitle: ['Tạo văn bản mới', 'New document'],
  newHint: ['Bắt đầu từ tệp mẫu của một loại văn bản; mọi trường đã có sẵn số liệu mẫu để sửa.', 'Start from a kind\'s sample; every field is filled with sample figures to change.'],
  newFrom: ['Tạo từ mẫu', 'Start from sample'],
  filesTitle: ['Tệp số liệu trong thư mục', 'Data files in the folder'],
  noFiles: ['Chưa có tệp số liệu nào. Hãy tạo văn bản mới từ mẫu.', 'No data file yet. Start a new document from a sample.'],
  colFile: ['Tệp', 'File'],
  colKind: ['Loại', 'Kind'],
  colDate: ['Ngày ban hành', 'Date'],
  colSummary: ['Trích yếu', 'Summary'],
  colState: ['Tình trạng', 'State'],
  open: ['Mở', 'Open'],
  stateOk: ['Hợp lệ', 'Valid'],
  stateWarnings: ['{n} cảnh báo', '{n} warning(s)'],
  stateErrors: ['{n} lỗi', '{n} problem(s)'],
  draft: ['chưa ký', 'unsigned'],
  pdfTitle: ['Mở số liệu từ tệp PDF do baocao dựng', 'Open the data of a PDF made by baocao'],
  pdfHint: ['Bản PDF/A-3 do baocao dựng mang theo tệp số liệu bên trong: mở ra để sửa và dựng lại.', 'A PDF/A-3 made by baocao carries its data file inside: open it to edit and render again.'],
  pdfChoose: ['Chọn tệp PDF trên máy…', 'Choose a PDF on this computer…'],
  noPdfs: ['Không có tệp PDF nào trong thư mục.', 'No PDF in the folder.'],
  back: ['← Trang đầu', '← Start page'],
  fileName: ['Lưu thành tệp', 'Save as file'],
  save: ['Lưu', 'Save'],
  saving: ['Đang lưu…', 'Saving…'],
  saved: ['Đã lưu', 'Saved'],
  unsaved: ['Chưa lưu', 'Not saved'],
  newFile: ['Tệp mới, chưa lưu', 'New file, not saved'],
  download: ['Tải về', 'Download'],
  downloadPdf: ['PDF', 'PDF'],
  downloadDocx: ['DOCX', 'DOCX'],
  downloadEml: ['Thư nháp .eml', '.eml draft'],
  downloadZip: ['Cả ba (.zip)', 'All three (.zip)'],
  downloadWorking: ['Đang dựng tệp để tải…', 'Rendering the file…'],
  overwrite: ['Vẫn ghi đè?', 'Overwrite anyway?'],
  notOverwritten: ['Chưa lưu: tệp trên đĩa được giữ nguyên.', 'Not saved: the file on disk is kept.'],
  leaveUnsaved: ['Có thay đổi chưa lưu. Rời trang?', 'There are unsaved changes. Leave?'],
  problemsTitle: ['Số liệu còn {n} lỗi cần sửa', 'The data has {n} problem(s) to fix'],
  warningsTitle: ['{n} điều cần xem lại', '{n} thing(s) to check'],
  noProblems: ['Số liệu hợp lệ.', 'The data is valid.'],
  checking: ['Đang kiểm tra…', 'Checking…'],
  previewTitle: ['Bản xem trước', 'Preview'],
  previewPages: ['{n} trang', '{n} page(s)'],
  previewUpdated: ['cập nhật lúc {t}', 'updated at {t}'],
  previewRendering: ['Đang dựng lại…', 'Rendering…'],
  previewKept: ['Số liệu còn lỗi: đang giữ bản xem trước hợp lệ gần nhất.', 'The data has problems: the last good preview is kept.'],
  previewNone: ['Bản xem trước hiện ra khi số liệu hợp lệ.', 'The preview appears once the data is valid.'],
  page: ['Trang {n}', 'Page {n}'],
  add: ['Thêm', 'Add'],
  addRow: ['Thêm dòng', 'Add a row'],
  remove: ['Xóa', 'Remove'],
  moveUp: ['Lên', 'Up'],
  moveDown: ['Xuống', 'Down'],
  item: ['Mục {n}', 'Item {n}'],
  row: ['dòng {n}', 'row {n}'],
  include: ['Có phần này', 'Include this part'],
  removeField: ['Xóa trường', 'Remove field'],
  removeFieldOf: ['Xóa trường “{k}” khỏi tệp số liệu', 'Remove the field “{k}” from the data file'],
  unknownTitle: ['Trường không có trong mẫu', 'Fields the kind does not have'],
  unknownHint: ['Tệp số liệu có trường này nhưng loại văn bản không khai báo (thường do gõ nhầm tên). Xóa trường, rồi nhập lại giá trị vào đúng ô nếu cần.', 'The data file has this field but the kind does not declare it (usually a misspelt name). Remove it, and type its value into the right field if needed.'],
  unknownValue: ['Giá trị của trường “{k}”', 'Value of the field “{k}”'],
  notChosen: ['— không chọn —', '— none —'],
  yes: ['Có', 'Yes'],
  figureValue: ['Năm nay', 'This year'],
  figurePrevious: ['Năm trước', 'Last year'],
  figureQualifier: ['Mức', 'Qualifier'],
  exact: ['đúng số', 'exact'],
  unit: ['đơn vị: {u}', 'unit: {u}'],
  gridPaste: ['Có thể dán nhiều dòng từ Excel hoặc LibreOffice Calc (chọn các ô, Ctrl+C, bấm vào ô đầu, Ctrl+V).', 'You can paste rows from Excel or LibreOffice Calc (select the cells, Ctrl+C, click the first cell, Ctrl+V).'],
  pastedRows: ['Đã dán {n} dòng.', 'Pasted {n} row(s).'],
  sheetChoose: ['Lấy các dòng từ bảng tính…', 'Take the rows from a spreadsheet…'],
  sheetHint: ['Tệp .xlsx, .ods hoặc .csv; cột ứng với trường theo tên cột khai báo trong mẫu.', 'An .xlsx, .ods or .csv file; columns match fields by the titles the kind declares.'],
  sheetReplace: ['Thay {n} dòng đang có bằng {m} dòng từ bảng tính?', 'Replace the {n} rows there are with {m} rows from the spreadsheet?'],
  sheetRead: ['Đã lấy {n} dòng từ {f}.', 'Took {n} row(s) from {f}.'],
  cannotOpen: ['Không mở được tệp thành biểu mẫu', 'The file cannot be opened as a form'],
  error: ['Lỗi', 'Error'],
  required: ['bắt buộc', 'required'],
  shortcuts: ['Ctrl+S: lưu', 'Ctrl+S: save'],
} as const satisfies Record<string, readonly [string, string]>;

export type Word = keyof typeof words;

let current: UiLang = 'vi';

export function setLang(lang: UiLang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): UiLang {
  return current;
}

/** The word in the page's language, with {n}, {t}, {u} filled in. */
export function w(key: Word, fill: Record<string, string | number> = {}): string {
  const text: string = words[key][current === 'vi' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (_all, k: string) => String(fill[k] ?? ''));
}
