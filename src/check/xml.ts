import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/**
 * The XML parts of an OOXML package, parsed with htmlparser2 in XML mode (the project's XML/HTML
 * parser, already used for the body markup): entities decoded, case and whitespace kept. Names are
 * matched by their local part, so "w:p" is found whatever prefix the writer bound the namespace to.
 */
export type XmlElement = Element;

export function parseXml(text: string): XmlElement {
  const doc = parseDocument(text, { xmlMode: true, decodeEntities: true, withStartIndices: true, withEndIndices: true });
  const root = doc.children.find((c): c is Element => c.type === 'tag');
  if (!root) throw new Error('no root element');
  return root;
}

export function localName(el: XmlElement): string {
  const i = el.name.indexOf(':');
  return i < 0 ? el.name : el.name.slice(i + 1);
}

function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function elements(el: XmlElement | undefined): XmlElement[] {
  return el ? el.children.filter(isElement) : [];
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return elements(el).find((c) => localName(c) === name);
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return elements(el).filter((c) => localName(c) === name);
}

/** Every descendant with this local name, in document order. */
export function descendants(el: XmlElement | undefined, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of elements(el)) {
    if (localName(c) === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** An attribute by local name ("w:val" and "val" alike). */
export function attr(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  for (const [k, v] of Object.entries(el.attribs)) {
    const i = k.indexOf(':');
    if ((i < 0 ? k : k.slice(i + 1)) === name) return v;
  }
  return undefined;
}

export function numAttr(el: XmlElement | undefined, name: string): number | undefined {
  const v = attr(el, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** The text content of an element (all descendant text nodes). */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (c.type === 'text') s += c.data;
    else if (isElement(c)) s += textOf(c);
  }
  return s;
}
