import { loadMessages } from '../messages/load.js';
import { say, type Message } from '../messages/types.js';
import type { DataPath, Lang, Problem } from './types.js';

/** Helpers that describe values, paths and problems; their wording is in src/messages/load.ts. */

const MAX_SHOWN = 40;

/** `police.trafficBulletins`, `units[2].name`; odd keys are quoted so the path stays unambiguous. */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[\p{L}\p{N}_$-]+$/u.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The first characters of a text a message shows (a file from outside may hold anything): 40 and "…". */
export function excerpt(s: string): string {
  const chars = Array.from(s);
  return chars.length > MAX_SHOWN ? chars.slice(0, MAX_SHOWN).join('') + '…' : s;
}

export function quote(s: string): string {
  return JSON.stringify(excerpt(s));
}

export function quoteValue(v: unknown): string {
  return typeof v === 'string' ? quote(v) : String(v);
}

/** Short rendering of a found value, naming its type. */
export function renderFound(v: unknown, lang: Lang): string {
  const m = loadMessages;
  if (v === undefined) return say(lang, m.foundNothing);
  if (v === null) return say(lang, m.foundNull);
  if (typeof v === 'string') return say(lang, v.trim() === '' ? m.foundEmptyString : m.foundString, quote(v));
  if (typeof v === 'number' || typeof v === 'bigint') return say(lang, m.foundNumber, String(v));
  if (typeof v === 'boolean') return say(lang, m.foundBoolean, String(v));
  if (Array.isArray(v)) return v.length === 0 ? say(lang, m.foundEmptyList) : say(lang, m.foundList, v.length);
  if (v instanceof Date) return say(lang, m.foundDate);
  if (typeof v === 'object') return say(lang, m.foundObject);
  return String(v);
}

// zod's type names → the catalogue's words for them
const TYPES: Record<string, Message<[]>> = {
  string: loadMessages.typeString,
  number: loadMessages.typeNumber,
  int: loadMessages.typeInteger,
  bigint: loadMessages.typeInteger,
  boolean: loadMessages.typeBoolean,
  array: loadMessages.typeList,
  tuple: loadMessages.typeList,
  set: loadMessages.typeList,
  object: loadMessages.typeObject,
  record: loadMessages.typeObject,
  map: loadMessages.typeObject,
  date: loadMessages.typeDate,
  null: loadMessages.typeNull,
  undefined: loadMessages.typeNothing,
};

export function typeName(t: string, lang: Lang): string {
  const m = TYPES[t];
  return m ? say(lang, m) : t === 'nan' ? 'NaN' : t;
}

const FORMATS: Record<string, Message<[]>> = {
  date: loadMessages.formatDate,
  datetime: loadMessages.formatDateTime,
  time: loadMessages.formatTime,
  email: loadMessages.formatEmail,
  url: loadMessages.formatUrl,
  uuid: loadMessages.formatUuid,
  guid: loadMessages.formatUuid,
};

/** Expected-text for zod string formats. */
export function formatName(format: string, lang: Lang): string | undefined {
  const m = FORMATS[format];
  return m ? say(lang, m) : undefined;
}

/** Join a list with "or"; `a, b hoặc c`. */
export function orList(items: string[], lang: Lang): string {
  const or = say(lang, loadMessages.or);
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + or + items[items.length - 1];
}

/** "trường "a.b": detail." — full sentence with a final stop. */
export function fieldSentence(path: DataPath, detail: string, lang: Lang): string {
  const d = path.length === 0 ? detail : say(lang, loadMessages.inField, formatPath(path), detail);
  return endSentence(d);
}

export function endSentence(s: string): string {
  const t = s.trimEnd();
  return /[.?!…]$/.test(t) ? t : `${t}.`;
}

export function stripStop(s: string): string {
  return s.trimEnd().replace(/\.$/, '');
}

export function severityWord(sev: Problem['severity'], lang: Lang): string {
  return say(lang, sev === 'error' ? loadMessages.severityError : loadMessages.severityWarning);
}

/** `file:line:col: lỗi: message` — position omitted for file-level problems (line 0). */
export function formatProblem(p: Problem, lang: Lang = 'vi'): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return `${where}: ${severityWord(p.severity, lang)}: ${p.message}`;
}

export function formatProblems(ps: Problem[], lang: Lang = 'vi'): string {
  return sortProblems(ps).map((p) => formatProblem(p, lang)).join('\n');
}

/** Stable sort by line, then column (Array.prototype.sort is stable). */
export function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort((a, b) => a.line - b.line || a.column - b.column);
}
