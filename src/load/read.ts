import { readFile } from 'node:fs/promises';
import { loadMessages } from '../messages/load.js';
import { say } from '../messages/types.js';
import { parseSource, type ParseResult } from './parse.js';
import type { Lang, Position, Problem } from './types.js';

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    if (i + n >= b.length) return i; // truncated sequence
    let cp = c & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k]!;
      if ((d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode UTF-8 (BOM stripped); bad encodings become a positioned problem, never an exception. */
export function decodeUtf8(bytes: Uint8Array, file: string, lang: Lang = 'vi'): { text: string } | { problem: Problem } {
  const problem = (pos: Position, message: string): { problem: Problem } =>
    ({ problem: { file, ...pos, path: [], code: 'encoding', severity: 'error', message } });
  // Notepad's "Unicode" saves UTF-16 with a BOM: name it, clerks can fix that in "Save as".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem({ line: 1, column: 1 }, say(lang, loadMessages.utf16));
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return { text: fatal.decode(body) };
  } catch {
    const bad = firstInvalidUtf8(body);
    const at = bad < 0 ? body.length : bad;
    const before = fatal.decode(body.subarray(0, at));
    const lines = before.split('\n');
    const pos = { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
    const byte = `0x${(body[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    return problem(pos, say(lang, loadMessages.notUtf8, byte));
  }
}

function ioMessage(err: NodeJS.ErrnoException, lang: Lang): string {
  switch (err.code) {
    case 'ENOENT': return say(lang, loadMessages.fileNotFound);
    case 'EISDIR': return say(lang, loadMessages.isDirectory);
    case 'EACCES': case 'EPERM': return say(lang, loadMessages.readDenied);
    default: return say(lang, loadMessages.cannotRead, err.code ?? err.message);
  }
}

/** Read and parse a YAML/JSON file; I/O, encoding and syntax failures are problems. */
export async function loadSource(file: string, lang: Lang = 'vi'): Promise<ParseResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (typeof e?.code !== 'string') throw err;
    return { problems: [{ file, line: 0, column: 0, path: [], code: 'io', severity: 'error', message: ioMessage(e, lang) }] };
  }
  const decoded = decodeUtf8(bytes, file, lang);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  return parseSource(decoded.text, file, lang);
}
