import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildXmp } from './xmp.js';
import type { XmpExchange } from './xmp.js';

/**
 * What makes the PDF an archive copy, done on pdfkit's document after pdfmake has laid it out:
 * - the XMP packet (escaped, mirroring the Info dictionary, with the PDF/A identification);
 * - the source data file as an associated file (PDF/A-3 `AF`, `AFRelationship /Source`).
 * The sRGB output intent comes from pdfkit's own PDF/A support (`subset` in the definition),
 * which embeds the ICC profile pdfkit ships (js/data/sRGB_IEC61966_2_1.icc, the ICC's sRGB2014).
 */

export type PdfA = '3b' | '2b' | 'none';
export const PDFA_LEVELS: readonly PdfA[] = ['3b', '2b', 'none'];

/** The data file a document was rendered from. */
export interface PdfSource {
  /** File name as the attachment shows it, e.g. "nghi-son-qp-an-2020.yaml". */
  name: string;
  /** The file's bytes exactly as read. */
  bytes: Uint8Array;
  /** Kind id of the data ("qp-an"). */
  kind: string;
  /** Version of baocao that rendered it. */
  version: string;
}

/** The parts of a pdfkit 0.19 document used here (pdfkit ships its types separately). */
interface PdfRef {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array): void;
}
export interface PdfKitDocument {
  info: Record<string, unknown>;
  subset?: number;
  subset_conformance?: string;
  _root: PdfRef;
  ref(data?: Record<string, unknown>): PdfRef;
  addNamedEmbeddedFile(name: string, ref: PdfRef): void;
  bufferedPageRange(): { start: number; count: number };
  endMetadata(): void;
  end(): void;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/** The attachment's description: readable, and parsed back by `baocao extract`. */
export function sourceDescription(s: Pick<PdfSource, 'kind' | 'version'>): string {
  return `Số liệu nguồn (source data) — kind: ${s.kind}; baocao ${s.version}`;
}

export function parseSourceDescription(desc: string): { kind?: string; version?: string } {
  // indexOf, not /kind: ([^;]+);/: a PDF's author writes this text, and that expression is
  // quadratic on "kind: kind: kind: …" without a ";".
  const at = desc.indexOf('kind: ');
  const semi = at < 0 ? -1 : desc.indexOf(';', at + 6);
  const kind = semi > at + 6 ? desc.slice(at + 6, semi) : undefined;
  const version = /baocao (\S+)$/.exec(desc)?.[1];
  return { ...(kind ? { kind } : {}), ...(version ? { version } : {}) };
}

const MIME: Record<string, string> = { '.yaml': 'application/yaml', '.yml': 'application/yaml', '.json': 'application/json' };

/** A PDF name object's text: pdfkit writes JS strings as names unescaped. */
const pdfName = (s: string): string => s.replace(/[^A-Za-z0-9.+-]/g, (c) => `#${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function finishArchive(kit: PdfKitDocument, options: { pdfa: PdfA; language: string; source?: PdfSource; exchange?: XmpExchange }): void {
  const info = kit.info;
  const text = (k: string): string => (typeof info[k] === 'string' ? (info[k] as string) : '');
  const creationDate = info.CreationDate as Date | undefined;
  const modDate = (info.ModDate as Date | undefined) ?? creationDate;

  // Our packet replaces pdfkit's (unescaped) one; called by kit.end() after the output intent.
  kit.endMetadata = function endMetadata(this: PdfKitDocument): void {
    const xml = buildXmp({
      title: text('Title'),
      author: text('Author'),
      subject: text('Subject'),
      keywords: text('Keywords'),
      creator: text('Creator'),
      producer: text('Producer'),
      creationDate,
      modDate,
      language: options.language,
      ...(options.pdfa === 'none' ? {} : { pdfa: { part: options.pdfa === '2b' ? 2 : 3, conformance: 'B' } }),
      // The page count is known here, when pdfkit ends the document: pages flushed + pages held.
      ...(options.exchange ? { exchange: { ...options.exchange, pageAmount: this.bufferedPageRange().start + this.bufferedPageRange().count } } : {}),
    });
    const ref = this.ref({ Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false; // PDF/A: metadata readable without filters
    ref.end(Buffer.from(xml, 'utf8'));
    this._root.data.Metadata = ref;
  };

  // PDF/A-2 allows only PDF/A files as attachments: the source stays out of a 2b file.
  if (options.source && options.pdfa !== '2b') embedSource(kit, options.source, creationDate);
}

function embedSource(kit: PdfKitDocument, source: PdfSource, date: Date | undefined): void {
  const bytes = Buffer.from(source.bytes);
  const type = MIME[path.extname(source.name).toLowerCase()] ?? 'text/plain';
  const file = kit.ref({
    Type: 'EmbeddedFile',
    Subtype: pdfName(type),
    // Fixed dates (the document's): the bytes stay a function of the input.
    Params: { Size: bytes.length, ...(date ? { CreationDate: date, ModDate: date } : {}), CheckSum: createHash('md5').update(bytes).digest() },
  });
  file.end(bytes);
  const spec = kit.ref({
    Type: 'Filespec',
    F: new String(source.name),
    UF: new String(source.name),
    EF: { F: file, UF: file },
    Desc: new String(sourceDescription(source)),
    AFRelationship: 'Source',
  });
  spec.end();
  kit.addNamedEmbeddedFile(source.name, spec);
  const root = kit._root.data;
  root.AF = [...((root.AF as unknown[] | undefined) ?? []), spec];
}
