import { readFileSync } from 'node:fs';
import { parseDocument, isSeq, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listKinds, starterFile } from '../../src/model/index.js';

// Issue #14 §5: a YAML flow list splits a phrase at its comma (`[UBND các xã, phường]` is two
// items), so what a clerk copies from (the README's examples, `init`'s starters) writes every list
// as a block, one "- " item per line.

/** The flow lists ([ … ]) of a YAML text, as written. */
function flowLists(text: string): string[] {
  const doc = parseDocument(text);
  const found: string[] = [];
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.flow && node.items.length > 0 && node.range) found.push(text.slice(node.range[0], node.range[1]));
    },
  });
  return found;
}

describe('lists a clerk copies are block lists', () => {
  it('in every yaml block of the README', () => {
    const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.flatMap(flowLists)).toEqual([]);
  });

  it('in the starter of every built-in kind (init)', () => {
    for (const kind of listKinds()) expect(flowLists(starterFile(kind).yaml), kind.id).toEqual([]);
  });
});
