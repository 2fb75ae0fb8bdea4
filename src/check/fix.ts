import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Profile } from '../profile/index.js';
import type { ReadDocument } from './model.js';
import type { Finding } from './rules.js';

/**
 * `--fix`: a corrected copy for the mechanical faults only (margins, body size, first-line indent,
 * paragraph and line spacing, the padding of the date's day and month). The words are never
 * touched: edits rewrite page set-up and formatting elements of word/document.xml in place, at
 * the offsets the reader recorded, and the date's digits.
 */

export const FIXABLE = new Set(['margin-top', 'margin-bottom', 'margin-left', 'margin-right', 'body-size', 'body-indent', 'body-spacing', 'body-line-spacing', 'date-day-pad', 'date-month-pad']);

const TW_PER_MM = 1440 / 25.4;

// Schema order of w:pPr and w:rPr children (ECMA-376 CT_PPrBase, CT_RPr): new elements go
// before the first element that must follow them, as Word refuses other orders.
const AFTER_IND = ['contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'];
const AFTER_SZ = ['highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath'];

/** Put `insert` into the element body `inner` before the first child named in `after` (else at the end), having removed the `remove` children. */
function place(inner: string, remove: string[], insert: string, after: string[]): string {
  let s = inner;
  for (const name of remove) s = s.replace(new RegExp(`<w:${name}(\\s[^>]*)?/>|<w:${name}(\\s[^>]*)?>[\\s\\S]*?</w:${name}>`, 'g'), '');
  const re = new RegExp(`<w:(${after.join('|')})[\\s/>]`);
  const m = re.exec(s);
  return m ? s.slice(0, m.index) + insert + s.slice(m.index) : s + insert;
}

/** The paragraph's w:pPr with new spacing and indent, or one added. */
function withParagraphProps(p: string, insert: string): string {
  const open = /^<w:p(\s[^>]*)?>/.exec(p);
  if (!open) return p;
  const rest = p.slice(open[0].length);
  const pPr = /^<w:pPr>([\s\S]*?)<\/w:pPr>|^<w:pPr\/>/.exec(rest);
  const inner = pPr ? (pPr[1] ?? '') : '';
  const after = pPr ? rest.slice(pPr[0].length) : rest;
  return `${open[0]}<w:pPr>${place(inner, ['spacing', 'ind'], insert, AFTER_IND)}</w:pPr>${after}`;
}

/** Every run of the paragraph at this size (half-points). */
function withRunSize(p: string, halfPoints: number): string {
  const sz = `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
  return replaceRuns(p, (attrs, inner) => `<w:r${attrs}><w:rPr>${place(inner, ['sz', 'szCs'], sz, AFTER_SZ)}</w:rPr>`);
}

/**
 * Each run's start tag and its w:rPr (the properties inside it, "" when absent) replaced by
 * `by(attributes, properties)`. A scan, not /<w:r(\s[^>]*)?>(<w:rPr>([\s\S]*?)<\/w:rPr>|<w:rPr\/>)?/g:
 * on runs whose w:rPr never closes, that expression searched to the end from each of them.
 */
export function replaceRuns(p: string, by: (attrs: string, inner: string) => string): string {
  const lastClose = p.lastIndexOf('</w:rPr>');
  let out = '';
  let i = 0;
  for (let at = p.indexOf('<w:r', i); at >= 0; at = p.indexOf('<w:r', at + 1)) {
    const c = p[at + 4];
    if (c !== '>' && !(c !== undefined && /\s/.test(c))) continue; // <w:rPr>, <w:rFonts …
    const gt = p.indexOf('>', at + 4);
    if (gt < 0) break; // no later run can close its tag either
    let end = gt + 1;
    let inner = '';
    if (p.startsWith('<w:rPr>', end) && lastClose >= end + 7) {
      const stop = p.indexOf('</w:rPr>', end + 7);
      inner = p.slice(end + 7, stop);
      end = stop + 8;
    } else if (p.startsWith('<w:rPr/>', end)) {
      end += 8;
    }
    out += p.slice(i, at) + by(p.slice(at + 4, gt), inner);
    i = end;
    at = end - 1;
  }
  return out + p.slice(i);
}

/**
 * "ngày 9 tháng 2" → "ngày 09 tháng 02", "tháng 03" → "tháng 3", in the text nodes only. The
 * attributes of w:t stop at "<" as well as ">" (no "<" is allowed inside an attribute of XML), so
 * a tag that never closes costs one scan to the next tag, not one to the end of the paragraph.
 */
export function withPaddedDate(p: string): string {
  return p.replace(/(<w:t(?:\s[^<>]*)?>)([^<]*)(<\/w:t>)/g, (_m, a: string, text: string, b: string) =>
    a + text.replace(/ngày (\d)(?=\s)/, 'ngày 0$1').replace(/tháng ([12])(?=\s)/, 'tháng 0$1').replace(/tháng 0([3-9])(?=\s)/, 'tháng $1') + b);
}

export interface FixResult {
  bytes: Uint8Array;
  /** The findings the copy corrects. */
  fixed: Finding[];
}

export function fixDocx(bytes: Uint8Array, doc: ReadDocument, findings: Finding[], profile: Profile): FixResult {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const edits = new Map<number, { end: number; ops: Set<string> }>();
  const fixed: Finding[] = [];
  const at = (start: number, end: number, op: string) => {
    const e = edits.get(start) ?? { end, ops: new Set<string>() };
    e.ops.add(op);
    edits.set(start, e);
  };
  for (const f of findings) {
    if (!FIXABLE.has(f.rule)) continue;
    if (f.rule.startsWith('margin-')) {
      const sec = doc.sections[(f.where.section ?? 0) - 1];
      if (!sec?.marginSrc) continue;
      at(sec.marginSrc.start, sec.marginSrc.end, f.rule);
      fixed.push(f);
      continue;
    }
    const numbers = f.where.all ?? (f.where.paragraph !== undefined ? [f.where.paragraph] : []);
    const paras = numbers.map((n) => doc.paras[n - 1]).filter((p) => p?.src);
    if (paras.length === 0) continue;
    for (const p of paras) at(p!.src!.start, p!.src!.end, f.rule);
    fixed.push(f);
  }
  const tw = (mm: number) => Math.round(mm * TW_PER_MM);
  const b = profile.body;
  let out = xml;
  for (const start of [...edits.keys()].sort((x, y) => y - x)) {
    const { end, ops } = edits.get(start)!;
    let piece = out.slice(start, end + 1);
    if (piece.startsWith('<w:pgMar')) {
      for (const op of ops) {
        const side = op.slice('margin-'.length) as 'top' | 'bottom' | 'left' | 'right';
        piece = piece.replace(new RegExp(`w:${side}="-?\\d+"`), `w:${side}="${tw(profile.page.margin[side])}"`);
      }
    } else {
      if (ops.has('body-indent') || ops.has('body-spacing') || ops.has('body-line-spacing')) {
        piece = withParagraphProps(piece, `<w:spacing w:before="${Math.round(b.spaceBefore * 20)}" w:after="${Math.round(b.spaceAfter * 20)}" w:line="${Math.round(240 * b.lineSpacing)}" w:lineRule="auto"/><w:ind w:firstLine="${tw(b.firstLineIndent)}"/>`);
      }
      if (ops.has('body-size')) piece = withRunSize(piece, Math.round(b.size * 2));
      if (ops.has('date-day-pad') || ops.has('date-month-pad')) piece = withPaddedDate(piece);
    }
    out = out.slice(0, start) + piece + out.slice(end + 1);
  }
  files['word/document.xml'] = strToU8(out);
  return { bytes: zipSync(files), fixed };
}
