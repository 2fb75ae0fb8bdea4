import { createRequire } from 'node:module';

/**
 * pdfmake 0.3.11 builds each line with `textNode._inlines.slice(1)` for every word it places:
 * a copy of the rest of the paragraph per word, quadratic in the paragraph (100 KB took 14 s,
 * 1 MB never finished). This replaces `LayoutBuilder.prototype.buildNextLine` with the same
 * algorithm that passes only the words chained to the current one (`noNewLine`), which is all
 * `Line.hasEnoughSpaceForInline` reads. Pinned to the version it was written against: another
 * version keeps its own code (and the long-paragraph test says whether it is still needed).
 *
 * A word longer than a line is cut by measuring prefixes, and pdfmake measured them over the whole
 * word, then the whole rest, once per line: quadratic in the word. Long tokens get break points
 * (text.ts), but Unicode line breaking makes other long words out of spaced text: no break before
 * "." ";" "," ":" or after "(" even after spaces, so 100 KB of " .;,:" was one word (14 s; 200 KB
 * 60 s). Here no measurement is longer than about twice what the line could hold: the result is
 * the same as long as a longer prefix is never narrower than a shorter one.
 */

interface Inline {
  text: string;
  width: number;
  noWrap?: boolean;
  noNewLine?: boolean;
  trailingCut?: number;
}
interface LineLike {
  hasEnoughSpaceForInline(inline: Inline, next: Inline[]): boolean;
  getAvailableWidth(): number;
  maxWidth: number;
  addInline(inline: Inline): void;
  lastLineInParagraph: boolean;
}
interface TextInlinesLike {
  widthOfText(text: string, inline: Inline): number;
}

const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const version = (fromPdfmake('pdfmake/package.json') as { version: string }).version;
const LayoutBuilder = (fromPdfmake('./LayoutBuilder.js') as { default: { prototype: Record<string, unknown> } }).default;
const Line = (fromPdfmake('./Line.js') as { default: new (width: number) => LineLike }).default;
const TextInlines = (fromPdfmake('./TextInlines.js') as { default: new (x: null) => TextInlinesLike }).default;

/** The words chained to `inlines[0]` by noNewLine, as hasEnoughSpaceForInline walks them. */
function chained(inlines: Inline[]): Inline[] {
  const next: Inline[] = [];
  if (!inlines[0]?.noNewLine) return next;
  for (let i = 1; i < inlines.length; i++) {
    next.push(inlines[i]!);
    if (!inlines[i]!.noNewLine) break;
  }
  return next;
}

/** The first prefix length to try when bounding a measurement (a line holds far fewer characters). */
const FIRST_PREFIX = 256;

/**
 * pdfmake's binary search for the longest prefix of `text` that fits `maxWidth`, with the same
 * sequence of choices, but a prefix at least `tooLong` characters (found by doubling: the first
 * power-of-two prefix wider than the line) is known not to fit and is not measured.
 */
function findMaxFitLength(text: string, maxWidth: number, measure: (t: string) => number): number {
  let tooLong = text.length + 1;
  for (let k = FIRST_PREFIX; k < text.length; k *= 2) {
    if (measure(text.substring(0, k)) > maxWidth) {
      tooLong = k;
      break;
    }
  }
  let low = 1;
  let high = text.length;
  let bestFit = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (mid < tooLong && measure(text.substring(0, mid)) <= maxWidth) {
      bestFit = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return bestFit;
}

/**
 * The width of the rest of a cut word: exact when it is at most `bound` wide (it may end on this
 * next line, where its width places it), else the width of a prefix already wider than `bound`.
 * The rest then starts a line of its own (wider than any line: it is cut again there, its pieces
 * measured anew), so no placement reads the figure but to compare it with a line's width.
 */
function widthUpTo(text: string, bound: number, measure: (t: string) => number): number {
  for (let k = FIRST_PREFIX; k < text.length; k *= 2) {
    const w = measure(text.substring(0, k));
    if (w > bound) return w;
  }
  return measure(text);
}

function buildNextLine(this: { writer: { context(): { availableWidth: number } } }, textNode: { _inlines?: Inline[] }): LineLike | null {
  if (!textNode._inlines || textNode._inlines.length === 0) return null;
  const line = new Line(this.writer.context().availableWidth);
  const textInlines = new TextInlines(null);
  let isForceContinue = false;
  while (textNode._inlines.length > 0 && (line.hasEnoughSpaceForInline(textNode._inlines[0]!, chained(textNode._inlines)) || isForceContinue)) {
    let isHardWrap = false;
    const inline = textNode._inlines.shift()!;
    if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
      const maxChars = findMaxFitLength(inline.text, line.getAvailableWidth(), (t) => textInlines.widthOfText(t, inline));
      if (maxChars < inline.text.length) {
        const rest = { ...inline, text: inline.text.substr(maxChars) };
        inline.text = inline.text.substr(0, maxChars);
        // Four line widths: no line of the document is that wide, so every comparison is as exact.
        rest.width = widthUpTo(rest.text, 4 * line.maxWidth, (t) => textInlines.widthOfText(t, rest));
        inline.width = textInlines.widthOfText(inline.text, inline);
        textNode._inlines.unshift(rest);
        isHardWrap = true;
      }
    }
    line.addInline(inline);
    isForceContinue = Boolean(inline.noNewLine) && !isHardWrap;
  }
  line.lastLineInParagraph = textNode._inlines.length === 0;
  return line;
}

export const linearLines = version === '0.3.11';
if (linearLines) LayoutBuilder.prototype.buildNextLine = buildNextLine;
