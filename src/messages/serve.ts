import type { Messages } from './types.js';

/** The desk's server: what it prints on the terminal and what its API answers in words. */
export const serveMessages = {
  listening: {
    vi: (url: string, folder: string) => `Bàn làm việc baocao đang mở tại ${url}\nThư mục: ${folder}\nNhấn Ctrl+C để dừng.`,
    en: (url: string, folder: string) => `The baocao desk is open at ${url}\nFolder: ${folder}\nPress Ctrl+C to stop.`,
  },
  hostWarning: {
    vi: (host: string) => `CẢNH BÁO: bàn làm việc nghe trên ${host}, máy khác trong mạng cũng mở được và đọc, ghi được các tệp số liệu trong thư mục này. Chỉ dùng trong mạng tin cậy.`,
    en: (host: string) => `WARNING: the desk listens on ${host}; other machines on the network can open it and read and write the data files of this folder. Use it only on a trusted network.`,
  },
  openBrowserFailed: {
    vi: (url: string) => `Không tự mở được trình duyệt; hãy mở ${url}`,
    en: (url: string) => `Could not open a browser; open ${url}`,
  },
  stopped: { vi: () => 'Đã dừng bàn làm việc.', en: () => 'The desk has stopped.' },
  folderMissing: {
    vi: (dir: string) => `${dir}: không có thư mục này.`,
    en: (dir: string) => `${dir}: no such folder.`,
  },
  portInUse: {
    vi: (port: number) => `cổng ${port} đang được dùng; chọn cổng khác với --port, hoặc bỏ --port để tự chọn cổng trống.`,
    en: (port: number) => `port ${port} is in use; choose another with --port, or leave --port out for a free one.`,
  },
  pathRefused: {
    vi: (p: string) => `"${p}": chỉ mở được tệp nằm trong thư mục của bàn làm việc (không "..", không đường dẫn tuyệt đối, không tệp ẩn, không liên kết ra ngoài).`,
    en: (p: string) => `"${p}": only files inside the desk's folder can be opened (no "..", no absolute path, no hidden file, no link leading outside).`,
  },
  wrongExtension: {
    vi: (p: string) => `"${p}": tệp số liệu phải có đuôi .yaml, .yml hoặc .json.`,
    en: (p: string) => `"${p}": a data file must end in .yaml, .yml or .json.`,
  },
  notFound: {
    vi: (p: string) => `"${p}": không có tệp này trong thư mục.`,
    en: (p: string) => `"${p}": no such file in the folder.`,
  },
  tooLarge: {
    vi: (limitKb: number) => `Yêu cầu quá lớn (giới hạn ${limitKb} KB); tệp số liệu của một văn bản không lớn đến vậy.`,
    en: (limitKb: number) => `Request too large (limit ${limitKb} KB); one document's data file is never that big.`,
  },
  badRequest: { vi: (what: string) => `Yêu cầu không hợp lệ: ${what}.`, en: (what: string) => `Bad request: ${what}.` },
  forbidden: {
    vi: () => 'Yêu cầu không đến từ trang của bàn làm việc; đã từ chối.',
    en: () => 'The request does not come from the desk\'s own page; refused.',
  },
  sheetNotRecords: {
    vi: (field: string) => `Danh sách "${field}" không gồm các bản ghi (nhiều trường), nên không lấy từ bảng tính được.`,
    en: (field: string) => `The list "${field}" does not hold records (several fields), so it cannot come from a spreadsheet.`,
  },
  unknownKind: {
    vi: (id: string) => `Không có loại văn bản "${id}".`,
    en: (id: string) => `Unknown document kind "${id}".`,
  },
  renderTimeout: {
    vi: (seconds: string) => `Dựng văn bản mất quá ${seconds} giây nên đã dừng; bản xem trước cũ được giữ.`,
    en: (seconds: string) => `Rendering took longer than ${seconds} seconds and was stopped; the previous preview is kept.`,
  },
  renderFailed: {
    vi: (detail: string) => `Không dựng được văn bản: ${detail}`,
    en: (detail: string) => `Could not render the document: ${detail}`,
  },
  invalidData: {
    vi: (count: number) => `Số liệu còn ${count} lỗi; sửa xong mới tải về được.`,
    en: (count: number) => `The data still has ${count} problem(s); fix them before downloading.`,
  },
  saved: { vi: (p: string) => `Đã lưu ${p}.`, en: (p: string) => `Saved ${p}.` },
  savedWithProblems: {
    vi: (p: string, count: number) => `Đã lưu ${p} (còn ${count} lỗi cần sửa trước khi dựng văn bản).`,
    en: (p: string, count: number) => `Saved ${p} (${count} problem(s) to fix before it renders).`,
  },
  changedOnDisk: {
    vi: (p: string) => `${p} đã bị sửa ở nơi khác từ lúc mở trên bàn làm việc. Ghi đè sẽ làm mất những thay đổi đó.`,
    en: (p: string) => `${p} was changed elsewhere since it was opened on the desk. Overwriting loses those changes.`,
  },
  existsAlready: {
    vi: (p: string) => `${p} đã có trong thư mục. Ghi đè sẽ thay tệp đó.`,
    en: (p: string) => `${p} already exists in the folder. Overwriting replaces it.`,
  },
  writeFailed: {
    vi: (p: string, detail: string) => `Không ghi được ${p}: ${detail}`,
    en: (p: string, detail: string) => `Could not write ${p}: ${detail}`,
  },
  noSourceInPdf: {
    vi: (p: string) => `${p}: tệp PDF này không chứa số liệu nguồn (chỉ bản PDF/A-3 do baocao dựng mới có).`,
    en: (p: string) => `${p}: this PDF carries no source data (only PDF/A-3 files rendered by baocao do).`,
  },
  unreadable: {
    vi: (p: string) => `${p}: không đọc được tệp này thành số liệu; xem các lỗi bên dưới và sửa bằng trình soạn thảo.`,
    en: (p: string) => `${p}: this file cannot be read as data; see the problems below and fix it in an editor.`,
  },
  settingsGroup: { vi: () => 'Tùy chọn của văn bản', en: () => 'Document settings' },
  internal: {
    vi: (detail: string) => `Lỗi không mong đợi của bàn làm việc: ${detail}`,
    en: (detail: string) => `Unexpected error of the desk: ${detail}`,
  },
} satisfies Messages;
