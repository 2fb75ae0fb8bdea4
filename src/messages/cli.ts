import type { Messages } from './types.js';

/** The command line (src/cli): help texts, usage errors, what each command prints. */

const legacyHelp = {
  vi: () => 'Chuyển chữ gõ bằng bảng mã cũ (tcvn3: .VnTime, vni: VNI-Times) sang Unicode; unicode: không dò bảng mã cũ',
  en: () => 'Convert text typed in a legacy encoding (tcvn3, vni) to Unicode; unicode: skip detection',
};
const outHelp = { vi: () => 'Thư mục ghi kết quả', en: () => 'Output folder' };

export const cliMessages = {
  // help: the program and its global options
  usage: {
    vi: () => '$0 <lệnh> [tùy chọn]\n\nDựng văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp số liệu YAML/JSON.',
    en: () => '$0 <command> [options]\n\nRender Vietnamese administrative documents (Decree 30/2020/ND-CP) from YAML/JSON data files.',
  },
  langHelp: { vi: () => 'Ngôn ngữ thông báo', en: () => 'Message language' },
  kindsHelp: {
    vi: () => 'Thư mục loại văn bản của đơn vị (có kind.yaml và body.hbs), hoặc thư mục chứa nhiều thư mục như vậy',
    en: () => 'Your own kind folder (with kind.yaml and body.hbs), or a folder of such folders',
  },
  formatsHelp: {
    vi: (formats: string) => `Định dạng, cách nhau bởi dấu phẩy (${formats})`,
    en: (formats: string) => `Formats, comma-separated (${formats})`,
  },
  legacyHelp,
  outHelp,
  chooseCommand: { vi: () => 'Hãy chọn một lệnh (xem --help).', en: () => 'Choose a command (see --help).' },
  seeHelp: { vi: (cmd: string) => `Xem: ${cmd} --help`, en: (cmd: string) => `See: ${cmd} --help` },
  unexpected: { vi: (detail: string) => `Lỗi không mong đợi: ${detail}`, en: (detail: string) => `Unexpected error: ${detail}` },

  // render
  renderCommand: { vi: () => 'Dựng văn bản từ tệp số liệu (tệp, thư mục hoặc mẫu tên *.yaml)', en: () => 'Render data files (files, folders or globs)' },
  renderInputs: { vi: () => 'Tệp số liệu (.yaml, .yml, .json), thư mục hoặc mẫu tên', en: () => 'Data files (.yaml, .yml, .json), folders or globs' },
  renderProfile: { vi: () => 'Bố cục (mặc định theo loại văn bản), ví dụ nd30', en: () => 'Layout profile (the kind\'s own by default), e.g. nd30' },
  renderForce: { vi: () => 'Ghi đè tệp kết quả đã có nếu khác nội dung', en: () => 'Overwrite existing outputs that differ' },
  renderName: { vi: () => 'Tên tệp kết quả (không phần mở rộng), khi dựng một tệp', en: () => 'Output file name (no extension), for a single input' },
  renderJson: { vi: () => 'In bảng tổng hợp dạng JSON', en: () => 'Print the summary as JSON' },
  renderJobs: { vi: () => 'Số luồng dựng song song (mặc định: số lõi CPU)', en: () => 'Parallel workers (default: number of cores)' },
  renderPdfa: {
    vi: () => 'Chuẩn lưu trữ của PDF: 3b = PDF/A-3b, kèm tệp số liệu nguồn bên trong; 2b = PDF/A-2b, không kèm tệp nào (PDF/A-2 không cho đính kèm); none = PDF thường, vẫn kèm số liệu',
    en: () => 'Archival level of the PDF: 3b = PDF/A-3b with the source data file inside; 2b = PDF/A-2b, no attachment (PDF/A-2 allows none); none = plain PDF, still with the data inside',
  },
  renderEml: {
    vi: () => 'Ghi thêm <tên>.eml: thư điện tử nháp kèm các tệp đã dựng (không gửi đi)',
    en: () => 'Also write <name>.eml: an e-mail draft with the outputs attached (nothing is sent)',
  },
  renderCreationDate: {
    vi: () => 'Ngày tạo ghi trong thuộc tính tệp (YYYY-MM-DD), thay cho ngày của văn bản',
    en: () => 'Creation date for the file properties (YYYY-MM-DD), instead of the document\'s date',
  },
  renderExampleSample: { vi: () => 'Dựng văn bản mẫu vào out/', en: () => 'Render the sample into out/' },
  renderExamplePdf: { vi: () => 'Dựng lại từ số liệu nhúng trong PDF, kèm thư nháp .eml', en: () => 'Render again from the data inside a PDF, with an .eml draft' },
  renderExampleFolder: { vi: () => 'Dựng mọi tệp trong thư mục so-lieu/ thành PDF', en: () => 'Render every file in so-lieu/ to PDF' },
  renderExampleGlob: { vi: () => 'Dựng theo mẫu tên, in tổng hợp JSON', en: () => 'Render a glob, print a JSON summary' },
  unknownFormat: {
    vi: (format: string, formats: string) => `định dạng "${format}" không hỗ trợ; chọn: ${formats}`,
    en: (format: string, formats: string) => `format "${format}" is not supported; choose: ${formats}`,
  },
  noFormat: { vi: () => 'chưa chọn định dạng nào', en: () => 'no format chosen' },
  noInput: { vi: () => 'không tìm thấy tệp số liệu nào', en: () => 'no data file found' },
  nameNeedsOneInput: { vi: () => '--name chỉ dùng khi dựng một tệp', en: () => '--name needs exactly one input' },
  // --previous (issue #14 §2): last period's file for one data file, as its `previous:` would name it.
  previousHelp: {
    vi: () => 'Tệp số liệu kỳ trước (cùng loại, kỳ liền trước) lấy số liệu so sánh, thay cho "previous:" trong tệp; đường dẫn tính từ thư mục đang đứng',
    en: () => 'Last period\'s data file (same kind, the period before) for the figures compared with, instead of "previous:" in the file; relative to the current folder',
  },
  previousNeedsOneInput: { vi: () => '--previous chỉ dùng với một tệp số liệu', en: () => '--previous needs exactly one input' },
  badName: {
    vi: (name: string) => `--name là tên tệp trong thư mục --out (không có "/" hay "\\", không bắt đầu bằng "."), không phải "${name}"`,
    en: (name: string) => `--name is a file name inside the --out folder (no "/" or "\\", not starting with "."), not "${name}"`,
  },
  badJobs: { vi: () => '--jobs cần một số nguyên ≥ 1', en: () => '--jobs needs an integer ≥ 1' },
  badCreationDate: {
    vi: (value: string) => `--creation-date cần một ngày dạng YYYY-MM-DD (hoặc ngày giờ ISO 8601), không phải "${value}"`,
    en: (value: string) => `--creation-date needs a date as YYYY-MM-DD (or an ISO 8601 date-time), not "${value}"`,
  },
  stopped: {
    vi: (done: number, total: number) => `Đã dừng theo yêu cầu: ${done}/${total} tệp đã xong; không có tệp nào ghi dở.`,
    en: (done: number, total: number) => `Stopped on request: ${done}/${total} files finished; no file was left half-written.`,
  },

  // extract
  extractCommand: {
    vi: () => 'Lấy tệp số liệu nguồn nhúng trong PDF/A-3 do baocao dựng (đúng từng byte)',
    en: () => 'Get the source data file out of a PDF/A-3 rendered by baocao (byte for byte)',
  },
  extractPdf: { vi: () => 'Tệp PDF', en: () => 'PDF file' },
  extractOut: {
    vi: () => 'Tệp sẽ ghi (mặc định: tên tệp nhúng, trong thư mục hiện tại)',
    en: () => 'File to write (default: the embedded name, in the current folder)',
  },
  extractStdout: { vi: () => 'In số liệu ra stdout thay vì ghi tệp', en: () => 'Write the data to stdout instead of a file' },
  extractForce: { vi: () => 'Ghi đè nếu tệp đã có và khác nội dung', en: () => 'Overwrite an existing different file' },
  extractExample: { vi: () => 'Lấy lại số liệu của bản lưu trữ', en: () => 'Get the data of an archived copy back' },
  cannotReadFile: { vi: (file: string, code: string) => `${file}: không đọc được tệp (${code}).`, en: (file: string, code: string) => `${file}: cannot read the file (${code}).` },
  pdfWithoutSource: {
    vi: (file: string) => `${file}: PDF này không chứa số liệu nguồn (chỉ bản PDF/A-3 do baocao dựng mới có).`,
    en: (file: string) => `${file}: this PDF carries no source data (only PDF/A-3 files rendered by baocao do).`,
  },
  notAPdf: { vi: (file: string) => `${file}: không phải tệp PDF.`, en: (file: string) => `${file}: not a PDF file.` },
  extractUnchanged: {
    vi: (file: string, about: string) => `${file}: đã có, không đổi${about ? ` (${about})` : ''}.`,
    en: (file: string, about: string) => `${file}: already there, unchanged${about ? ` (${about})` : ''}.`,
  },
  extractKept: {
    vi: (file: string) => `${file}: đã có tệp khác nội dung, giữ nguyên; dùng --force để ghi đè hoặc --out để chọn tên khác.`,
    en: (file: string) => `${file}: a different file exists and was kept; use --force to overwrite or --out for another name.`,
  },
  cannotWriteFile: { vi: (file: string, detail: string) => `${file}: không ghi được tệp: ${detail}`, en: (file: string, detail: string) => `${file}: cannot write file: ${detail}` },
  extracted: {
    vi: (file: string, about: string) => `Đã lấy số liệu nguồn ra ${file}${about ? ` (${about})` : ''}.`,
    en: (file: string, about: string) => `Extracted the source data to ${file}${about ? ` (${about})` : ''}.`,
  },

  // validate
  validateCommand: { vi: () => 'Kiểm tra tệp số liệu, báo mọi lỗi, không ghi tệp nào', en: () => 'Check data files, report every problem, write nothing' },
  validateInputs: { vi: () => 'Tệp, thư mục hoặc mẫu tên', en: () => 'Files, folders or globs' },
  validateJson: { vi: () => 'In kết quả dạng JSON', en: () => 'Print the result as JSON' },
  validateExample: { vi: () => 'Kiểm tra một tệp', en: () => 'Check one file' },
  valid: { vi: (file: string, kind: string) => `${file}: hợp lệ (${kind})`, en: (file: string, kind: string) => `${file}: valid (${kind})` },

  // init, schema, kinds
  initCommand: { vi: () => 'Tạo tệp số liệu mẫu cho một loại văn bản, có chú thích từng trường', en: () => 'Write a starting data file for a kind, every field explained' },
  initKind: { vi: (cmd: string) => `Loại văn bản (xem: ${cmd} kinds)`, en: (cmd: string) => `Document kind (see: ${cmd} kinds)` },
  badToday: { vi: (value: string) => `BAOCAO_TODAY="${value}" không phải một ngày dạng YYYY-MM-DD.`, en: (value: string) => `BAOCAO_TODAY="${value}" is not a date written YYYY-MM-DD.` },
  initFile: { vi: () => 'Tệp sẽ tạo (mặc định <loại>.yaml)', en: () => 'File to write (default <kind>.yaml)' },
  initForce: { vi: () => 'Ghi đè nếu tệp đã có', en: () => 'Overwrite an existing file' },
  initExample: { vi: () => 'Tạo tệp số liệu báo cáo quốc phòng - an ninh', en: () => 'Start a defence-and-security report' },
  initExists: {
    vi: (file: string) => `${file}: tệp đã có, không ghi đè (dùng --force nếu muốn thay).`,
    en: (file: string) => `${file}: already exists, not overwritten (use --force).`,
  },
  initCreated: {
    vi: (file: string, cmd: string) => `Đã tạo ${file}. Sửa số liệu, rồi: ${cmd} validate ${file} && ${cmd} render ${file}`,
    en: (file: string, cmd: string) => `Created ${file}. Edit it, then: ${cmd} validate ${file} && ${cmd} render ${file}`,
  },
  unknownKind: {
    vi: (kind: string, known: string) => `không có loại văn bản "${kind}"; các loại có sẵn: ${known}`,
    en: (kind: string, known: string) => `unknown kind "${kind}"; available: ${known}`,
  },
  schemaCommand: { vi: () => 'In JSON Schema của một loại văn bản (để trình soạn thảo gợi ý)', en: () => 'Print the JSON Schema of a kind (for editor completion)' },
  schemaExample: { vi: () => 'Lưu JSON Schema ra tệp', en: () => 'Save the JSON Schema' },
  kindsCommand: { vi: () => 'Liệt kê các loại văn bản', en: () => 'List the document kinds' },
  kindsJson: {
    vi: () => 'In danh sách dạng JSON (mã, tên, tên loại văn bản, mẫu trình bày, tệp mẫu)',
    en: () => 'Print the list as JSON (id, title, type name, profile, sample file)',
  },

  // render --rows, init --list (spreadsheets)
  renderNeedsInput: { vi: () => 'cần ít nhất một tệp số liệu (hoặc --rows)', en: () => 'at least one data file is needed (or --rows)' },
  renderRows: {
    vi: () => 'Trộn thư: mỗi dòng của bảng tính (.xlsx, .ods, .csv) là một văn bản; tệp số liệu (nếu có) là phần chung',
    en: () => 'Mail merge: one document per row of a spreadsheet (.xlsx, .ods, .csv); the data file (if any) is the shared part',
  },
  renderSheet: { vi: () => 'Với --rows: tên sheet (mặc định sheet đầu)', en: () => 'With --rows: the sheet name (the first by default)' },
  renderHeaderRow: { vi: () => 'Với --rows: số dòng tiêu đề cột', en: () => 'With --rows: the heading row number' },
  renderKind: {
    vi: () => 'Với --rows không có tệp số liệu chung: loại văn bản (bắt đầu từ tệp mẫu của loại)',
    en: () => 'With --rows and no shared data file: the kind (its sample is the shared part)',
  },
  renderExampleRows: { vi: () => 'Trộn thư: một văn bản cho mỗi dòng của bảng tính', en: () => 'Mail merge: one document per row of the spreadsheet' },
  initList: { vi: () => 'Lấy một danh sách từ bảng tính: <trường>=<tệp .xlsx/.ods/.csv>', en: () => 'Take a list from a spreadsheet: <field>=<.xlsx/.ods/.csv file>' },
  initSheet: { vi: () => 'Với --list: tên sheet', en: () => 'With --list: the sheet name' },
  initHeaderRow: { vi: () => 'Với --list: số dòng tiêu đề cột', en: () => 'With --list: the heading row number' },
  initExampleList: { vi: () => 'Bảng theo xã, phường lấy từ bảng tính', en: () => 'The per-commune table from a spreadsheet' },
  // check
  checkCommand: {
    vi: () => 'Kiểm tra thể thức văn bản DOCX/PDF soạn tay theo Nghị định 30/2020/NĐ-CP (hoặc HD 36 của Đảng)',
    en: () => 'Check the format of hand-made DOCX/PDF documents against Decree 30/2020/ND-CP (or the Party\'s HD 36)',
  },
  checkFiles: { vi: () => 'Tệp .docx hoặc .pdf', en: () => '.docx or .pdf files' },
  checkProfile: {
    vi: () => 'Bố cục: nd30 (văn bản hành chính) hoặc dang (văn bản của Đảng); mặc định tự nhận theo tiêu đề',
    en: () => 'Profile: nd30 (state) or dang (Party); detected from the header by default',
  },
  checkJson: { vi: () => 'In kết quả dạng JSON', en: () => 'Print the result as JSON' },
  checkFix: {
    vi: () => 'Ghi bản sửa các lỗi cơ học (lề, cỡ chữ, thụt đầu dòng, giãn đoạn, giãn dòng, số 0 của ngày tháng) ra tệp này; không sửa chữ',
    en: () => 'Write a copy with the mechanical faults fixed (margins, sizes, indents, spacing, date padding) to this file; words untouched',
  },
  checkExample: { vi: () => 'Kiểm tra một văn bản soạn bằng Word', en: () => 'Check a document typed in Word' },
  checkExampleJson: { vi: () => 'Kiểm tra nhiều tệp, in JSON', en: () => 'Check many files, print JSON' },
  checkExampleFix: { vi: () => 'Kiểm tra và ghi bản đã sửa lỗi cơ học', en: () => 'Check and write a copy with the mechanical faults fixed' },
  // serve
  serveCommand: {
    vi: () => 'Mở bàn làm việc trong trình duyệt: điền biểu mẫu, xem văn bản ngay khi gõ, lưu và tải PDF/DOCX',
    en: () => 'Open the desk in a browser: fill in a form, watch the document as you type, save and download PDF/DOCX',
  },
  serveFolder: { vi: () => 'Thư mục chứa tệp số liệu (mặc định: thư mục hiện tại)', en: () => 'Folder of the data files (default: the current one)' },
  servePort: { vi: () => 'Cổng (mặc định: một cổng trống)', en: () => 'Port (default: a free one)' },
  serveHost: { vi: () => 'Địa chỉ nghe; khác 127.0.0.1 thì máy khác trong mạng cũng mở được', en: () => 'Address to listen on; anything but 127.0.0.1 lets other machines in' },
  serveOpen: { vi: () => 'Tự mở trình duyệt (--no-open để không mở)', en: () => 'Open a browser (--no-open not to)' },
  serveExample: { vi: () => 'Mở bàn làm việc cho thư mục hiện tại', en: () => 'Open the desk on the current folder' },
  serveExamplePort: { vi: () => 'Thư mục so-lieu/, cổng 8080, không tự mở trình duyệt', en: () => 'Folder so-lieu/, port 8080, no browser' },
  // watch
  watchCommand: { vi: () => 'Theo dõi tệp số liệu và mẫu, tự dựng lại khi có thay đổi', en: () => 'Re-render when the data file or a template changes' },
  watchProfile: { vi: () => 'Bố cục, ví dụ nd30', en: () => 'Layout profile, e.g. nd30' },
  watchExample: { vi: () => 'Sửa tệp và xem kết quả cập nhật ngay', en: () => 'Edit and see the output update' },
  watchChanged: { vi: (files: string) => `thay đổi: ${files}`, en: (files: string) => `changed: ${files}` },
  watchFirst: { vi: () => 'lần đầu', en: () => 'first render' },
  watchKeptLast: { vi: () => '; giữ bản đã dựng trước', en: () => '; last good output kept' },
  watching: {
    vi: (file: string) => `Đang theo dõi ${file} và các mẫu văn bản; nhấn Ctrl+C để dừng.`,
    en: (file: string) => `Watching ${file} and the templates; press Ctrl+C to stop.`,
  },

  // results of a batch
  statusOk: { vi: () => 'xong', en: () => 'done' },
  statusInvalid: { vi: () => 'lỗi dữ liệu', en: () => 'invalid data' },
  statusTemplate: { vi: () => 'lỗi mẫu', en: () => 'template error' },
  statusIo: { vi: () => 'lỗi đọc/ghi', en: () => 'I/O error' },
  statusExists: { vi: () => 'giữ tệp cũ', en: () => 'kept existing' },
  statusInternal: { vi: () => 'lỗi hệ thống', en: () => 'internal error' },
  unexpectedFor: { vi: (input: string, detail: string) => `${input}: lỗi không mong đợi: ${detail}`, en: (input: string, detail: string) => `${input}: unexpected error: ${detail}` },
  outputKept: {
    vi: (file: string) => `${file}: đã có tệp khác nội dung, giữ nguyên; dùng --force để ghi đè.`,
    en: (file: string) => `${file}: a different file exists and was kept; use --force to overwrite.`,
  },
  notRendered: { vi: (input: string) => `${input}: không dựng văn bản; không ghi tệp nào.`, en: (input: string) => `${input}: not rendered; no file written.` },
  columnFile: { vi: () => 'Tệp', en: () => 'File' },
  columnResult: { vi: () => 'Kết quả', en: () => 'Result' },
  columnOutputs: { vi: () => 'Đầu ra', en: () => 'Outputs' },
  columnPages: { vi: () => 'Trang', en: () => 'Pages' },
  columnSize: { vi: () => 'Dung lượng', en: () => 'Size' },
  columnTime: { vi: () => 'Thời gian', en: () => 'Time' },
  outputUnchanged: { vi: () => ' (không đổi)', en: () => ' (unchanged)' },
  outputKeptShort: { vi: () => ' (giữ cũ)', en: () => ' (kept)' },
  summary: {
    vi: (files: number, ok: number, seconds: number) => `${files} tệp: ${ok} xong, ${files - ok} lỗi · ${seconds.toFixed(1).replace('.', ',')} s`,
    en: (files: number, ok: number, seconds: number) => `${files} files: ${ok} done, ${files - ok} failed · ${seconds.toFixed(1)} s`,
  },
  progressFailed: { vi: (n: number) => ` · ${n} lỗi`, en: (n: number) => ` · ${n} failed` },
} satisfies Messages;
