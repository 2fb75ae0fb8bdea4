import type { Messages } from './types.js';

/** The library's entry points (src/index.ts): options a program passed wrongly. */
export const apiMessages = {
  unknownKind: {
    vi: (kind: string, known: string) => `Không có loại văn bản "${kind}". Các loại có sẵn: ${known}.`,
    en: (kind: string, known: string) => `No document kind "${kind}". Available: ${known}.`,
  },
  badCreationDate: {
    vi: (value: string) => `creationDate không hợp lệ: ${value}`,
    en: (value: string) => `invalid creationDate: ${value}`,
  },
} satisfies Messages;
