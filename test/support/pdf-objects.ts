import { inflateSync } from 'node:zlib';

/**
 * Test-only: a small reader of the PDF objects baocao writes, for structural checks (catalog,
 * classic xref tables, indirect objects, Flate streams. Enough to find the embedded source data;
 * not a general PDF parser — anything else reads as "not found", never as wrong data.
 */

export type PdfValue =
  | null
  | boolean
  | number
  | { name: string }
  | { ref: number; gen: number }
  | Uint8Array
  | PdfValue[]
  | PdfDict;
export type PdfDict = Map<string, PdfValue>;

export const isName = (v: PdfValue | undefined): v is { name: string } => typeof v === 'object' && v !== null && 'name' in v;
export const isRef = (v: PdfValue | undefined): v is { ref: number; gen: number } => typeof v === 'object' && v !== null && 'ref' in v;
export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof Map;
export const isBytes = (v: PdfValue | undefined): v is Uint8Array => v instanceof Uint8Array;

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

export class PdfReader {
  private readonly offsets = new Map<number, number>();

  constructor(private readonly b: Uint8Array) {
    this.readXref();
  }

  /** The trailer dictionary (of the last update). */
  trailer(): PdfDict | undefined {
    const text = Buffer.from(this.b).toString('latin1');
    const at = text.lastIndexOf('trailer');
    if (at < 0) return undefined;
    const v = this.parseAt(at + 'trailer'.length).value;
    return isDict(v) ? v : undefined;
  }

  /** An indirect object's value; for a stream, its dictionary and decoded data. */
  object(num: number): { value: PdfValue; stream?: Uint8Array } | undefined {
    const off = this.offsets.get(num);
    if (off === undefined) return undefined;
    let pos = off;
    for (const expect of ['int', 'int', 'obj']) {
      const t = this.token(pos);
      if (!t || (expect === 'obj' ? t.text !== 'obj' : !/^\d+$/.test(t.text))) return undefined;
      pos = t.end;
    }
    const { value, end } = this.parseAt(pos);
    const next = this.token(end);
    if (next?.text !== 'stream' || !isDict(value)) return { value };
    let start = next.end;
    if (this.b[start] === 0x0d) start++;
    if (this.b[start] === 0x0a) start++;
    const length = this.resolve(value.get('Length'));
    if (typeof length !== 'number') return undefined;
    return { value, stream: this.b.subarray(start, start + length) };
  }

  /** Follow a reference to its value (non-references are returned as they are). */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return isRef(v) ? this.object(v.ref)?.value : v;
  }

  /** A stream's data with its filters undone (Flate only); undefined for any other filter. */
  streamData(v: PdfValue | undefined): Uint8Array | undefined {
    if (!isRef(v)) return undefined;
    const obj = this.object(v.ref);
    if (!obj?.stream || !isDict(obj.value)) return undefined;
    const filter = this.resolve(obj.value.get('Filter'));
    const filters = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
    let data: Uint8Array = obj.stream;
    for (const f of filters) {
      if (!isName(f) || f.name !== 'FlateDecode') return undefined;
      data = inflateSync(data);
    }
    return data;
  }

  private readXref(): void {
    const text = Buffer.from(this.b).toString('latin1');
    const sx = text.lastIndexOf('startxref');
    let at = sx >= 0 ? Number(/^\s*(\d+)/.exec(text.slice(sx + 9))?.[1]) : NaN;
    const seen = new Set<number>();
    // Newest table first; an object keeps the offset of its newest definition.
    while (Number.isInteger(at) && !seen.has(at) && text.startsWith('xref', at)) {
      seen.add(at);
      const re = /(\d+)[ \t]+(\d+)[ \t]*\r?\n|(\d{10}) (\d{5}) ([nf])/y;
      let pos = at + 4;
      let num = 0;
      for (;;) {
        while (WS.has(this.b[pos] ?? -1)) pos++;
        re.lastIndex = pos;
        const m = re.exec(text);
        if (!m) break;
        pos = re.lastIndex;
        if (m[1] !== undefined) {
          num = Number(m[1]);
          continue;
        }
        if (m[5] === 'n' && !this.offsets.has(num)) this.offsets.set(num, Number(m[3]));
        num++;
      }
      const trailerAt = text.indexOf('trailer', pos);
      if (trailerAt < 0) break;
      const trailer = this.parseAt(trailerAt + 7).value;
      const prev = isDict(trailer) ? trailer.get('Prev') : undefined;
      at = typeof prev === 'number' ? prev : NaN;
    }
    if (this.offsets.size > 0) return;
    // No usable table (a damaged file, or an xref stream): find "N G obj" headers instead.
    for (const m of text.matchAll(/(?:^|[\r\n])(\d+) (\d+) obj\b/g)) this.offsets.set(Number(m[1]), m.index! + (m[0].startsWith('\n') || m[0].startsWith('\r') ? 1 : 0));
  }

  private token(pos: number): { text: string; start: number; end: number } | undefined {
    const b = this.b;
    for (;;) {
      while (pos < b.length && WS.has(b[pos]!)) pos++;
      if (b[pos] !== 0x25) break; // % comment to end of line
      while (pos < b.length && b[pos] !== 0x0a && b[pos] !== 0x0d) pos++;
    }
    if (pos >= b.length) return undefined;
    const start = pos;
    const c = b[pos]!;
    if (c === 0x3c && b[pos + 1] === 0x3c) return { text: '<<', start, end: pos + 2 };
    if (c === 0x3e && b[pos + 1] === 0x3e) return { text: '>>', start, end: pos + 2 };
    if (DELIM.has(c) && c !== 0x2f) return { text: String.fromCharCode(c), start, end: pos + 1 };
    pos++;
    while (pos < b.length && !WS.has(b[pos]!) && !DELIM.has(b[pos]!)) pos++;
    return { text: Buffer.from(b.subarray(start, pos)).toString('latin1'), start, end: pos };
  }

  /** Parse one value at `pos` (an `N G R` reference counts as one value). */
  parseAt(pos: number): { value: PdfValue; end: number } {
    const t = this.token(pos);
    if (!t) throw new Error('unexpected end of PDF');
    switch (t.text) {
      case '<<': {
        const dict: PdfDict = new Map();
        let p = t.end;
        for (;;) {
          const k = this.token(p);
          if (!k) throw new Error('unterminated dictionary');
          if (k.text === '>>') return { value: dict, end: k.end };
          if (!k.text.startsWith('/')) throw new Error(`bad dictionary key ${k.text}`);
          const v = this.parseAt(k.end);
          dict.set(decodeName(k.text.slice(1)), v.value);
          p = v.end;
        }
      }
      case '[': {
        const arr: PdfValue[] = [];
        let p = t.end;
        for (;;) {
          const k = this.token(p);
          if (!k) throw new Error('unterminated array');
          if (k.text === ']') return { value: arr, end: k.end };
          const v = this.parseAt(p);
          arr.push(v.value);
          p = v.end;
        }
      }
      case '(':
        return this.literalString(t.end);
      case '<': {
        const close = this.b.indexOf(0x3e, t.end);
        const hex = Buffer.from(this.b.subarray(t.end, close)).toString('latin1').replace(/\s+/g, '');
        return { value: new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')), end: close + 1 };
      }
    }
    if (t.text.startsWith('/')) return { value: { name: decodeName(t.text.slice(1)) }, end: t.end };
    if (t.text === 'true' || t.text === 'false') return { value: t.text === 'true', end: t.end };
    if (t.text === 'null') return { value: null, end: t.end };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t.text)) {
      // "N G R" is a reference.
      if (/^\d+$/.test(t.text)) {
        const g = this.token(t.end);
        const r = g && /^\d+$/.test(g.text) ? this.token(g.end) : undefined;
        if (g && r?.text === 'R') return { value: { ref: Number(t.text), gen: Number(g.text) }, end: r.end };
      }
      return { value: Number(t.text), end: t.end };
    }
    throw new Error(`unexpected token ${t.text}`);
  }

  private literalString(pos: number): { value: Uint8Array; end: number } {
    const b = this.b;
    const out: number[] = [];
    let depth = 1;
    while (pos < b.length) {
      const c = b[pos++]!;
      if (c === 0x5c) {
        const n = b[pos++]!;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (n in simple) out.push(simple[n]!);
        else if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30;
          for (let i = 0; i < 2 && b[pos]! >= 0x30 && b[pos]! <= 0x37; i++) v = v * 8 + (b[pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (n === 0x0d) {
          if (b[pos] === 0x0a) pos++;
        } else if (n !== 0x0a) out.push(n);
        continue;
      }
      if (c === 0x28) depth++;
      if (c === 0x29 && --depth === 0) break;
      out.push(c);
    }
    return { value: new Uint8Array(out), end: pos };
  }
}

const decodeName = (s: string): string => s.replace(/#([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** A PDF text string: UTF-16BE with its BOM, UTF-8 with its BOM (PDF 2.0), else PDFDocEncoding (≈ Latin-1). */
export function textString(v: PdfValue | undefined): string | undefined {
  if (!isBytes(v)) return undefined;
  if (v[0] === 0xfe && v[1] === 0xff) {
    const swapped = Buffer.from(v.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (v[0] === 0xef && v[1] === 0xbb && v[2] === 0xbf) return Buffer.from(v.subarray(3)).toString('utf8');
  return Buffer.from(v).toString('latin1');
}
