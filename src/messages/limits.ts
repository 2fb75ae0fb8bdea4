import type { Messages } from './types.js';

/**
 * Hostile input (src/limits and the checks that use it): a kind folder's file outside the folder,
 * an embedded source too large, a name planted by a PDF, a pattern too costly, characters that
 * change how text reads, and the limits of one document with the option that raises each.
 */
export const limitsMessages = {
  outsideKind: {
    vi: (file: string, real: string) => `${file}: tệp trỏ ra ngoài thư mục loại văn bản (tới ${real}); chỉ dùng tệp nằm trong thư mục đó.`,
    en: (file: string, real: string) => `${file}: the file points outside the kind folder (to ${real}); only files inside that folder are used.`,
  },
  notRegularFile: {
    vi: (file: string) => `${file}: không phải tệp thường (thư mục, thiết bị hay đường ống); loại văn bản chỉ dùng tệp thường.`,
    en: (file: string) => `${file}: not a regular file (a folder, device or pipe); a kind uses regular files only.`,
  },
  kindFileMissing: {
    vi: (file: string) => `${file}: không tìm thấy hoặc không đọc được tệp.`,
    en: (file: string) => `${file}: the file is missing or cannot be read.`,
  },
  limitExceeded: {
    vi: (where: string, what: string, found: number | undefined, limit: number, option: string) =>
      `${where}: ${what} vượt giới hạn ${limit}${found !== undefined ? ` (có ${found})` : ''}; nếu thật sự cần, nâng giới hạn bằng ${option}.`,
    en: (where: string, what: string, found: number | undefined, limit: number, option: string) =>
      `${where}: ${what} exceeds the limit of ${limit}${found !== undefined ? ` (found ${found})` : ''}; if this is really needed, raise it with ${option}.`,
  },
  limit_inputBytes: { vi: () => 'kích thước số liệu (byte)', en: () => 'the size of the data (bytes)' },
  limit_paragraphChars: { vi: () => 'độ dài một đoạn văn (ký tự)', en: () => 'the length of one paragraph (characters)' },
  limit_dataDepth: { vi: () => 'độ lồng nhau của số liệu', en: () => 'the nesting depth of the data' },
  limit_markupDepth: { vi: () => 'độ lồng nhau của nội dung đã dựng', en: () => 'the nesting depth of the composed markup' },
  limit_markupChars: { vi: () => 'độ dài nội dung đã dựng (ký tự)', en: () => 'the length of the composed markup (characters)' },
  limit_memoryMb: { vi: () => 'bộ nhớ dùng để dựng một văn bản (MiB)', en: () => 'the memory used to render one document (MiB)' },
  limit_renderSeconds: { vi: () => 'thời gian dựng một văn bản (giây)', en: () => 'the time to render one document (seconds)' },
  limit_mappingKeys: { vi: () => 'số khóa trong một bảng khóa–giá trị', en: () => 'the number of keys in one mapping' },
  embeddedTooLarge: {
    vi: (limit: number, option: string) => `tệp số liệu nhúng trong PDF khi giải nén vượt giới hạn ${limit} byte nên không giải nén tiếp; nếu thật sự cần, nâng giới hạn bằng ${option}.`,
    en: (limit: number, option: string) => `the data file embedded in this PDF inflates beyond the limit of ${limit} bytes, so inflation stopped; if this is really needed, raise it with ${option}.`,
  },
  pdfUnreadable: {
    vi: (cause: string) => `không đọc được PDF (${cause}).`,
    en: (cause: string) => `cannot read the PDF (${cause}).`,
  },
  helpVerbose: { vi: () => 'Khi có lỗi, in thêm nguyên nhân chi tiết (stack) cho người hỗ trợ kỹ thuật', en: () => 'On an error, also print its detailed cause (stack) for technical support' },
  helpLimit: {
    vi: (what: string, limit: number) => `Giới hạn ${what} cho một văn bản (mặc định ${limit})`,
    en: (what: string, limit: number) => `Limit on ${what} for one document (default ${limit})`,
  },
  extractRenamed: {
    vi: (stored: string, target: string) => `Tên tệp ghi trong PDF (${JSON.stringify(stored)}) không phải tên tệp số liệu thông thường; ghi ra ${target} theo tên của PDF.`,
    en: (stored: string, target: string) => `The file name stored in the PDF (${JSON.stringify(stored)}) is not a plain data-file name; writing ${target}, named after the PDF.`,
  },
  patternInvalid: {
    vi: (field: string, pattern: string, reason: string) => `trường "${field}": mẫu ${JSON.stringify(pattern)} không dùng được (${reason}); mẫu theo cú pháp RE2, không có nhìn trước/nhìn sau hay tham chiếu ngược.`,
    en: (field: string, pattern: string, reason: string) => `field "${field}": the pattern ${JSON.stringify(pattern)} cannot be used (${reason}); patterns follow RE2 syntax, without lookaround or back-references.`,
  },
  forbiddenChars: {
    vi: (field: string, chars: string) => `trường "${field}" chứa ký tự điều khiển không được phép: ${chars}; ký tự như vậy làm đổi hoặc ẩn chữ, khác nhau giữa bản PDF và bản DOCX; hãy xóa nó.`,
    en: (field: string, chars: string) => `field "${field}" holds a control character that is not allowed: ${chars}; such characters change or hide text differently in the PDF and the DOCX; remove it.`,
  },
  limitInData: {
    vi: (field: string, what: string, found: number | undefined, limit: number, option: string) =>
      `${field ? `trường "${field}": ` : ''}${what} vượt giới hạn ${limit}${found !== undefined ? ` (có ${found})` : ''}; nếu thật sự cần, nâng giới hạn bằng ${option}.`,
    en: (field: string, what: string, found: number | undefined, limit: number, option: string) =>
      `${field ? `field "${field}": ` : ''}${what} exceeds the limit of ${limit}${found !== undefined ? ` (found ${found})` : ''}; if this is really needed, raise it with ${option}.`,
  },
  aliasCycle: {
    vi: (field: string, alias: string) => `trường "${field}": bí danh *${alias} nằm bên trong chính phần nó trỏ tới, số liệu sẽ lặp vô tận; hãy viết giá trị ra thay cho bí danh.`,
    en: (field: string, alias: string) => `field "${field}": the alias *${alias} lies inside the very node it names, so the data would repeat forever; write the value out instead of the alias.`,
  },
  inexactNumber: {
    vi: (field: string, written: string) =>
      `trường "${field}": số ${written} vượt quá số lớn nhất giữ được chính xác (${Number.MAX_SAFE_INTEGER}), sẽ bị làm tròn thành số khác; hãy kiểm tra lại số này, hoặc đặt trong ngoặc kép nếu đó là một mã số.`,
    en: (field: string, written: string) =>
      `field "${field}": the number ${written} is beyond the largest number kept exactly (${Number.MAX_SAFE_INTEGER}) and would be rounded to a different one; check it, or put it in quotes if it is an identifier.`,
  },
  markupTooDeep: {
    vi: (limit: number, option: string) => `các thẻ lồng nhau sâu hơn giới hạn ${limit} tầng (thường do một vòng lặp của mẫu); nếu thật sự cần, nâng giới hạn bằng ${option}.`,
    en: (limit: number, option: string) => `elements are nested deeper than the limit of ${limit} (usually a loop of the template); if this is really needed, raise it with ${option}.`,
  },
  notJson: {
    vi: (field: string, what: string) => `trường "${field}": giá trị kiểu ${what} không phải số liệu (JSON không chứa được); hãy đưa chữ, số, danh sách hoặc bảng khóa–giá trị.`,
    en: (field: string, what: string) => `field "${field}": a value of type ${what} is not data (JSON cannot hold it); give text, numbers, lists or mappings.`,
  },
  unknownFormat: {
    vi: (format: string, known: string) => `định dạng "${format}" không có; chọn trong: ${known}.`,
    en: (format: string, known: string) => `there is no format "${format}"; choose from: ${known}.`,
  },
  reservedFieldName: {
    vi: (file: string, name: string) => `${file}: tên trường "${name}" trùng tên có sẵn của JavaScript, hãy đặt tên khác.`,
    en: (file: string, name: string) => `${file}: the field name "${name}" is a name JavaScript reserves on every object; choose another.`,
  },
  watchFailed: {
    vi: (detail: string) => `lỗi ngoài dự kiến: ${detail}; giữ bản đã dựng trước, vẫn tiếp tục theo dõi.`,
    en: (detail: string) => `unexpected error: ${detail}; last good output kept, still watching.`,
  },
  watchFolderGone: {
    vi: (dir: string) => `thư mục ${dir} không còn nữa; chờ nó được tạo lại để theo dõi tiếp.`,
    en: (dir: string) => `the folder ${dir} is gone; waiting for it to come back to go on watching.`,
  },
  watchFolderBack: {
    vi: (dir: string) => `thư mục ${dir} đã có lại; theo dõi tiếp và dựng lại.`,
    en: (dir: string) => `the folder ${dir} is back; watching it again and rendering.`,
  },
  watchForce: {
    vi: () => 'Ghi đè tệp kết quả khác đã có từ trước (như render --force); tệp do chính lần theo dõi này ghi luôn được thay',
    en: () => 'Overwrite a different existing output (as render --force); files this watch session wrote itself are always replaced',
  },
} satisfies Messages;
