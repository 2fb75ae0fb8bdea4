/**
 * Line breaking for the frame's centred titles, decided once before rendering so the PDF and
 * the DOCX break the agency name and the summary at the same words.
 */

export type Measure = (text: string) => number;

/** One line if it fits; otherwise the fewest lines, with the longest line as short as possible. */
export function balanceLines(text: string, maxWidth: number, measure: Measure): string[] {
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
 * plus a penalty for each break by how much it cuts a phrase: none after punctuation, little
 * before a connective ("và", "của", "về" …), much next to a spaced hyphen ("quốc phòng - an
 * ninh"), and some anywhere else. So "…năm 2020," / "phương hướng…" wins over a more even split.
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

/** Cost (as a fraction of the line width) of breaking before words[at]. */
function breakPenalty(words: string[], at: number): number {
  const before = words[at - 1] ?? '';
  const next = words[at] ?? '';
  const afterNext = words[at + 1] ?? '';
  if (/[,;:]$/.test(before)) return 0;
  if (before === '-' || next === '-' || words[at - 2] === '-' || afterNext === '-') return 0.3;
  if (connectives.has(next.toLocaleLowerCase('vi'))) return 0.04;
  return 0.12;
}

const unitWords = /\s(?=(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s)/u;

/**
 * Agency names that do not fit break before the administrative unit, as offices print them
 * ("ỦY BAN NHÂN DÂN" / "THỊ XÃ NGHI SƠN"); failing that, into balanced lines.
 */
export function agencyLines(name: string, maxWidth: number, measure: Measure): string[] {
  if (measure(name) <= maxWidth) return [name];
  const m = unitWords.exec(name);
  if (m && m.index > 0) {
    const head = name.slice(0, m.index);
    const tail = name.slice(m.index + 1);
    if (measure(head) <= maxWidth && measure(tail) <= maxWidth) return [head, tail];
  }
  return balanceLines(name, maxWidth, measure);
}
