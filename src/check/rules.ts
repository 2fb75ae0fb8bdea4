import { detectLegacy } from '../legacy/index.js';
import { setTonePlacement } from '../format/case.js';
import { faceFor, getFontFamily, measureText } from '../fonts/index.js';
import { checkMessages as M } from '../messages/check.js';
import { say } from '../messages/types.js';
import type { Lang, Message } from '../messages/types.js';
import type { Profile } from '../profile/index.js';
import { foldTone, limitsFor, PARTY_TYPES, STATE_TYPES } from './limits.js';
import type { Limits, Range } from './limits.js';
import { A4, REF_DANG, alignWords, mm, mmRange, pageSize } from './units.js';
import type { Para, ReadDocument } from './model.js';

/**
 * The checks: each finds its element in the document read back (by its words and its place),
 * compares it with the profile's numbers and the decree's ranges, and reports what deviates.
 */

export type Severity = 'error' | 'notice';

export interface Where {
  paragraph?: number;
  /** First and last paragraph, and how many, when one finding covers several. */
  paragraphs?: [number, number];
  count?: number;
  /** Every paragraph a merged finding covers. */
  all?: number[];
  page?: number;
  x?: number;
  y?: number;
  section?: number;
  words?: string;
}

export interface Finding {
  /** Stable id of the rule ("margin-left", "number-pad", …). */
  rule: string;
  severity: Severity;
  element: string;
  found: string;
  expected: string;
  /** The section of Decree 30's Appendix I (or HD 36) the rule comes from. */
  reference: string;
  where: Where;
  /** The location in words, in the report's language. */
  at: string;
}

type Pending = Omit<Finding, 'at'> & { merge?: boolean };

const TNR_LIKE = /times|tinos|liberation serif|nimbus rom|thorndale|dejavu serif condensed/i;
const LEGACY_FONT = /^\.?vn|^vni[- ]/i;
const ACADEMIC = /^(GS\.?\s*TS|PGS\.?\s*TS|GS|PGS|TSKH|TS|ThS|KS|BS|CN|Ths)\.\s*/;
const POINT_LETTERS = 'abcdđeghiklmnopqrstuvxy';

const nfc = (s: string) => s.normalize('NFC');
const clean = (s: string) => nfc(s).replace(/[\s\u00a0]+/g, ' ').trim();
const isEmpty = (p: Para) => clean(p.text) === '';
const hasLower = (s: string) => nfc(s) !== nfc(s).toUpperCase();
const words = (p: Para) => {
  const w = clean(p.text).split(' ');
  return w.slice(0, 6).join(' ') + (w.length > 6 ? ' …' : '');
};

/** The formatting most of a paragraph's letters carry (runs weighted by their visible characters). */
function dominant(p: Para): { size: number; bold: boolean; italic: boolean; underline: boolean } {
  const ink = p.runs.filter((r) => r.text.trim() !== '');
  if (ink.length === 0) return { size: 0, bold: false, italic: false, underline: false };
  const weight = (f: (r: (typeof ink)[number]) => boolean) => ink.filter(f).reduce((a, r) => a + r.text.trim().length, 0);
  const total = weight(() => true);
  const sizes = new Map<number, number>();
  for (const r of ink) sizes.set(r.size, (sizes.get(r.size) ?? 0) + r.text.trim().length);
  const size = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { size, bold: weight((r) => r.bold) * 2 > total, italic: weight((r) => r.italic) * 2 > total, underline: weight((r) => r.underline) * 2 > total };
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = v[s[i + 1] ?? ''] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

function roman(n: number): string {
  const t: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) while (n >= v) (s += r), (n -= v);
  return s;
}

export interface CheckContext {
  doc: ReadDocument;
  profile: Profile;
  lang: Lang;
}

/** What the checker recognised, element by element, with the text it read there. */
export type Located = Partial<Record<'nationalTitle' | 'motto' | 'partyTitle' | 'cvSummary' | 'parentAgency' | 'issuingAgency' | 'number' | 'placeDate' | 'typeName' | 'summary' | 'headings' | 'authority' | 'signerName' | 'recipientsLabel' | 'recipients' | 'appendix', string[]>> & { bodyParagraphs: number };

export function runChecks({ doc, profile, lang }: CheckContext): { findings: Finding[]; located: Located } {
  const located: Located = { bodyParagraphs: 0 };
  const mark = (k: Exclude<keyof Located, 'bodyParagraphs'>, p: Para | undefined) => {
    if (p) (located[k] ??= []).push(clean(p.text));
  };
  const L: Limits = limitsFor(profile);
  const party = L.party;
  const t = <A extends any[]>(m: Message<A>, ...a: A) => say(lang, m, ...a);
  const out: Pending[] = [];
  const ref = (s: string) => (party && !s.startsWith('I.') ? REF_DANG : t(M.refNd30, s));
  const at = (p: Para): Where => ({ paragraph: p.n, words: words(p), ...(p.page !== undefined ? { page: p.page, x: p.x ?? 0, y: p.y ?? 0 } : {}) });
  const add = (rule: string, severity: Severity, el: Message<[]>, found: string, expected: string, reference: string, where: Where, merge = false) =>
    out.push({ rule, severity, element: t(el), found, expected, reference, where, ...(merge ? { merge } : {}) });
  const paras = doc.paras;
  const pdf = doc.format === 'pdf';

  const sizeOk = (size: number, r: Range) => size >= r[0] - 0.05 && size <= r[1] + 0.05;
  /** Size, weight, slant (and underline) of one element against what the profile and decree ask. */
  const style = (rule: string, el: Message<[]>, p: Para, range: Range, want: { bold?: boolean; italic?: boolean; underline?: boolean; caps?: boolean }, section: string) => {
    const d = dominant(p);
    if (d.size && !sizeOk(d.size, range)) add(`${rule}-size`, 'error', el, t(M.size, d.size), t(M.sizeRange, range[0], range[1]), ref(section), at(p), true);
    if (want.bold !== undefined && d.bold !== want.bold) add(`${rule}-bold`, 'error', el, t(d.bold ? M.bold : M.notBold), t(want.bold ? M.bold : M.notBold), ref(section), at(p), true);
    if (want.italic !== undefined && d.italic !== want.italic) add(`${rule}-italic`, 'error', el, t(d.italic ? M.italic : M.upright), t(want.italic ? M.italic : M.upright), ref(section), at(p), true);
    if (want.underline !== undefined && !pdf && d.underline !== want.underline) add(`${rule}-underline`, 'error', el, t(d.underline ? M.underlined : M.notUnderlined), t(want.underline ? M.underlined : M.notUnderlined), ref(section), at(p), true);
    if (want.caps === true && hasLower(p.text) && !p.runs.every((r) => r.caps || r.text.trim() === '')) add(`${rule}-caps`, 'error', el, t(M.capsFound, clean(p.text)), t(M.caps), ref(section), at(p), true);
  };

  // ── Page set-up: size, orientation, margins (I.1–I.3) ──
  doc.sections.forEach((s, i) => {
    const where: Where = pdf ? { page: i + 1 } : { section: i + 1, ...(paras[s.firstPara - 1] ? { paragraph: s.firstPara, words: words(paras[s.firstPara - 1]!) } : {}) };
    const [w, h] = s.landscape ? [s.height, s.width] : [s.width, s.height];
    if (Math.abs(w - 210) > 1.5 || Math.abs(h - 297) > 1.5) add('page-size', 'error', M.elPaper, pageSize(lang, s.width, s.height), A4, ref('I.1'), where);
    const hasTable = doc.tables.some((tb) => tb.bordered && paras[tb.firstPara - 1]?.section === i);
    if (s.landscape && !hasTable && !pdf) add('page-orientation', 'notice', M.elOrientation, t(M.landscape), t(M.landscapeOnlyForTables), ref('I.2'), where);
    for (const side of ['top', 'bottom', 'left', 'right'] as const) {
      const v = s.margin[side];
      if (Number.isNaN(v)) continue;
      const r = L.margin[side];
      // A PDF shows where the text is, not the margin set: only text inside the margin is wrong.
      if (pdf ? v < r[0] - 1 : v < r[0] - 0.3 || v > r[1] + 0.3) {
        add(`margin-${side}`, 'error', { vi: () => M.elMargin.vi(side), en: () => M.elMargin.en(side) }, mm(lang, v), mmRange(lang, r[0], r[1]), party ? REF_DANG : t(M.refNd30, 'I.3'), where);
      }
    }
  });

  // ── Vietnamese text: fonts, legacy encodings, NFC, tone placement (I.4) ──
  let oldTone: string | undefined;
  let newTone: string | undefined;
  for (const p of paras) {
    const fonts = new Set(p.runs.filter((r) => r.text.trim() !== '').map((r) => r.font));
    for (const f of fonts) {
      if (LEGACY_FONT.test(f)) add('legacy-font', 'error', M.elEncoding, t(M.legacyFont, f), t(M.unicodeExpected), ref('I.4'), at(p), true);
      else if (!TNR_LIKE.test(f)) add('font', 'error', M.elFont, t(M.fontName, f), t(M.fontExpected), ref('I.4'), at(p), true);
    }
    for (const c of new Set(p.runs.filter((r) => r.text.trim() !== '' && r.color).map((r) => r.color!))) {
      add('colour', 'error', M.elColour, t(M.colourFound, c), t(M.colourExpected), ref('I.4'), at(p), true);
    }
    const legacy = detectLegacy(p.text);
    if (legacy) add('legacy-text', 'error', M.elEncoding, t(M.legacyFound, legacy.encoding === 'vni' ? 'VNI' : 'TCVN3 (.VnTime)', legacy.samples[0] ?? ''), t(M.unicodeExpected), ref('I.4'), at(p), true);
    if (p.text !== p.text.normalize('NFC')) {
      const w = p.text.split(/\s+/).find((x) => x !== x.normalize('NFC')) ?? '';
      add('nfc', 'error', M.elNfc, t(M.nfdFound, w.normalize('NFC')), t(M.nfcExpected), ref('I.4'), at(p), true);
    }
    // One rewrite of the paragraph per style, then word by word: a word the old style leaves
    // alone but the new one changes is written the old way ("hòa"), and the reverse.
    if (!oldTone || !newTone) {
      const text = nfc(p.text);
      const asOld = setTonePlacement(text, 'old').match(/\p{L}+/gu) ?? [];
      const asNew = setTonePlacement(text, 'new').match(/\p{L}+/gu) ?? [];
      (text.match(/\p{L}+/gu) ?? []).forEach((w, k) => {
        if (asOld[k] === asNew[k]) return;
        if (w === asOld[k]) oldTone ??= w;
        else if (w === asNew[k]) newTone ??= w;
      });
    }
  }
  if (oldTone && newTone) add('tone-mixed', 'notice', M.elTone, t(M.toneMixed, oldTone, newTone), t(M.toneExpected), ref('I.4'), {});
  if (doc.fonts) {
    const missing = [...new Set(doc.fonts.filter((f) => !f.embedded).map((f) => f.name))];
    if (missing.length > 0) add('fonts-embedded', 'error', M.elFontsEmbedded, t(M.fontsNotEmbedded, missing.join(', ')), t(M.allEmbedded), ref('I.4'), {});
  }

  // ── The header block: ô 1–4 ──
  const firstBody = paras.findIndex((p) => !p.cell && !isEmpty(p) && p.rule?.where !== 'self');
  const headerTable = doc.tables[0] && (firstBody < 0 || doc.tables[0].firstPara <= firstBody + 1) && doc.tables[0].cols >= 2 ? doc.tables[0] : undefined;
  const pageMid = pdf ? (doc.sections[0]?.width ?? 210) / 2 : 0;
  const colOf = (p: Para): 'left' | 'right' | undefined => {
    if (pdf) return p.x !== undefined && p.right !== undefined ? ((p.x + p.right) / 2 < pageMid ? 'left' : 'right') : undefined;
    if (!headerTable || p.cell?.table !== headerTable.index) return undefined;
    return p.cell.col === 0 ? 'left' : p.cell.col >= headerTable.cols - 1 ? 'right' : undefined;
  };
  let headerEnd: number; // index into paras of the first paragraph after the header block
  if (pdf) {
    const dateLine = paras.findIndex((p) => p.page === 1 && /ngày\s+\S+\s+tháng/.test(clean(p.text)) && colOf(p) === 'right');
    headerEnd = dateLine < 0 ? Math.min(8, paras.length) : dateLine + 1;
    while (headerEnd < paras.length && paras[headerEnd]!.page === 1 && colOf(paras[headerEnd]!) === 'left' && /^V\/v/.test(clean(paras[headerEnd]!.text))) headerEnd++;
  } else if (headerTable) headerEnd = headerTable.lastPara;
  else {
    const typeAt = paras.findIndex((p, i) => i < 25 && !hasLower(p.text) && !isEmpty(p) && (STATE_TYPES[foldTone(clean(p.text))] ?? PARTY_TYPES[foldTone(clean(p.text))]) !== undefined);
    headerEnd = typeAt < 0 ? Math.min(10, paras.length) : typeAt;
    add('header-table', 'notice', M.elHeaderTable, t(M.noHeaderTable), t(M.headerTableExpected), ref('IV'), paras[0] ? at(paras[0]) : {});
  }
  const header = paras.slice(0, headerEnd).filter((p) => !pdf || p.page === 1);
  const left = header.filter((p) => colOf(p) === 'left');
  const nextInColumn = (p: Para): Para | undefined => {
    const i = paras.indexOf(p);
    const q = paras[i + 1];
    return q && (pdf || (q.cell?.table === p.cell?.table && q.cell?.col === p.cell?.col)) ? q : undefined;
  };
  const ruleAfter = (p: Para): Para | undefined => {
    if (p.rule && p.rule.where !== 'top') return p;
    const q = nextInColumn(p);
    if (q?.rule && (q.rule.where === 'self' || q.rule.where === 'top')) return q;
    // A line shape is placed where it was drawn, whatever paragraph of the cell it is anchored in.
    if (p.cell) return paras.find((x) => x.rule?.drawn && x.cell?.table === p.cell!.table && x.cell.col === p.cell!.col && x.cell.row === p.cell!.row);
    return undefined;
  };
  const textWidth = (p: Para): number => {
    const fam = getFontFamily('Tinos'); // metric-compatible with Times New Roman
    let w = 0;
    // Superscript and subscript letters are drawn at about two thirds of the size.
    for (const r of p.runs) w += measureText(fam, faceFor(r.bold, r.italic), r.caps ? nfc(r.text).toUpperCase() : nfc(r.text), r.script ? r.size * 0.65 : r.size);
    return Math.min((w * 25.4) / 72, p.width || Infinity);
  };
  const ruleLength = (rule: Para): number | undefined => {
    if (rule.rule?.length !== undefined) return rule.rule.length;
    if (rule.rule?.typed) return textWidth({ ...rule, runs: [rule.rule.typed] });
    if (/_/.test(rule.text)) return textWidth(rule);
    return undefined;
  };
  const checkRule = (id: string, el: Message<[]>, lines: Para[], fraction: [number, number], expected: string, section: string) => {
    const last = lines[lines.length - 1]!;
    const rule = pdf ? undefined : ruleAfter(last);
    if (pdf) return; // rules in a PDF are drawings pdf.js does not report as text
    if (!rule) {
      add(`${id}-missing`, 'error', el, t(M.ruleMissing), t(M.ruleExpected), ref(section), at(last));
      return;
    }
    const len = ruleLength(rule);
    if (len === undefined) return;
    const widths = lines.map(textWidth);
    const ok = widths.some((w) => len >= w * fraction[0] && len <= w * fraction[1]);
    if (!ok) add(`${id}-length`, 'notice', el, t(M.ruleLength, len, Math.max(...widths)), expected, ref(section), at(rule.rule?.where === 'self' ? rule : last));
  };

  const find = (list: Para[], re: RegExp) => list.find((p) => re.test(foldTone(clean(p.text))));
  const inHeader = header.length > 0 ? header : paras.slice(0, 15);
  const nationalTitle = find(inHeader, /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/i);
  const partyTitle = find(inHeader, /^ĐẢNG CỘNG SẢN VIỆT NAM$/i);
  const motto = find(inHeader, /^Độc lập\s*[-–—‐]\s*Tự do\s*[-–—‐]\s*Hạnh phúc$/i);
  if (!party) {
    if (!nationalTitle) add('national-title-missing', 'error', M.elNationalTitle, t(M.notFound), t(M.expectedText, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), ref('II.1'), paras[0] ? at(paras[0]) : {});
    else {
      style('national-title', M.elNationalTitle, nationalTitle, L.nationalTitle, { bold: true, italic: false, caps: true }, 'II.1');
      if (colOf(nationalTitle) === 'left') add('national-title-place', 'error', M.elNationalTitle, t(M.wrongColumn), t(M.rightColumn), ref('II.1'), at(nationalTitle));
    }
    if (!motto) add('motto-missing', 'error', M.elMotto, t(M.notFound), t(M.expectedText, 'Độc lập - Tự do - Hạnh phúc'), ref('II.1'), nationalTitle ? at(nationalTitle) : {});
    else {
      style('motto', M.elMotto, motto, L.motto, { bold: true, italic: false }, 'II.1');
      const text = clean(motto.text);
      const dash = /[–—‐]/.exec(text)?.[0] ?? (/\S-|-\S/.test(text) ? '-' : undefined);
      if (dash) add('motto-dash', 'error', M.elMotto, t(M.mottoDash, dash === '-' ? 'dấu gạch không cách chữ' : dash), t(M.mottoDashExpected), ref('II.1'), at(motto));
      const all = motto.runs.every((r) => r.caps || r.text.trim() === '') || !hasLower(text);
      if (all || !/^Độc lập\s*\S\s*Tự do\s*\S\s*Hạnh phúc$/.test(text)) add('motto-case', 'error', M.elMotto, t(M.capsFound, text), t(M.mottoCaseExpected), ref('II.1'), at(motto));
      checkRule('motto-rule', M.elMottoRule, [motto], [0.85, 1.15], t(M.ruleFull), 'II.1');
    }
  } else {
    if (!partyTitle) add('party-title-missing', 'error', M.elPartyTitle, t(M.notFound), t(M.expectedText, 'ĐẢNG CỘNG SẢN VIỆT NAM'), ref(''), paras[0] ? at(paras[0]) : {});
    else {
      style('party-title', M.elPartyTitle, partyTitle, L.nationalTitle, { bold: true, italic: false, caps: true }, '');
      checkRule('party-rule', M.elPartyRule, [partyTitle], [0.85, 1.15], t(M.ruleFull), '');
    }
  }

  // Agency names (left column, above the number).
  const numberPara = find(inHeader, /^Số(?!\p{L})/u);
  const agencyZone = (left.length > 0 ? left : inHeader).filter((p) => !isEmpty(p) && p.rule?.where !== 'self' && (!numberPara || paras.indexOf(p) < paras.indexOf(numberPara)) && clean(p.text) !== '*' && p !== nationalTitle && p !== partyTitle && p !== motto);
  if (agencyZone.length > 0 && (headerTable || pdf)) {
    let start = agencyZone.length;
    while (start > 0 && dominant(agencyZone[start - 1]!).bold) start--;
    if (start === agencyZone.length) start = agencyZone.length - 1;
    const parents = agencyZone.slice(0, start);
    const issuers = agencyZone.slice(start);
    parents.forEach((p) => mark('parentAgency', p));
    issuers.forEach((p) => mark('issuingAgency', p));
    for (const p of parents) style('parent-agency', M.elParentAgency, p, L.parentAgency, { bold: false, italic: false, caps: true }, 'II.2');
    for (const p of issuers) style('issuing-agency', M.elIssuingAgency, p, L.issuingAgency, { bold: true, italic: false, caps: true }, 'II.2');
    if (!party) checkRule('agency-rule', M.elAgencyRule, issuers, [0.3, 0.55], t(M.ruleThird), 'II.2');
    else if (!header.some((p) => clean(p.text) === '*')) add('party-star', 'error', M.elStar, t(M.missing), t(M.starExpected), ref(''), at(issuers[issuers.length - 1]!));
  }

  // Type name and summary (ô 5a), found first: the number's symbol is checked against the type.
  const afterHeader = paras.slice(headerEnd).filter((p) => !isEmpty(p) && !(p.rule && p.rule.where === 'self'));
  let typeName: Para | undefined = afterHeader[0];
  const typeKey = typeName ? foldTone(clean(typeName.text)).toUpperCase() : '';
  const types = party ? PARTY_TYPES : STATE_TYPES;
  if (typeName && (types[typeKey] === undefined || /^(Kính gửi|V\/v)/.test(clean(typeName.text)))) {
    // Not a known type name: a công văn has none; a caps short line is still a type name.
    if (!hasLower(typeName.text) && clean(typeName.text).split(' ').length <= 5 && typeName.align === 'center') {
      /* an unlisted type name in capitals */
    } else typeName = undefined;
  }
  const typeAbbr = typeName ? types[typeKey] : undefined;
  const summary: Para[] = [];
  if (typeName) {
    style('type-name', M.elTypeName, typeName, L.typeName, { bold: true, italic: false, caps: true }, 'II.5');
    if (typeName.align !== 'center' && !pdf) add('type-name-align', 'error', M.elTypeName, alignWords(lang, typeName.align), alignWords(lang, 'center'), ref('II.5'), at(typeName));
    let i = paras.indexOf(typeName) + 1;
    while (i < paras.length && !isEmpty(paras[i]!) && paras[i]!.rule?.where !== 'self' && paras[i]!.align === 'center' && !paras[i]!.cell && !/^-{3,}$/.test(clean(paras[i]!.text)) && summary.length < 4) {
      summary.push(paras[i]!);
      if (paras[i]!.rule) break;
      i++;
    }
    for (const p of summary) style('summary', M.elSummary, p, L.summary, { bold: true, italic: false }, 'II.5');
    if (summary.length > 0) {
      if (!party) checkRule('summary-rule', M.elSummaryRule, summary, [0.3, 0.55], t(M.ruleThird), 'II.5');
      else {
        const next = paras.slice(paras.indexOf(summary[summary.length - 1]!) + 1).find((p) => !isEmpty(p));
        if (!next || !/^-{3,}$/.test(clean(next.text))) add('summary-dashes', 'error', M.elSummaryDashes, t(M.missing), t(M.dashesExpected), ref(''), at(summary[summary.length - 1]!));
      }
    }
  }
  const vv = find(inHeader, /^V\/v\b/);
  mark('cvSummary', vv);
  if (vv) style('cv-summary', M.elSummary, vv, L.cvSummary, { bold: false, italic: party }, 'II.5');

  // Number and symbol (ô 3).
  if (!numberPara) add('number-missing', 'error', M.elNumber, t(M.notFound), t(party ? M.partyNumberFormExpected : M.numberFormExpected), ref('II.3'), header[0] ? at(header[0]) : {});
  else {
    const text = clean(numberPara.text);
    style('number', M.elNumber, numberPara, L.number, { bold: false, italic: false }, 'II.3');
    if (!party) {
      const m = /^Số\s*(:?)\s*([^/]*?)\s*\/\s*(.+)$/.exec(text.slice(0, 300));
      if (!m) add('number-form', 'error', M.elNumber, t(M.numberForm, text), t(M.numberFormExpected), ref('II.3'), at(numberPara));
      else {
        if (m[1] !== ':') add('number-colon', 'error', M.elNumber, t(M.numberColon), t(M.numberColonExpected), ref('II.3'), at(numberPara));
        if (/^\d$/.test(m[2]!)) add('number-pad', 'error', M.elNumber, t(M.numberPad, m[2]!), t(M.numberPadExpected, `0${m[2]}`), ref('II.3'), at(numberPara));
        const symbol = m[3]!;
        if (/\s/.test(symbol)) add('symbol-space', 'error', M.elNumber, t(M.symbolSpace, symbol), t(M.symbolForm), ref('II.3'), at(numberPara));
        const first = symbol.split('-')[0]!.trim();
        if (typeAbbr && first !== typeAbbr) add('symbol-type', 'error', M.elNumber, t(M.symbolWrong, first, clean(typeName!.text)), t(M.symbolExpected, typeAbbr, clean(typeName!.text)), t(M.refNd30App3), at(numberPara));
        if (!typeName && first === 'CV') add('symbol-cv', 'error', M.elNumber, t(M.cvAbbrev), t(M.cvAbbrevExpected), t(M.refNd30App3), at(numberPara));
      }
    } else {
      const m = /^Số\s*(:?)\s*([^-]*?)\s*-\s*([^/\s]+)\s*\/\s*(.+)$/.exec(text.slice(0, 300));
      if (!m) add('number-form', 'error', M.elNumber, t(M.numberForm, text), t(M.partyNumberFormExpected), ref(''), at(numberPara));
      else {
        if (m[1] === ':') add('number-colon', 'error', M.elNumber, t(M.partyNumberColon), t(M.partyNumberExpected), ref(''), at(numberPara));
        if (typeAbbr && m[3] !== typeAbbr) add('symbol-type', 'error', M.elNumber, t(M.symbolWrong, m[3]!, clean(typeName!.text)), t(M.symbolExpected, typeAbbr, clean(typeName!.text)), ref(''), at(numberPara));
        if (/\s/.test(m[4]!)) add('symbol-space', 'error', M.elNumber, t(M.symbolSpace, m[4]!), t(M.symbolForm), ref(''), at(numberPara));
      }
    }
  }

  // Place and date (ô 4).
  const datePara = find(inHeader, /(ngày\s+\S+\s+tháng|\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}-\d{1,2}-\d{4})/);
  if (datePara) {
    const text = clean(datePara.text);
    style('place-date', M.elPlaceDate, datePara, L.placeDate, { bold: false, italic: true }, 'II.4');
    const m = /^(.+?)(,?)\s+ngày\s+(\S+)\s+tháng\s+(\S+)\s+năm\s+(\S+)$/.exec(text.slice(0, 300));
    if (!m) add('date-form', 'error', M.elPlaceDate, t(M.dateShort, text), t(M.dateFull), ref('II.4'), at(datePara));
    else {
      if (m[2] !== ',') add('place-comma', 'error', M.elPlaceDate, t(M.placeComma), t(M.placeCommaExpected), ref('II.4'), at(datePara));
      if (!/^\p{Lu}/u.test(m[1]!)) add('place-caps', 'notice', M.elPlaceDate, t(M.placeCaps, m[1]!), t(M.placeCapsExpected), ref('II.4'), at(datePara));
      const day = m[3]!;
      if (/^[1-9]$/.test(day)) add('date-day-pad', 'error', M.elPlaceDate, t(M.dayPad, day), t(M.dayPadExpected, `0${day}`), ref('II.4'), at(datePara));
      const month = m[4]!;
      if (/^[12]$/.test(month)) add('date-month-pad', 'error', M.elPlaceDate, t(M.monthPad, month), t(M.monthPadExpected, `0${month}`), ref('II.4'), at(datePara));
      else if (/^0[3-9]$/.test(month)) add('date-month-pad', 'error', M.elPlaceDate, t(M.monthPad, month), t(M.monthPadExpected, month.slice(1)), ref('II.4'), at(datePara));
    }
    if (numberPara) {
      const same = pdf ? numberPara.page === datePara.page && Math.abs((numberPara.y ?? 0) - (datePara.y ?? 0)) < 2 : numberPara.cell?.row === datePara.cell?.row && numberPara.cell?.table === datePara.cell?.table;
      if (!same) add('date-row', 'notice', M.elPlaceDate, t(M.sameRow), t(M.sameRowExpected), ref('II.4'), at(datePara));
    }
  }

  // ── Signature and recipients (ô 7, 9b) ──
  const labelAt = paras.findIndex((p, i) => i >= headerEnd && /^Nơi nhận\b/.test(clean(p.text)));
  const label = labelAt >= 0 ? paras[labelAt]! : undefined;
  // The signature: the right-hand column beside "Nơi nhận" (the same table row), else the caps lines around it.
  let sig: Para[] = [];
  if (label && !pdf && label.cell) {
    const { table, row } = label.cell;
    sig = paras.filter((p) => p.cell?.table === table && p.cell.row === row && p.cell.col > label.cell!.col);
  } else if (label && pdf) {
    sig = paras.filter((p) => p.page === label.page && (p.y ?? 0) >= (label.y ?? 0) - 2 && (p.x ?? 0) + ((p.right ?? 0) - (p.x ?? 0)) / 2 > pageMid && p !== label);
  } else {
    const start = paras.findIndex((p, i) => i >= headerEnd && /^(TM|KT|TL|TUQ|Q|T\/M|K\/T|T\/L)\.?\s+\p{Lu}/u.test(clean(p.text)) && !hasLower(p.text));
    if (start >= 0) sig = paras.slice(start, start + 8);
  }
  const sigLines = sig.filter((p) => !isEmpty(p));
  const authority: Para[] = [];
  for (const p of sigLines) {
    if (hasLower(p.text) && !p.runs.every((r) => r.caps)) break;
    authority.push(p);
  }
  const signer = sigLines.length > authority.length ? sigLines[sigLines.length - 1] : undefined;
  let seenKT: Para | undefined;
  authority.forEach((p, i) => {
    const text = clean(p.text);
    const statePrefix = /^(TM|KT|TL|TUQ|Q)(\.?)(?=\s)/.exec(text);
    const partyPrefix = /^(T\/M|K\/T|T\/L)(?=\s)/.exec(text);
    if (!party && statePrefix && statePrefix[2] !== '.') add('authority-prefix', 'error', M.elAuthority, t(M.prefixNoPeriod, statePrefix[1]!), t(M.prefixExpected, `${statePrefix[1]}.`), ref('II.7'), at(p));
    if (!party && partyPrefix) add('authority-prefix', 'error', M.elAuthority, t(M.partyPrefix, partyPrefix[1]!), t(M.prefixExpected, partyPrefix[1]!.replace('/', '') + '.'), ref('II.7'), at(p));
    if (party && statePrefix && ['TM', 'KT', 'TL'].includes(statePrefix[1]!)) {
      const slash = `${statePrefix[1]![0]}/${statePrefix[1]![1]}`;
      add('authority-prefix', 'error', M.elAuthority, t(M.partyPrefix, statePrefix[0]), t(M.partyPrefixExpected, slash), ref(''), at(p));
    }
    if (/^(KT|K\/T)/.test(text)) seenKT ??= p;
    if (/^(TM|T\/M)/.test(text) && seenKT) add('authority-stacking', 'error', M.elAuthority, t(M.stacking, words(seenKT), words(p)), t(M.stackingExpected), ref('II.7'), at(p));
    // Decree 30: every line bold; HD 36 practice: the authority line bold, the position regular.
    style('authority', M.elAuthority, p, L.authority, { ...(party && i > 0 ? {} : { bold: true }), italic: false, caps: true }, 'II.7');
  });
  if (signer) {
    style('signer-name', M.elSignerName, signer, L.name, { bold: true, italic: false }, 'II.7');
    const title = ACADEMIC.exec(clean(signer.text));
    if (title) add('signer-title', 'error', M.elSignerName, t(M.academicTitle, title[0].trim()), t(M.noTitleExpected), ref('II.7'), at(signer));
    if (!hasLower(signer.text)) add('signer-name-caps', 'error', M.elSignerName, t(M.capsFound, clean(signer.text)), t(M.lowerCase), ref('II.7'), at(signer));
  }
  if (label) {
    style('recipients-label', M.elRecipientsLabel, label, L.recipientsLabel, party ? { underline: true, italic: false } : { bold: true, italic: true }, 'II.9');
    if (!/^Nơi nhận\s*:/.test(clean(label.text))) add('recipients-colon', 'error', M.elRecipientsLabel, t(M.labelColon), t(M.labelColonExpected), ref('II.9'), at(label));
    const items: Para[] = [];
    for (let i = labelAt + 1; i < paras.length; i++) {
      const p = paras[i]!;
      // Without a table, the list is the run of "- …" paragraphs right after the label.
      if (!pdf && !label.cell && (p.cell || !/^[-–]/.test(clean(p.text)))) break;
      if (pdf ? p.page !== label.page || ((p.x ?? 0) + (p.right ?? 0)) / 2 > pageMid : p.cell?.table !== label.cell?.table || p.cell?.col !== label.cell?.col) {
        if (pdf && p.page === label.page) continue;
        break;
      }
      if (!isEmpty(p)) items.push(p);
    }
    // A PDF line may be the wrapped end of an item: only lines starting "-" start a new one.
    const starts = pdf ? items.filter((p) => /^[-–]/.test(clean(p.text))) : items;
    const ends = pdf ? starts.map((_s, k) => items[items.indexOf(starts[k + 1]!) - 1] ?? items[items.length - 1]!) : items;
    items.forEach((p) => mark('recipients', p));
    for (const p of items) style('recipient', M.elRecipients, p, L.recipient, { bold: false, italic: false }, 'II.9');
    if (!pdf) for (const p of items) if (!/^-\s/.test(clean(p.text))) add('recipient-dash', 'error', M.elRecipients, t(M.itemDash, words(p)), t(M.itemDashExpected), ref('II.9'), at(p), true);
    const endChar = party ? ',' : ';';
    ends.slice(0, -1).forEach((p) => {
      const text = clean(p.text);
      if (!text.endsWith(endChar)) add('recipient-end', 'error', M.elRecipients, t(M.itemEnd, text.slice(-1)), t(M.itemEndExpected, endChar), ref('II.9'), at(p), true);
    });
    const last = starts[starts.length - 1];
    const lastEnd = ends[ends.length - 1];
    if (last && lastEnd) {
      const text = clean(items.slice(items.indexOf(last), items.indexOf(lastEnd) + 1).map((p) => p.text).join(' '));
      const ok = party ? /^-\s*Lưu\b(?!\s*:).*\.$/.test(text) : /^-\s*Lưu\s*:\s*VT\b.*\.$/.test(text);
      if (!ok) add('archive-line', 'error', M.elArchiveLine, t(M.itemDash, text), t(party ? M.partyArchiveExpected : M.archiveExpected), ref('II.9'), at(last));
    }
  }

  // ── Body (ô 6): size, font, alignment, indent, spacing, line spacing, heading numbering ──
  const bodyStart = summary.length > 0 ? paras.indexOf(summary[summary.length - 1]!) + 1 : typeName ? paras.indexOf(typeName) + 1 : headerEnd;
  const appendixRe = /^Phụ lục(\s+[IVXLC\d]+)?$/i;
  const appendixAt = paras.findIndex((p, i) => i >= bodyStart && appendixRe.test(clean(p.text)) && (p.align === 'center' || pdf));
  let bodyEnd = labelAt >= 0 ? labelAt : appendixAt >= 0 ? appendixAt : paras.length;
  if (!pdf && label?.cell) bodyEnd = Math.min(bodyEnd, doc.tables[label.cell.table]!.firstPara - 1);
  const body = paras.slice(bodyStart, bodyEnd).filter((p) => !isEmpty(p) && !p.cell && !(p.rule?.where === 'self') && !/^-{3,}$/.test(clean(p.text)) && !(pdf && /^\d+$/.test(clean(p.text))));
  let inAddressees = false;
  let prev: Para | undefined;
  type Counter = { label: string; value: number };
  let roman1: Counter | undefined;
  let arabic: Counter | undefined;
  let letter: Counter | undefined;
  let article: Counter | undefined;
  for (const p of body) {
    const text = clean(p.text);
    const d = dominant(p);
    if (d.size && !sizeOk(d.size, L.body)) add('body-size', 'error', M.elBody, t(M.size, d.size), t(M.sizeRange, L.body[0], L.body[1]), ref('II.6'), at(p), true);
    if (/^Kính gửi\b/.test(text)) {
      if (!/^Kính gửi\s*:/.test(text)) add('addressees-colon', 'error', M.elAddressees, t(M.labelColon), t(M.expectedText, 'Kính gửi:'), ref('II.9'), at(p));
      if (d.italic || d.bold) add('addressees-style', 'error', M.elAddressees, t(d.bold ? M.bold : M.italic), t(M.upright), ref('II.9'), at(p));
      inAddressees = true;
      prev = p;
      continue;
    }
    if (inAddressees && /^[-–]\s/.test(text)) {
      prev = p;
      continue;
    }
    inAddressees = false;
    const romanM = /^([IVXLC]+)[.\-–]\s/.exec(text);
    const arabicM = /^(\d{1,2})\.\s/.exec(text);
    const letterM = /^([a-zđ])\)\s/.exec(text);
    const articleM = /^Điều\s+(\d+)\./.exec(text);
    const isHeading = Boolean(romanM || arabicM || letterM || articleM);
    if (isHeading) mark('headings', p);
    const seq = (c: Counter | undefined, value: number, label: string, next: (v: number) => string, first: string): Counter => {
      const expected = c ? next(c.value) : first;
      if (label !== expected) add('heading-sequence', 'error', M.elHeading, c ? t(M.headingGap, label, c.label) : t(M.headingFirst, label), t(M.headingExpected, expected), ref('II.6'), at(p));
      return { label, value };
    };
    if (romanM) {
      roman1 = seq(roman1, romanValue(romanM[1]!), romanM[1]!, (v) => roman(v + 1), 'I');
      arabic = undefined;
      letter = undefined;
      if (!d.bold || hasLower(text.slice(romanM[0].length))) add('heading-style', 'error', M.elHeading, [t(d.bold ? M.bold : M.notBold), t(hasLower(text) ? M.notCaps : M.caps)].join(', '), t(M.headingStyle), ref('II.6'), at(p));
    } else if (arabicM) {
      arabic = seq(arabic, Number(arabicM[1]), arabicM[1]!, (v) => String(v + 1), '1');
      letter = undefined;
    } else if (letterM) {
      const idx = POINT_LETTERS.indexOf(letterM[1]!);
      letter = seq(letter, idx, letterM[1]!, (v) => POINT_LETTERS[v + 1] ?? '?', 'a');
    } else if (articleM) {
      // Articles run through the whole text; the clauses (1., 2.) and points of each start again.
      article = seq(article, Number(articleM[1]), articleM[1]!, (v) => String(v + 1), '1');
      arabic = undefined;
      letter = undefined;
    }
    if (!pdf) {
      const centred = p.align === 'center';
      if (!centred && !isHeading && text.length > 90 && p.align !== 'both') add('body-align', 'error', M.elBody, alignWords(lang, p.align), alignWords(lang, 'both'), ref('II.6'), at(p), true);
      const fl = p.firstLine ?? 0;
      if (!centred && !/^[-+•–]/.test(text) && !(Math.abs(fl - 10) <= 0.3 || Math.abs(fl - 12.7) <= 0.3)) add('body-indent', 'error', M.elBody, t(M.indent, fl), t(M.indentExpected), ref('II.6'), at(p), true);
      if (prev && !centred) {
        const gap = (prev.spaceAfter ?? 0) + (p.spaceBefore ?? 0);
        if (gap < 6 - 0.05) add('body-spacing', 'error', M.elBody, t(M.spacing, gap), t(M.spacingExpected), ref('II.6'), at(p), true);
      }
      const ln = p.line;
      if (ln) {
        const single = d.size * 1.15;
        const bad = ln.rule === 'auto' ? ln.value < 0.99 || ln.value > 1.51 : ln.value < single * 0.95 || ln.value > single * 1.5 + 0.5;
        if (bad) add('body-line-spacing', 'error', M.elBody, t(M.lineSpacing, ln.rule === 'auto' ? t(M.lines, ln.value) : ln.rule === 'exact' ? t(M.exactly, ln.value) : t(M.atLeast, ln.value)), t(M.lineSpacingExpected), ref('II.6'), at(p), true);
      }
    }
    prev = p;
  }

  // ── Appendices (III.1) ──
  const labels = paras.filter((p, i) => i >= bodyStart && appendixRe.test(clean(p.text)) && (p.align === 'center' || pdf));
  labels.forEach((p) => {
    const text = clean(p.text);
    style('appendix-label', M.elAppendix, p, L.appendixLabel, { bold: true, italic: false }, 'III.1');
    if (!/^Phụ lục/.test(text)) add('appendix-case', 'error', M.elAppendix, t(M.appendixCaps, text), t(M.appendixCapsExpected), ref('III.1'), at(p));
    if (labels.length >= 2 && !/\s[IVXLC]+$/.test(text)) add('appendix-roman', 'error', M.elAppendix, t(M.appendixRoman, text), t(M.appendixRomanExpected), ref('III.1'), at(p));
    const i = paras.indexOf(p);
    const rest = paras.slice(i + 1, i + 8).filter((q) => !isEmpty(q));
    const attribution = rest.find((q) => /^\(Kèm theo\b/i.test(clean(q.text)));
    const titles = attribution ? rest.slice(0, rest.indexOf(attribution)) : [];
    for (const q of titles) style('appendix-title', M.elAppendixTitle, q, L.appendixTitle, { bold: true, italic: false, caps: true }, 'III.1');
    if (!attribution) add('appendix-attribution', 'error', M.elAttribution, t(M.missing), t(M.expectedText, '(Kèm theo … số …/…-… ngày … của …)'), ref('III.1'), at(p));
    else style('appendix-attribution', M.elAttribution, attribution, L.attribution, { italic: true, bold: false }, 'III.1');
    if (!pdf) {
      const sec = doc.sections[p.section];
      if (sec && sec.firstPara <= p.n && paras.slice(sec.firstPara - 1, p.n - 1).every(isEmpty) && sec.pageStart !== 1) add('appendix-page-restart', 'notice', M.elPageNumber, t(M.pageRestart), t(M.pageRestartExpected), ref('III.1'), at(p));
    }
  });

  // ── Page numbers (I.7) ──
  if (!pdf) {
    const withHeader = doc.sections.filter((s) => s.header.default?.hasPageField || s.header.first?.hasPageField || s.header.even?.hasPageField);
    const inFooter = doc.sections.some((s) => s.footer.default?.hasPageField || s.footer.first?.hasPageField);
    const chars = paras.reduce((a, p) => a + p.text.length + 60, 0);
    const multiPage = (doc.pages ?? Math.ceil(chars / 2800)) > 1;
    const first = doc.sections[0];
    if (withHeader.length === 0) {
      if (inFooter) add('page-number-footer', 'error', M.elPageNumber, t(M.pageNumberFooter), t(M.pageNumberExpected), ref('I.7'), {});
      else if (multiPage) add('page-number-missing', 'error', M.elPageNumber, t(M.pageNumberMissing), t(M.pageNumberExpected), ref('I.7'), {});
    } else {
      if (first && ((first.titlePg && first.header.first?.hasPageField) || (!first.titlePg && first.header.default?.hasPageField))) add('page-number-first', 'error', M.elPageNumber, t(M.pageNumberOnFirst), t(M.pageNumberExpected), ref('I.7'), { section: 1 });
      const part = withHeader[0]!.header.default ?? withHeader[0]!.header.first;
      if (part?.hasPageField && part.align && part.align !== 'center') add('page-number-align', 'error', M.elPageNumber, t(M.pageNumberNotCentred, alignWords(lang, part.align)), t(M.pageNumberExpected), ref('I.7'), {});
      if (part?.size && !sizeOk(part.size, L.pageNumber)) add('page-number-size', 'error', M.elPageNumber, t(M.size, part.size), t(M.sizeRange, L.pageNumber[0], L.pageNumber[1]), ref('I.7'), {});
    }
  } else {
    const margin = profile.page.margin.top;
    const numbers = paras.filter((p) => /^\d{1,3}$/.test(clean(p.text)) && (p.y ?? 99) < margin + 2);
    const pageCount = doc.pages ?? 1;
    if (pageCount > 1 && numbers.length === 0) add('page-number-missing', 'error', M.elPageNumber, t(M.pageNumberMissing), t(M.pageNumberExpected), ref('I.7'), {});
    const onFirst = numbers.find((p) => p.page === 1);
    if (onFirst) add('page-number-first', 'error', M.elPageNumber, t(M.pageNumberOnFirst), t(M.pageNumberExpected), ref('I.7'), at(onFirst));
    const n = numbers[0];
    if (n) {
      const d = dominant(n);
      if (!sizeOk(d.size, L.pageNumber)) add('page-number-size', 'error', M.elPageNumber, t(M.size, d.size), t(M.sizeRange, L.pageNumber[0], L.pageNumber[1]), ref('I.7'), at(n));
    }
  }

  mark('nationalTitle', nationalTitle);
  mark('motto', motto);
  mark('partyTitle', partyTitle);
  mark('number', numberPara);
  mark('placeDate', datePara);
  mark('typeName', typeName);
  summary.forEach((p) => mark('summary', p));
  authority.forEach((p) => mark('authority', p));
  mark('signerName', signer);
  mark('recipientsLabel', label);
  labels.forEach((p) => mark('appendix', p));
  located.bodyParagraphs = body.length;
  return { findings: merge(out, lang), located };
}

/** One finding per rule and value for many paragraphs (a body typed at 12 pt is one problem). */
function merge(list: Pending[], lang: Lang): Finding[] {
  const out: (Pending & { first?: number; last?: number; count?: number; all?: number[] })[] = [];
  const key = (f: Pending) => `${f.rule}\u0000${f.found}\u0000${f.expected}`;
  const byKey = new Map<string, (typeof out)[number]>();
  for (const f of list) {
    const k = key(f);
    const hit = f.merge ? byKey.get(k) : undefined;
    if (hit && f.where.paragraph !== undefined) {
      hit.last = f.where.paragraph;
      hit.count = (hit.count ?? 1) + 1;
      hit.all = [...(hit.all ?? [hit.where.paragraph!]), f.where.paragraph];
      continue;
    }
    const entry = { ...f };
    out.push(entry);
    if (f.merge) byKey.set(k, entry);
  }
  return out.map(({ merge: _m, first: _f, last, count, all, ...f }) => {
    const where: Where = { ...f.where };
    if (count && count > 1 && where.paragraph !== undefined && last !== undefined) {
      where.paragraphs = [where.paragraph, last];
      where.count = count;
      if (all) where.all = all;
    }
    return { ...f, where, at: describeWhere(where, lang) };
  });
}

export function describeWhere(w: Where, lang: Lang): string {
  const t = <A extends any[]>(m: Message<A>, ...a: A) => say(lang, m, ...a);
  if (w.page !== undefined && w.x !== undefined && w.y !== undefined) return t(M.pageAt, w.page, w.x, w.y, w.words ?? '');
  if (w.section !== undefined && w.paragraph !== undefined) return t(M.sectionFrom, w.section, w.paragraph, w.words ?? '');
  if (w.paragraphs && w.count) return t(M.paragraphs, w.paragraphs[0], w.paragraphs[1], w.count, w.words ?? '');
  if (w.paragraph !== undefined) return t(M.paragraph, w.paragraph, w.words ?? '');
  if (w.page !== undefined) return t(M.page, w.page);
  if (w.section !== undefined) return t(M.section, w.section);
  return t(M.wholeDocument);
}
