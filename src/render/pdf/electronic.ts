import zlib from 'node:zlib';
import type { LaidSection, LaidSignArea, PageSetup } from '../../layout/index.js';

/**
 * The electronic document's signature area and appendix stamp as pdfmake nodes, and where they
 * were drawn, read back from the PDF: the rectangles of sign.json are the drawn ones, never an estimate.
 */

type Node = Record<string, unknown>;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A signature area of the PDF: the page (from 1), the rectangle in PDF user space (points, origin
 * bottom-left) and the same in millimetres from the page's top-left corner, as sign.json gives them.
 */
export interface SignArea {
  role: 'signer' | 'seal' | 'issuer-stamp';
  page: number;
  rect: Rect;
  mm: Rect;
}

const MM_PER_PT = 25.4 / 72;
// Thousandths of a point: exact enough to place a signature, stable in JSON.
const round = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * The roles of the signature areas in the order they are drawn, and the stamp's lines: after
 * rendering, the PDF is read back (pdf.js) and each image drawn, each stamp line found, becomes
 * the area of its role. pdfmake moves kept-together blocks and page headers after laying them out,
 * so the drawn page is the only place where their positions are final.
 */
export class AreaRecorder {
  readonly images: SignArea['role'][] = [];
  stamp: string[] | undefined;

  constructor(private readonly page: PageSetup) {}

  /** Each area as drawn in `pdf`. */
  async areas(pdf: Uint8Array): Promise<SignArea[]> {
    if (this.images.length === 0 && !this.stamp) return [];
    const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    const found: SignArea[] = [];
    const roles = [...this.images];
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const height = (page.view as number[])[3]!;
        const area = (role: SignArea['role'], rect: Rect): SignArea => ({ role, page: n, rect: rounded(rect), mm: rounded(topLeftMm(rect, height)) });
        const ops = await page.getOperatorList();
        // The current transformation matrix through save/restore: an image fills the unit square it maps.
        let ctm = [1, 0, 0, 1, 0, 0];
        const stack: number[][] = [];
        ops.fnArray.forEach((fn, i) => {
          if (fn === OPS.save) stack.push(ctm);
          else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
          else if (fn === OPS.transform) ctm = multiply(ops.argsArray[i] as number[], ctm);
          else if (fn === OPS.paintImageXObject && roles.length > 0) {
            const [a, , , d, e, f] = ctm as [number, number, number, number, number, number];
            found.push(area(roles.shift()!, { x: e + Math.min(0, a), y: f + Math.min(0, d), width: Math.abs(a), height: Math.abs(d) }));
          }
        });
        if (n === 1 && this.stamp) {
          const text = await page.getTextContent();
          // pdf.js may cut a line into several items: they are joined by baseline, then matched by text.
          type Item = { str: string; transform: number[]; width: number; fontName: string };
          const byBaseline = new Map<number, Item[]>();
          for (const it of text.items as Item[]) if (it.str) byBaseline.set(it.transform[5]!, [...(byBaseline.get(it.transform[5]!) ?? []), it]);
          const joined = [...byBaseline.values()].map((its): Item => {
            const right = Math.max(...its.map((i) => i.transform[4]! + i.width));
            return { ...its[0]!, str: its.map((i) => i.str).join(''), width: right - its[0]!.transform[4]! };
          });
          const lines = this.stamp.flatMap((l) => joined.filter((it) => it.str === l).slice(0, 1));
          if (lines.length === this.stamp.length) {
            const style = text.styles[lines[0]!.fontName] as { ascent: number; descent: number };
            const size = Math.hypot(lines[0]!.transform[0]!, lines[0]!.transform[1]!);
            const left = Math.min(...lines.map((l) => l.transform[4]!));
            const right = Math.max(...lines.map((l) => l.transform[4]! + l.width));
            const top = lines[0]!.transform[5]! + style.ascent * size;
            const bottom = lines[lines.length - 1]!.transform[5]! + style.descent * size;
            found.unshift(area('issuer-stamp', { x: left, y: bottom, width: right - left, height: top - bottom }));
          }
        }
      }
    } finally {
      await doc.destroy();
    }
    return found;
  }
}

function multiply(m: number[], n: number[]): number[] {
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  const [A, B, C, D, E, F] = n as [number, number, number, number, number, number];
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

function topLeftMm(r: Rect, pageHeight: number): Rect {
  return { x: r.x * MM_PER_PT, y: (pageHeight - r.y - r.height) * MM_PER_PT, width: r.width * MM_PER_PT, height: r.height * MM_PER_PT };
}

const rounded = (r: Rect): Rect => ({ x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) });

/** A fully transparent 1×1 PNG: the place reserved for a signature the e-office draws later. */
const RESERVED_PNG = (() => {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  const idat = zlib.deflateSync(Buffer.from([0, 0, 0, 0, 0]), { level: 9 });
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
})();

const dataUrl = (png: Uint8Array): string => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

/**
 * The area as a stack: the signer's image (or the reserved place) with margins that make the
 * area's height, then the seal, detached from the flow so it can cover the signature's left third
 * and the title lines above it without moving anything.
 */
export function signAreaNode(a: LaidSignArea, recorder: AreaRecorder): Node {
  const out: Node[] = [];
  for (const img of a.images) {
    const node: Node = { image: dataUrl(img.png ?? RESERVED_PNG), width: img.width, height: img.height };
    if (img.role === 'signer') node.margin = [img.x, img.y, 0, a.height - img.y - img.height];
    // After the signer's node the writer stands at the area's bottom-left corner.
    else node.relativePosition = { x: img.x, y: img.y - a.height };
    recorder.images.push(img.role);
    out.push(node);
  }
  return { stack: out };
}

/** The appendix file's stamp in the top margin of page 1, right-aligned at the right margin. */
export function stampNode(s: LaidSection, recorder: AreaRecorder, lineHeight: number): Node | null {
  const stamp = s.stamp;
  if (!stamp) return null;
  const right = s.page.margin.right;
  const pageWidth = s.page.orientation === 'landscape' ? s.page.sheet.height : s.page.sheet.width;
  const node: Node = {
    text: stamp.lines.join('\n'),
    fontSize: stamp.style.size,
    bold: false,
    italics: false,
    color: 'black',
    alignment: 'right',
    lineHeight: stamp.lineSpacing * lineHeight,
    margin: [pageWidth - right - stamp.width, stamp.top, right, 0],
  };
  recorder.stamp = stamp.lines;
  return node;
}
