import type { Messages } from './types.js';

/** Layout profiles (src/profile). */
export const profileMessages = {
  unknownProfile: {
    vi: (id: string, known: string) => `không có bố cục "${id}"; các bố cục có sẵn: ${known}`,
    en: (id: string, known: string) => `unknown layout profile "${id}"; available: ${known}`,
  },
} satisfies Messages;
