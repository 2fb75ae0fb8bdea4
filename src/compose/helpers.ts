import type { HelperOptions } from 'handlebars';
import {
  amount,
  comparison,
  delta,
  deltaWithPercent,
  percentChange,
  periodLabel,
  planRatio,
  rate,
  signedChange,
  describeChange,
  describeExceed,
  describePlan,
  numberToWords,
  ordinalText,
  formatDecimal,
  formatInteger,
  formatPercent,
  formatRatio,
  fullDate,
  padCount,
  pointLetter,
  roman,
  shortDate,
  upperVi,
  yearRange,
} from '../format/index.js';
import type { DeltaOptions, Period, RatioOptions, Rounding } from '../format/index.js';
import type { Quantity } from '../model/common.js';
import { TemplateKindError } from '../messages/errors.js';
import { composeMessages } from '../messages/compose.js';
import { say } from '../messages/types.js';

/**
 * Handlebars helpers: thin wrappers over the pure functions in src/format. They return plain
 * strings, which Handlebars escapes like any other value, so data can never inject markup.
 * The last argument Handlebars passes is its options object; `args` strips it.
 */

type Args = unknown[];
const args = (a: Args): unknown[] => a.slice(0, -1);

function isQuantity(v: unknown): v is Quantity {
  return typeof v === 'object' && v !== null && typeof (v as Quantity).value === 'number' && typeof (v as Quantity).unit === 'string';
}

function requireQuantity(v: unknown, helper: string): Quantity {
  if (!isQuantity(v)) throw new TemplateKindError((lang) => say(lang, composeMessages.helperNeedsQuantity, helper, JSON.stringify(v)));
  return v;
}

/** The hash of a helper call: `places=2 rounding="truncate" trim=true pad=2 style="comma"`. */
function hashOf(a: Args): Record<string, unknown> {
  return ((a[a.length - 1] as HelperOptions).hash ?? {}) as Record<string, unknown>;
}

/**
 * The kind's decimal places for percentages (kind.yaml `places:`, 1 when absent), which the
 * template receives as `@baocao.places` (src/compose/index.ts); a call's own places= wins.
 */
function kindPlaces(a: Args): number | undefined {
  const data = (a[a.length - 1] as HelperOptions | undefined)?.data as { baocao?: { places?: number } } | undefined;
  return data?.baocao?.places;
}

/** Percentage options from a helper's hash; a rounding other than the two known is refused. */
function percentOptions(a: Args): DeltaOptions & RatioOptions {
  const h = hashOf(a);
  const rounding = h.rounding;
  if (rounding !== undefined && rounding !== 'half-up' && rounding !== 'truncate') throw new TemplateKindError((lang) => say(lang, composeMessages.helperBadOption, 'rounding', '"half-up" | "truncate"', JSON.stringify(rounding)));
  const places = h.places ?? kindPlaces(a);
  return {
    ...(places !== undefined ? { places: places as number } : {}),
    ...(rounding !== undefined ? { rounding: rounding as Rounding } : {}),
    ...(h.trim !== undefined ? { trimZeros: h.trim === true } : {}),
    ...(h.pad !== undefined ? { pad: h.pad as number } : {}),
  };
}

/** A figure given as a quantity or a bare number. */
const figure = (v: unknown): number => (isQuantity(v) ? v.value : (v as number));

/** "94 bản tin", "trên 4.300 người". */
export function quantityText(q: Quantity): string {
  const value = `${formatInteger(q.value)} ${q.unit}`;
  return q.qualifier ? `${q.qualifier} ${value}` : value;
}

export const helpers: Record<string, (...a: Args) => unknown> = {
  /** {{num 2130}} → "2.130"; {{num 5.75 2}} → "5,75". */
  num: (...a) => {
    const [n, places] = args(a);
    return places === undefined ? formatInteger(n as number) : formatDecimal(n as number, places as number);
  },
  /** {{percent 5.66}} → "5,7%". */
  percent: (...a) => {
    const [n, places] = args(a);
    return formatPercent(n as number, places === undefined ? (kindPlaces(a) ?? 1) : (places as number));
  },
  /** {{qty police.trafficSafetyBulletins}} → "94 bản tin"; {{qty x pad=2}} → "07 buổi". */
  qty: (...a) => {
    const q = requireQuantity(args(a)[0], 'qty');
    const pad = (a[a.length - 1] as HelperOptions).hash?.pad as number | undefined;
    if (pad) {
      const body = `${padCount(q.value, pad)} ${q.unit}`;
      return q.qualifier ? `${q.qualifier} ${body}` : body;
    }
    return quantityText(q);
  },
  /** {{value q}} → "2.130" (the figure without its unit). */
  value: (...a) => formatInteger(requireQuantity(args(a)[0], 'value').value),
  /**
   * {{change q "năm 2019"}} → "tăng 12 vụ (15,0%) so với năm 2019", or "" when last year's figure
   * is unknown, so a template can write `{{#if q.previous}}, {{change q …}}{{/if}}` or just append.
   */
  change: (...a) => {
    const [v, label] = args(a);
    const q = requireQuantity(v, 'change');
    if (q.previous === undefined) return '';
    // style="comma" for a phrase that stands in brackets: no brackets inside brackets.
    const style = hashOf(a).style === 'comma' ? 'comma' : 'paren';
    const places = hashOf(a).places ?? kindPlaces(a);
    return describeChange(q.value, q.previous, { unit: q.unit, periodLabel: label as string, style, ...(places !== undefined ? { places: places as number } : {}) });
  },
  /** {{delta q}} → "giảm 3 vụ", "tăng 12 người", "bằng"; "" when last year's figure is unknown. */
  delta: (...a) => {
    const q = requireQuantity(args(a)[0], 'delta');
    return q.previous === undefined ? '' : delta(q.value, q.previous, { unit: q.unit });
  },
  /** {{pctChange q}} → "tăng 15,0%", "giảm 41,3%" (places=, rounding="truncate", trim=true). */
  pctChange: (...a) => {
    const q = requireQuantity(args(a)[0], 'pctChange');
    return q.previous === undefined ? '' : percentChange(q.value, q.previous, { ...percentOptions(a), unit: q.unit });
  },
  /** {{deltaPct q}} → "giảm 880 người, 41,3%" (style="paren": "giảm 880 người (41,3%)"). */
  deltaPct: (...a) => {
    const q = requireQuantity(args(a)[0], 'deltaPct');
    const style = hashOf(a).style === 'paren' ? 'paren' : 'comma';
    return q.previous === undefined ? '' : deltaWithPercent(q.value, q.previous, { ...percentOptions(a), unit: q.unit, style });
  },
  /** {{bulletin q}} → "12 vụ (+2 vụ; +20,0%)"; without last year's figure, "12 vụ". */
  bulletin: (...a) => {
    const q = requireQuantity(args(a)[0], 'bulletin');
    const head = quantityText(q);
    return q.previous === undefined ? head : `${head} ${signedChange(q.value, q.previous, { ...percentOptions(a), unit: q.unit })}`;
  },
  /** {{signed q}} → "(- 3 vụ; - 25,0%)": the bulletin's bracket alone. */
  signed: (...a) => {
    const q = requireQuantity(args(a)[0], 'signed');
    return q.previous === undefined ? '' : signedChange(q.value, q.previous, { ...percentOptions(a), unit: q.unit });
  },
  /**
   * {{compare period}} → "so với cùng kỳ năm 2023"; {{compare period "previous"}} → "so với tháng
   * trước"; explicit=true names the period, short=true leaves the year out. `period` is the data's
   * { kind: month|quarter|half|nineMonths|year, year, month|quarter|half }.
   */
  compare: (...a) => {
    const [period, against] = args(a);
    const h = hashOf(a);
    const which = against === undefined ? 'lastYear' : against;
    if (which !== 'lastYear' && which !== 'previous') throw new TemplateKindError((lang) => say(lang, composeMessages.helperBadOption, 'compare', '"lastYear" | "previous"', JSON.stringify(which)));
    return comparison(period as Period, which, { explicit: h.explicit === true, short: h.short === true });
  },
  /** {{period period}} → "tháng 01 năm 2024", "quý II năm 2024", "6 tháng đầu năm 2024". */
  period: (...a) => periodLabel(args(a)[0] as Period),
  /** {{planRatio actual planned "người"}} → "318/300 người, vượt 6,0% kế hoạch" (pad=2: "05/05 xã"). */
  planRatio: (...a) => {
    const [actual, planned, unit] = args(a);
    return planRatio(figure(actual), figure(planned), { ...percentOptions(a), ...(typeof unit === 'string' ? { unit } : {}) });
  },
  /** {{rate solved total "vụ"}} → "27/31 vụ, đạt 87,1%". */
  rate: (...a) => {
    const [part, whole, unit] = args(a);
    return rate(figure(part), figure(whole), { ...percentOptions(a), ...(typeof unit === 'string' ? { unit } : {}) });
  },
  /** {{amount 12.5 "tỷ đồng"}} → "12,5 tỷ đồng"; places= rounds (rounding="truncate" cuts). */
  amount: (...a) => {
    const [value, unit] = args(a);
    const o = percentOptions(a);
    const own = hashOf(a).places as number | undefined;
    return amount(figure(value), String(unit), { ...(own !== undefined ? { places: own } : {}), ...(o.rounding ? { rounding: o.rounding } : {}) });
  },
  /** {{plan actual planned}} → "đạt 105,8% kế hoạch"; {{exceed actual planned}} → "vượt 5,8% kế hoạch". */
  plan: (...a) => {
    const [actual, planned] = args(a).map((v) => (isQuantity(v) ? v.value : v)) as [number, number];
    return describePlan(actual, planned);
  },
  exceed: (...a) => {
    const [actual, planned] = args(a).map((v) => (isQuantity(v) ? v.value : v)) as [number, number];
    return describeExceed(actual, planned);
  },
  /** {{words 105}} → "một trăm linh năm"; {{words 105 zeroTens="lẻ"}} → "một trăm lẻ năm". */
  words: (...a) => {
    const v = args(a)[0];
    const zeroTens = (a[a.length - 1] as HelperOptions).hash?.zeroTens as 'linh' | 'lẻ' | undefined;
    return numberToWords(isQuantity(v) ? v.value : (v as number), zeroTens ? { zeroTens } : {});
  },
  /** {{sum communes "securityTeams"}}: the total of one field over a list (a figure counts by its value), for totals rows. */
  sum: (...a) => {
    const [list, field] = args(a);
    if (!Array.isArray(list)) throw new TemplateKindError((lang) => say(lang, composeMessages.sumNeedsList, JSON.stringify(list)));
    return list.reduce((total: number, item: unknown) => {
      const v = (item as Record<string, unknown>)[String(field)];
      const n = isQuantity(v) ? v.value : v;
      if (typeof n !== 'number') throw new TemplateKindError((lang) => say(lang, composeMessages.sumNotNumber, String(field)));
      return total + n;
    }, 0);
  },
  /** {{pad 7}} → "07": zero-padded counts, only where a template asks for them. */
  pad: (...a) => {
    const [n, width] = args(a);
    return padCount(n as number, width === undefined ? 2 : (width as number));
  },
  /** {{ratio part whole "xã"}} → "6/6 xã". */
  ratio: (...a) => {
    const [part, whole, unit] = args(a);
    const p = isQuantity(part) ? part.value : (part as number);
    const w = isQuantity(whole) ? whole.value : (whole as number);
    return formatRatio(p, w, unit as string | undefined);
  },
  /** {{date "2020-12-09"}} → "ngày 09 tháng 12 năm 2020". */
  date: (...a) => fullDate(args(a)[0] as string),
  /** {{shortDate "2020-03-05"}} → "05/3/2020". */
  shortDate: (...a) => shortDate(args(a)[0] as string),
  /** {{yearRange 2017 2021}} → "2017 - 2021". */
  yearRange: (...a) => {
    const [from, to] = args(a);
    return yearRange(from as number, to as number);
  },
  /** {{ordinal 1}} → "thứ nhất", {{ordinal 4}} → "thứ tư". */
  ordinal: (...a) => ordinalText(args(a)[0] as number),
  /** {{roman 3}} → "III". */
  roman: (...a) => roman(args(a)[0] as number),
  /** {{letter 5}} → "đ". */
  letter: (...a) => pointLetter(args(a)[0] as number),
  /** {{upper "Ủy ban"}} → "ỦY BAN". */
  upper: (...a) => upperVi(String(args(a)[0])),
  /** {{inc year}} → year + 1; {{inc @index}} → a 1-based position. */
  inc: (...a) => (args(a)[0] as number) + 1,
  /**
   * {{punct text ";"}}: the text with its own closing punctuation replaced by the given mark, so
   * list items end with ";" and the last with "." whatever the clerk typed.
   */
  punct: (...a) => {
    const [t, mark] = args(a);
    return trimClosing(String(t)) + String(mark);
  },
  /** {{endItem text @last}}: a list item ending in ";" or, for the last item, ".". */
  endItem: (...a) => {
    const [t, last] = args(a);
    return trimClosing(String(t)) + (last ? '.' : ';');
  },
  /** {{concat "năm " 2019}} → "năm 2019": builds a label inside a sub-expression. */
  concat: (...a) => args(a).map(String).join(''),
  /** {{dec year}} → year − 1. */
  dec: (...a) => (args(a)[0] as number) - 1,
  /** {{lowerFirst "Về việc"}} → "về việc": for a title used inside a sentence. */
  lowerFirst: (...a) => {
    const t = String(args(a)[0]);
    return t.charAt(0).toLocaleLowerCase('vi') + t.slice(1);
  },
  /** {{#if (known q.previous)}}: true for any given value, 0 included (plain #if treats 0 as false). */
  known: (...a) => {
    const v = args(a)[0];
    return v !== undefined && v !== null;
  },
  /** {{#if (eq a b)}}: equality for templates. */
  eq: (...a) => {
    const [x, y] = args(a);
    return x === y;
  },
};

/**
 * The text without its closing spaces and punctuation. A scan from the end, not /[\s.;,:]+$/: that
 * expression retries from every position of a long run that does not reach the end, quadratic in
 * the run (100 KB of data took 14 s).
 */
export function trimClosing(t: string): string {
  let end = t.length;
  while (end > 0 && CLOSING.test(t[end - 1]!)) end--;
  return t.slice(0, end);
}
const CLOSING = /^[\s.;,:]$/u;
