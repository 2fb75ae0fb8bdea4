/**
 * Line breaking for the frame's centred titles, decided once before rendering so the PDF and
 * the DOCX break the agency name and the summary at the same words.
 *
 * Vietnamese writes one syllable per space-separated word, so a break "between words" can still
 * cut a word in two ("AN / NINH", "TỔ / QUỐC"). The breaker knows the compounds of agency names
 * and titles and breaks between phrases: after a comma, before "và", before the place level.
 */

export type Measure = (text: string) => number;

// Split on the marks alone, then trim: \s* on both sides of an alternation backtracks
// quadratically on a long run of spaces (test/hostile/redos.test.ts).
/** The data forces breaks with "|" (or a newline where the field allows one): "BAN CHỈ ĐẠO|PHÒNG, CHỐNG …". */
const FORCED = /\||\n/u;
const forcedParts = (text: string): string[] => text.split(FORCED).map((p) => p.trim()).filter(Boolean);

/** The text without its forced breaks, as the body and the document's properties print it. */
export function unbroken(text: string): string {
  return forcedParts(text).join(' ');
}

/** The data's own lines, each then balanced if it is still too wide. */
function forced(text: string, maxWidth: number, measure: Measure, each: (t: string) => string[]): string[] | undefined {
  const parts = forcedParts(text);
  if (parts.length <= 1) return undefined;
  return parts.flatMap((p) => (measure(p) <= maxWidth ? [p] : each(p)));
}

/** One line if it fits; otherwise the fewest lines, with the longest line as short as possible. */
export function balanceLines(text: string, maxWidth: number, measure: Measure): string[] {
  const own = forced(text, maxWidth, measure, (t) => balanceLines(t, maxWidth, measure));
  if (own) return own;
  // Ordinary spaces only: a no-break space (the blank of a draft's number) binds its neighbours.
  const words = text.split(/[ \t\n\r]+/).filter(Boolean);
  if (words.length <= 1 || measure(text) <= maxWidth) return [text];
  for (let n = 2; n <= words.length; n++) {
    const best = bestSplit(words, n, maxWidth, measure);
    if (best) return best;
  }
  return words;
}

/**
 * Exhaustive search over break positions (titles are a few words long). Cost: the longest line,
 * plus a penalty for each break by how much it cuts a phrase (breakPenalty). So "…năm 2020," /
 * "phương hướng…" wins over a more even split, and "AN / NINH" loses to nearly any other.
 */
function bestSplit(words: string[], n: number, maxWidth: number, measure: Measure): string[] | undefined {
  let best: { lines: string[]; cost: number } | undefined;
  const go = (start: number, left: number, acc: string[], worst: number, penalties: number): void => {
    if (best && worst + penalties >= best.cost) return;
    if (left === 1) {
      const line = words.slice(start).join(' ');
      const w = measure(line);
      if (w > maxWidth) return;
      const cost = Math.max(worst, w) + penalties;
      if (!best || cost < best.cost) best = { lines: [...acc, line], cost };
      return;
    }
    for (let end = start + 1; end <= words.length - (left - 1); end++) {
      const line = words.slice(start, end).join(' ');
      const w = measure(line);
      if (w > maxWidth) break;
      go(end, left - 1, [...acc, line], Math.max(worst, w), penalties + breakPenalty(words, end) * maxWidth);
    }
  };
  if (words.length > 40) return undefined; // not a title: leave wrapping to the renderer
  go(0, n, [], 0, 0);
  return best?.lines;
}

const connectives = new Set(['và', 'của', 'về', 'trong', 'trên', 'tại', 'cho', 'đối', 'theo', 'giai', 'nhằm', 'để', 'với']);

/**
 * Words of several syllables in the names and titles of offices' documents, which a line never
 * splits where another break will do. Written in capitals; matched whatever the case. A comma
 * inside ("PHÒNG, CHỐNG") is part of the word: no break after that comma.
 */
const COMPOUNDS: readonly string[] = [
  // agencies and their parts
  'ỦY BAN', 'UỶ BAN', 'NHÂN DÂN', 'HỘI ĐỒNG', 'BAN CHỈ ĐẠO', 'CHỈ ĐẠO', 'BAN CHỈ HUY', 'CHỈ HUY', 'THƯỜNG VỤ',
  'THƯỜNG TRỰC', 'VĂN PHÒNG', 'CÔNG AN', 'QUÂN SỰ', 'BIÊN PHÒNG', 'BỘ ĐỘI', 'DÂN QUÂN', 'TỰ VỆ', 'MẶT TRẬN',
  'TỔ QUỐC', 'VIỆT NAM', 'ĐOÀN THỂ', 'THANH NIÊN', 'CỘNG SẢN', 'HỒ CHÍ MINH', 'PHỤ NỮ', 'NÔNG DÂN',
  'CỰU CHIẾN BINH', 'CHIẾN BINH', 'CÔNG ĐOÀN', 'ĐẢNG ỦY', 'ĐẢNG BỘ', 'CHI BỘ', 'HUYỆN ỦY', 'TỈNH ỦY', 'THỊ ỦY', 'THÀNH ỦY',
  // places
  'THÀNH PHỐ', 'THỊ XÃ', 'THỊ TRẤN', 'ĐẶC KHU',
  // subjects
  'QUỐC PHÒNG', 'AN NINH', 'GIÁO DỤC', 'PHÒNG, CHỐNG', 'PHÒNG CHỐNG', 'TỘI PHẠM', 'TỆ NẠN', 'XÃ HỘI', 'MA TÚY', 'MA TUÝ',
  'TRẬT TỰ', 'AN TOÀN', 'GIAO THÔNG', 'PHÒNG CHÁY', 'CHỮA CHÁY', 'CỨU NẠN', 'CỨU HỘ', 'KINH TẾ', 'VĂN HÓA', 'VĂN HOÁ',
  'PHÁT TRIỂN', 'NÔNG THÔN', 'NÔNG NGHIỆP', 'XÂY DỰNG', 'ĐÔ THỊ', 'VĂN MINH', 'TÀI CHÍNH', 'NGÂN SÁCH', 'KẾ HOẠCH',
  'ĐẦU TƯ', 'CHÍNH TRỊ', 'HÀNH CHÍNH', 'CẢI CÁCH', 'TƯ PHÁP', 'THANH TRA', 'TÔN GIÁO', 'DÂN TỘC', 'Y TẾ', 'DÂN SỐ',
  'GIA ĐÌNH', 'TRẺ EM', 'LAO ĐỘNG', 'THƯƠNG BINH', 'TÀI NGUYÊN', 'MÔI TRƯỜNG', 'THIÊN TAI', 'TÌM KIẾM', 'CỨU NẠN',
  'CÔNG TÁC', 'NHIỆM VỤ', 'PHƯƠNG HƯỚNG', 'KẾT QUẢ', 'THỰC HIỆN', 'TỔNG KẾT', 'SƠ KẾT', 'TÌNH HÌNH', 'QUỐC GIA',
  'MỤC TIÊU', 'CHƯƠNG TRÌNH', 'ĐỜI SỐNG', 'TIÊU CHÍ', 'PHONG TRÀO', 'TOÀN DÂN', 'BẢO VỆ', 'TUYỂN QUÂN', 'NGHĨA VỤ',
  'HUẤN LUYỆN', 'KIẾN THỨC', 'TUYÊN TRUYỀN', 'PHÁP LUẬT', 'NGUYÊN ĐÁN', 'ĐỊNH KỲ', 'HẰNG THÁNG',
  // periods: "6 tháng đầu năm" is one phrase
  '6 THÁNG ĐẦU NĂM', '6 THÁNG CUỐI NĂM', '9 THÁNG ĐẦU NĂM', 'THÁNG ĐẦU NĂM', 'THÁNG CUỐI NĂM',
];

const upper = (w: string): string => w.toLocaleUpperCase('vi').normalize('NFC');
const compoundWords: string[][] = COMPOUNDS.map((c) => c.split(' ')).filter((c) => c.length > 1);

/** Does a compound word of the list run across the break before words[at]? */
function splitsCompound(words: string[], at: number): boolean {
  return compoundWords.some((c) => {
    for (let first = at - c.length + 1; first < at; first++) {
      if (first < 0 || first + c.length > words.length) continue;
      if (c.every((syllable, i) => upper(words[first + i]!) === syllable)) return true;
    }
    return false;
  });
}

/** The administrative level that opens a place name ("HUYỆN NGHI SƠN"); "THỊ XÃ" as one. */
const PLACE_LEVELS: readonly string[][] = ['THÀNH PHỐ', 'THỊ XÃ', 'THỊ TRẤN', 'ĐẶC KHU', 'TỈNH', 'HUYỆN', 'QUẬN', 'XÃ', 'PHƯỜNG'].map((l) => l.split(' '));

/** Where a place level starts at words[i] (not "XÃ" of "THỊ XÃ" or of "XÃ HỘI"), its length in words. */
function placeLevelAt(words: string[], i: number): number {
  for (const level of PLACE_LEVELS) {
    if (!level.every((s, k) => upper(words[i + k] ?? '') === s)) continue;
    if (level.length === 1 && level[0] === 'XÃ' && (upper(words[i - 1] ?? '') === 'THỊ' || upper(words[i + 1] ?? '') === 'HỘI')) continue;
    // A level needs a name after it ("các xã trên địa bàn" names no place).
    return isName(words[i + level.length]) ? level.length : 0;
  }
  return 0;
}

/** Cost (as a fraction of the line width) of breaking before words[at]. */
function breakPenalty(words: string[], at: number): number {
  const before = words[at - 1] ?? '';
  const next = words[at] ?? '';
  const afterNext = words[at + 1] ?? '';
  // A word cut in two: the worst break, taken only when nothing else fits.
  if (splitsCompound(words, at)) return 0.5;
  // Inside a place name ("HUYỆN NGHI / SƠN"): as bad; before its level: a phrase boundary.
  const level = placeAt(words, at);
  if (level === 'inside') return 0.5;
  if (level === 'before') return 0.01;
  // "năm / 2024", "tháng / 01": a period's word and its number.
  if (/^\d/u.test(next) && /^(năm|tháng|quý|ngày|giai đoạn)$/u.test(before.toLocaleLowerCase('vi'))) return 0.5;
  if (/[,;:]$/.test(before)) return 0;
  if (before === '-' || next === '-' || words[at - 2] === '-' || afterNext === '-') return 0.3;
  if (next.toLocaleLowerCase('vi') === 'và') return 0.02;
  if (connectives.has(next.toLocaleLowerCase('vi'))) return 0.04;
  return 0.12;
}

/** A word that can be (part of) a place's name: capitalised or a number ("Nghi", "SƠN", "3"). */
function isName(w: string | undefined): boolean {
  return w !== undefined && /^[\p{Lu}\p{N}]/u.test(w);
}

/** Whether a break before words[at] starts a place name, falls inside one, or neither. */
function placeAt(words: string[], at: number): 'before' | 'inside' | undefined {
  if (placeLevelAt(words, at) > 0) return 'before';
  // A place name: its level, then capitalised words up to punctuation ("HUYỆN NGHI SƠN", "xã Hòa Bình").
  if (!isName(words[at])) return undefined;
  for (let i = at - 1; i >= 0 && at - i <= 5; i--) {
    if (placeLevelAt(words, i) > 0) return 'inside';
    const ofLevel = i > 0 && placeLevelAt(words, i - 1) === 2; // "xã" of "thị xã Nghi Sơn"
    if (/[,;:.)]$/.test(words[i]!) || !(isName(words[i]) || ofLevel)) return undefined;
  }
  return undefined;
}

/**
 * Agency names: one line if it fits; the data's own breaks ("|") if it gives some; else the place
 * ("HUYỆN NGHI SƠN") on a line of its own, as offices print them ("ỦY BAN NHÂN DÂN" / "THỊ XÃ
 * NGHI SƠN"), and the rest in balanced lines broken between phrases; failing that, all balanced.
 */
export function agencyLines(name: string, maxWidth: number, measure: Measure): string[] {
  const own = forced(name, maxWidth, measure, (t) => agencyLines(t, maxWidth, measure));
  if (own) return own;
  if (measure(name) <= maxWidth) return [name];
  const words = name.split(/[ \t]+/).filter(Boolean);
  const at = words.findIndex((_, i) => i > 0 && placeLevelAt(words, i) > 0);
  if (at > 0) {
    const head = words.slice(0, at).join(' ');
    const tail = words.slice(at).join(' ');
    if (measure(tail) <= maxWidth) return [...balanceLines(head, maxWidth, measure), tail];
  }
  return balanceLines(name, maxWidth, measure);
}

/**
 * A text whose compounds and period numbers are bound with no-break spaces ("AN\u00a0NINH",
 * "NĂM\u00a02020"), for a paragraph that the writers wrap themselves (a long heading): they
 * then break it between words only where no compound is cut.
 */
export function bindCompounds(text: string): string {
  const words = text.split(' ');
  if (words.length < 2) return text;
  let out = words[0]!;
  for (let i = 1; i < words.length; i++) {
    const bound = words[i - 1] !== '' && words[i] !== '' && (splitsCompound(words, i) || placeAt(words, i) === 'inside' || (/^\d/u.test(words[i]!) && /^(năm|tháng|quý|ngày)$/u.test(words[i - 1]!.toLocaleLowerCase('vi'))));
    out += (bound ? '\u00a0' : ' ') + words[i];
  }
  return out;
}
