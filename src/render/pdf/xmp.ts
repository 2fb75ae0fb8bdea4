/**
 * The XMP metadata packet of the PDF, written here rather than by pdfkit: pdfkit puts the values
 * into the XML unescaped (an agency named "Sở Văn hóa & Thể thao" breaks the packet) and leaves out
 * entries PDF/A wants to mirror the document information dictionary (ModDate, Keywords as
 * dc:subject, the language).
 *
 * PDF/A (ISO 19005-2/-3, 6.6.2.3) requires every Info entry with an XMP equivalent to carry the
 * same value in both places, so both are built from one `XmpInfo`.
 */

export interface XmpInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  /** Absent for an undated draft: the packet then states no dates either. */
  creationDate?: Date | undefined;
  modDate?: Date | undefined;
  language: string;
  /** PDF/A part (2 or 3) and conformance level; absent for a plain PDF. */
  pdfa?: { part: 2 | 3; conformance: 'B' };
  /** Exchange and archive metadata (Decree 30 Appendix VI); absent: no "vb" schema at all. */
  exchange?: XmpExchange;
}

/**
 * The fields of Decree 30 Appendix VI, Part II, I (outgoing documents), named as the decree names
 * them in English. Written in baocao's own schema "vb" (VB_NS) and declared in a PDF/A extension
 * schema (ISO 19005-2 §6.6.2.3.3), so a PDF/A validator accepts the properties.
 */
export interface XmpExchange {
  organId?: string;
  typeName: string;
  codeNumber: string;
  codeNotation: string;
  issuedDate?: string;
  organName: string;
  language: string;
  pageAmount?: number;
  position: string;
  fullName?: string;
  toOrganIds?: string[];
  priority?: string;
  issuedAmount?: number;
  dueDate?: string;
}

export const VB_NS = 'http://ns.baocao.vn/vanban/1.0/';

/** Property, XMP value type, description: the extension schema and the packet follow this list. */
const VB_PROPERTIES: [keyof XmpExchange, string, string][] = [
  ['organId', 'Text', 'Agency identifier code of the issuing agency (OrganId)'],
  ['typeName', 'Text', 'Document type name (TypeName)'],
  ['codeNumber', 'Text', 'Document number (CodeNumber)'],
  ['codeNotation', 'Text', 'Document symbol (CodeNotation)'],
  ['issuedDate', 'Date', 'Date of issue (IssuedDate)'],
  ['organName', 'Text', 'Issuing agency (OrganName)'],
  ['language', 'Text', 'Language (Language)'],
  ['pageAmount', 'Integer', 'Page count (PageAmount)'],
  ['position', 'Text', "Signer's position (Position)"],
  ['fullName', 'Text', "Signer's full name (FullName)"],
  ['toOrganIds', 'bag Text', 'Identifier codes of the recipients (To/OrganId)'],
  ['priority', 'Text', 'Urgency (Priority): Khẩn, Thượng khẩn, Hỏa tốc'],
  ['issuedAmount', 'Integer', 'Number of copies issued (IssuedAmount)'],
  ['dueDate', 'Date', 'Response due (DueDate)'],
];

const cap = (k: string) => k[0]!.toUpperCase() + k.slice(1);

function exchangeLines(x: XmpExchange): string[] {
  const e = escapeXml;
  const declaration = [
    '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
    '<pdfaSchema:schema>baocao: Decree 30/2020 Appendix VI document metadata</pdfaSchema:schema>',
    `<pdfaSchema:namespaceURI>${VB_NS}</pdfaSchema:namespaceURI>`,
    '<pdfaSchema:prefix>vb</pdfaSchema:prefix>',
    '<pdfaSchema:property><rdf:Seq>',
    ...VB_PROPERTIES.map(([k, type, desc]) => `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${cap(k)}</pdfaProperty:name><pdfaProperty:valueType>${type}</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${e(desc)}</pdfaProperty:description></rdf:li>`),
    '</rdf:Seq></pdfaSchema:property>',
    '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
    '</rdf:Description>',
  ];
  const values = VB_PROPERTIES.flatMap(([k]) => {
    const v = x[k];
    if (v === undefined || v === '') return [];
    const tag = `vb:${cap(k)}`;
    if (Array.isArray(v)) return v.length ? [`<${tag}><rdf:Bag>${v.map((i) => `<rdf:li>${e(i)}</rdf:li>`).join('')}</rdf:Bag></${tag}>`] : [];
    return [`<${tag}>${e(String(v))}</${tag}>`];
  });
  return [...declaration, `<rdf:Description rdf:about="" xmlns:vb="${VB_NS}">`, ...values, '</rdf:Description>'];
}

/** Read the "vb" properties back from a packet (baocao inspect). */
export function readExchange(xml: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const [k] of VB_PROPERTIES) {
    const tag = `vb:${cap(k)}`;
    const start = xml.indexOf(`<${tag}>`);
    if (start < 0) continue;
    const end = xml.indexOf(`</${tag}>`, start);
    if (end < 0) continue;
    const inner = xml.slice(start + tag.length + 2, end);
    out[k] = inner.startsWith('<rdf:Bag>') ? [...inner.matchAll(/<rdf:li>([^<]*)<\/rdf:li>/g)].map((m) => unescape(m[1]!)) : unescape(inner);
  }
  return out;
}

/** XML text content / attribute value: the five predefined entities, no control characters. */
export function escapeXml(s: string): string {
  return s
    // XML 1.0 allows only tab, LF and CR below U+0020; anything else would make the packet invalid.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** XMP date: the same instant as pdfkit's Info date (UTC, whole seconds). */
export function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function buildXmp(info: XmpInfo): string {
  const e = escapeXml;

  // Split at commas and trim the space around each (as /\s*,\s*/ did, without its quadratic retries).
  const pieces = info.keywords.split(',');
  const keywords = pieces.map((k, i) => (i > 0 ? k.trimStart() : k)).map((k, i) => (i < pieces.length - 1 ? k.trimEnd() : k)).filter(Boolean);
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    ...(info.creationDate ? [`<xmp:CreateDate>${xmpDate(info.creationDate)}</xmp:CreateDate>`] : []),
    ...(info.modDate ? [`<xmp:ModifyDate>${xmpDate(info.modDate)}</xmp:ModifyDate>`, `<xmp:MetadataDate>${xmpDate(info.modDate)}</xmp:MetadataDate>`] : []),
    `<xmp:CreatorTool>${e(info.creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${e(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.subject)}</rdf:li></rdf:Alt></dc:description>`,
    ...(keywords.length ? [`<dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${e(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`] : []),
    `<dc:language><rdf:Bag><rdf:li>${e(info.language)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${e(info.producer)}</pdf:Producer>`,
    ...(info.keywords ? [`<pdf:Keywords>${e(info.keywords)}</pdf:Keywords>`] : []),
    '</rdf:Description>',
    ...(info.pdfa
      ? [
          '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
          `<pdfaid:part>${info.pdfa.part}</pdfaid:part>`,
          `<pdfaid:conformance>${info.pdfa.conformance}</pdfaid:conformance>`,
          '</rdf:Description>',
        ]
      : []),
    ...(info.exchange ? exchangeLines(info.exchange) : []),
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ];
  return lines.join('\n');
}
