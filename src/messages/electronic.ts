import type { Messages } from './types.js';

/**
 * The electronic-document layout (`--electronic`, `--sign-layout`, `--appendices separate`): the
 * signer's and the seal's images named in the data, checked before anything is laid out.
 */
export const electronicMessages = {
  imageUnreadable: {
    vi: (field: string, file: string) => `${field}: không đọc được tệp ảnh "${file}" (đường dẫn tính từ thư mục của tệp dữ liệu)`,
    en: (field: string, file: string) => `${field}: cannot read the image file "${file}" (the path is relative to the data file's folder)`,
  },
  imageNotPng: {
    vi: (field: string, file: string) => `${field}: tệp "${file}" không phải ảnh PNG — hãy lưu ảnh chữ ký/con dấu dạng PNG nền trong suốt`,
    en: (field: string, file: string) => `${field}: "${file}" is not a PNG image — save the signature or seal as a PNG with a transparent background`,
  },
  imageCorrupt: {
    vi: (field: string, file: string, detail: string) => `${field}: ảnh PNG "${file}" bị hỏng (${detail})`,
    en: (field: string, file: string, detail: string) => `${field}: the PNG image "${file}" is damaged (${detail})`,
  },
  imageNoAlpha: {
    vi: (field: string, file: string) => `${field}: ảnh "${file}" không có nền trong suốt (kênh alpha) — Nghị định 30 yêu cầu ảnh PNG nền trong suốt để chữ ký, con dấu không che chữ`,
    en: (field: string, file: string) => `${field}: the image "${file}" has no transparent background (alpha channel) — Decree 30 requires a transparent PNG so the image does not hide the text`,
  },
  imageUnsupported: {
    vi: (field: string, file: string, what: string) => `${field}: ảnh "${file}" dùng kiểu PNG chưa hỗ trợ (${what}) — hãy lưu lại dạng PNG 8 bit, không xen kẽ (non-interlaced)`,
    en: (field: string, file: string, what: string) => `${field}: the image "${file}" uses an unsupported PNG variant (${what}) — save it again as an 8-bit, non-interlaced PNG`,
  },
  imageTooLarge: {
    vi: (field: string, file: string, bytes: number, max: number) => `${field}: ảnh "${file}" nặng ${bytes} byte, vượt giới hạn ${max} byte`,
    en: (field: string, file: string, bytes: number, max: number) => `${field}: the image "${file}" is ${bytes} bytes, over the limit of ${max} bytes`,
  },
  imagePixels: {
    vi: (field: string, file: string, w: number, h: number, min: number, max: number) => `${field}: ảnh "${file}" có ${w}×${h} điểm ảnh; mỗi chiều phải từ ${min} đến ${max}`,
    en: (field: string, file: string, w: number, h: number, min: number, max: number) => `${field}: the image "${file}" is ${w}×${h} pixels; each side must be between ${min} and ${max}`,
  },
  imageSize: {
    vi: (field: string, value: number, min: number, max: number) => `${field}: kích thước ${value} mm không hợp lý; phải từ ${min} đến ${max} mm`,
    en: (field: string, value: number, min: number, max: number) => `${field}: a size of ${value} mm is not sensible; it must be between ${min} and ${max} mm`,
  },
  badSignedAt: {
    vi: (value: string) => `--signed-at "${value}" không phải thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-09T14:30:15+07:00`,
    en: (value: string) => `--signed-at "${value}" is not an ISO 8601 time with a time zone, e.g. 2026-12-09T14:30:15+07:00`,
  },
  appendixNeeds: {
    vi: (field: string, what: 'number' | 'date') =>
      `${field}: phụ lục tách tệp của văn bản điện tử cần ${what === 'number' ? 'số' : 'ngày'} của văn bản — chữ ký số của cơ quan trên phụ lục ghi số, ký hiệu và thời điểm ký, dòng "(Kèm theo …)" ghi số và ngày của văn bản (Nghị định 30, Phụ lục I); hãy ghi ${field} hoặc bỏ --appendices separate`,
    en: (field: string, what: 'number' | 'date') =>
      `${field}: an appendix issued as a separate file of an electronic document needs the document's ${what} — the agency's signature on it shows the number, symbol and signing time, and its "(Kèm theo …)" line the document's number and date (Decree 30, Appendix I); add ${field} or drop --appendices separate`,
  },
  signLayoutNeedsPdf: {
    vi: () => '--sign-layout cần định dạng pdf (vị trí chữ ký được đọc từ bản PDF đã dàn trang)',
    en: () => '--sign-layout needs the pdf format (the signature positions are read from the laid-out PDF)',
  },
  helpElectronic: {
    vi: () => 'văn bản điện tử (Nghị định 30 Phụ lục I Phần II): ảnh chữ ký và con dấu của frame (signer.image, sealImage), hoặc chừa chỗ ký số',
    en: () => 'electronic document (Decree 30 Appendix I Part II): the frame\'s signature and seal images (signer.image, sealImage), or the signing area reserved',
  },
  helpSignLayout: {
    vi: () => 'ghi thêm <tên>.sign.json: trang và vị trí các ô ký số trong PDF (kèm --electronic)',
    en: () => 'also write <name>.sign.json: page and rectangle of each signature area of the PDF (implies --electronic)',
  },
  helpAppendices: {
    vi: () => 'phụ lục: same = cùng tệp với văn bản; separate = mỗi phụ lục một tệp <tên>.phu-luc-<n>, có chữ ký số dạng chữ của cơ quan khi --electronic',
    en: () => 'appendices: same = in the document\'s file; separate = one file each, <name>.phu-luc-<n>, with the agency\'s text stamp under --electronic',
  },
  helpSignedAt: {
    vi: () => 'thời điểm ký ghi trên phụ lục tách tệp (ISO 8601), ví dụ 2026-12-09T14:30:15+07:00; mặc định: ngày của văn bản',
    en: () => 'signing time written on an appendix issued as a separate file (ISO 8601), e.g. 2026-12-09T14:30:15+07:00; default: the document\'s date',
  },
} satisfies Messages;
