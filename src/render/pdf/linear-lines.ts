import { createRequire } from 'node:module';

/**
 * pdfmake 0.3.11 builds each line with `textNode._inlines.slice(1)` for every word it places:
 * a copy of the rest of the paragraph per word, quadratic in the paragraph (100 KB took 14 s,
 * 1 MB never finished). This replaces `LayoutBuilder.prototype.buildNextLine` with the same
 * algorithm that passes only the words chained to the current one (`noNewLine`), which is all
 * `Line.hasEnoughSpaceForInline` reads. Pinned to the version it was written against: another
 * version keeps its own code (and the long-paragraph test says whether it is still needed).
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

function findMaxFitLength(text: string, maxWidth: number, measure: (t: string) => number): number {
  let low = 1;
  let high = text.length;
  let bestFit = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (measure(text.substring(0, mid)) <= maxWidth) {
      bestFit = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return bestFit;
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
        rest.width = textInlines.widthOfText(rest.text, rest);
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
