import type { DataPath, Lang, Problem } from './types.js';

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

export function quote(s: string): string {
  const chars = Array.from(s);
  const cut = chars.length > MAX_SHOWN ? chars.slice(0, MAX_SHOWN).join('') + '…' : s;
  return JSON.stringify(cut);
}

export function quoteValue(v: unknown): string {
  return typeof v === 'string' ? quote(v) : String(v);
}

/** Short rendering of a found value, naming its type. */
export function renderFound(v: unknown, lang: Lang): string {
  const vi = lang === 'vi';
  if (v === undefined) return vi ? 'không có giá trị' : 'nothing';
  if (v === null) return vi ? 'giá trị rỗng (null)' : 'null (empty)';
  if (typeof v === 'string') {
    if (v.trim() === '') return vi ? `chuỗi rỗng ${quote(v)}` : `the empty string ${quote(v)}`;
    return vi ? `chuỗi ${quote(v)}` : `the string ${quote(v)}`;
  }
  if (typeof v === 'number' || typeof v === 'bigint') return vi ? `số ${String(v)}` : `the number ${String(v)}`;
  if (typeof v === 'boolean') return vi ? `giá trị ${v} (boolean)` : `the boolean ${v}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return vi ? 'danh sách rỗng' : 'an empty list';
    return vi ? `danh sách (${v.length} mục)` : `a list (${v.length} item${v.length === 1 ? '' : 's'})`;
  }
  if (v instanceof Date) return vi ? 'ngày' : 'a date';
  if (typeof v === 'object') return vi ? 'đối tượng' : 'an object';
  return String(v);
}

const TYPE_VI: Record<string, string> = {
  string: 'một chuỗi',
  number: 'một số',
  int: 'một số nguyên',
  bigint: 'một số nguyên',
  boolean: 'giá trị true/false (boolean)',
  array: 'một danh sách',
  tuple: 'một danh sách',
  set: 'một danh sách',
  object: 'một đối tượng',
  record: 'một đối tượng',
  map: 'một đối tượng',
  date: 'một ngày',
  null: 'giá trị rỗng (null)',
  undefined: 'không có giá trị',
  nan: 'NaN',
};
const TYPE_EN: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  bigint: 'an integer',
  boolean: 'true/false (a boolean)',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  object: 'an object',
  record: 'an object',
  map: 'an object',
  date: 'a date',
  null: 'null',
  undefined: 'nothing',
  nan: 'NaN',
};

export function typeName(t: string, lang: Lang): string {
  return (lang === 'vi' ? TYPE_VI : TYPE_EN)[t] ?? t;
}

/** Expected-text for zod string formats. */
export function formatName(format: string, lang: Lang): string | undefined {
  const vi = lang === 'vi';
  switch (format) {
    case 'date': return vi ? 'một ngày dạng YYYY-MM-DD' : 'a date as YYYY-MM-DD';
    case 'datetime': return vi ? 'ngày giờ dạng YYYY-MM-DDTHH:MM:SS' : 'a date-time as YYYY-MM-DDTHH:MM:SS';
    case 'time': return vi ? 'giờ dạng HH:MM hoặc HH:MM:SS' : 'a time as HH:MM or HH:MM:SS';
    case 'email': return vi ? 'một địa chỉ email' : 'an e-mail address';
    case 'url': return vi ? 'một địa chỉ web (URL)' : 'a web address (URL)';
    case 'uuid': case 'guid': return vi ? 'một mã UUID' : 'a UUID';
    default: return undefined;
  }
}

/** Join a list with "or"; `a, b hoặc c`. */
export function orList(items: string[], lang: Lang): string {
  const or = lang === 'vi' ? ' hoặc ' : ' or ';
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + or + items[items.length - 1];
}

/** "trường "a.b": detail." — full sentence with a final stop. */
export function fieldSentence(path: DataPath, detail: string, lang: Lang): string {
  const d = path.length === 0 ? detail : `${lang === 'vi' ? 'trường' : 'field'} "${formatPath(path)}": ${detail}`;
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
  if (lang === 'vi') return sev === 'error' ? 'lỗi' : 'cảnh báo';
  return sev;
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
