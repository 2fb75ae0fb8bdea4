import type { Messages } from './types.js';

/** The frame of a document (src/frame): data the effective profile's conventions cannot word. */
export const frameMessages = {
  partyAuthority: {
    vi: (authority: string) => `văn bản của Đảng không dùng quyền hạn ký "${authority}": chỉ dùng TM. (T/M), KT. (K/T) hoặc TL. (T/L)`,
    en: (authority: string) => `a Party document does not use the signing authority "${authority}": only TM. (T/M), KT. (K/T) or TL. (T/L)`,
  },
  positionNeeded: {
    vi: () => 'thiếu chức vụ người ký: chỉ được bỏ trống khi ký "TM." một tập thể (không có "deputyFor")',
    en: () => 'the signer\'s position is missing: it may be left out only when signing "TM." for a collective (without "deputyFor")',
  },
} satisfies Messages;
