import { strFromU8, unzipSync } from 'fflate';
import type { Align, HeaderPart, Para, ReadDocument, Run, Section, TableInfo } from './model.js';
import { attr, child, children, descendants, elements, localName, numAttr, parseXml, textOf } from './xml.js';
import type { XmlElement } from './xml.js';

/**
 * A DOCX read as Word shows it: every paragraph with its effective formatting (document defaults,
 * then the paragraph style and its basedOn chain, then the character style, then direct
 * formatting), automatic list numbers written out, sections with their page set-up and the
 * headers that apply to them.
 */

/** The file is not a DOCX (not a zip, or no word/document.xml): the message says which. */
export class NotDocxError extends Error {}

const TW_PER_MM = 1440 / 25.4;
const MAX_PART = 64e6;
const tw = (v: number | undefined): number | undefined => (v === undefined ? undefined : v / TW_PER_MM);

interface RProps {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  caps?: boolean;
  font?: string;
  vanish?: boolean;
  color?: string;
  script?: boolean;
}

interface PProps {
  jc?: string;
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
  before?: number;
  after?: number;
  line?: number;
  lineRule?: string;
  borderTop?: boolean;
  borderBottom?: boolean;
  numId?: string;
  ilvl?: number;
}

interface Style {
  id: string;
  type: string;
  basedOn?: string;
  p: PProps;
  r: RProps;
}

function onOff(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, 'val');
  return !(v === 'false' || v === '0' || v === 'off' || v === 'none');
}

function readRPr(rPr: XmlElement | undefined, theme: Theme): RProps {
  const r: RProps = {};
  if (!rPr) return r;
  const sz = numAttr(child(rPr, 'sz'), 'val');
  if (sz !== undefined) r.size = sz / 2;
  const b = onOff(child(rPr, 'b'));
  if (b !== undefined) r.bold = b;
  const i = onOff(child(rPr, 'i'));
  if (i !== undefined) r.italic = i;
  const u = child(rPr, 'u');
  if (u) r.underline = (attr(u, 'val') ?? 'single') !== 'none';
  const caps = onOff(child(rPr, 'caps'));
  if (caps !== undefined) r.caps = caps;
  const va = attr(child(rPr, 'vertAlign'), 'val');
  if (va !== undefined) r.script = va === 'superscript' || va === 'subscript';
  const color = attr(child(rPr, 'color'), 'val');
  if (color !== undefined) r.color = color;
  const vanish = onOff(child(rPr, 'vanish'));
  if (vanish !== undefined) r.vanish = vanish;
  const fonts = child(rPr, 'rFonts');
  if (fonts) {
    const name = attr(fonts, 'ascii') ?? attr(fonts, 'hAnsi') ?? theme.font(attr(fonts, 'asciiTheme') ?? attr(fonts, 'hAnsiTheme'));
    if (name) r.font = name;
  }
  return r;
}

function readPPr(pPr: XmlElement | undefined): PProps {
  const p: PProps = {};
  if (!pPr) return p;
  const jc = attr(child(pPr, 'jc'), 'val');
  if (jc) p.jc = jc;
  const ind = child(pPr, 'ind');
  if (ind) {
    const left = numAttr(ind, 'left') ?? numAttr(ind, 'start');
    const right = numAttr(ind, 'right') ?? numAttr(ind, 'end');
    const firstLine = numAttr(ind, 'firstLine');
    const hanging = numAttr(ind, 'hanging');
    if (left !== undefined) p.left = left;
    if (right !== undefined) p.right = right;
    if (firstLine !== undefined) {
      p.firstLine = firstLine;
      p.hanging = 0;
    }
    if (hanging !== undefined) {
      p.hanging = hanging;
      p.firstLine = 0;
    }
  }
  const sp = child(pPr, 'spacing');
  if (sp) {
    const before = numAttr(sp, 'before');
    const after = numAttr(sp, 'after');
    const line = numAttr(sp, 'line');
    if (before !== undefined) p.before = before;
    if (after !== undefined) p.after = after;
    if (line !== undefined) p.line = line;
    const rule = attr(sp, 'lineRule');
    if (rule) p.lineRule = rule;
    // "Auto" spacing (HTML-like: 14 pt in Word) replaces the number when switched on.
    if (['1', 'true', 'on'].includes(attr(sp, 'beforeAutospacing') ?? '')) p.before = 280;
    if (['1', 'true', 'on'].includes(attr(sp, 'afterAutospacing') ?? '')) p.after = 280;
  }
  const bdr = child(pPr, 'pBdr');
  if (bdr) {
    const on = (e: XmlElement | undefined) => (e ? !['none', 'nil'].includes(attr(e, 'val') ?? 'none') : undefined);
    const top = on(child(bdr, 'top'));
    const bottom = on(child(bdr, 'bottom'));
    if (top !== undefined) p.borderTop = top;
    if (bottom !== undefined) p.borderBottom = bottom;
  }
  const numPr = child(pPr, 'numPr');
  if (numPr) {
    const id = attr(child(numPr, 'numId'), 'val');
    if (id !== undefined) p.numId = id;
    const lvl = numAttr(child(numPr, 'ilvl'), 'val');
    if (lvl !== undefined) p.ilvl = lvl;
  }
  return p;
}

interface Theme {
  font(name: string | undefined): string | undefined;
}

function readTheme(xml: string | undefined): Theme {
  let major: string | undefined;
  let minor: string | undefined;
  if (xml) {
    const root = parseXml(xml);
    const major0 = descendants(root, 'majorFont')[0];
    const minor0 = descendants(root, 'minorFont')[0];
    major = attr(child(major0, 'latin'), 'typeface');
    minor = attr(child(minor0, 'latin'), 'typeface');
  }
  return { font: (name) => (name === undefined ? undefined : name.startsWith('major') ? major : name.startsWith('minor') ? minor : undefined) };
}

class Styles {
  private readonly byId = new Map<string, Style>();
  readonly defaults: { p: PProps; r: RProps };
  private defaultPara?: string;
  private defaultChar?: string;
  private readonly cache = new Map<string, { p: PProps; r: RProps }>();

  constructor(xml: string | undefined, theme: Theme) {
    this.defaults = { p: {}, r: {} };
    if (!xml) return;
    const root = parseXml(xml);
    const dd = child(root, 'docDefaults');
    this.defaults.r = readRPr(child(child(dd, 'rPrDefault'), 'rPr'), theme);
    this.defaults.p = readPPr(child(child(dd, 'pPrDefault'), 'pPr'));
    for (const s of children(root, 'style')) {
      const id = attr(s, 'styleId');
      if (!id) continue;
      const type = attr(s, 'type') ?? 'paragraph';
      const basedOn = attr(child(s, 'basedOn'), 'val');
      this.byId.set(id, { id, type, ...(basedOn ? { basedOn } : {}), p: readPPr(child(s, 'pPr')), r: readRPr(child(s, 'rPr'), theme) });
      const isDefault = ['1', 'true', 'on'].includes(attr(s, 'default') ?? '');
      if (isDefault && type === 'paragraph') this.defaultPara = id;
      if (isDefault && type === 'character') this.defaultChar = id;
    }
  }

  /** A style's properties with its basedOn chain applied (a loop in the chain is cut). */
  resolved(id: string | undefined, type: 'paragraph' | 'character'): { p: PProps; r: RProps } {
    const key = `${type}:${id ?? ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const chain: Style[] = [];
    const seen = new Set<string>();
    let s = this.byId.get(id ?? (type === 'paragraph' ? this.defaultPara ?? '' : this.defaultChar ?? ''));
    if (!s && type === 'paragraph') s = this.byId.get(this.defaultPara ?? '');
    while (s && !seen.has(s.id)) {
      seen.add(s.id);
      chain.unshift(s);
      s = s.basedOn ? this.byId.get(s.basedOn) : undefined;
    }
    const out = { p: {} as PProps, r: {} as RProps };
    for (const st of chain) {
      Object.assign(out.p, st.p);
      Object.assign(out.r, st.r);
    }
    this.cache.set(key, out);
    return out;
  }
}

interface Level {
  start: number;
  fmt: string;
  text: string;
  suffix: string;
  p: PProps;
}

/** Automatic list numbers (numbering.xml), counted as Word counts them. */
class Numbering {
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();
  private readonly restarted = new Set<string>();

  constructor(xml: string | undefined) {
    if (!xml) return;
    const root = parseXml(xml);
    for (const a of children(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of children(a, 'lvl')) {
        levels.set(numAttr(l, 'ilvl') ?? 0, {
          start: numAttr(child(l, 'start'), 'val') ?? 1,
          fmt: attr(child(l, 'numFmt'), 'val') ?? 'decimal',
          text: attr(child(l, 'lvlText'), 'val') ?? '',
          suffix: attr(child(l, 'suff'), 'val') ?? 'tab',
          p: readPPr(child(l, 'pPr')),
        });
      }
      this.abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
    }
    for (const n of children(root, 'num')) {
      const starts = new Map<number, number>();
      for (const o of children(n, 'lvlOverride')) {
        const s = numAttr(child(o, 'startOverride'), 'val');
        if (s !== undefined) starts.set(numAttr(o, 'ilvl') ?? 0, s);
      }
      this.nums.set(attr(n, 'numId') ?? '', { abstract: attr(child(n, 'abstractNumId'), 'val') ?? '', starts });
    }
  }

  level(numId: string, ilvl: number): Level | undefined {
    const num = this.nums.get(numId);
    return num ? this.abstracts.get(num.abstract)?.get(ilvl) : undefined;
  }

  /** The label of the next item at this level ("II.", "a)"), or undefined for no number. */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return undefined;
    const levels = this.abstracts.get(num.abstract);
    if (!levels) return undefined;
    const counters = this.counters.get(num.abstract) ?? [];
    this.counters.set(num.abstract, counters);
    const key = `${numId}:${ilvl}`;
    for (let l = 0; l <= ilvl; l++) {
      const lv = levels.get(l);
      const override = num.starts.get(l);
      if (l === ilvl && override !== undefined && !this.restarted.has(key)) {
        this.restarted.add(key);
        counters[l] = override - 1;
      }
      if (counters[l] === undefined) counters[l] = (override ?? lv?.start ?? 1) - (l === ilvl ? 1 : 0);
    }
    counters[ilvl] = counters[ilvl]! + 1;
    counters.length = ilvl + 1;
    const lvl = levels.get(ilvl);
    if (!lvl || lvl.fmt === 'none') return undefined;
    if (lvl.fmt === 'bullet') return lvl.text + (lvl.suffix === 'nothing' ? '' : ' ');
    const label = lvl.text.replace(/%(\d)/g, (_m, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counters[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.fmt ?? 'decimal');
    });
    return label + (lvl.suffix === 'nothing' ? '' : ' ');
  }
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const t: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) while (n >= v) (s += r), (n -= v);
  return s;
}

function letter(n: number): string {
  // Word's letter numbering: a … z, then aa, bb …
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Automatic, or a grey dark enough to print as black. */
function isBlack(color: string): boolean {
  if (color === 'auto') return true;
  const m = /^([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m ? [m[1], m[2], m[3]].every((h) => parseInt(h!, 16) <= 0x20) : true;
}

function mapAlign(jc: string | undefined): Align {
  switch (jc) {
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'distribute':
    case 'justify':
    case 'lowKashida':
    case 'mediumKashida':
    case 'highKashida':
    case 'thaiDistribute':
      return 'both';
    default:
      return 'left';
  }
}

interface Ctx {
  styles: Styles;
  numbering: Numbering;
  theme: Theme;
}

interface ParaRaw {
  text: string;
  runs: Run[];
  p: PProps;
  markSize: number;
  line?: { length?: number };
  fields: string[];
  /** Size of the runs of the paragraph's first field (a page number has no text of its own). */
  fieldSize?: number;
}

const SKIP = new Set(['del', 'moveFrom', 'rPr', 'pPr', 'proofErr', 'bookmarkStart', 'bookmarkEnd', 'commentRangeStart', 'commentRangeEnd']);

/** Read one w:p: its runs with effective formatting, its fields and any drawn line in it. */
function readParagraph(p: XmlElement, ctx: Ctx): ParaRaw {
  const pPr = child(p, 'pPr');
  const pStyle = attr(child(pPr, 'pStyle'), 'val');
  const style = ctx.styles.resolved(pStyle, 'paragraph');
  const props: PProps = { ...ctx.styles.defaults.p, ...style.p, ...readPPr(pPr) };
  const base: RProps = { ...ctx.styles.defaults.r, ...style.r };
  const runs: Run[] = [];
  const fields: string[] = [];
  let line: { length?: number } | undefined;
  let fieldSize: number | undefined;
  const mark = { ...base, ...readRPr(child(pPr, 'rPr'), ctx.theme) };

  const toRun = (text: string, rp: RProps): Run => ({
    text,
    size: rp.size ?? 10,
    bold: rp.bold ?? false,
    italic: rp.italic ?? false,
    underline: rp.underline ?? false,
    font: rp.font ?? 'Times New Roman',
    caps: rp.caps ?? false,
    ...(rp.script ? { script: true } : {}),
    ...(rp.color && !isBlack(rp.color) ? { color: rp.color.toUpperCase() } : {}),
  });

  const walk = (el: XmlElement) => {
    for (const c of elements(el)) {
      const name = localName(c);
      if (SKIP.has(name)) continue;
      if (name === 'r') {
        const rPr = child(c, 'rPr');
        const rStyle = attr(child(rPr, 'rStyle'), 'val');
        const rp: RProps = { ...base, ...(rStyle ? ctx.styles.resolved(rStyle, 'character').r : {}), ...readRPr(rPr, ctx.theme) };
        let text = '';
        for (const t of elements(c)) {
          const n = localName(t);
          if (n === 't') text += textOf(t);
          else if (n === 'tab' || n === 'ptab') text += '\t';
          else if ((n === 'br' && attr(t, 'type') !== 'page' && attr(t, 'type') !== 'column') || n === 'cr') text += '\n';
          else if (n === 'noBreakHyphen') text += '-';
          else if (n === 'instrText') {
            fields.push(textOf(t));
            fieldSize ??= rp.size;
          }
          else if (n === 'drawing' || n === 'pict' || n === 'AlternateContent' || n === 'object') {
            const found = drawnLine(t);
            if (found) line = found;
          }
        }
        if (text && !rp.vanish) runs.push(toRun(text, rp));
      } else if (name === 'fldSimple') {
        fields.push(attr(c, 'instr') ?? '');
        const r0 = child(c, 'r');
        fieldSize ??= readRPr(child(r0, 'rPr'), ctx.theme).size ?? base.size;
        walk(c);
      } else if (name === 'AlternateContent' || name === 'pict' || name === 'drawing') {
        const found = drawnLine(c);
        if (found) line = found;
      } else {
        // hyperlink, ins, smartTag, sdt/sdtContent, customXml, moveTo, dir, bdo …
        walk(c);
      }
    }
  };
  walk(p);

  // Automatic numbering: from the paragraph or its style.
  if (props.numId !== undefined) {
    const ilvl = props.ilvl ?? 0;
    const lvl = ctx.numbering.level(props.numId, ilvl);
    const label = ctx.numbering.next(props.numId, ilvl);
    if (lvl) {
      // The level's indents apply unless the paragraph sets its own.
      const own = readPPr(pPr);
      for (const k of ['left', 'firstLine', 'hanging'] as const) if (own[k] === undefined && lvl.p[k] !== undefined) props[k] = lvl.p[k];
    }
    if (label) runs.unshift(toRun(label, runs[0] ? { ...base, size: runs[0].size, bold: runs[0].bold, italic: runs[0].italic } : base));
  }
  const r: ParaRaw = { text: runs.map((x) => x.text).join(''), runs, p: props, markSize: mark.size ?? 10, fields };
  if (line) r.line = line;
  if (fieldSize !== undefined) r.fieldSize = fieldSize;
  return r;
}

/** A line shape (DrawingML or VML) inside a drawing: its length in mm when the file gives it. */
function drawnLine(el: XmlElement): { length?: number } | undefined {
  const geoms = descendants(el, 'prstGeom').filter((g) => ['line', 'straightConnector1'].includes(attr(g, 'prst') ?? ''));
  if (geoms.length > 0) {
    const extent = descendants(el, 'extent')[0];
    const cx = numAttr(extent, 'cx');
    return cx !== undefined ? { length: cx / 36000 } : {};
  }
  const vline = descendants(el, 'line')[0];
  if (vline) {
    const pt = (s: string | undefined) => (s ?? '0,0').split(',').map(cssLength);
    const [x1 = 0, y1 = 0] = pt(attr(vline, 'from'));
    const [x2 = 0, y2 = 0] = pt(attr(vline, 'to'));
    return { length: Math.hypot(x2 - x1, y2 - y1) * (25.4 / 72) };
  }
  return undefined;
}

/** A VML length ("12pt", "1in", "5mm", "3.2cm", bare number = pt here) in points. */
function cssLength(s: string): number {
  // An attribute of a document from outside: measured on its first 64 characters only.
  const m = /^\s*(-?[\d.]+)\s*(pt|in|mm|cm|px|emu)?\s*$/.exec(s.slice(0, 64));
  if (!m) return 0;
  const v = Number(m[1]);
  switch (m[2]) {
    case 'in':
      return v * 72;
    case 'mm':
      return (v * 72) / 25.4;
    case 'cm':
      return (v * 72) / 2.54;
    case 'px':
      return v * 0.75;
    case 'emu':
      return v / 12700;
    default:
      return v;
  }
}

/**
 * Where a rule typed as underscores on the paragraph's last line(s) begins: the first line break of
 * the trailing run of spaces and underscores, when what follows it holds "___"; -1 when there is
 * none. A scan from the end, linear: the expression it replaces (/\n[\s_]*_{3,}[\s_]*$/) tried
 * every line break against the whole tail, quadratic on a document of blank lines.
 */
export function typedRuleStart(text: string): number {
  let start = text.length;
  while (start > 0 && (text[start - 1] === '_' || isSpace(text[start - 1]!))) start--;
  const nl = text.indexOf('\n', start);
  return nl >= 0 && text.includes('___', nl) ? nl : -1;
}

const isSpace = (ch: string): boolean => /\s/.test(ch);

function toPara(raw: ParaRaw, n: number, section: number): Para {
  const p = raw.p;
  // Underscores typed on a line of their own after the text ("XÃ A" ↵ "_____"), as the official
  // templates draw rules: the text alone, and a rule below it as long as the underscores.
  let typed: Run | undefined;
  const under = typedRuleStart(raw.text);
  if (under >= 0 && raw.text.slice(0, under).trim() !== '') {
    const runs = [...raw.runs];
    let rest = raw.text.length - under;
    while (rest > 0 && runs.length > 0) {
      const last = runs[runs.length - 1]!;
      if (last.text.length <= rest) {
        rest -= last.text.length;
        if (/_/.test(last.text)) typed = { ...last, text: last.text.replace(/[^_]/g, '') + (typed?.text ?? '') };
        runs.pop();
      } else {
        const keep = last.text.slice(0, last.text.length - rest);
        const cut = last.text.slice(last.text.length - rest);
        if (/_/.test(cut)) typed = { ...last, text: cut.replace(/[^_]/g, '') + (typed?.text ?? '') };
        runs[runs.length - 1] = { ...last, text: keep };
        rest = 0;
      }
    }
    raw = { ...raw, runs, text: runs.map((r) => r.text).join('') };
  }
  const text = raw.text;
  const para: Para = {
    n,
    text,
    runs: raw.runs,
    align: mapAlign(p.jc),
    firstLine: (p.firstLine ?? 0) / TW_PER_MM - (p.hanging ?? 0) / TW_PER_MM,
    indentLeft: (p.left ?? 0) / TW_PER_MM,
    indentRight: (p.right ?? 0) / TW_PER_MM,
    spaceBefore: (p.before ?? 0) / 20,
    spaceAfter: (p.after ?? 0) / 20,
    line: p.lineRule === 'exact' || p.lineRule === 'atLeast' ? { rule: p.lineRule, value: (p.line ?? 240) / 20 } : { rule: 'auto', value: (p.line ?? 240) / 240 },
    width: 0,
    section,
  };
  const empty = text.trim() === '';
  if (typed) para.rule = { where: 'bottom', typed };
  else if (raw.line) para.rule = { where: empty ? 'self' : 'bottom', drawn: true, ...(raw.line.length !== undefined ? { length: raw.line.length } : {}) };
  else if (p.borderTop || p.borderBottom) para.rule = { where: empty ? 'self' : p.borderBottom ? 'bottom' : 'top' };
  else if (/^[_\s]{3,}$/.test(text) && text.includes('___')) para.rule = { where: 'self' };
  return para;
}

function readHeaderPart(xml: string, ctx: Ctx): HeaderPart {
  const root = parseXml(xml);
  const paras = descendants(root, 'p').map((p) => readParagraph(p, ctx));
  const withField = paras.find((p) => p.fields.some((f) => /\bPAGE\b/.test(f)));
  const part: HeaderPart = { text: paras.map((p) => p.text).join('\n'), hasPageField: withField !== undefined };
  if (withField) {
    part.align = mapAlign(withField.p.jc);
    part.size = withField.fieldSize ?? withField.runs[0]?.size ?? withField.markSize;
  }
  return part;
}

/** Parse a DOCX package. Throws NotDocxError when it is not one. */
export function readDocx(bytes: Uint8Array): ReadDocument {
  let files: Record<string, Uint8Array>;
  let tooLarge: string | undefined;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!(f.name.endsWith('.xml') || f.name.endsWith('.rels'))) return false;
        // A part that unpacks to more than this is a zip bomb, not a document (a 300-page report is ~5 MB).
        if (f.originalSize > MAX_PART) tooLarge = f.name;
        return f.originalSize <= MAX_PART;
      },
    });
  } catch {
    throw new NotDocxError('not a zip');
  }
  if (tooLarge) throw new NotDocxError(`${tooLarge} unpacks to more than ${MAX_PART / 1e6} MB`);
  const get = (name: string) => (files[name] ? strFromU8(files[name]!) : undefined);
  const docXml = get('word/document.xml');
  if (!docXml) throw new NotDocxError('no word/document.xml');
  const theme = readTheme(get('word/theme/theme1.xml'));
  const ctx: Ctx = { styles: new Styles(get('word/styles.xml'), theme), numbering: new Numbering(get('word/numbering.xml')), theme };
  const rels = new Map<string, string>();
  const relsXml = get('word/_rels/document.xml.rels');
  if (relsXml) {
    for (const r of descendants(parseXml(relsXml), 'Relationship')) {
      const target = attr(r, 'Target') ?? '';
      rels.set(attr(r, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `word/${target}`);
    }
  }
  let root: XmlElement;
  try {
    root = parseXml(docXml);
  } catch {
    throw new NotDocxError('word/document.xml is not XML');
  }
  const body = child(root, 'body');
  if (!body) throw new NotDocxError('no w:body');

  const paras: Para[] = [];
  const tables: TableInfo[] = [];
  const sectPrs: { el: XmlElement; lastPara: number }[] = [];
  const cellWidths = new Map<Para, number>();

  const walk = (container: XmlElement, cell?: { table: number; row: number; col: number; width?: number }) => {
    for (const el of elements(container)) {
      const name = localName(el);
      if (name === 'p') {
        const para = toPara(readParagraph(el, ctx), paras.length + 1, 0);
        if (el.startIndex !== null && el.endIndex !== null) para.src = { start: el.startIndex, end: el.endIndex };
        if (cell) {
          para.cell = { table: cell.table, row: cell.row, col: cell.col };
          if (cell.width !== undefined) cellWidths.set(para, cell.width);
        }
        paras.push(para);
        const sp = child(child(el, 'pPr'), 'sectPr');
        if (sp && !cell) sectPrs.push({ el: sp, lastPara: paras.length });
      } else if (name === 'tbl') {
        const index = tables.length;
        const grid = children(child(el, 'tblGrid'), 'gridCol').map((g) => numAttr(g, 'w') ?? 0);
        const info: TableInfo = { index, rows: 0, cols: grid.length, firstPara: paras.length + 1, lastPara: paras.length, bordered: tableBordered(el) };
        tables.push(info);
        const mar = child(child(el, 'tblPr'), 'tblCellMar');
        const defMargin = (numAttr(child(mar, 'left'), 'w') ?? numAttr(child(mar, 'start'), 'w') ?? 108) + (numAttr(child(mar, 'right'), 'w') ?? numAttr(child(mar, 'end'), 'w') ?? 108);
        const rows = children(el, 'tr');
        info.rows = rows.length;
        rows.forEach((tr, r) => {
          let col = 0;
          let maxCols = 0;
          for (const tc of children(tr, 'tc')) {
            const tcPr = child(tc, 'tcPr');
            const span = numAttr(child(tcPr, 'gridSpan'), 'val') ?? 1;
            const tcW = child(tcPr, 'tcW');
            let w = attr(tcW, 'type') === 'dxa' || attr(tcW, 'type') === undefined ? numAttr(tcW, 'w') : undefined;
            if (!w && grid.length >= col + span) w = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
            const tcMar = child(tcPr, 'tcMar');
            const margin = tcMar ? (numAttr(child(tcMar, 'left'), 'w') ?? 0) + (numAttr(child(tcMar, 'right'), 'w') ?? 0) : defMargin;
            walk(tc, { table: index, row: r, col, ...(w ? { width: (w - margin) / TW_PER_MM } : {}) });
            col += span;
            maxCols = Math.max(maxCols, col);
          }
          if (info.cols === 0) info.cols = maxCols;
        });
        info.lastPara = paras.length;
      } else if (name === 'sectPr') {
        sectPrs.push({ el, lastPara: paras.length });
      } else if (name === 'sdt') {
        walk(child(el, 'sdtContent') ?? el, cell);
      } else if (name === 'customXml' || name === 'ins' || name === 'moveTo') {
        walk(el, cell);
      }
    }
  };
  walk(body);

  // Sections, in order; headers inherit from the section before when not set.
  const sections: Section[] = [];
  const partCache = new Map<string, HeaderPart>();
  const part = (rid: string | undefined): HeaderPart | undefined => {
    if (!rid) return undefined;
    const file = rels.get(rid);
    if (!file) return undefined;
    let hit = partCache.get(file);
    if (!hit) {
      const xml = get(file);
      if (!xml) return undefined;
      hit = readHeaderPart(xml, ctx);
      partCache.set(file, hit);
    }
    return hit;
  };
  let firstPara = 1;
  let prev: Section | undefined;
  if (sectPrs.length === 0) sectPrs.push({ el: body, lastPara: paras.length });
  for (const { el, lastPara } of sectPrs) {
    const pgSz = child(el, 'pgSz');
    const pgMar = child(el, 'pgMar');
    const w = tw(numAttr(pgSz, 'w')) ?? 215.9;
    const h = tw(numAttr(pgSz, 'h')) ?? 279.4;
    const refs = (kind: 'headerReference' | 'footerReference') => {
      const out: Section['header'] = {};
      for (const ref of children(el, kind)) {
        const type = (attr(ref, 'type') ?? 'default') as 'default' | 'first' | 'even';
        const hp = part(attr(ref, 'id'));
        if (hp) out[type] = hp;
      }
      return out;
    };
    const start = numAttr(child(el, 'pgNumType'), 'start');
    const section: Section = {
      width: w,
      height: h,
      landscape: attr(pgSz, 'orient') === 'landscape' || w > h,
      margin: {
        top: Math.abs(tw(numAttr(pgMar, 'top')) ?? 25.4),
        bottom: Math.abs(tw(numAttr(pgMar, 'bottom')) ?? 25.4),
        left: tw(numAttr(pgMar, 'left') ?? numAttr(pgMar, 'start')) ?? 31.75,
        right: tw(numAttr(pgMar, 'right') ?? numAttr(pgMar, 'end')) ?? 31.75,
      },
      header: { ...prev?.header, ...refs('headerReference') },
      footer: { ...prev?.footer, ...refs('footerReference') },
      titlePg: onOff(child(el, 'titlePg')) ?? false,
      ...(pgMar && pgMar.startIndex !== null && pgMar.endIndex !== null ? { marginSrc: { start: pgMar.startIndex, end: pgMar.endIndex } } : {}),
      ...(start !== undefined ? { pageStart: start } : {}),
      firstPara,
    };
    const index = sections.length;
    for (let i = firstPara; i <= lastPara; i++) {
      const para = paras[i - 1]!;
      para.section = index;
      const avail = cellWidths.get(para) ?? section.width - section.margin.left - section.margin.right;
      para.width = Math.max(0, avail - (para.indentLeft ?? 0) - (para.indentRight ?? 0));
      if (para.rule?.where !== undefined && para.rule.length === undefined && para.rule.where === 'self' && !/_/.test(para.text)) para.rule.length = para.width;
    }
    sections.push(section);
    prev = section;
    firstPara = lastPara + 1;
  }
  // Paragraphs after the last sectPr (should not happen) belong to the last section.
  for (let i = firstPara; i <= paras.length; i++) paras[i - 1]!.section = sections.length - 1;

  const doc: ReadDocument = { format: 'docx', paras, sections, tables };
  const appXml = get('docProps/app.xml');
  if (appXml) {
    const pg = descendants(parseXml(appXml), 'Pages')[0];
    const n = pg ? Number(textOf(pg)) : NaN;
    if (Number.isInteger(n) && n > 0) doc.pages = n;
  }
  return doc;
}

function tableBordered(tbl: XmlElement): boolean {
  const b = child(child(tbl, 'tblPr'), 'tblBorders');
  if (b) return elements(b).some((e) => !['none', 'nil'].includes(attr(e, 'val') ?? 'none'));
  // A table style may draw borders ("Table Grid"); cell borders too.
  const style = attr(child(child(tbl, 'tblPr'), 'tblStyle'), 'val') ?? '';
  if (/grid/i.test(style)) return true;
  return descendants(tbl, 'tcBorders').some((cb) => elements(cb).some((e) => !['none', 'nil'].includes(attr(e, 'val') ?? 'none')));
}
