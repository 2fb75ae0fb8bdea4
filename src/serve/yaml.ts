import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair, Scalar } from 'yaml';

/**
 * The form's data written back into the file it came from, through the yaml library's document
 * API: unchanged values keep their node (comments, flow style, folded prose), changed scalars keep
 * their comments, new keys go next to their neighbours in the form's order, removed keys go.
 */

const options = { version: '1.2', schema: 'core' } as const;
// No folding of long text at a width (a plain scalar folded over two lines reads as two); flow
// collections padded as the samples write figures: "{ value: 4300, qualifier: trên }".
const layout = { lineWidth: 0 } as const;

export function isJsonName(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

/** The text a save writes: the base text itself when nothing changed. */
export function dataToText(base: string, data: unknown, file: string): string {
  if (isJsonName(file)) {
    let same = false;
    try {
      same = isDeepStrictEqual(JSON.parse(base), data);
    } catch {
      same = false;
    }
    return same ? base : JSON.stringify(data, null, 2) + '\n';
  }
  let old: unknown;
  try {
    old = parse(base, options);
  } catch {
    old = undefined;
  }
  if (old !== undefined && isDeepStrictEqual(old, data)) return base;
  const doc = parseDocument(base, options);
  if (doc.errors.length > 0) return new Document(data, options).toString(layout);
  doc.contents = update(doc, doc.contents as YamlNode | null, data) as typeof doc.contents;
  return doc.toString(layout);
}

function update(doc: Document, node: YamlNode | null, value: unknown): YamlNode {
  if (Array.isArray(value)) {
    if (!isSeq(node)) return fresh(doc, node, value);
    const items = node.items as (YamlNode | null)[];
    items.length = Math.min(items.length, value.length);
    value.forEach((v, i) => {
      items[i] = update(doc, items[i] ?? null, v);
    });
    return node;
  }
  if (value !== null && typeof value === 'object') {
    if (!isMap(node)) return fresh(doc, node, value);
    const entries = Object.entries(value as Record<string, unknown>);
    const wanted = new Map(entries);
    node.items = (node.items as Pair<unknown, unknown>[]).filter((p) => wanted.has(keyOf(p)) && wanted.get(keyOf(p)) !== undefined);
    const keys = () => (node.items as Pair<unknown, unknown>[]).map(keyOf);
    entries.forEach(([k, v], i) => {
      if (v === undefined) return;
      const at = keys().indexOf(k);
      if (at >= 0) {
        const pair = node.items[at] as Pair<unknown, unknown>;
        pair.value = update(doc, pair.value as YamlNode | null, v);
        return;
      }
      // A new key goes after the nearest earlier key of the form's order that the file has.
      const pair = doc.createPair(k, v);
      let pos = 0;
      for (let j = i - 1; j >= 0; j--) {
        const idx = keys().indexOf(entries[j]![0]);
        if (idx >= 0) {
          pos = idx + 1;
          break;
        }
      }
      node.items.splice(pos, 0, pair as never);
    });
    return node;
  }
  if (isScalar(node)) {
    if (node.value === value) return node;
    const s = node as Scalar;
    const wasString = typeof s.value === 'string';
    s.value = value;
    delete s.format;
    // A block scalar stays a block only for text; "94" typed over a figure is a plain number.
    if (!(wasString && typeof value === 'string')) delete s.type;
    if (typeof value === 'string' && s.type === 'PLAIN' && /[\n]/.test(value)) delete s.type;
    return s;
  }
  return fresh(doc, node, value);
}

function fresh(doc: Document, old: YamlNode | null, value: unknown): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  if (old && 'commentBefore' in old && old.commentBefore) node.commentBefore = old.commentBefore;
  if (old && 'comment' in old && old.comment) node.comment = old.comment;
  return node;
}

function keyOf(p: Pair<unknown, unknown>): string {
  return isScalar(p.key) ? String(p.key.value) : String(p.key);
}
