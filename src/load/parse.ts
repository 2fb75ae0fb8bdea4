import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
  type ParsedNode,
  type YAMLError,
} from 'yaml';
import { loadMessages } from '../messages/load.js';
import { say } from '../messages/types.js';
import { endSentence, formatPath, renderFound } from './describe.js';
import type { DataPath, Lang, Position, Problem, SourceDocument } from './types.js';
import { limitOption, limits } from '../limits/index.js';
import { limitsMessages } from '../messages/limits.js';
import { inexactNumber } from '../limits/numbers.js';

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
    // Duplicate keys are found by structureProblems below, in one pass: yaml's own check compares
    // every key with every other (20,000 keys took 40 s with NFC on each comparison).
    uniqueKeys: false,
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
  const structure = structureProblems(doc, pos, lang);
  if (structure.length > 0) return { problems: [...problems, ...structure.map(mk)] };
  problems.push(...flowListWarnings(doc, pos, lang).map(mk));

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null && !root.source)) {
    problems.push(mk({
      line: 1, column: 1, path: [], code: 'empty', severity: 'error',
      message: say(lang, loadMessages.emptyFile),
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
      message: say(lang, loadMessages.tooManyAliases, (err as Error).message),
    }));
    return { problems };
  }
  const data = normalizeNfc(raw);
  const locate = makeLocator(doc, pos);

  if (!isMap(root)) {
    const found = renderFound(data, lang);
    problems.push(mk({
      ...locate([]), path: [], code: 'type', severity: 'error',
      expected: say(lang, loadMessages.fieldsExpected),
      found,
      message: say(lang, loadMessages.notAMapping, found),
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
  const ch = e.code === 'BAD_SCALAR_START' ? /character (\S+)/.exec(english)?.[1] : undefined;
  const detail = open !== undefined ? say(lang, loadMessages.unclosedQuote)
    : ch ? say(lang, loadMessages.badScalarStart, ch)
      : say(lang, loadMessages.syntax, e.code, english);
  // the formatter already prints "lỗi:"/"cảnh báo:", so only errors get a "syntax" head
  const message = severity === 'warning' ? detail : say(lang, loadMessages.syntaxError, detail);
  return { ...at, path: [], code: 'syntax', severity, message: endSentence(message) };
}

/**
 * One pass over the parsed tree: keys equal after NFC (they would collide once normalised), an
 * alias inside the node it names (a: &a {b: *a} would make the data infinite), and the limits on
 * nesting and on the keys of one mapping. Recursion stops at the depth limit, so a deep file
 * cannot overflow the stack here or in the walks after it.
 */
function structureProblems(doc: Document.Parsed, pos: (o: number) => Position, lang: Lang): Omit<Problem, 'file'>[] {
  const problems: Omit<Problem, 'file'>[] = [];
  const { dataDepth, mappingKeys } = limits();
  const ancestors = new Set<unknown>();
  const at = (node: unknown) => pos((node as ParsedNode | null)?.range?.[0] ?? 0);
  const limit = (node: unknown, path: DataPath, key: 'dataDepth' | 'mappingKeys', found?: number) =>
    problems.push({ ...at(node), path, code: 'limit', severity: 'error', message: say(lang, limitsMessages.limitInData, formatPath(path), say(lang, limitsMessages[`limit_${key}`]), found, limits()[key], limitOption[key]) });
  const walk = (node: unknown, path: DataPath, depth: number): void => {
    if (problems.length >= 20) return;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target && ancestors.has(target)) {
        problems.push({ ...at(node), path, code: 'alias-cycle', severity: 'error', message: say(lang, limitsMessages.aliasCycle, formatPath(path), node.source) });
      }
      return;
    }
    if (isScalar(node) && inexactNumber(node.value, node.source)) {
      problems.push({ ...at(node), path, code: 'number', severity: 'error', message: say(lang, limitsMessages.inexactNumber, formatPath(path), node.source ?? String(node.value)) });
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    if (depth > dataDepth) {
      limit(node, path, 'dataDepth');
      return;
    }
    ancestors.add(node);
    if (isMap(node)) {
      if (node.items.length > mappingKeys) limit(node, path, 'mappingKeys', node.items.length);
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const k = keyText(pair.key);
        const offset = (pair.key as ParsedNode | null)?.range?.[0];
        if (k !== undefined && offset !== undefined) {
          const first = seen.get(k);
          if (first === undefined) seen.set(k, offset);
          else {
            const dupPath = [...path, k];
            problems.push({ ...pos(offset), path: dupPath, code: 'duplicate-key', severity: 'error', message: say(lang, loadMessages.duplicateKey, formatPath(dupPath), pos(first).line) });
          }
        }
        walk(pair.value, k !== undefined ? [...path, k] : path, depth + 1);
      }
    } else {
      node.items.forEach((item, i) => walk(item, [...path, i], depth + 1));
    }
    ancestors.delete(node);
  };
  walk(doc.contents, [], 1);
  return problems;
}

/**
 * `recipients: [UBND các xã, phường]` is two items for YAML, one phrase for the clerk. An item of
 * a `[ … ]` list, unquoted, that starts in lower case does not read as a new item (a recipient, a
 * task starts with a capital): warned at its position with the phrase given back whole.
 */
function flowListWarnings(doc: Document.Parsed, pos: (o: number) => Position, lang: Lang): Omit<Problem, 'file'>[] {
  const warnings: Omit<Problem, 'file'>[] = [];
  const walk = (node: unknown, path: DataPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = keyText(pair.key);
        if (k !== undefined) walk(pair.value, [...path, k]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const prev = node.items[i - 1];
        if (node.flow && i > 0 && isScalar(item) && item.type === 'PLAIN' && typeof item.value === 'string' && /^\p{Ll}/u.test(item.value) &&
          isScalar(prev) && typeof prev.value === 'string' && item.range) {
          const whole = `${prev.value}, ${item.value}`.normalize('NFC');
          warnings.push({
            ...pos(item.range[0]), path: [...path, i], code: 'flow-comma', severity: 'warning',
            message: say(lang, loadMessages.flowListComma, formatPath([...path, i]), String(item.value).normalize('NFC'), whole),
          });
        }
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return warnings;
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
