import type { Appendix, Block, Document, Inline, ListItem, TableCell, TableRow } from './types.js';

/**
 * The one walker over the Document tree: every node with children has them in `children`, so a
 * walk needs no knowledge of node types beyond that. Appendices hang beside the body and are
 * visited after it.
 */

export type DocumentNode = Document | Appendix | Block | ListItem | TableRow | TableCell | Inline;

/** A node's children, in order; the document's appendices follow its body. */
export function childrenOf(node: DocumentNode): DocumentNode[] {
  if (node.type === 'document') return [...node.children, ...node.appendices];
  return 'children' in node ? (node.children as DocumentNode[]) : [];
}

/**
 * Visit every node depth-first, parents before children, with its ancestors (nearest last).
 * Iterative, so a deeply nested tree cannot overflow the stack.
 */
export function visit(root: DocumentNode, fn: (node: DocumentNode, ancestors: readonly DocumentNode[]) => void): void {
  const stack: { node: DocumentNode; depth: number }[] = [{ node: root, depth: 0 }];
  const ancestors: DocumentNode[] = [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    ancestors.length = depth;
    fn(node, ancestors);
    ancestors.push(node);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
  }
}

/** A copy of the tree with every node passed through `fn` after its children were mapped. */
export function map<T extends DocumentNode>(node: T, fn: (node: DocumentNode) => DocumentNode): T {
  if (node.type === 'document') {
    const doc = node as Document;
    return fn({ ...doc, children: doc.children.map((c) => map(c, fn)), appendices: doc.appendices.map((a) => map(a, fn)) }) as T;
  }
  if ('children' in node) {
    return fn({ ...node, children: (node.children as DocumentNode[]).map((c) => map(c, fn)) } as DocumentNode) as T;
  }
  return fn(node) as T;
}

/** Plain text of inline content; a line break reads as a newline. */
export function inlineText(content: readonly (Inline | { type: string })[]): string {
  return content.map((c) => (c.type === 'text' ? (c as { text: string }).text : c.type === 'break' ? '\n' : '')).join('');
}
