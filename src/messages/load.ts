import type { Messages } from './types.js';

/**
 * Reading, parsing and validating a data file (src/load): what a clerk reads about a file that
 * cannot be read, is not UTF-8, is not valid YAML/JSON or does not match its kind's fields.
 */

// yaml's own (English) messages, translated by error code and by pattern; the pattern wins.
const VI_SYNTAX: Record<string, string> = {
  BAD_INDENT: 'thụt lề không đúng — các trường cùng cấp phải bắt đầu ở cùng một cột',
  TAB_AS_INDENT: 'không được dùng phím Tab để thụt lề — hãy dùng dấu cách',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu (có dòng "---" thừa)',
  BAD_DQ_ESCAPE: 'ký tự thoát sau dấu "\\" trong chuỗi ngoặc kép không hợp lệ',
  BLOCK_AS_IMPLICIT_KEY: 'tên trường hoặc thụt lề không đúng — kiểm tra dấu ":" và số dấu cách đầu dòng',
  MULTILINE_IMPLICIT_KEY: 'tên trường không được kéo dài nhiều dòng — có thể thiếu dấu ":" hoặc dấu ngoặc kép',
  UNEXPECTED_TOKEN: 'ký hiệu không đúng chỗ',
  BAD_ALIAS: 'tham chiếu (*alias) không hợp lệ hoặc trỏ tới neo (&anchor) chưa khai báo',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này — hãy đặt giá trị trong ngoặc kép',
  BLOCK_IN_FLOW: 'không được viết dạng khối bên trong dấu ngoặc [ ] hoặc { }',
  KEY_OVER_1024_CHARS: 'tên trường quá dài (trên 1024 ký tự) — có thể thiếu dấu ":"',
  TAG_RESOLVE_FAILED: 'không nhận ra thẻ kiểu (tag "!…"), giá trị được đọc như chuỗi',
  NON_STRING_KEY: 'tên trường phải là chuỗi',
};
const EN_SYNTAX: Record<string, string> = {
  TAB_AS_INDENT: 'tabs are not allowed for indentation — use spaces',
};
const VI_PATTERNS: [RegExp, string][] = [
  [/closing "quote/i, 'thiếu dấu ngoặc kép " đóng chuỗi'],
  [/closing 'quote/i, "thiếu dấu nháy đơn ' đóng chuỗi"],
  [/, or : between flow/i, 'thiếu dấu phẩy "," hoặc dấu hai chấm ":" trước vị trí này'],
  [/, between flow/i, 'thiếu dấu phẩy "," trước vị trí này'],
  [/space after :/i, 'thiếu dấu cách sau dấu ":"'],
  [/Unexpected , in/i, 'dấu phẩy "," thừa'],
  [/Implicit map keys need to be followed by map values/i, 'thiếu dấu ":" sau tên trường'],
  [/Sequence item without - indicator/i, 'phần tử danh sách thiếu dấu "-" ở đầu'],
  [/Comments must be separated/i, 'dấu "#" bắt đầu ghi chú phải có dấu cách phía trước'],
  [/must be sufficiently indented and end with/i, 'thiếu dấu đóng ngoặc "]" hoặc "}" (hoặc thụt lề chưa đủ)'],
  [/must start at the same column/i, 'thụt lề không đúng — các mục cùng cấp phải bắt đầu ở cùng một cột'],
];

export const loadMessages = {
  // reading the file
  utf16: { vi: () => 'tệp được lưu với bảng mã UTF-16; hãy lưu lại với bảng mã UTF-8.', en: () => 'the file is encoded as UTF-16; save it again as UTF-8.' },
  notUtf8: {
    vi: (byte: string) => `tệp không phải văn bản UTF-8 hợp lệ (byte ${byte}); có thể tệp được lưu bằng bảng mã khác (Windows-1258, TCVN3…) — hãy lưu lại với bảng mã UTF-8.`,
    en: (byte: string) => `the file is not valid UTF-8 text (byte ${byte}); it may use another encoding (Windows-1258, TCVN3…) — save it again as UTF-8.`,
  },
  fileNotFound: { vi: () => 'không tìm thấy tệp.', en: () => 'file not found.' },
  isDirectory: { vi: () => 'đây là thư mục, không phải tệp.', en: () => 'this is a directory, not a file.' },
  readDenied: { vi: () => 'không có quyền đọc tệp.', en: () => 'permission denied.' },
  cannotRead: { vi: (code: string) => `không đọc được tệp (${code}).`, en: (code: string) => `cannot read the file (${code}).` },

  // parsing
  emptyFile: { vi: () => 'tệp không có dữ liệu.', en: () => 'the file contains no data.' },
  tooManyAliases: {
    vi: (_detail: string) => 'sai cú pháp: quá nhiều tham chiếu (*alias) lồng nhau.',
    en: (detail: string) => `syntax error: too many nested aliases (${detail}).`,
  },
  fieldsExpected: { vi: () => 'các trường dạng "tên: giá trị"', en: () => 'fields as "name: value"' },
  notAMapping: {
    vi: (found: string) => `nội dung tệp phải là các trường dạng "tên: giá trị", nhưng nhận được ${found}.`,
    en: (found: string) => `the file must contain fields as "name: value", but got ${found}.`,
  },
  duplicateKey: {
    vi: (field: string, firstLine: number | undefined) => `trường "${field}" bị lặp lại${firstLine ? ` (đã có ở dòng ${firstLine})` : ''}; mỗi trường chỉ được ghi một lần.`,
    en: (field: string, firstLine: number | undefined) => `field "${field}" is repeated${firstLine ? ` (already at line ${firstLine})` : ''}; each field may appear only once.`,
  },
  /** yaml's English message, worded for a clerk by its code (Vietnamese) or kept (English). */
  syntax: {
    vi: (code: string, yamlMessage: string) =>
      VI_PATTERNS.find(([re]) => re.test(yamlMessage))?.[1] ?? VI_SYNTAX[code] ?? `cú pháp không hợp lệ (${yamlMessage})`,
    en: (code: string, yamlMessage: string) => EN_SYNTAX[code] ?? yamlMessage.charAt(0).toLowerCase() + yamlMessage.slice(1),
  },
  badScalarStart: {
    vi: (ch: string) => `giá trị không được bắt đầu bằng ký tự "${ch}" — hãy đặt giá trị trong ngoặc kép`,
    en: (ch: string) => `a value cannot start with the character "${ch}" — put the value in double quotes`,
  },
  unclosedQuote: { vi: () => 'chuỗi mở ngoặc ở đây chưa được đóng (thiếu dấu ngoặc đóng)', en: () => 'the quoted string opened here is never closed' },
  flowListComma: {
    vi: (field: string, item: string, whole: string) =>
      `trường "${field}": "${item}" viết thường nên có vẻ là phần tiếp của mục trước, bị dấu phẩy trong [ ] tách ra; nếu là một mục, đặt trong ngoặc kép: "${whole}" (hoặc viết mỗi mục một dòng bắt đầu bằng "- ").`,
    en: (field: string, item: string, whole: string) =>
      `field "${field}": "${item}" starts in lower case, so it looks like the rest of the item before it, split off by the comma inside [ ]; if it is one item, put it in double quotes: "${whole}" (or write one item per line starting with "- ").`,
  },
  syntaxError: { vi: (detail: string) => `sai cú pháp: ${detail}`, en: (detail: string) => `syntax error: ${detail}` },

  // problems
  severityError: { vi: () => 'lỗi', en: () => 'error' },
  severityWarning: { vi: () => 'cảnh báo', en: () => 'warning' },
  inField: { vi: (field: string, detail: string) => `trường "${field}": ${detail}`, en: (field: string, detail: string) => `field "${field}": ${detail}` },
  or: { vi: () => ' hoặc ', en: () => ' or ' },

  // a value found in the file
  foundNothing: { vi: () => 'không có giá trị', en: () => 'nothing' },
  foundNull: { vi: () => 'giá trị rỗng (null)', en: () => 'null (empty)' },
  foundEmptyString: { vi: (quoted: string) => `chuỗi rỗng ${quoted}`, en: (quoted: string) => `the empty string ${quoted}` },
  foundString: { vi: (quoted: string) => `chuỗi ${quoted}`, en: (quoted: string) => `the string ${quoted}` },
  foundNumber: { vi: (n: string) => `số ${n}`, en: (n: string) => `the number ${n}` },
  foundBoolean: { vi: (b: string) => `giá trị ${b} (boolean)`, en: (b: string) => `the boolean ${b}` },
  foundEmptyList: { vi: () => 'danh sách rỗng', en: () => 'an empty list' },
  foundList: { vi: (n: number) => `danh sách (${n} mục)`, en: (n: number) => `a list (${n} item${n === 1 ? '' : 's'})` },
  foundDate: { vi: () => 'ngày', en: () => 'a date' },
  foundObject: { vi: () => 'đối tượng', en: () => 'an object' },

  // the type a field needs
  typeString: { vi: () => 'một chuỗi', en: () => 'a string' },
  typeNumber: { vi: () => 'một số', en: () => 'a number' },
  typeInteger: { vi: () => 'một số nguyên', en: () => 'an integer' },
  typeBoolean: { vi: () => 'giá trị true/false (boolean)', en: () => 'true/false (a boolean)' },
  typeList: { vi: () => 'một danh sách', en: () => 'a list' },
  typeObject: { vi: () => 'một đối tượng', en: () => 'an object' },
  typeDate: { vi: () => 'một ngày', en: () => 'a date' },
  typeNull: { vi: () => 'giá trị rỗng (null)', en: () => 'null' },
  typeNothing: { vi: () => 'không có giá trị', en: () => 'nothing' },
  formatDate: { vi: () => 'một ngày dạng YYYY-MM-DD', en: () => 'a date as YYYY-MM-DD' },
  formatDateTime: { vi: () => 'ngày giờ dạng YYYY-MM-DDTHH:MM:SS', en: () => 'a date-time as YYYY-MM-DDTHH:MM:SS' },
  formatTime: { vi: () => 'giờ dạng HH:MM hoặc HH:MM:SS', en: () => 'a time as HH:MM or HH:MM:SS' },
  formatEmail: { vi: () => 'một địa chỉ email', en: () => 'an e-mail address' },
  formatUrl: { vi: () => 'một địa chỉ web (URL)', en: () => 'a web address (URL)' },
  formatUuid: { vi: () => 'một mã UUID', en: () => 'a UUID' },

  // validation against the kind's fields
  unknownField: {
    vi: (field: string, suggestion: string | undefined) => `trường "${field}" không có trong mẫu${suggestion ? ` — có phải "${suggestion}"?` : '.'}`,
    en: (field: string, suggestion: string | undefined) => `field "${field}" is not in the template${suggestion ? ` — did you mean "${suggestion}"?` : '.'}`,
  },
  unknownFieldComma: {
    vi: (field: string, whole: string) => `trường "${field}" không có trong mẫu — trong dấu { } dấu phẩy ngắt giá trị đứng trước nó làm đôi; hãy đặt giá trị có dấu phẩy trong ngoặc kép: ${whole}`,
    en: (field: string, whole: string) => `field "${field}" is not in the template — inside { } a comma cut the value before it in two; put a value with a comma in double quotes: ${whole}`,
  },
  // `{ value: 79,1 }`: the comma of a Vietnamese decimal ends the number (read as 79) and "1" becomes a key.
  unknownFieldDecimalComma: {
    vi: (field: string, typed: string, read: string, whole: string) => `trường "${field}" không có trong mẫu — trong dấu { } dấu phẩy ngắt số ${typed} làm đôi (đọc thành ${read}); số thập phân viết bằng dấu chấm: ${whole}`,
    en: (field: string, typed: string, read: string, whole: string) => `field "${field}" is not in the template — inside { } the comma cut the number ${typed} in two (read as ${read}); write decimals with a point: ${whole}`,
  },
  invalidValue: { vi: () => 'giá trị không hợp lệ', en: () => 'invalid value' },
  missingField: { vi: (field: string) => `thiếu trường bắt buộc "${field}"`, en: (field: string) => `missing required field "${field}"` },
  butGot: { vi: (found: string) => `, nhưng nhận được ${found}`, en: (found: string) => `, but got ${found}` },
  needs: { vi: (what: string) => `cần ${what}`, en: (what: string) => `expected ${what}` },
  notEmpty: { vi: () => 'không được để trống', en: () => 'must not be empty' },
  listNotEmpty: { vi: () => 'danh sách không được rỗng', en: () => 'the list must not be empty' },
  exactlyChars: { vi: (n: string) => `đúng ${n} ký tự`, en: (n: string) => `exactly ${n} character(s)` },
  atLeastChars: { vi: (n: string) => `ít nhất ${n} ký tự`, en: (n: string) => `at least ${n} character(s)` },
  atMostChars: { vi: (n: string) => `tối đa ${n} ký tự`, en: (n: string) => `at most ${n} character(s)` },
  exactlyItems: { vi: (n: string) => `đúng ${n} mục`, en: (n: string) => `exactly ${n} item(s)` },
  atLeastItems: { vi: (n: string) => `ít nhất ${n} mục`, en: (n: string) => `at least ${n} item(s)` },
  atMostItems: { vi: (n: string) => `tối đa ${n} mục`, en: (n: string) => `at most ${n} item(s)` },
  mustHave: { vi: (expected: string) => `phải có ${expected}`, en: (expected: string) => `must have ${expected}` },
  mustCompare: { vi: (comparison: string) => `phải ${comparison}`, en: (comparison: string) => `must be ${comparison}` },
  oneOf: { vi: (values: string) => `một trong: ${values}`, en: (values: string) => `one of: ${values}` },
  mustBe: { vi: (expected: string) => `phải là ${expected}`, en: (expected: string) => `must be ${expected}` },
  startsWith: { vi: (quoted: string) => `bắt đầu bằng ${quoted}`, en: (quoted: string) => `to start with ${quoted}` },
  endsWith: { vi: (quoted: string) => `kết thúc bằng ${quoted}`, en: (quoted: string) => `to end with ${quoted}` },
  includes: { vi: (quoted: string) => `chứa ${quoted}`, en: (quoted: string) => `to contain ${quoted}` },
  requiredFormat: {
    vi: (_pattern: string | undefined) => 'đúng định dạng quy định',
    en: (pattern: string | undefined) => `to match the required format${pattern ? ` ${pattern}` : ''}`,
  },
  /** `expected` is one of the phrases above (startsWith …, requiredFormat). */
  mustMatch: { vi: (expected: string) => `phải ${expected}`, en: (expected: string) => `must ${expected.replace(/^to /, '')}` },
  multipleOf: { vi: (n: string) => `bội số của ${n}`, en: (n: string) => `a multiple of ${n}` },
  invalidKey: {
    vi: (quotedKey: string, why: string) => `tên ${quotedKey} không hợp lệ${why ? `: ${why}` : ''}`,
    en: (quotedKey: string, why: string) => `name ${quotedKey} is invalid${why ? `: ${why}` : ''}`,
  },
  didYouMean: { vi: (s: string) => ` — có phải "${s}"?`, en: (s: string) => ` — did you mean "${s}"?` },
  hintDigits: { vi: (n: string) => `viết bằng chữ số: ${n}`, en: (n: string) => `write it in digits: ${n}` },
  hintWrite: { vi: (n: string) => `viết ${n}`, en: (n: string) => `write ${n}` },
  noAcceptedForm: { vi: () => 'không khớp với dạng nào được chấp nhận', en: () => 'matches none of the accepted forms' },
} satisfies Messages;
