import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { ordinalText, pointLetter, roman, upperVi } from '../format/index.js';
import { TemplateKindError } from '../messages/errors.js';
import type { Wording } from '../messages/errors.js';
import { markupMessages } from '../messages/markup.js';
import { say } from '../messages/types.js';
import { markupTags } from './markup.js';
import type { Align, Appendix, Block, Heading, Inline, List, ListItem, Paragraph, Part, Position, Table, TableCell, TableRow } from './types.js';
import { trimEndOf } from '../limits/text.js';
import { limitError, limitOption, limits } from '../limits/index.js';
import { limitsMessages } from '../messages/limits.js';

/**
 * parse: body markup → Document blocks. Headings are numbered here ("I.", "1.", "a)"), so a
 * template that leaves out an empty section never leaves a gap in the numbering.
 */

/** Markup that breaks the vocabulary's rules; `line` is the line in the composed markup. */
export class MarkupError extends TemplateKindError {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly detail: Wording,
    /** Whether `source:line` is the template's own line (else a line of the composed markup). */
    readonly inTemplate = false,
  ) {
    super((lang) => {
      const d = typeof detail === 'string' ? detail : detail(lang);
      // At a template line the message is a compiler's "file:line: detail"; else it says which text.
      return inTemplate ? `${source}:${line}: ${d}` : say(lang, markupMessages.atComposedLine, source, line, d);
    });
  }
}

type MarkupKey = keyof typeof markupMessages;

/** A markup message, worded later in the reader's language. */
function m<K extends MarkupKey>(key: K, ...args: Parameters<(typeof markupMessages)[K]['vi']>): Wording {
  return (lang) => (markupMessages[key][lang] as (...a: unknown[]) => string)(...args);
}

interface Style {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** An appendix as the markup gives it; the pipeline adds the attribution line from the frame data. */
export type ParsedAppendix = Omit<Appendix, 'attribution'>;

/** What the markup holds: the main body, then the appendices (labelled once their count is known). */
export interface ParsedMarkup {
  children: Block[];
  appendices: ParsedAppendix[];
}

/*
 * The compose stage puts `<!--@F:L-->` before each block tag: template file number F (an index
 * into `files`) and line L. The last marker before a node gives its template position.
 */

/**
 * Parse `markup` (from the template `source`, named in errors). `files` names the template files
 * that the position markers number; positions and errors then point at template lines.
 */
export function parseMarkup(markup: string, source: string, files: readonly string[] = []): ParsedMarkup {
  if (markup.length > limits().markupChars) throw limitError(source, 'markupChars', markup.length);
  const dom = parseDocument(markup, {
    withStartIndices: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    decodeEntities: true,
    recognizeSelfClosing: true,
  });
  const lineAt = (index: number | null): number => (index === null ? 0 : markup.slice(0, index).split('\n').length);
  // The template line of a place in the markup: the last marker before it, plus the lines between.
  const templateAt = (index: number): Position | undefined => {
    const at = markup.lastIndexOf('<!--@', index);
    if (at < 0) return undefined;
    const m = /^<!--@(\d+):(\d+)-->/.exec(markup.slice(at, at + 40));
    const file = m ? files[Number(m[1])] : undefined;
    if (!m || file === undefined) return undefined;
    return { file, line: Number(m[2]) + (markup.slice(at, index).split('\n').length - 1) };
  };
  const fail = (node: ChildNode, detail: Wording): never => {
    // A text node starts at the whitespace before it; point at its first visible character.
    const lead = node.type === 'text' ? node.data.length - node.data.trimStart().length : 0;
    const index = node.startIndex === null ? null : node.startIndex + lead;
    const where = index === null ? undefined : templateAt(index);
    if (where) throw new MarkupError(where.file, where.line, detail, true);
    throw new MarkupError(source, lineAt(index), detail);
  };
  // The walks below recurse by element: refuse a nesting deeper than the limit first, with an
  // explicit stack (a template loop can nest 20,000 deep and overflow the call stack).
  const maxDepth = limits().markupDepth;
  const pending: [ChildNode[], number][] = [[dom.children, 1]];
  while (pending.length > 0) {
    const [nodes, depth] = pending.pop()!;
    for (const node of nodes) {
      if (!('children' in node) || node.children.length === 0) continue;
      if (depth > maxDepth) fail(node, (lang) => say(lang, limitsMessages.markupTooDeep, maxDepth, limitOption.markupDepth));
      pending.push([node.children, depth + 1]);
    }
  }
  const ctx: Ctx = {
    fail,
    numbering: { ...DEFAULT_NUMBERING },
    at(node) {
      const where = node.startIndex === null ? undefined : templateAt(node.startIndex);
      return where ? { position: where } : {};
    },
  };

  // Main body nodes first, then <appendix> elements; nothing of the body may follow an appendix.
  const bodyNodes: ChildNode[] = [];
  const appendixElements: Element[] = [];
  for (const node of dom.children) {
    if (node.type === 'tag' && (node as Element).name === 'appendix') {
      appendixElements.push(node as Element);
    } else if (appendixElements.length > 0 && isContent(node)) {
      fail(node, m('bodyAfterAppendix'));
    } else {
      bodyNodes.push(node);
    }
  }
  const children = parseBlocks(bodyNodes, ctx);
  const appendices = appendixElements.map((el, i): ParsedAppendix => {
    const { title, orientation, content } = appendixParts(el, fail);
    // Decree 30 §10.1: Roman numerals only when there are two or more.
    const label = appendixElements.length > 1 ? `Phụ lục ${roman(i + 1)}` : 'Phụ lục';
    return { type: 'appendix', label, title, orientation, children: parseBlocks(content, ctx), ...ctx.at(el) };
  });
  return { children, appendices };
}

/** Whether a top-level node carries anything (whitespace and comments do not). */
function isContent(node: ChildNode): boolean {
  if (node.type === 'text') return node.data.trim() !== '';
  return node.type !== 'comment' && node.type !== 'directive';
}

/**
 * An <appendix>: its orientation, its title (the `title` attribute, or an <appendix-title> first
 * child whose <br> break lines; written in caps here) and the nodes of its body.
 */
function appendixParts(el: Element, fail: Fail): { title: string[]; orientation: Appendix['orientation']; content: ChildNode[] } {
  const o = el.attribs.orientation ?? 'portrait';
  if (o !== 'portrait' && o !== 'landscape') fail(el, m('badOrientation', o));
  const titleEls = el.children.filter((c): c is Element => c.type === 'tag' && (c as Element).name === 'appendix-title');
  const attr = el.attribs.title;
  if (titleEls.length > 1) fail(titleEls[1]!, m('oneAppendixTitle'));
  if (attr !== undefined && titleEls.length > 0) fail(el, m('titleTwice'));
  let lines: string[];
  if (titleEls[0]) {
    const first = el.children.find(isContent);
    if (first !== titleEls[0]) fail(titleEls[0], m('appendixTitleFirst'));
    lines = titleLines(titleEls[0], fail);
  } else if (attr !== undefined) {
    lines = [attr.replace(/[ \t\n\r\f]+/g, ' ').trim().normalize('NFC')];
  } else {
    return fail(el, m('appendixNeedsTitle'));
  }
  const title = lines.filter((l) => l !== '').map((l) => upperVi(l));
  if (title.length === 0) fail(titleEls[0] ?? el, m('emptyAppendixTitle'));
  return { title, orientation: o as Appendix['orientation'], content: el.children.filter((c) => c !== titleEls[0]) };
}

/** An appendix title's lines: plain text broken by <br> (the title's style is fixed by the profile). */
function titleLines(el: Element, fail: Fail): string[] {
  const lines: string[] = [''];
  for (const c of el.children) {
    if (c.type === 'text') lines[lines.length - 1] += c.data;
    else if (c.type === 'tag' && (c as Element).name === 'br') lines.push('');
    else if (c.type !== 'comment') fail(c, m('appendixTitleContent'));
  }
  return lines.map((l) => l.replace(/[ \t\n\r\f]+/g, ' ').trim().normalize('NFC'));
}

/** Top-level nodes → blocks; headings are numbered afresh for each call (the body, each appendix). */
function parseBlocks(nodes: ChildNode[], ctx: Ctx): Block[] {
  const fail = ctx.fail;
  const counters = [0, 0, 0];
  let parts = 0;
  const blocks: Block[] = [];

  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.data.trim() !== '') fail(node, m('textOutsideParagraph', node.data.trim().slice(0, 40)));
      continue;
    }
    if (node.type === 'comment' || node.type === 'directive') continue;
    if (node.type !== 'tag') fail(node, m('invalidContent'));
    const el = node as Element;
    checkKnown(el, fail);
    switch (el.name) {
      case 'h1':
      case 'h2':
      case 'h3': {
        const level = Number(el.name[1]) as 1 | 2 | 3;
        const numbered = el.attribs.number !== 'none';
        let number = '';
        if (numbered) {
          counters[level - 1]! += 1;
          for (let i = level; i < 3; i++) counters[i] = 0;
          number = headingLabel(level, counters, ctx.numbering, el, fail);
        }
        const heading: Heading = { type: 'heading', level, number, children: inlines(el.children, {}, fail), ...ctx.at(el) };
        if (isEmpty(heading.children)) fail(el, m('emptyHeading', el.name));
        blocks.push(heading);
        break;
      }
      case 'p': {
        const content = inlines(el.children, {}, fail);
        if (isEmpty(content)) continue; // an empty <p> from an empty optional field: skip, not fail
        const paragraph: Paragraph = {
          type: 'paragraph',
          children: content,
          align: alignOf(el, 'justify', fail),
          indent: el.attribs.indent !== 'no',
          ...ctx.at(el),
        };
        blocks.push(paragraph);
        break;
      }
      case 'ul': {
        const list = parseList(el, '-', ctx);
        if (list.children.length > 0) blocks.push(list);
        break;
      }
      case 'table':
        blocks.push(parseTable(el, ctx));
        break;
      case 'pagebreak':
        blocks.push({ type: 'pagebreak', ...ctx.at(el) });
        break;
      case 'part': {
        parts += 1;
        if (ctx.numbering.restart) counters.fill(0);
        const title = inlines(el.children, {}, fail).map((c) => (c.type === 'text' ? { ...c, text: upperVi(c.text) } : c));
        if (isEmpty(title)) fail(el, m('emptyPart'));
        const part: Part = { type: 'part', label: partLabel(parts, ctx.numbering), children: title, ...ctx.at(el) };
        blocks.push(part);
        break;
      }
      case 'bases':
        blocks.push(...parseBases(el, ctx));
        break;
      case 'numbering':
        ctx.numbering = readNumbering(el, ctx.numbering, fail);
        break;
      case 'basis':
        fail(el, m('basisPlace'));
        break;
      case 'appendix':
        fail(el, m('appendixNotTopLevel'));
        break;
      case 'appendix-title':
        fail(el, m('appendixTitlePlace'));
        break;
      default:
        fail(el, m('notTopLevel', el.name));
    }
  }
  return blocks;
}

type Fail = (node: ChildNode, detail: Wording) => never;

/** How headings are numbered: set by <numbering>, kept for the rest of the document (appendices too). */
interface Numbering {
  part: 'roman' | 'ordinal' | 'ORDINAL';
  h1: 'I.' | 'I-' | 'A.' | 'A-';
  h2: '1.' | '1-' | '1.1.';
  h3: 'a)' | 'a-';
  /** I./1./a) start again inside each Phần. */
  restart: boolean;
}

const DEFAULT_NUMBERING: Numbering = { part: 'roman', h1: 'I.', h2: '1.', h3: 'a)', restart: false };
const NUMBERING_VALUES = { part: ['roman', 'ordinal', 'ORDINAL'], h1: ['I.', 'I-', 'A.', 'A-'], h2: ['1.', '1-', '1.1.'], h3: ['a)', 'a-'] } as const;

/** A <numbering> element's settings over the current ones; an unknown value is refused. */
function readNumbering(el: Element, current: Numbering, fail: Fail): Numbering {
  const next: Numbering = { ...current };
  for (const [name, value] of Object.entries(el.attribs)) {
    if (name === 'restart') {
      if (value !== 'parts' && value !== 'no') fail(el, m('badNumbering', name, value, 'parts, no'));
      next.restart = value === 'parts';
      continue;
    }
    const allowed = (NUMBERING_VALUES as Record<string, readonly string[]>)[name];
    if (!allowed) fail(el, m('badNumbering', name, value, Object.keys(NUMBERING_VALUES).concat('restart').join(', ')));
    if (!allowed!.includes(value)) fail(el, m('badNumbering', name, value, allowed!.join(', ')));
    (next as unknown as Record<string, string>)[name] = value;
  }
  if (el.children.some(isContent)) fail(el, m('numberingEmpty'));
  return next;
}

/** "A", "B" … "Z" for the Party's "A-" headings. */
function latinLetter(n: number, el: Element, fail: Fail): string {
  if (n > 26) fail(el, m('tooManyLetters'));
  return String.fromCharCode(64 + n);
}

/** A heading's label from its level's counter (and the Mục's for "1.1."). */
function headingLabel(level: 1 | 2 | 3, counters: number[], n: Numbering, el: Element, fail: Fail): string {
  const c = counters[level - 1]!;
  if (level === 1) {
    const k = n.h1.startsWith('I') ? roman(c) : latinLetter(c, el, fail);
    return `${k}${n.h1.slice(-1)}`;
  }
  if (level === 2) return n.h2 === '1.1.' ? `${counters[0]}.${c}.` : `${c}${n.h2.slice(-1)}`;
  return `${pointLetter(c)}${n.h3.slice(-1)}`;
}

/** "Phần I", "Phần thứ nhất", "PHẦN THỨ NHẤT". */
function partLabel(k: number, n: Numbering): string {
  if (n.part === 'roman') return `Phần ${roman(k)}`;
  const words = `Phần ${ordinalText(k)}`;
  return n.part === 'ORDINAL' ? upperVi(words) : words;
}

/** The parse's context: how to fail at a node, and a node's template position. */
interface Ctx {
  fail: Fail;
  numbering: Numbering;
  /** `{ position }` of the node in its template, or nothing when the markup carries no markers. */
  at(node: ChildNode): { position?: Position };
}

function checkKnown(el: Element, fail: Fail): void {
  if (!markupTags.has(el.name)) fail(el, m('unsupportedTag', el.name));
}

function alignOf(el: Element, fallback: Align, fail: Fail): Align {
  const a = el.attribs.align;
  if (a === undefined) return fallback;
  if (a === 'justify' || a === 'left' || a === 'center' || a === 'right') return a;
  return fail(el, m('badAlign', a));
}

/** Inline content: text runs with styles; whitespace collapsed as in HTML. */
function inlines(children: ChildNode[], style: Style, fail: Fail): Inline[] {
  const out: Inline[] = [];
  const walk = (nodes: ChildNode[], s: Style): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        // HTML collapses ASCII whitespace only: a no-break space in the data stays one.
        const t = node.data.replace(/[ \t\n\r\f]+/g, ' ').normalize('NFC');
        if (t !== '') out.push({ type: 'text', text: t, ...s });
        continue;
      }
      if (node.type === 'comment') continue;
      if (node.type !== 'tag') fail(node, m('invalidContent'));
      const el = node as Element;
      checkKnown(el, fail);
      switch (el.name) {
        case 'b':
        case 'strong':
          walk(el.children, { ...s, bold: true });
          break;
        case 'i':
        case 'em':
          walk(el.children, { ...s, italic: true });
          break;
        case 'u':
          walk(el.children, { ...s, underline: true });
          break;
        case 'br':
          out.push({ type: 'break' });
          break;
        default:
          fail(el, m('notInline', el.name));
      }
    }
  };
  walk(children, style);
  return tidy(out);
}

/** Trim the edges (and around breaks) and merge neighbouring runs of the same style. */
function tidy(items: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const item of items) {
    const last = merged[merged.length - 1];
    if (item.type === 'text' && last?.type === 'text' && sameStyle(last, item)) {
      merged[merged.length - 1] = { ...last, text: (last.text + item.text).replace(/ {2,}/g, ' ') };
    } else {
      merged.push(item);
    }
  }
  for (let i = 0; i < merged.length; i++) {
    const item = merged[i]!;
    if (item.type !== 'text') continue;
    let t = item.text;
    const prev = merged[i - 1];
    const next = merged[i + 1];
    if (!prev || prev.type === 'break') t = t.replace(/^ +/, '');
    if (!next || next.type === 'break') t = trimEndOf(t, ' ');
    // A space at the start of a run that follows a run ending in a space is a duplicate.
    if (prev?.type === 'text' && prev.text.endsWith(' ')) t = t.replace(/^ +/, '');
    merged[i] = { ...item, text: t };
  }
  return merged.filter((x) => x.type === 'break' || x.text !== '');
}

function sameStyle(a: Style, b: Style): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline;
}

function isEmpty(content: Inline[]): boolean {
  return content.every((c) => c.type === 'break' || c.text.trim() === '');
}

function parseList(el: Element, fallback: '-' | '+', ctx: Ctx, nested = false): List {
  const fail = ctx.fail;
  const cls = el.attribs.class;
  const marker = cls === 'plus' ? '+' : cls === 'dash' ? '-' : cls === undefined ? fallback : fail(el, m('badListClass', cls));
  const punct = el.attribs.punct;
  if (punct !== undefined && punct !== 'none' && punct !== 'auto') fail(el, m('badPunct', punct));
  const items: ListItem[] = [];
  for (const child of el.children) {
    if (child.type === 'text') {
      if (child.data.trim() !== '') fail(child, m('textInList'));
      continue;
    }
    if (child.type === 'comment') continue;
    const li = child as Element;
    if (li.type !== 'tag' || li.name !== 'li') fail(child, m('onlyItems'));
    const own = li.children.filter((c) => !(c.type === 'tag' && (c as Element).name === 'ul'));
    const nested = li.children.filter((c): c is Element => c.type === 'tag' && (c as Element).name === 'ul');
    const content = inlines(own, {}, fail);
    const children = nested.map((n) => parseList(n, '+', ctx, true)).filter((l) => l.children.length > 0);
    if (isEmpty(content) && children.length === 0) continue;
    items.push({ type: 'listItem', children: [...content, ...children], ...ctx.at(li) });
  }
  // A dash list is punctuated here, so an item left out by the template never leaves ";" last.
  if (marker === '-' && !nested && punct !== 'none') {
    items.forEach((item, i) => {
      item.children = endWith(item.children, i === items.length - 1 ? '.' : ';');
    });
  }
  return { type: 'list', marker, children: items, ...ctx.at(el) };
}

/** Closing punctuation a clerk may have typed, and the whitespace around it. */
const CLOSING = new Set([' ', '\t', '\n', '.', ';', ',', '\u00a0']);

/**
 * The inline content with its own last text ending in `mark` instead of whatever closing
 * punctuation it had; a text ending with ":" (an item that introduces a sub-list) keeps it.
 * Trims from the end character by character: linear however long the run of marks.
 */
function endWith<T extends Inline | List>(content: T[], mark: string): T[] {
  let last = -1;
  for (let i = content.length - 1; i >= 0; i--) {
    const c = content[i]!;
    if (c.type === 'list') continue;
    if (c.type === 'text') last = i;
    break;
  }
  if (last < 0) return content;
  const run = content[last] as Inline & { type: 'text' };
  let end = run.text.length;
  while (end > 0 && CLOSING.has(run.text[end - 1]!)) end--;
  const body = run.text.slice(0, end);
  if (body.endsWith(':') || body === '') return content;
  const out = [...content];
  out[last] = { ...run, text: body + mark } as T;
  return out;
}

/**
 * <bases>: one paragraph per <basis>, each ending with ";" and the last with `end` (default
 * "."), italic as Decree 30 sets legal bases (§6), upright with italic="no" ("Thực hiện …").
 */
function parseBases(el: Element, ctx: Ctx): Paragraph[] {
  const fail = ctx.fail;
  const end = el.attribs.end ?? '.';
  if (!['.', ';', ',', ':'].includes(end)) fail(el, m('badBasesEnd', end));
  const italic = el.attribs.italic !== 'no';
  if (el.attribs.italic !== undefined && el.attribs.italic !== 'no' && el.attribs.italic !== 'yes') fail(el, m('badItalic', el.attribs.italic));
  const bases: { el: Element; content: Inline[] }[] = [];
  for (const c of el.children) {
    if (c.type === 'comment') continue;
    if (c.type === 'text') {
      if (c.data.trim() !== '') fail(c, m('textInBases'));
      continue;
    }
    const b = c as Element;
    if (b.type !== 'tag' || b.name !== 'basis') fail(c, m('onlyBasis'));
    const content = inlines(b.children, italic ? { italic: true } : {}, fail);
    if (!isEmpty(content)) bases.push({ el: b, content });
  }
  return bases.map(({ el: b, content }, i) => ({
    type: 'paragraph',
    children: endWith(content, i === bases.length - 1 ? end : ';'),
    align: 'justify',
    indent: true,
    ...ctx.at(b),
  }));
}

function parseTable(el: Element, ctx: Ctx): Table {
  const fail = ctx.fail;
  const rows: { row: Element; header: boolean }[] = [];
  const collect = (parent: Element, inHead: boolean): void => {
    for (const c of parent.children) {
      if (c.type === 'text') {
        if (c.data.trim() !== '') fail(c, m('textInTable'));
        continue;
      }
      if (c.type === 'comment') continue;
      const child = c as Element;
      if (child.type !== 'tag') fail(c, m('invalidTableContent'));
      if (child.name === 'thead') collect(child, true);
      else if (child.name === 'tbody') collect(child, false);
      else if (child.name === 'tr') rows.push({ row: child, header: inHead });
      else fail(child, m('notInTable', child.name));
    }
  };
  collect(el, false);
  if (rows.length === 0) fail(el, m('emptyTable'));

  // Resolve spans on a grid so every row covers the same number of columns.
  const occupied: boolean[][] = [];
  const tableRows: TableRow[] = [];
  let columns = 0;
  rows.forEach(({ row, header }, r) => {
    const cells: TableCell[] = [];
    occupied[r] ??= [];
    let col = 0;
    for (const c of row.children) {
      if (c.type === 'text') {
        if (c.data.trim() !== '') fail(c, m('textInRow'));
        continue;
      }
      if (c.type === 'comment') continue;
      const cellEl = c as Element;
      if (cellEl.type !== 'tag' || (cellEl.name !== 'td' && cellEl.name !== 'th')) fail(c, m('onlyCells'));
      while (occupied[r]![col]) col++;
      const colSpan = spanOf(cellEl, 'colspan', fail);
      const rowSpan = spanOf(cellEl, 'rowspan', fail);
      for (let dr = 0; dr < rowSpan; dr++) {
        occupied[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) occupied[r + dr]![col + dc] = true;
      }
      const isHeader = header || cellEl.name === 'th';
      cells.push({
        type: 'tableCell',
        children: inlines(cellEl.children, {}, fail),
        colSpan,
        rowSpan,
        align: alignOf(cellEl, isHeader ? 'center' : 'left', fail),
        header: isHeader,
      });
      col += colSpan;
    }
    columns = Math.max(columns, occupied[r]!.length);
    tableRows.push({ type: 'tableRow', children: cells });
  });
  if (occupied.length > rows.length) fail(el, m('rowspanOverflow'));
  occupied.forEach((cols, r) => {
    const filled = cols.filter(Boolean).length;
    if (filled !== columns) fail(rows[r]!.row, m('rowColumns', r + 1, filled, columns));
  });

  const explicitHeader = el.attribs['header-rows'];
  const headerRows = explicitHeader !== undefined ? Number(explicitHeader) : rows.filter((x) => x.header).length;
  if (!Number.isInteger(headerRows) || headerRows < 0 || headerRows > rows.length) fail(el, m('badHeaderRows', String(explicitHeader)));

  const table: Table = { type: 'table', columns, headerRows, children: tableRows, ...ctx.at(el) };
  const widths = el.attribs.widths;
  if (widths !== undefined) {
    const w = widths.split(',').map((x) => Number(x.trim()));
    if (w.length !== columns || w.some((x) => !(x > 0))) fail(el, m('badWidths', widths, columns));
    table.widths = w;
  }
  return table;
}

function spanOf(el: Element, attr: 'colspan' | 'rowspan', fail: Fail): number {
  const v = el.attribs[attr];
  if (v === undefined) return 1;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) fail(el, m('badSpan', attr, v));
  return n;
}
