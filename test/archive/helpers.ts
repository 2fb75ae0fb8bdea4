import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Tools and parsers the archive tests read the outputs with, as an archivist's tools would. */

export const SAMPLE = 'data/nghi-son-qp-an-2020.yaml';
export const BIN = path.resolve('dist/cli/main.js');
export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
export const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'baocao-archive-'));

/** The built CLI in a separate process. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): { code: number | null; stdout: string; stderr: string; raw: Buffer } {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, ...(cwd ? { cwd } : {}) });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

/** A command-line tool (poppler-utils, qpdf); throws if it is missing. */
export function tool(cmd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A strict XML parser (sax, as pdfmake's own dependency ships it): throws on any well-formedness error. */
const sax = createRequire(createRequire(import.meta.url).resolve('pdfmake'))('sax') as {
  parser(strict: boolean, opt: Record<string, unknown>): {
    onerror: (e: Error) => void;
    onopentag: (t: { name: string }) => void;
    onclosetag: (name: string) => void;
    ontext: (t: string) => void;
    write(s: string): { close(): void };
  };
};

/** Element name → the text of each occurrence; every text node collected in document order. */
export interface XmlTexts {
  get(name: string): string[];
  names: Set<string>;
}

export function parseXml(xml: string): XmlTexts {
  const p = sax.parser(true, { xmlns: false, position: true });
  const texts = new Map<string, string[]>();
  const stack: { name: string; text: string }[] = [];
  p.onerror = (e) => {
    throw e;
  };
  p.onopentag = (t) => stack.push({ name: t.name, text: '' });
  p.ontext = (t) => {
    for (const s of stack) s.text += t;
  };
  p.onclosetag = () => {
    const top = stack.pop()!;
    texts.set(top.name, [...(texts.get(top.name) ?? []), top.text]);
  };
  p.write(xml).close();
  return { get: (name) => texts.get(name) ?? [], names: new Set(texts.keys()) };
}

/** The XMP packet of a PDF: an uncompressed metadata stream (PDF/A requires it unfiltered). */
export function xmpOf(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const start = text.indexOf('<?xpacket begin');
  const endTag = text.indexOf('<?xpacket end', start);
  if (start < 0 || endTag < 0) throw new Error('no XMP packet');
  const end = text.indexOf('?>', endTag) + 2;
  return pdf.subarray(start, end).toString('utf8');
}

/** `pdfinfo` fields as a map. */
export function pdfinfo(file: string): Map<string, string> {
  const r = tool('pdfinfo', ['-isodates', file]);
  return new Map(r.stdout.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}
