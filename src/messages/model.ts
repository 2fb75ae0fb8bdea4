import type { Messages } from './types.js';

/**
 * The kinds of document (src/model): what a field of the data needs (the schema's own wording,
 * attached to zod checks as `ref('model', …)` and worded when the data is validated) and what is
 * wrong with a kind folder (kind.yaml, body.hbs).
 */
export const modelMessages = {
  // a field of the data
  notEmpty: { vi: () => 'không được để trống', en: () => 'must not be empty' },
  oneLine: { vi: () => 'phải nằm trên một dòng', en: () => 'must fit on one line' },
  dateFormat: { vi: () => 'cần một ngày dạng YYYY-MM-DD, ví dụ 2020-12-09', en: () => 'expected a date as YYYY-MM-DD, e.g. 2020-12-09' },
  dateDayFirst: {
    vi: (iso: string) => `cần một ngày dạng YYYY-MM-DD (năm-tháng-ngày): viết ${iso}`,
    en: (iso: string) => `expected a date as YYYY-MM-DD (year-month-day): write ${iso}`,
  },
  realDate: { vi: () => 'ngày không có thật trong lịch', en: () => 'no such day in the calendar' },
  yearInteger: { vi: () => 'cần một năm (số nguyên)', en: () => 'expected a year (a whole number)' },
  integer: { vi: () => 'cần một số nguyên', en: () => 'expected a whole number' },
  notNegative: { vi: () => 'không được âm', en: () => 'must not be negative' },
  positive: { vi: () => 'phải lớn hơn 0', en: () => 'must be greater than 0' },
  atLeast: { vi: (n: number) => `phải ≥ ${n}`, en: (n: number) => `must be ≥ ${n}` },
  atMost: { vi: (n: number) => `phải ≤ ${n}`, en: (n: number) => `must be ≤ ${n}` },
  listAtLeast: { vi: (n: number) => `cần ít nhất ${n} mục`, en: (n: number) => `needs at least ${n} item(s)` },
  listAtMost: { vi: (n: number) => `nhiều nhất ${n} mục`, en: (n: number) => `at most ${n} item(s)` },
  matchPattern: { vi: (pattern: string) => `phải khớp mẫu ${pattern}`, en: (pattern: string) => `must match the pattern ${pattern}` },
  symbolFormat: {
    vi: () => 'ký hiệu gồm các nhóm chữ/số nối bằng "-", không có khoảng trắng, ví dụ "BC-UBND"',
    en: () => 'a symbol is groups of letters/digits joined by "-", without spaces, e.g. "BC-UBND"',
  },
  archiveNeeded: { vi: () => 'cần ít nhất một nơi lưu, thường là "VT"', en: () => 'needs at least one archive entry, usually "VT"' },
  authorityNeedsOnBehalfOf: {
    vi: (authority: string) => `quyền hạn "${authority}" cần ghi tập thể hoặc người đứng đầu được thay mặt (onBehalfOf)`,
    en: (authority: string) => `signing authority "${authority}" needs the body or head signed for (onBehalfOf)`,
  },
  deputyForNeedsTM: {
    vi: () => 'deputyFor chỉ dùng cùng quyền hạn "TM." (TM. tập thể, KT. người đứng đầu)',
    en: () => 'deputyFor is only used with the authority "TM." (TM. the body, KT. its head)',
  },
  kindUnknownProfile: {
    vi: (id: string, known: string) => `không có bộ thể thức "${id}"; các bộ có: ${known}`,
    en: (id: string, known: string) => `there is no layout profile "${id}"; the profiles are: ${known}`,
  },
  kindIdFormat: {
    vi: () => 'mã loại văn bản viết thường, nối bằng "-", ví dụ "ke-hoach"',
    en: () => 'a kind id is lower case words joined by "-", e.g. "ke-hoach"',
  },

  // a kind folder
  kindUnreadable: { vi: (file: string) => `${file}: không đọc được tệp mô tả loại văn bản.`, en: (file: string) => `${file}: cannot read the kind file.` },
  kindNoTemplate: { vi: (dir: string) => `${dir}: thiếu tệp mẫu body.hbs.`, en: (dir: string) => `${dir}: the template body.hbs is missing.` },
  kindSharedField: {
    vi: (file: string, field: string) => `${file}: trường "${field}" là trường chung, không khai báo lại.`,
    en: (file: string, field: string) => `${file}: field "${field}" is shared by every kind and cannot be declared again.`,
  },
  kindNoFolder: { vi: (dir: string) => `${dir}: không có thư mục loại văn bản này.`, en: (dir: string) => `${dir}: no such kind folder.` },
  kindCheckUnknownField: {
    vi: (where: string, key: string, field: string, fix: string | undefined) =>
      `${where}: kiểm tra (checks) "${key}: ${field}" nêu một trường không được khai báo${fix ? ` — có phải "${fix}"?` : ''}`,
    en: (where: string, key: string, field: string, fix: string | undefined) =>
      `${where}: the check "${key}: ${field}" names a field that is not declared${fix ? ` — did you mean "${fix}"?` : ''}`,
  },
  kindNoSample: {
    vi: (sample: string, id: string, kindFile: string) => `${sample}: không tìm thấy tệp số liệu mẫu của loại văn bản "${id}" (khai báo ở "sample:" trong ${kindFile}); hãy đặt tệp mẫu vào thư mục loại văn bản hoặc sửa "sample:".`,
    en: (sample: string, id: string, kindFile: string) => `${sample}: the sample data file of the kind "${id}" is missing (named by "sample:" in ${kindFile}); put the sample in the kind folder or correct "sample:".`,
  },
  kindFieldNeeds: {
    vi: (where: string, type: string, key: string) => `${where}: kiểu ${type} cần khai báo "${key}"`,
    en: (where: string, type: string, key: string) => `${where}: type ${type} needs "${key}"`,
  },
} satisfies Messages;
