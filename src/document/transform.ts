import type { Block, Document, Inline, List } from './types.js';

/** A copy of the document with every text (frame, body, appendices, metadata title) passed through `fn`. */
export function mapDocumentText(doc: Document, fn: (text: string) => string): Document {
  const inl = (content: Inline[]): Inline[] => content.map((c) => (c.type === 'text' ? { ...c, text: fn(c.text) } : c));
  const list = (l: List): List => ({ ...l, items: l.items.map((i) => ({ content: inl(i.content), children: i.children.map(list) })) });
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        return { ...b, content: inl(b.content) };
      case 'list':
        return list(b);
      case 'table':
        return { ...b, rows: b.rows.map((r) => ({ cells: r.cells.map((c) => ({ ...c, content: inl(c.content) })) })) };
      case 'pagebreak':
        return b;
    }
  };
  const f = doc.frame;
  return {
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
    body: doc.body.map(block),
    appendices: doc.appendices.map((a) => ({ ...a, label: fn(a.label), title: a.title.map(fn), attribution: a.attribution.map(fn), body: a.body.map(block) })),
    meta: { ...doc.meta, title: fn(doc.meta.title), subject: fn(doc.meta.subject), author: fn(doc.meta.author), keywords: doc.meta.keywords.map(fn) },
  };
}
