import type { Messages } from './types.js';

/** Rendering one input and writing its outputs (src/batch). */
export const batchMessages = {
  cannotWrite: {
    vi: (file: string, detail: string) => `${file}: không ghi được tệp (các tệp kết quả của văn bản này không thay đổi): ${detail}`,
    en: (file: string, detail: string) => `${file}: cannot write file (the outputs of this document are unchanged): ${detail}`,
  },
  sharedName: {
    vi: (stem: string, files: string) =>
      `Các tệp dữ liệu ${files} cho cùng một tên tệp kết quả "${stem}". Không dựng tệp nào; hãy sửa cơ quan ban hành, ngày hoặc số văn bản cho khác nhau, hoặc dựng riêng từng tệp với --name.`,
    en: (stem: string, files: string) =>
      `The data files ${files} map to one output name "${stem}". Nothing was rendered; make their issuing agency, date or number differ, or render each alone with --name.`,
  },
} satisfies Messages;
