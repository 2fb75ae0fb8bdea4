import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One piece of text as pdfjs reads it back, in points from the page's top-left corner. */
export interface PdfText {
  str: string;
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  width: number;
  size: number;
  /** PostScript name of the embedded font, subset prefix removed: "Tinos-Bold". */
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfText[];
  text: string;
}

export interface PdfInfo {
  pages: PdfPage[];
  info: Record<string, unknown>;
  text: string;
}

/** Read a PDF back as pdfjs sees it: every text item with its position, size and font. */
export async function readPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    await page.getOperatorList(); // loads the fonts into commonObjs
    const content = await page.getTextContent();
    const items: PdfText[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue;
      const [a, b, , , e, f] = it.transform as number[];
      let font = it.fontName;
      try {
        const obj = page.commonObjs.get(it.fontName) as { name?: string };
        if (obj?.name) font = obj.name.replace(/^[A-Z]{6}\+/, '');
      } catch {
        /* font not resolved: keep the internal name */
      }
      items.push({ str: it.str, x: e!, y: height - f!, width: it.width, size: Math.hypot(a!, b!), font });
    }
    pages.push({ width, height, items, text: items.map((i) => i.str).join(' ') });
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, text: pages.map((p) => p.text).join('\n') };
}

/** Items on a page whose text contains `needle`. */
export function find(page: PdfPage, needle: string): PdfText[] {
  return page.items.filter((i) => i.str.includes(needle));
}

export const MM = 72 / 25.4;

/** A visual line: the items sharing a baseline, joined left to right. */
export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  fonts: string[];
  items: PdfText[];
}

/** pdfmake writes one item per word; put them back into lines (same baseline within 0.5 pt). */
export function lines(page: PdfPage): PdfLine[] {
  const rows: PdfText[][] = [];
  for (const item of [...page.items].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) < 0.5 && overlapsColumn(r, item));
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map((r) => {
    const items = r.sort((a, b) => a.x - b.x);
    const last = items[items.length - 1]!;
    return {
      text: joinItems(items),
      x: items[0]!.x,
      right: last.x + last.width,
      y: items[0]!.y,
      size: Math.max(...items.map((i) => i.size)),
      fonts: [...new Set(items.filter((i) => i.str.trim() !== '').map((i) => i.font))],
      items,
    };
  });
}

/** Items on one baseline but far apart (the two header columns) are separate lines. */
function overlapsColumn(row: PdfText[], item: PdfText): boolean {
  const last = row.reduce((a, b) => (a.x + a.width > b.x + b.width ? a : b));
  const first = row.reduce((a, b) => (a.x < b.x ? a : b));
  const gapRight = item.x - (last.x + last.width);
  const gapLeft = first.x - (item.x + item.width);
  return gapRight < 20 && gapLeft < 20;
}

function joinItems(items: PdfText[]): string {
  let out = '';
  let end: number | undefined;
  for (const i of items) {
    // pdfmake writes spaces as their own items; add one only where a gap has no space item.
    if (end !== undefined && i.x - end > 1 && !out.endsWith(' ') && !i.str.startsWith(' ')) out += ' ';
    out += i.str;
    end = i.x + i.width;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The first line whose text contains `needle`, or throws with the page's lines for context. */
export function lineWith(page: PdfPage, needle: string): PdfLine {
  const all = lines(page);
  const hit = all.find((l) => l.text.includes(needle));
  if (!hit) throw new Error(`no line contains "${needle}"; lines:\n${all.map((l) => l.text).join('\n')}`);
  return hit;
}
