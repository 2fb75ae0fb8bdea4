import type { Document } from './types.js';
import { map } from './walk.js';

/** A copy of the document with every text (frame, facts, body, appendices, metadata) passed through `fn`. */
export function mapDocumentText(doc: Document, fn: (text: string) => string): Document {
  const mapped = map(doc, (node) => {
    switch (node.type) {
      case 'text':
        return { ...node, text: fn(node.text) };
      case 'part':
        return { ...node, label: fn(node.label) };
      case 'appendix':
        return { ...node, label: fn(node.label), title: node.title.map(fn), attribution: node.attribution.map(fn) };
      default:
        return node;
    }
  });
  const f = doc.frame;
  return {
    ...mapped,
    frame: {
      ...f,
      parentAgency: f.parentAgency.map(fn),
      issuingAgency: f.issuingAgency.map(fn),
      nationalTitle: fn(f.nationalTitle),
      motto: fn(f.motto),
      numberLine: fn(f.numberLine),
      placeDate: fn(f.placeDate),
      typeName: fn(f.typeName),
      summary: f.summary.map(fn),
      addressees: f.addressees.map(fn),
      addresseeLines: f.addresseeLines.map((l) => ({ ...l, text: fn(l.text) })),
      signatureLines: f.signatureLines.map((l) => ({ ...l, text: fn(l.text) })),
      signerName: fn(f.signerName),
      recipientsLabel: fn(f.recipientsLabel),
      recipients: f.recipients.map(fn),
    },
    facts: {
      ...doc.facts,
      typeName: fn(doc.facts.typeName),
      place: fn(doc.facts.place),
      issuingAgency: fn(doc.facts.issuingAgency),
      summary: fn(doc.facts.summary),
      signer: { position: fn(doc.facts.signer.position), name: doc.facts.signer.name === null ? null : fn(doc.facts.signer.name) },
    },
    meta: { ...doc.meta, title: fn(doc.meta.title), subject: fn(doc.meta.subject), author: fn(doc.meta.author), keywords: doc.meta.keywords.map(fn) },
  };
}
