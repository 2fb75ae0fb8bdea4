import type { FontInfo, Para, ReadDocument, Run, Section } from './model.js';

/**
 * A PDF read with pdf.js (Mozilla's PDF library): each page's size, its text as visual lines
 * (items sharing a baseline) with sizes and faces, and every font with whether it is embedded.
 * Page "margins" here are where the text is: the rules only flag text that enters the margin.
 */

const MM = 25.4 / 72;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

/** Style words a font name ends with ("Times-BoldItalic", "Arial,Bold", "TimesNewRomanPS-BoldMT"). */
const STYLE_TAIL = /^(?:bold|italic|regular|roman|oblique|ps|mt)+$/i;

/**
 * The family of a font name: subset prefix and style tails removed, one tail after the last "-" or
 * "," at a time (a name comes from the PDF, so no backtracking expression runs over it).
 */
function familyOf(font: string): string {
  let name = font.replace(/^[A-Z]{6}\+/, '');
  for (;;) {
    const cut = Math.max(name.lastIndexOf('-'), name.lastIndexOf(','));
    if (cut <= 0 || !STYLE_TAIL.test(name.slice(cut + 1))) return name;
    name = name.slice(0, cut);
  }
}

function faceOf(font: string): { family: string; bold: boolean; italic: boolean } {
  const bold = /bold|black|heavy|,b\b/i.test(font);
  const italic = /italic|oblique|,i\b/i.test(font);
  return { family: familyOf(font), bold, italic };
}

function groupLines(items: Item[]): Item[][] {
  const rows: Item[][] = [];
  for (const item of [...items].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) < 0.5 && near(r, item));
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map((r) => r.sort((a, b) => a.x - b.x));
}

/** Items on one baseline but far apart (the two header columns) are separate lines. */
function near(row: Item[], item: Item): boolean {
  const right = Math.max(...row.map((i) => i.x + i.width));
  const left = Math.min(...row.map((i) => i.x));
  return item.x - right < 20 && left - (item.x + item.width) < 20;
}

export async function readPdfDocument(bytes: Uint8Array): Promise<ReadDocument> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const paras: Para[] = [];
  const sections: Section[] = [];
  const fonts = new Map<string, FontInfo>();
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const width = x1 - x0;
      const height = y1 - y0;
      await page.getOperatorList(); // loads the fonts into commonObjs
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, , , e, f] = it.transform as number[];
        let font = it.fontName;
        try {
          const obj = page.commonObjs.get(it.fontName) as { name?: string; missingFile?: boolean; isType3Font?: boolean };
          if (obj?.name) font = obj.name.replace(/^[A-Z]{6}\+/, '');
          if (!fonts.has(font)) fonts.set(font, { name: font, embedded: obj?.missingFile !== true || obj?.isType3Font === true });
        } catch {
          /* font not resolved: keep the internal name */
        }
        // A run of spaces wider than a few letters only bridges two columns (the header's "Số" and date).
        if (it.str.trim() === '' && it.width > 4 * Math.hypot(a!, b!)) continue;
        items.push({ str: it.str, x: e! - x0, y: height - (f! - y0), width: it.width, size: Math.hypot(a!, b!), font });
      }
      const lines = groupLines(items).filter((l) => l.some((i) => i.str.trim() !== ''));
      const inked = lines.map((l) => ({ left: l[0]!.x, right: Math.max(...l.map((i) => i.x + i.width)), y: l[0]!.y, size: Math.max(...l.map((i) => i.size)) }));
      const body = inked.filter((_l, k) => !/^\d{1,3}$/.test(lines[k]!.map((i) => i.str).join('').trim()));
      const textLeft = body.length ? Math.min(...body.map((l) => l.left)) : 0;
      const textRight = body.length ? Math.max(...body.map((l) => l.right)) : width;
      const section: Section = {
        width: width * MM,
        height: height * MM,
        landscape: width > height,
        margin: {
          top: body.length ? Math.min(...body.map((l) => l.y - l.size * 0.9)) * MM : NaN,
          bottom: body.length ? (height - Math.max(...body.map((l) => l.y + l.size * 0.22))) * MM : NaN,
          left: textLeft * MM,
          right: (width - textRight) * MM,
        },
        header: {},
        footer: {},
        titlePg: false,
        firstPara: paras.length + 1,
      };
      sections.push(section);
      const centre = (textLeft + textRight) / 2;
      lines.forEach((l, k) => {
        let text = '';
        let end: number | undefined;
        const runs: Run[] = [];
        for (const i of l) {
          // pdfmake writes spaces as their own items; add one only where a gap has none.
          const gap = end !== undefined && i.x - end > 1 && !text.endsWith(' ') && !i.str.startsWith(' ') ? ' ' : '';
          text += gap + i.str;
          end = i.x + i.width;
          const f = faceOf(i.font);
          runs.push({ text: gap + i.str, size: Math.round(i.size * 100) / 100, bold: f.bold, italic: f.italic, underline: false, font: f.family, caps: false });
        }
        const box = inked[k]!;
        const mid = (box.left + box.right) / 2;
        paras.push({
          n: k + 1,
          text,
          runs,
          align: Math.abs(mid - centre) < 3 / MM && box.right - box.left < (textRight - textLeft) * 0.9 ? 'center' : 'both',
          width: (box.right - box.left) * MM,
          section: n - 1,
          page: n,
          x: box.left * MM,
          y: box.y * MM,
          right: box.right * MM,
        });
      });
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return { format: 'pdf', paras, sections, tables: [], fonts: [...fonts.values()], pages: sections.length };
}
