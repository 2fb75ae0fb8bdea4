import type { Walk } from './index.js';

type Node = Record<string, unknown>;

/** What pdfmake tells pageBreakBefore about a node. */
export interface PageBreakNode {
  headlineLevel?: number;
  text?: unknown;
  startPosition: { top: number; pageNumber: number };
}

export interface PageBreakQueries {
  getFollowingNodesOnPage(): PageBreakNode[];
  getPreviousNodesOnPage(): PageBreakNode[];
}

/**
 * Page breaks as Word and LibreOffice make them, so the DOCX breaks where the PDF does:
 * - a heading (or a run of headings) is never last on a page (the layout's keepWithNext). Only
 *   nodes below it count: the page-number header is laid out after the body and also lists as on
 *   the page; a heading followed only by headings breaks too, as pdfmake asks each node once.
 * - a paragraph that opens a page after a natural break loses its space before (Word and
 *   LibreOffice drop it; after an explicit break they keep it).
 * - widow and orphan control (the layout's widowControl): a paragraph split so that one of its
 *   lines stands alone at the foot or the head of a page goes whole to the next page. pdfmake has
 *   no such control and cannot break a paragraph at a chosen line, so where Word would shift one
 *   line of a paragraph of four or more lines to the next page, this moves the paragraph whole.
 * Returning true makes pdfmake lay the document out again with a break before the node.
 */
export function keepWordsPageBreaks(node: PageBreakNode, nodes: PageBreakQueries, walk: Walk): boolean {
  const headingAlone =
    node.headlineLevel !== undefined &&
    nodes
      .getFollowingNodesOnPage()
      .filter((n) => n.startPosition.top > node.startPosition.top)
      .every((n) => n.headlineLevel !== undefined);
  const paragraph = typeof node.text === 'object' && node.text !== null ? walk.paragraphs.get(node.text) : undefined;
  if (!paragraph) return headingAlone;
  const page = node.startPosition.pageNumber;
  const opensPage =
    page > 1 &&
    !walk.afterHardBreak.has(paragraph) &&
    nodes.getPreviousNodesOnPage().every((n) => n.startPosition.pageNumber === page && n.startPosition.top >= node.startPosition.top);
  const alone = walk.widowControl.has(paragraph) && leavesLineAlone(paragraph);
  if (alone && moveHeadingsAbove(paragraph, nodes, walk)) return true;
  const margin = paragraph.margin as [number, number, number, number];
  if ((headingAlone || opensPage || alone) && margin[1] > 0) {
    paragraph.margin = [margin[0], 0, margin[2], margin[3]];
    return true;
  }
  return headingAlone || alone;
}

/**
 * A paragraph that goes to the next page takes the headings right above it along (they are kept
 * with it): the break goes before the first of them. pdfmake would put it on the paragraph; its
 * `pageBreak` is made to ignore that, since the headings' break already moves it.
 */
function moveHeadingsAbove(paragraph: Node, nodes: PageBreakQueries, walk: Walk): boolean {
  const previous = nodes.getPreviousNodesOnPage();
  let i = previous.length;
  while (i > 0 && previous[i - 1]!.headlineLevel !== undefined) i--;
  const first = previous[i];
  const heading = i < previous.length && typeof first?.text === 'object' && first.text !== null ? walk.paragraphs.get(first.text) : undefined;
  if (!heading) return false;
  heading.pageBreak = 'before';
  const margin = heading.margin as [number, number, number, number];
  heading.margin = [margin[0], 0, margin[2], margin[3]];
  Object.defineProperty(paragraph, 'pageBreak', { get: () => undefined, set: () => undefined, configurable: true });
  return true;
}

/**
 * Whether a paragraph pdfmake has just laid out leaves one line alone on a page: its first line at
 * a page's foot (orphan) or its last line at a page's head (widow). pdfmake keeps each line's
 * position on the node of the definition it measured (the walk's own object).
 */
function leavesLineAlone(paragraph: object): boolean {
  const positions = (paragraph as { positions?: { pageNumber: number }[] }).positions ?? [];
  if (positions.length < 2) return false;
  const first = positions[0]!.pageNumber;
  const last = positions[positions.length - 1]!.pageNumber;
  if (first === last) return false;
  const onFirst = positions.filter((p) => p.pageNumber === first).length;
  const onLast = positions.filter((p) => p.pageNumber === last).length;
  return onFirst === 1 || onLast === 1;
}
