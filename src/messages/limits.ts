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
} satisfies Messages;
