import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
  type ParsedNode,
  type YAMLError,
} from 'yaml';
import { endSentence, formatPath, renderFound } from './messages.js';
import type { DataPath, Lang, Position, Problem, SourceDocument } from './types.js';

export interface ParseResult {
  source?: SourceDocument;
  problems: Problem[];
}

/** Recursively NFC-normalise strings (keys and values); returns new containers. */
export function normalizeNfc(v: unknown): unknown {
  if (typeof v === 'string') return v.normalize('NFC');
  if (Array.isArray(v)) return v.map(normalizeNfc);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) {
      // defineProperty so a "__proto__" key in user data stays a plain key
      Object.defineProperty(out, k.normalize('NFC'), { value: normalizeNfc(val), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

function keyText(node: unknown): string | undefined {
  if (isScalar(node)) return String(node.value).normalize('NFC');
  return undefined;
}

/** Parse YAML or JSON (JSON via the same YAML 1.2 parser, so positions work the same way). */
export function parseSource(text: string, file: string, lang: Lang = 'vi'): ParseResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    // YAML 1.2 core: `2020-12-09` stays a string (no 1.1 timestamps), `yes` stays a string.
    version: '1.2',
    schema: 'core',
    prettyErrors: false,
    // Keys equal after NFC are duplicates too: they would collide once normalised.
    uniqueKeys: (a, b) => {
      const ka = keyText(a);
      return ka !== undefined ? ka === keyText(b) : a === b;
    },
  });
  const pos = (offset: number): Position => {
    const { line, col } = lc.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [];
  const mk = (p: Omit<Problem, 'file'>): Problem => ({ file, ...p });

  // yaml may report several errors at one spot; keep one, preferring "missing character" (most concrete)
  const errors: YAMLError[] = [];
  for (const e of doc.errors) {
    const i = errors.findIndex((x) => x.pos[0] === e.pos[0]);
    if (i < 0) errors.push(e);
    else if (e.code === 'MISSING_CHAR') errors[i] = e;
  }
  for (const e of errors) problems.push(mk(yamlProblem(e, doc, text, pos, lang, 'error')));
  for (const w of doc.warnings) problems.push(mk(yamlProblem(w, doc, text, pos, lang, 'warning')));
  if (problems.some((p) => p.severity === 'error')) return { problems };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null && !root.source)) {
    problems.push(mk({
      line: 1, column: 1, path: [], code: 'empty', severity: 'error',
      message: lang === 'vi' ? 'tệp không có dữ liệu.' : 'the file contains no data.',
    }));
    return { problems };
  }

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    // toJS throws only on alias explosions ("billion laughs"); report, don't crash
    problems.push(mk({
      ...pos(0), path: [], code: 'syntax', severity: 'error',
      message: lang === 'vi'
        ? 'sai cú pháp: quá nhiều tham chiếu (*alias) lồng nhau.'
        : `syntax error: too many nested aliases (${(err as Error).message}).`,
    }));
    return { problems };
  }
  const data = normalizeNfc(raw);
  const locate = makeLocator(doc, pos);

  if (!isMap(root)) {
    const found = renderFound(data, lang);
    problems.push(mk({
      ...locate([]), path: [], code: 'type', severity: 'error',
      expected: lang === 'vi' ? 'các trường dạng "tên: giá trị"' : 'fields as "name: value"',
      found,
      message: lang === 'vi'
        ? `nội dung tệp phải là các trường dạng "tên: giá trị", nhưng nhận được ${found}.`
        : `the file must contain fields as "name: value", but got ${found}.`,
    }));
    return { problems };
  }
  return { source: { file, text, data, locate }, problems };
}

function makeLocator(doc: Document.Parsed, pos: (o: number) => Position): SourceDocument['locate'] {
  const nodePos = (n: YamlNode | null | undefined): Position | undefined =>
    n?.range ? pos(n.range[0]) : undefined;
  return (path, at = 'value') => {
    let node: unknown = doc.contents;
    let keyPos: Position | undefined; // key of the pair we last stepped through
    let best: Position = nodePos(doc.contents as YamlNode | null) ?? { line: 1, column: 1 };
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      let nextKey: Position | undefined;
      if (isMap(node)) {
        // last match wins, as in toJS
        const pair = node.items.findLast((p) => keyText(p.key) === String(seg));
        if (pair) {
          next = pair.value;
          nextKey = nodePos(pair.key as YamlNode | null);
          // `key:` with no value: the empty scalar sits after the colon; the key is clearer
          if (!next || (isScalar(next) && next.source === '' && next.value === null)) next = undefined;
          if (!next) {
            return nextKey ?? best;
          }
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
      }
      if (next === undefined || next === null) {
        // missing: nearest ancestor, preferring its key
        return keyPos ?? best;
      }
      node = next;
      keyPos = nextKey;
      best = nodePos(next as YamlNode) ?? best;
    }
    if (at === 'key' && keyPos) return keyPos;
    return best;
  };
}

const VI_SYNTAX: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'thụt lề không đúng — các trường cùng cấp phải bắt đầu ở cùng một cột',
  TAB_AS_INDENT: 'không được dùng phím Tab để thụt lề — hãy dùng dấu cách',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu (có dòng "---" thừa)',
  BAD_DQ_ESCAPE: 'ký tự thoát sau dấu "\\" trong chuỗi ngoặc kép không hợp lệ',
  BLOCK_AS_IMPLICIT_KEY: 'tên trường hoặc thụt lề không đúng — kiểm tra dấu ":" và số dấu cách đầu dòng',
  MULTILINE_IMPLICIT_KEY: 'tên trường không được kéo dài nhiều dòng — có thể thiếu dấu ":" hoặc dấu ngoặc kép',
  UNEXPECTED_TOKEN: 'ký hiệu không đúng chỗ',
  BAD_ALIAS: 'tham chiếu (*alias) không hợp lệ hoặc trỏ tới neo (&anchor) chưa khai báo',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này — hãy đặt giá trị trong ngoặc kép',
  BLOCK_IN_FLOW: 'không được viết dạng khối bên trong dấu ngoặc [ ] hoặc { }',
  KEY_OVER_1024_CHARS: 'tên trường quá dài (trên 1024 ký tự) — có thể thiếu dấu ":"',
  TAG_RESOLVE_FAILED: 'không nhận ra thẻ kiểu (tag "!…"), giá trị được đọc như chuỗi',
  NON_STRING_KEY: 'tên trường phải là chuỗi',
};
const EN_SYNTAX: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'tabs are not allowed for indentation — use spaces',
};

// yaml's messages by pattern; checked before the per-code fallback.
const VI_PATTERNS: [RegExp, string][] = [
  [/closing "quote/i, 'thiếu dấu ngoặc kép " đóng chuỗi'],
  [/closing 'quote/i, "thiếu dấu nháy đơn ' đóng chuỗi"],
  [/, or : between flow/i, 'thiếu dấu phẩy "," hoặc dấu hai chấm ":" trước vị trí này'],
  [/, between flow/i, 'thiếu dấu phẩy "," trước vị trí này'],
  [/space after :/i, 'thiếu dấu cách sau dấu ":"'],
  [/Unexpected , in/i, 'dấu phẩy "," thừa'],
  [/Implicit map keys need to be followed by map values/i, 'thiếu dấu ":" sau tên trường'],
  [/Sequence item without - indicator/i, 'phần tử danh sách thiếu dấu "-" ở đầu'],
  [/Comments must be separated/i, 'dấu "#" bắt đầu ghi chú phải có dấu cách phía trước'],
  [/must be sufficiently indented and end with/i, 'thiếu dấu đóng ngoặc "]" hoặc "}" (hoặc thụt lề chưa đủ)'],
  [/must start at the same column/i, 'thụt lề không đúng — các mục cùng cấp phải bắt đầu ở cùng một cột'],
];

function yamlProblem(
  e: YAMLError,
  doc: Document.Parsed,
  text: string,
  pos: (o: number) => Position,
  lang: Lang,
  severity: Problem['severity'],
): Omit<Problem, 'file'> {
  const english = e.message.split('\n')[0] ?? e.message;
  // yaml reports an unclosed quote where the file ends; the opening quote is what the clerk must fix
  const open = /closing ["']quote/.test(english) ? openingQuoteBefore(doc, e.pos[0]) : undefined;
  const at = pos(open ?? e.pos[0]);
  if (e.code === 'DUPLICATE_KEY') {
    const dup = findKeyAt(doc, e.pos[0]);
    const name = dup ? formatPath(dup.path) : text.slice(e.pos[0], e.pos[1]);
    const first = dup?.firstOffset !== undefined ? pos(dup.firstOffset).line : undefined;
    const message = lang === 'vi'
      ? `trường "${name}" bị lặp lại${first ? ` (đã có ở dòng ${first})` : ''}; mỗi trường chỉ được ghi một lần.`
      : `field "${name}" is repeated${first ? ` (already at line ${first})` : ''}; each field may appear only once.`;
    return { ...at, path: dup?.path ?? [], code: 'duplicate-key', severity, message };
  }
  let detail: string | undefined;
  if (lang === 'vi') {
    detail = VI_PATTERNS.find(([re]) => re.test(english))?.[1] ?? VI_SYNTAX[e.code];
    const ch = e.code === 'BAD_SCALAR_START' ? /character (\S+)/.exec(english)?.[1] : undefined;
    if (ch) detail = `giá trị không được bắt đầu bằng ký tự "${ch}" — hãy đặt giá trị trong ngoặc kép`;
    if (open !== undefined) detail = 'chuỗi mở ngoặc ở đây chưa được đóng (thiếu dấu ngoặc đóng)';
    detail ??= `cú pháp không hợp lệ (${english})`;
  } else {
    detail = EN_SYNTAX[e.code] ?? english.charAt(0).toLowerCase() + english.slice(1);
    if (open !== undefined) detail = 'the quoted string opened here is never closed';
  }
  // the formatter already prints "lỗi:"/"cảnh báo:", so only errors get a "syntax" head
  const head = severity === 'warning' ? '' : lang === 'vi' ? 'sai cú pháp: ' : 'syntax error: ';
  return { ...at, path: [], code: 'syntax', severity, message: endSentence(`${head}${detail}`) };
}

/** Find the mapping key starting at `offset`, with its data path and its first (duplicated) occurrence. */
function findKeyAt(doc: Document.Parsed, offset: number):
  { key: string; path: DataPath; firstOffset?: number } | undefined {
  const walk = (node: unknown, path: DataPath): ReturnType<typeof findKeyAt> => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = keyText(pair.key);
        const key = pair.key as ParsedNode | null;
        if (k !== undefined && key?.range[0] === offset) {
          const first = node.items.find((p) => p !== pair && keyText(p.key) === k);
          const firstOffset = (first?.key as ParsedNode | null)?.range[0];
          return { key: k, path: [...path, k], ...(firstOffset !== undefined ? { firstOffset } : {}) };
        }
        const r = walk(pair.value, k !== undefined ? [...path, k] : path);
        if (r) return r;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const r = walk(node.items[i], [...path, i]);
        if (r) return r;
      }
    }
    return undefined;
  };
  return walk(doc.contents, []);
}

/** Start offset of the quoted scalar that runs into `offset` (an unclosed quote). */
function openingQuoteBefore(doc: Document.Parsed, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_k, node) {
      const r = node.range;
      if (r && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && r[0] < offset && r[1] >= offset) {
        found = r[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
