import type { Walk } from './index.js';

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
  const margin = paragraph.margin as [number, number, number, number];
  if ((headingAlone || opensPage) && margin[1] > 0) {
    paragraph.margin = [margin[0], 0, margin[2], margin[3]];
    return true;
  }
  return headingAlone;
}
