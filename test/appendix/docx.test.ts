import { layoutDocument } from '../../src/layout/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CREATOR } from '../../src/pipeline/index.js';
import type { Document } from '../../src/document/types.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { Package, all, children, first, paragraphText, sha256, stylesOfParagraph } from '../docx/helpers.js';
import type { Element } from 'domhandler';
import { ROWS, appendixDocument, rowUnit } from './helpers.js';

/** The DOCX read back (fflate + XML): one section per appendix, page numbering and orientation. */

let doc: Document;
let bytes: Buffer;
let body: Element;
let sections: Element[];
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

beforeAll(async () => {
  const built = await appendixDocument();
  doc = built.doc;
  bytes = await renderDocx(layoutDocument(doc, built.profile), { creator: CREATOR });
  body = first(new Package(bytes).xml('word/document.xml'), 'w:body')!;
  sections = all(body, 'w:sectPr');
});

describe('appendices in the DOCX', () => {
  it('are each a section of their own, after the main one', () => {
    expect(sections).toHaveLength(1 + doc.appendices.length);
    // The main and first appendix sections end in a paragraph (w:pPr/w:sectPr); the last is the body's.
    expect(sections.slice(0, -1).every((s) => s.parent?.type === 'tag' && (s.parent as Element).name === 'w:pPr')).toBe(true);
    expect(children(body, 'w:sectPr')).toHaveLength(1);
    expect(sections.every((s) => first(s, 'w:type')?.attribs['w:val'] !== 'continuous')).toBe(true);
  });

  it('restart page numbers at 1 and hide the number on their first page', () => {
    const [main, ...appendices] = sections;
    expect(first(main!, 'w:pgNumType')?.attribs['w:start']).toBeUndefined();
    for (const s of [main!, ...appendices]) expect(first(s, 'w:titlePg')).toBeDefined();
    for (const s of appendices) {
      expect(first(s, 'w:pgNumType')?.attribs['w:start']).toBe('1');
      const refs = all(s, 'w:headerReference').map((h) => h.attribs['w:type']).sort();
      expect(refs).toEqual(['default', 'first']);
    }
    // Every default header holds a PAGE field; every first-page header is empty.
    const pkg = new Package(bytes);
    const rels = pkg.rels('word/document.xml');
    for (const s of sections) {
      for (const h of all(s, 'w:headerReference')) {
        const xml = pkg.text(rels[h.attribs['r:id']!]!);
        if (h.attribs['w:type'] === 'default') expect(xml).toMatch(/PAGE/);
        else expect(xml).not.toMatch(/PAGE/);
      }
    }
  });

  it('turn the landscape appendix: orientation set, page size swapped, the same margins', () => {
    const size = (s: Element) => first(s, 'w:pgSz')!.attribs;
    const margins = (s: Element) => first(s, 'w:pgMar')!.attribs;
    const [main, portrait, landscape] = sections;
    expect(size(main!)).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(size(portrait!)).toMatchObject({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
    expect(size(landscape!)).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    for (const s of [portrait!, landscape!]) expect(margins(s)).toEqual(margins(main!));
    expect(margins(landscape!)).toMatchObject({ 'w:top': String(twips(25)), 'w:left': String(twips(35)) });
  });

  it('write the label, title and attribution lines in the appendix styles', () => {
    const a = doc.appendices[0]!;
    expect(stylesOfParagraph(body, a.label)).toEqual([{ sz: 28, bold: true, italic: false }]);
    for (const l of a.title) expect(stylesOfParagraph(body, l)).toEqual([{ sz: 28, bold: true, italic: false }]);
    for (const l of a.attribution) expect(stylesOfParagraph(body, l)).toEqual([{ sz: 28, bold: false, italic: true }]);
    const label = all(body, 'w:p').find((p) => paragraphText(p) === a.label)!;
    expect(first(label, 'w:jc')?.attribs['w:val']).toBe('center');
  });

  it('repeat the long table\'s two header rows and keep all its rows, with the merged header cells', () => {
    const table = all(body, 'w:tbl').find((t) => paragraphText(t).includes(rowUnit(1)))!;
    const rows = children(table, 'w:tr');
    expect(rows).toHaveLength(2 + ROWS);
    expect(rows.map((r) => !!first(r, 'w:tblHeader'))).toEqual(rows.map((_, i) => i < 2));
    expect(rows.slice(2).map((r) => paragraphText(children(r, 'w:tc')[1]!))).toEqual(Array.from({ length: ROWS }, (_, i) => rowUnit(i + 1)));
    const head = children(rows[0]!, 'w:tc');
    expect(head.map((c) => first(c, 'w:vMerge')?.attribs['w:val'] ?? first(c, 'w:gridSpan')?.attribs['w:val'])).toEqual(['restart', 'restart', '2', 'restart']);
  });

  it('render the same bytes twice', async () => {
    const again = await renderDocx(layoutDocument(doc, (await appendixDocument()).profile), { creator: CREATOR });
    expect(sha256(again)).toBe(sha256(bytes));
  });
});
