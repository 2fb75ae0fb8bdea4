import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { Lang } from '../load/index.js';
import { say } from '../messages/types.js';
import { sheetMessages as M } from '../messages/sheets.js';
import { SheetError } from './types.js';

/**
 * The zip and XML plumbing shared by the XLSX and ODS readers. Only the parts asked for are
 * inflated, each into a buffer of the size its directory entry declares and never more than the
 * part limit, so a zip bomb stops at the limit (a lying size only truncates the part, which the
 * XML parser then refuses). XML is fed to a streaming parser in slices: a sheet of a million empty
 * formatted rows never becomes one huge string or a tree.
 */

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Excel 97-2003 files and password-protected OOXML are OLE compound files. */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}


/** Inflate the named parts (those present); refuse one that declares more than `limit` bytes. */
export function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, limit: number, what: string, lang: Lang): Record<string, Uint8Array> {
  let tooBig: string | undefined;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > limit) {
          tooBig = f.name;
          return false;
        }
        return true;
      },
    });
  } catch {
    throw new SheetError(say(lang, M.notZip, what));
  } finally {
    if (tooBig) throw new SheetError(say(lang, M.partTooLarge, tooBig, limit));
  }
}

/** Local name of a possibly prefixed XML name ("x:row" → "row"). */
export const local = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const SLICE = 1 << 20;

/** Stream an XML part through saxes (well-formedness checked, no entity expansion beyond XML's own). */
export function parseXml(bytes: Uint8Array, part: string, handlers: XmlHandlers, lang: Lang, filter?: (xml: string) => string): void {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => handlers.open(tag.name, tag.attributes as Record<string, string>));
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(tag.name));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8');
  // A filter sees whole tags only: each slice is cut after its last ">" and the rest carried over.
  let carry = '';
  const feed = (text: string, last: boolean) => {
    if (!filter) return parser.write(text);
    const all = carry + text;
    const cut = last ? all.length : all.lastIndexOf('>') + 1;
    carry = all.slice(cut);
    return parser.write(filter(all.slice(0, cut)));
  };
  try {
    for (let i = 0; i < bytes.length && !failure; i += SLICE) feed(decoder.decode(bytes.subarray(i, i + SLICE), { stream: true }), false);
    if (!failure) feed(decoder.decode(), true).close();
  } catch (e) {
    if (e instanceof SheetError) throw e;
    failure ??= e as Error;
  }
  if (failure) throw new SheetError(say(lang, M.badXml, part, failure.message.split('\n')[0]!));
}
