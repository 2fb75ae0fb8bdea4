import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { renderFile } from '../../src/index.js';
import { checkBytes, readDocx } from '../../src/check/index.js';
import type { CheckReport, Finding } from '../../src/check/index.js';
import { TCVN3_TABLE } from '../../src/legacy/index.js';

/** The samples of data/, rendered once per test file. */
const cache = new Map<string, Promise<{ docx: Buffer; pdf: Buffer }>>();
export function rendered(sample: string): Promise<{ docx: Buffer; pdf: Buffer }> {
  let hit = cache.get(sample);
  if (!hit) {
    hit = renderFile(sample, { formats: ['docx', 'pdf'], pdfa: 'none' }).then((r) => ({ docx: r.outputs.docx!, pdf: r.outputs.pdf! }));
    cache.set(sample, hit);
  }
  return hit;
}

/** A copy of a DOCX with one part's XML changed; throws when the change does not apply. */
export function mutate(docx: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files[part]!);
  const changed = change(xml);
  if (changed === xml) throw new Error(`the change to ${part} did not apply`);
  files[part] = strToU8(changed);
  return zipSync(files);
}

/** Replace the first occurrence, failing loudly when the text is not there. */
export function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const i = typeof from === 'string' ? xml.indexOf(from) : xml.search(from);
  if (i < 0) throw new Error(`not found: ${String(from)}`);
  return xml.replace(from, to);
}

/** Change the run (w:r) whose text contains `text`. */
export function inRun(xml: string, text: string, change: (run: string) => string): string {
  const at = xml.indexOf(text);
  if (at < 0) throw new Error(`no run with ${text}`);
  const start = xml.lastIndexOf('<w:r>', at);
  const end = xml.indexOf('</w:r>', at) + '</w:r>'.length;
  const run = xml.slice(start, end);
  const changed = change(run);
  if (changed === run) throw new Error(`run with ${text} unchanged`);
  return xml.slice(0, start) + changed + xml.slice(end);
}

/** The paragraph number the checker gives the first paragraph containing `text`. */
export function paragraphOf(docx: Uint8Array, text: string): number {
  const p = readDocx(docx).paras.find((x) => x.text.normalize('NFC').includes(text));
  if (!p) throw new Error(`no paragraph contains ${text}`);
  return p.n;
}

/** Unicode lower-case Vietnamese written in TCVN3 (.VnTime) bytes shown as Latin-1. */
export function toTcvn3(text: string): string {
  const inverse = new Map(TCVN3_TABLE.map(([byte, letter]) => [letter, String.fromCharCode(byte)]));
  return [...text.normalize('NFC')].map((c) => inverse.get(c) ?? c).join('');
}

export const summarise = (r: CheckReport) => r.findings.map((f: Finding) => `${f.severity} ${f.rule} @ ${f.at}: ${f.found} | ${f.expected}`);

export async function check(bytes: Uint8Array, profile?: string): Promise<CheckReport> {
  return checkBytes(bytes, { name: 'x.docx', ...(profile ? { profile } : {}) });
}

/** styles.xml with the body style ("Văn bản") at 12 pt: what a clerk does who restyles the body. */
export function bodyStyleAt12(x: string): string {
  const i = x.indexOf('w:styleId="VanBan"');
  const j = x.indexOf('</w:style>', i);
  return x.slice(0, i) + replaceOnce(x.slice(i, j), '<w:sz w:val="28"/><w:szCs w:val="28"/>', '<w:sz w:val="24"/><w:szCs w:val="24"/>') + x.slice(j);
}
