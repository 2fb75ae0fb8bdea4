/**
 * Column titles as a clerk types them: "Số tổ tự quản", "SỐ TỔ TỰ QUẢN", "So to tu quan" and
 * "số  tổ\ntự quản" are one title. Folding drops case, diacritics (đ → d), punctuation and
 * repeated spaces; a field name in camelCase folds the same way ("securityTeams").
 */
export function foldTitle(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Columns that only number the rows ("TT", "STT", "Số TT"): read past, never an unknown column. */
export function isOrdinalTitle(s: string): boolean {
  return /^(s?tt|so tt|so thu tu|thu tu|no)$/.test(foldTitle(s));
}

/** The first cell of a totals row: "Tổng cộng", "Cộng", "Tổng số", "Tổng". */
export function isTotalsLabel(s: string): boolean {
  return /^(tong cong|cong|tong so|tong|total)$/.test(foldTitle(s));
}
