import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { DocumentMeta } from '../../document/types.js';
import type { FaceName, FontFamily } from '../../fonts/index.js';
import { subsetFamily } from '../../fonts/subset.js';
import { exchangeProperties } from '../exchange.js';
import type { XmpExchange } from '../pdf/xmp.js';
import { deflateCached, type Deflated, writeDeflatedPart, zipParts } from './zip.js';

/**
 * Post-processing of the package docx writes, for what docx does not do itself:
 * - embedded fonts: a fontKey derived from family and face (docx draws random ones) and the
 *   ECMA-376 obfuscation redone with it;
 * - core properties: dates from the document (docx writes "now"), dc:language;
 * - app properties: the application that wrote the file;
 * - the zip: fixed entry order, fixed entry times, fixed compression level.
 * Together these make the bytes a function of the input.
 * Its errors are internal (a bug, exit 1): they check what docx wrote, never the user's data.
 */

export interface PackageInput {
  family: string;
  faces: Record<FaceName, Buffer>;
  meta: DocumentMeta;
  application: string;
  /** Decree 30 Appendix VI fields, written as custom properties (docProps/custom.xml) when present. */
  exchange?: XmpExchange;
}

/**
 * The name the DOCX asks for, when the embedded family is a metric-compatible stand-in for a font
 * offices have (Tinos for Times New Roman: same advance widths, same vertical metrics).
 * Decision (issue #12, item 10): the document, its styles and the font table name Times New Roman,
 * so Word on Windows uses its installed Times New Roman and Word's font box shows the name reviewers
 * expect; that font-table entry carries w:altName "Tinos", the Times New Roman panose and family
 * "roman", and the embedded Tinos faces themselves, so an application without Times New Roman
 * still lays out the same lines. Evidence (LibreOffice 7.4, Times New Roman, Tinos and Liberation
 * Serif all hidden by fontconfig, fresh profile): it lays the document out in the embedded Tinos
 * faces, same pages and same text per page as the PDF (test/docx/font-name.test.ts); it does so even
 * with no fontconfig aliases at all, because its own replacement table maps Times New Roman to Tinos
 * first, and it registers embedded fonts by their internal name. Without the embedded faces it falls
 * to DejaVu Serif (the control in that test). The PDF keeps the name of the face it really embeds.
 * Licence: Tinos is under the OFL 1.1 with no Reserved Font Name (fonts/OFL.txt), and the faces are
 * embedded unmodified in name tables, only subset, under another family's entry: allowed.
 */
const DOCX_NAMES: Record<string, { name: string; panose: string; family: string }> = {
  Tinos: { name: 'Times New Roman', panose: '02020603050405020304', family: 'roman' },
};

/** The family name written in the DOCX (styles, runs, font table) for an embedded family. */
export function docxFontName(family: string): string {
  return DOCX_NAMES[family]?.name ?? family;
}

/** w:embedXxx element → face. */
const EMBED_ELEMENTS: Record<string, FaceName> = {
  embedRegular: 'regular',
  embedBold: 'bold',
  embedItalic: 'italic',
  embedBoldItalic: 'boldItalic',
};

/** Zip entry time: local-time fields, so the DOS timestamp does not depend on the time zone. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** A GUID "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" from a hash of family and face: stable across runs. */
export function fontKey(family: string, face: FaceName): string {
  const hex = createHash('sha256').update(`baocao font key\0${family}\0${face}`).digest('hex').slice(0, 32).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

/**
 * ECMA-376 Part 1 §17.8.1 font obfuscation (its own inverse): the key's 32 hex digits read from
 * the last pair to the first give 16 bytes; XOR them into bytes 0–15 and again into bytes 16–31.
 */
export function obfuscateFont(bytes: Uint8Array, key: string): Uint8Array<ArrayBuffer> {
  const hex = key.replace(/[{}-]/g, '');
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`internal: bad font key ${key}`);
  const out = new Uint8Array(bytes);
  for (let i = 0; i < 16; i++) {
    const k = parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16);
    out[i]! ^= k;
    out[i + 16]! ^= k;
  }
  return out;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** W3CDTF without milliseconds, as Word writes it. */
const w3cdtf = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The parts docx compiled (path → XML text or bytes), or a package it zipped. */
export type PackageParts = Map<string, string | ArrayBufferView | ArrayBuffer> | Uint8Array;

/** The embedded faces as written, deflated once per subset and key (the same bytes in every document). */
const fontParts = new WeakMap<Uint8Array, Map<string, { data: Uint8Array; deflated: Deflated }>>();

function fontPart(subset: Uint8Array, key: string): { data: Uint8Array; deflated: Deflated } {
  let byKey = fontParts.get(subset);
  if (!byKey) fontParts.set(subset, (byKey = new Map()));
  let part = byKey.get(key);
  if (!part) {
    const data = obfuscateFont(subset, key);
    part = { data, deflated: deflateCached(data) };
    byKey.set(key, part);
  }
  return part;
}

/** Write the family's font parts, deflated, to the build's cache (npm run build); returns the files. */
export async function writeFontPartCache(family: FontFamily): Promise<string[]> {
  const subsets = await subsetFamily(family);
  return Object.values(EMBED_ELEMENTS).map((face) => writeDeflatedPart(obfuscateFont(subsets[face], fontKey(family.name, face))));
}

/**
 * The package's parts as docx would have zipped them: text as UTF-8 (as docx encodes it), bytes
 * as given. Taking docx's compiled parts directly saves its zip and our unzip.
 */
function partsOf(docx: PackageParts): Record<string, Uint8Array> {
  if (docx instanceof Uint8Array) return unzipSync(docx);
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of docx) {
    files[name] = typeof data === 'string' ? encoder.encode(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  }
  return files;
}

export function finishPackage(docx: PackageParts, input: PackageInput): Buffer {
  const files = partsOf(docx);
  const deflated = new Map<string, Deflated>();
  const text = (name: string): string => {
    const f = files[name];
    if (!f) throw new Error(`internal: docx wrote no ${name}`);
    return strFromU8(f);
  };

  // Fonts: the relationship of each w:embedXxx names its part; rewrite key and part together.
  const rels = text('word/_rels/fontTable.xml.rels');
  const target = (id: string): string => {
    const m = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
    if (!m) throw new Error(`internal: fontTable relationship ${id} not found`);
    return `word/${m[1]}`;
  };
  let seen = 0;
  const fontTable = text('word/fontTable.xml').replace(
    /<w:(embedRegular|embedBold|embedItalic|embedBoldItalic) r:id="([^"]+)" w:fontKey="\{[0-9A-Fa-f-]+\}"\/>/g,
    (_all, element: string, id: string) => {
      const face = EMBED_ELEMENTS[element]!;
      const key = fontKey(input.family, face);
      const part = fontPart(input.faces[face], key);
      files[target(id)] = part.data;
      deflated.set(target(id), part.deflated);
      seen++;
      return `<w:${element} r:id="${id}" w:fontKey="${key}"/>`;
    },
  );
  if (seen !== 4) throw new Error(`internal: expected 4 embedded faces in fontTable.xml, found ${seen}`);
  files['word/fontTable.xml'] = strToU8(describeStandIn(fontTable, input.family));

  // Widow control stated, not left to each application's default (LibreOffice assumes 2/2, the
  // schema says off): off by default, for the frame lines placed line by line; the named styles
  // of body text and headings turn it on, as the PDF writer does for the same paragraphs.
  const styles = text('word/styles.xml');
  const withWidow = styles.replace(/<w:pPrDefault><w:pPr>/, '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>');
  if (withWidow === styles) throw new Error(`internal: styles.xml has no w:pPrDefault/w:pPr`);
  // docx's own Title and blue Heading 1–6 leave the gallery: the document's named styles replace them.
  const withoutDefaults = withWidow.replace(/<w:style w:type="paragraph" w:styleId="(?:Title|Heading[1-6])">.*?<\/w:style>/gs, '');
  files['word/styles.xml'] = strToU8(withoutDefaults);

  // Core properties: the document's own date, never the time of rendering; its language.
  // An undated draft states no date (docx would write the time of rendering).
  const date = w3cdtf(input.meta.creationDate);
  const core = text('docProps/core.xml')
    .replace(/(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g, input.meta.dated ? `$1${date}$3` : '')
    .replace('</cp:coreProperties>', `<dc:language>${escapeXml(input.meta.language)}</dc:language></cp:coreProperties>`);
  files['docProps/core.xml'] = strToU8(core);

  files['docProps/app.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      `<Application>${escapeXml(input.application)}</Application><DocSecurity>0</DocSecurity></Properties>`,
  );

  if (input.exchange) addCustomProperties(files, text, input.exchange);

  // [Content_Types].xml and the package relationships first (as Word writes them), the rest sorted.
  const head = ['[Content_Types].xml', '_rels/.rels'];
  const names = [...head.filter((n) => files[n]), ...Object.keys(files).filter((n) => !head.includes(n)).sort()];
  const zipped = zipParts(names.map((name) => [name, files[name]!, deflated.get(name)]), ZIP_TIME);
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}

/**
 * The font-table entry of a stand-in (DOCX_NAMES): the real family as w:altName, the panose and
 * family class of the font it stands in for, in schema order (altName, panose1, charset, family).
 */
function describeStandIn(fontTable: string, family: string): string {
  const standIn = DOCX_NAMES[family];
  if (!standIn) return fontTable;
  const open = `<w:font w:name="${escapeXml(standIn.name)}">`;
  const out = fontTable.replace(
    new RegExp(`${open}<w:family w:val="[a-z]+"/>`),
    `${open}<w:altName w:val="${escapeXml(family)}"/><w:panose1 w:val="${standIn.panose}"/><w:charset w:val="00"/><w:family w:val="${standIn.family}"/>`,
  );
  if (out === fontTable) throw new Error(`internal: fontTable.xml has no entry ${standIn.name} with w:family`);
  return out;
}

/**
 * docProps/custom.xml: one property per Appendix VI field (the names of the XMP "vb" schema), in
 * a fixed order, with its content type and package relationship: same input, same bytes.
 */
function addCustomProperties(files: Record<string, Uint8Array>, text: (name: string) => string, exchange: XmpExchange): void {
  const props = exchangeProperties(exchange).map(([name, value], i) => {
    const v = typeof value === 'number' ? `<vt:i4>${value}</vt:i4>` : `<vt:lpwstr>${escapeXml(value)}</vt:lpwstr>`;
    return `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${name}">${v}</property>`;
  });
  files['docProps/custom.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props.join('')}</Properties>`,
  );
  const types = text('[Content_Types].xml');
  if (!types.includes('/docProps/custom.xml')) {
    files['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'));
  }
  const rels = text('_rels/.rels');
  if (!rels.includes('docProps/custom.xml')) {
    files['_rels/.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdBaocaoCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'));
  }
}
