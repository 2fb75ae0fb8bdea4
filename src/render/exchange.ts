import type { Layout } from '../layout/index.js';
import type { XmpExchange } from './pdf/xmp.js';

/**
 * The Decree 30 Appendix VI fields for the XMP, from the document's facts: only when the data gave
 * one of the exchange fields (without them the file keeps the bytes it had before they existed).
 * The page count is added when pdfkit ends the document (archive.ts).
 */
export function exchangeMetadata(layout: Layout): XmpExchange | undefined {
  const f = layout.facts;
  const x = f.exchange;
  if (!x) return undefined;
  return {
    ...(x.agencyCode ? { organId: x.agencyCode } : {}),
    typeName: f.typeName,
    codeNumber: f.number === null ? '' : String(f.number),
    codeNotation: f.symbol,
    ...(f.date ? { issuedDate: f.date } : {}),
    organName: f.issuingAgency,
    language: x.language ?? layout.meta.language,
    position: f.signer.position,
    ...(f.signer.name ? { fullName: f.signer.name } : {}),
    ...(x.recipientCodes?.length ? { toOrganIds: x.recipientCodes } : {}),
    ...(x.priority ? { priority: x.priority } : {}),
    ...(x.copies !== undefined ? { issuedAmount: x.copies } : {}),
    ...(x.dueDate ? { dueDate: x.dueDate } : {}),
  };
}

/** The fields as (name, value) pairs in the schema's order, names as Appendix VI spells them; lists joined by "; ". */
export function exchangeProperties(x: XmpExchange): [string, string | number][] {
  const order: (keyof XmpExchange)[] = ['organId', 'typeName', 'codeNumber', 'codeNotation', 'issuedDate', 'organName', 'language', 'pageAmount', 'position', 'fullName', 'toOrganIds', 'priority', 'issuedAmount', 'dueDate'];
  return order.flatMap((k): [string, string | number][] => {
    const v = x[k];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return [];
    return [[k[0]!.toUpperCase() + k.slice(1), Array.isArray(v) ? v.join('; ') : v]];
  });
}
