import { layoutDocument } from '../../src/layout/index.js';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { buildDocument, CREATOR, loadReport } from '../../src/pipeline/index.js';
import type { Document } from '../../src/document/types.js';
import { getProfile } from '../../src/profile/index.js';
import type { Profile } from '../../src/profile/index.js';
import { renderDocx } from '../../src/render/docx/index.js';

/** Reading a DOCX back: unzip (fflate) and walk its XML (htmlparser2 in XML mode). */

export const SAMPLE = 'data/nghi-son-qp-an-2020.yaml';

export async function sampleDocument(): Promise<{ doc: Document; profile: Profile }> {
  const loaded = await loadReport(SAMPLE);
  if (!loaded.ok) throw new Error(`sample does not load: ${JSON.stringify(loaded.problems)}`);
  return { doc: buildDocument(loaded.kind, loaded.report), profile: getProfile(loaded.kind.profile) };
}

export async function renderSample(): Promise<{ doc: Document; profile: Profile; bytes: Buffer }> {
  const { doc, profile } = await sampleDocument();
  return { doc, profile, bytes: await renderDocx(layoutDocument(doc, profile), { creator: CREATOR }) };
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export class Package {
  readonly files: Record<string, Uint8Array>;
  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
  }
  text(name: string): string {
    const f = this.files[name];
    if (!f) throw new Error(`no part ${name}; parts: ${Object.keys(this.files).join(', ')}`);
    return strFromU8(f);
  }
  xml(name: string): Element {
    const root = parseDocument(this.text(name), { xmlMode: true }).children.find((c): c is Element => c.type === 'tag');
    if (!root) throw new Error(`${name} has no root element`);
    return root;
  }
  /** Relationship id → target path inside the package, for a part's .rels. */
  rels(part: string): Record<string, string> {
    const slash = part.lastIndexOf('/');
    const dir = part.slice(0, slash + 1);
    const out: Record<string, string> = {};
    for (const r of all(this.xml(`${dir}_rels/${part.slice(slash + 1)}.rels`), 'Relationship')) {
      out[r.attribs.Id!] = dir + r.attribs.Target!;
    }
    return out;
  }
}

const isElement = (n: ChildNode): n is Element => n.type === 'tag';

/** Every descendant element named `name` (e.g. "w:p"), in document order. */
export function all(node: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (!isElement(c)) continue;
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function first(node: Element, name: string): Element | undefined {
  return all(node, name)[0];
}

/** Direct children named `name`. */
export function children(node: Element, name: string): Element[] {
  return node.children.filter((c): c is Element => isElement(c) && c.name === name);
}

/** The text of a w:p (its w:t elements joined). */
export function paragraphText(p: Element): string {
  return all(p, 'w:t')
    .map((t) => t.children.map((c) => (c.type === 'text' ? c.data : '')).join(''))
    .join('');
}

/** An OOXML on/off property: present and not "false"/"0"/"off". */
function onOff(rPr: Element | undefined, name: string): boolean {
  const e = rPr && children(rPr, name)[0];
  if (!e) return false;
  const v = e.attribs['w:val'];
  return v === undefined || !['false', '0', 'off'].includes(v);
}

export interface RunStyle {
  sz: number | undefined;
  bold: boolean;
  italic: boolean;
}

export function runStyle(r: Element): RunStyle {
  const rPr = children(r, 'w:rPr')[0];
  const sz = rPr && children(rPr, 'w:sz')[0];
  return { sz: sz ? Number(sz.attribs['w:val']) : undefined, bold: onOff(rPr, 'w:b'), italic: onOff(rPr, 'w:i') };
}

/**
 * The style of every text run of the paragraphs whose text is exactly `text`; with the package's
 * styles part, what a run does not state comes from its paragraph's named style, as Word reads it.
 */
export function stylesOfParagraph(body: Element, text: string, styles?: Element): RunStyle[] {
  const ps = all(body, 'w:p').filter((p) => paragraphText(p) === text);
  if (ps.length === 0) throw new Error(`no paragraph "${text}"`);
  return ps.flatMap((p) => {
    const named = styles && paragraphStyle(styles, p);
    const fromStyle = named ? children(named, 'w:rPr')[0] : undefined;
    return all(p, 'w:r')
      .filter((r) => first(r, 'w:t'))
      .map((r) => {
        const rPr = children(r, 'w:rPr')[0];
        const pick = (name: string) => (rPr && children(rPr, name)[0] ? rPr : fromStyle);
        const sz = pick('w:sz') && children(pick('w:sz')!, 'w:sz')[0];
        return { sz: sz ? Number(sz.attribs['w:val']) : undefined, bold: onOff(pick('w:b'), 'w:b'), italic: onOff(pick('w:i'), 'w:i') };
      });
  });
}

/** The named paragraph style (w:style) a paragraph is in, if any. */
export function paragraphStyle(styles: Element, p: Element): Element | undefined {
  const id = first(p, 'w:pStyle')?.attribs['w:val'];
  return id === undefined ? undefined : all(styles, 'w:style').find((s) => s.attribs['w:styleId'] === id);
}

/** A paragraph property as Word resolves it: stated on the paragraph, else on its named style. */
export function paragraphProperty(styles: Element, p: Element, name: string): Element | undefined {
  const own = children(p, 'w:pPr')[0];
  const stated = own && children(own, name)[0];
  if (stated) return stated;
  const named = paragraphStyle(styles, p);
  const pPr = named && children(named, 'w:pPr')[0];
  return pPr && children(pPr, name)[0];
}

/** ECMA-376 Part 1 §17.8.1: XOR bytes 0–31 with the key's bytes, read from its last hex pair. */
export function deobfuscate(bytes: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const out = new Uint8Array(bytes);
  for (let i = 0; i < 32; i++) out[i]! ^= parseInt(hex.slice(30 - 2 * (i % 16), 32 - 2 * (i % 16)), 16);
  return out;
}

/** The Vietnamese letters, generated: 12 vowels × (no tone + 5 tones), đ, in both cases (NFC). */
export function vietnameseLetters(): string[] {
  const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const lower = [...vowels.flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))), 'đ'];
  return [...lower, ...lower.map((l) => l.toUpperCase())];
}
