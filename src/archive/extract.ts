import path from 'node:path';
import { limits } from '../limits/index.js';
import { streamsWithin } from '../limits/pdf-streams.js';
import { InvalidDataError } from '../messages/errors.js';
import { limitsMessages } from '../messages/limits.js';
import { say } from '../messages/types.js';
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

/**
 * The embedded source data, or undefined when the PDF carries none. A PDF that pdf.js cannot
 * read, or whose streams inflate beyond the input limit (a zip bomb), is invalid data (exit 2)
 * with its real cause (the caller names the file).
 */
export async function extractSource(pdf: Uint8Array): Promise<ExtractedSource | undefined> {
  const cap = limits().inputBytes;
  if (!streamsWithin(pdf, cap)) {
    throw new InvalidDataError((lang) => say(lang, limitsMessages.embeddedTooLarge, cap, '--max-input-bytes'));
  }
  // Loaded on demand: only `extract` and rendering from a PDF need a PDF reader.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  } catch (e) {
    throw unreadable(e);
  }
  try {
    const attachments = Object.values(((await doc.getAttachments()) ?? {}) as Record<string, Attachment>);
    const ours = attachments.filter((a) => parseSourceDescription(a.description ?? '').kind !== undefined);
    const pick = ours[0] ?? (attachments.length === 1 ? attachments[0] : undefined);
    if (!pick) return undefined;
    if (pick.content.length > cap) throw new InvalidDataError((lang) => say(lang, limitsMessages.embeddedTooLarge, cap, '--max-input-bytes'));
    const description = pick.description;
    return {
      name: safeName(pick.filename),
      bytes: Buffer.from(pick.content),
      ...(description ? { description, ...parseSourceDescription(description) } : {}),
    };
  } catch (e) {
    if (e instanceof InvalidDataError) throw e;
    throw unreadable(e);
  } finally {
    await doc.destroy();
  }
}

/** The name of the configuration file that decides which kind folders every later command loads. */
const CONFIG_NAME = 'baocao.config.yaml';

/**
 * The name `extract` writes under, in the current folder: the attachment's own name when it is a
 * plain data-file name (.yaml/.yml/.json, no leading dot, no control or format characters, not the
 * configuration's name), else the PDF's own name with the data's extension. A PDF from outside must
 * not plant a dotfile or a baocao.config.yaml.
 */
export function extractName(stored: string, pdfFile: string): { name: string; derived: boolean } {
  const plain = /^[^.\/\\][^\/\\]*\.(ya?ml|json)$/iu.test(stored) && !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(stored) && stored.toLowerCase() !== CONFIG_NAME && stored.trim() === stored;
  if (plain) return { name: stored, derived: false };
  const ext = /\.json$/i.test(stored) ? '.json' : '.yaml';
  let stem = path.basename(pdfFile).replace(/\.pdf$/i, '').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').replace(/^[.\s]+/, '');
  if (!stem || `${stem}${ext}`.toLowerCase() === CONFIG_NAME) stem = 'so-lieu';
  return { name: `${stem}${ext}`, derived: true };
}

/** pdf.js's own words for what is wrong with the file (the stack with --verbose, from the CLI). */
function unreadable(e: unknown): InvalidDataError {
  const cause = e instanceof Error ? e.message : String(e);
  const error = new InvalidDataError((lang) => say(lang, limitsMessages.pdfUnreadable, cause));
  error.cause = e;
  return error;
}

/** Only the last path component of the stored name: an attachment may not write outside a folder. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base && base !== '.' && base !== '..' ? base : 'source';
}
