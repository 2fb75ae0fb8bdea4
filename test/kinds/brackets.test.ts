import { describe, expect, it } from 'vitest';
import { mapDocumentText } from '../../src/document/transform.js';
import { listKinds } from '../../src/model/index.js';
import { buildDocument, loadReport } from '../../src/pipeline/index.js';
import type { ReportBase } from '../../src/model/index.js';

// Issue #14 §1: no built-in template nests brackets ("(giảm 880 người, 41,3% so với năm 2020)",
// not "(giảm 880 người (41,3%) so với năm 2020)"). Each sample is rendered with a last period's
// figure on every quantity, so every comparison the templates can word is worded.

/** The report with `previous` set on every figure (value + 3, or value - 1 for every other one). */
function withPrevious(v: unknown, n = { i: 0 }): unknown {
  if (Array.isArray(v)) return v.map((x) => withPrevious(x, n));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.value === 'number' && typeof o.unit === 'string') return { ...o, previous: o.previous ?? (n.i++ % 2 === 0 ? o.value + 3 : Math.max(0, o.value - 1)) };
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, k === 'frame' ? x : withPrevious(x, n)]));
}

/** Texts where a bracket opens inside another. */
function nested(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(' && ++depth > 1) out.push(text.slice(Math.max(0, i - 60), i + 30));
    if (text[i] === ')') depth = Math.max(0, depth - 1);
  }
  return out;
}

// The kinds whose templates compare figures (the others word none, and must not nest brackets either).
const COMPARING = ['qp-an', 'bao-cao-dinh-ky', 'ban-tin-antt'];

describe.each(listKinds().map((k) => [k.id, k.sample] as const))('%s', (id, sample) => {
  it('words every comparison without a bracket inside a bracket', async () => {
    const r = await loadReport(sample);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const texts: string[] = [];
    const report = withPrevious(r.report) as ReportBase;
    mapDocumentText(buildDocument(r.kind, report), (t) => (texts.push(t), t));
    const compared = texts.filter((t) => /(tăng|giảm|bằng|\+\d|-\u00a0\d)/u.test(t));
    if (COMPARING.includes(id)) expect(compared.length).toBeGreaterThan(3);
    expect(texts.flatMap(nested)).toEqual([]);
  });
});
