import type { Messages } from './types.js';

/** Fonts (src/fonts). */
export const fontsMessages = {
  unknownFamily: {
    vi: (name: string, known: string) => `Không có bộ phông "${name}". Các bộ phông đã khai báo: ${known}.`,
    en: (name: string, known: string) => `No font family "${name}". Declared families: ${known}.`,
  },
  fontUnreadable: {
    vi: (file: string, detail: string) => `Không đọc được tệp phông "${file}": ${detail}`,
    en: (file: string, detail: string) => `Cannot read the font file "${file}": ${detail}`,
  },
} satisfies Messages;
