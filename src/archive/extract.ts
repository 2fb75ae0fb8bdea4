import { parseSourceDescription } from '../render/pdf/archive.js';

/**
 * The data file inside a PDF rendered by baocao, read with pdf.js (Mozilla's PDF library): the
 * embedded file baocao describes as its source data, or failing that the only embedded file.
 */

export interface ExtractedSource {
  name: string;
  bytes: Buffer;
  /** The attachment's description, and what it says of the data's kind and the renderer's version. */
  description?: string;
  kind?: string;
  version?: string;
}

export function isPdf(_file: string, bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

interface Attachment {
  filename: string;
  content: Uint8Array;
  description?: string;
}

/** The embedded source data, or undefined when the PDF carries none or cannot be read. */
export async function extractSource(pdf: Uint8Array): Promise<ExtractedSource | undefined> {
  // Loaded on demand: only `extract` and rendering from a PDF need a PDF reader.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  } catch {
    return undefined;
  }
  try {
    const attachments = Object.values(((await doc.getAttachments()) ?? {}) as Record<string, Attachment>);
    const ours = attachments.filter((a) => parseSourceDescription(a.description ?? '').kind !== undefined);
    const pick = ours[0] ?? (attachments.length === 1 ? attachments[0] : undefined);
    if (!pick) return undefined;
    const description = pick.description;
    return {
      name: safeName(pick.filename),
      bytes: Buffer.from(pick.content),
      ...(description ? { description, ...parseSourceDescription(description) } : {}),
    };
  } catch {
    return undefined;
  } finally {
    await doc.destroy();
  }
}

/** Only the last path component of the stored name: an attachment may not write outside a folder. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base && base !== '.' && base !== '..' ? base : 'source';
}
