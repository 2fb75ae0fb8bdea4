import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { deflateSync, unzipSync } from 'fflate';

/**
 * The DOCX zip, byte for byte what fflate's zipSync(files, { level: 9, mtime }) writes (the bytes the
 * package always had), with one difference in how: an entry may come already deflated. The embedded
 * font parts are the same bytes in every document, and deflating them at level 9 was most of the
 * zip's time, so they are deflated once per process or read from the build's cache (below), as are
 * the other parts every document shares (theme, settings, styles …), found there by their hash.
 * Layout as fflate writes it: local header + data per entry, central directory, end record;
 * version 20, no flags, no extra fields or comments, DOS time from local-time fields.
 */

export interface Deflated {
  crc: number;
  bytes: Uint8Array;
}

const LEVEL = 9;

/** fflate's deflate of `data` at the package's level, with its CRC-32. */
export function deflatePart(data: Uint8Array): Deflated {
  return { crc: crc32(data), bytes: deflateSync(data, { level: LEVEL }) };
}

/** The build's deflated copies of constant parts (the bundled faces, obfuscated), beside the font subsets. */
export const deflateCacheDir: string = fileURLToPath(new URL('../../../dist/font-subsets/', import.meta.url));

/** The cache file of a part: named by a hash of its bytes and the deflater, so a stale file is never read. */
export function deflateCacheFile(data: Uint8Array): string {
  const key = createHash('sha256').update(`baocao deflate 1\0fflate level ${LEVEL}\0`).update(data).digest('hex');
  return path.join(deflateCacheDir, `${key.slice(0, 32)}.deflate`);
}

/** The deflated part from the build's cache, or deflated here. */
export function deflateCached(data: Uint8Array): Deflated {
  return deflateBuilt(data) ?? deflatePart(data);
}

/** Parts found in the build's cache, kept for the process (a handful: the parts every document shares). */
const built = new Map<string, Deflated | null>();

/** The names of the files the build made, listed once: a document's own parts are then looked up without a failed open each. */
let madeByBuild: Set<string> | undefined;

/** The deflated part from the build's cache, or undefined when the build did not make it. */
export function deflateBuilt(data: Uint8Array): Deflated | undefined {
  const file = deflateCacheFile(data);
  let found = built.get(file);
  if (found === undefined) {
    if (!(madeByBuild ??= listBuilt()).has(path.basename(file))) return undefined;
    try {
      found = { crc: crc32(data), bytes: readFileSync(file) };
    } catch {
      found = null;
    }
    // Only what the build made is kept: a document's own parts (its text) are never found twice.
    if (found) built.set(file, found);
  }
  return found ?? undefined;
}

/**
 * Write the deflated copies of the parts all the given packages share, byte for byte (the theme,
 * settings, numbering, styles, relationships … of documents laid out by one profile), to the
 * build's cache (npm run build renders two different bundled documents for this).
 */
/** Write one part, deflated, to the build's cache (whole or not at all); returns its file. */
export function writeDeflatedPart(data: Uint8Array): string {
  mkdirSync(deflateCacheDir, { recursive: true });
  const file = deflateCacheFile(data);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, deflatePart(data).bytes);
  renameSync(tmp, file);
  return file;
}

function listBuilt(): Set<string> {
  try {
    return new Set(readdirSync(deflateCacheDir).filter((n) => n.endsWith('.deflate')));
  } catch {
    return new Set(); // run from the sources, or a build without it
  }
}

export function writeSharedPartCache(packages: Uint8Array[]): string[] {
  const [first, ...rest] = packages.map((p) => unzipSync(p));
  if (!first) return [];
  const files: string[] = [];
  for (const [name, data] of Object.entries(first)) {
    if (rest.every((other) => other[name] && Buffer.from(other[name]).equals(Buffer.from(data)))) files.push(writeDeflatedPart(data));
  }
  madeByBuild = undefined;
  return files;
}

function dosTime(d: Date): number {
  const y = d.getFullYear() - 1980;
  if (y < 0 || y > 119) throw new Error(`internal: zip time ${d.toISOString()} out of range`);
  return ((y << 25) | ((d.getMonth() + 1) << 21) | (d.getDate() << 16) | (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1)) >>> 0;
}

/** Zip the entries in the order given; an entry's data is deflated here unless it comes deflated or the build made it. */
export function zipParts(entries: Array<[name: string, data: Uint8Array, deflated?: Deflated]>, mtime: Date): Uint8Array {
  const time = dosTime(mtime);
  const files = entries.map(([name, data, given]) => {
    // fflate flags a non-ASCII name as UTF-8; no part name of ours needs it.
    if (!/^[\x20-\x7e]*$/.test(name)) throw new Error(`internal: zip entry name ${JSON.stringify(name)} is not ASCII`);
    const d = given ?? deflateBuilt(data) ?? deflatePart(data);
    return { name: Buffer.from(name, 'latin1'), size: data.length, crc: d.crc, bytes: d.bytes };
  });
  let local = 0;
  for (const f of files) local += 30 + f.name.length + f.bytes.length;
  let central = 0;
  for (const f of files) central += 46 + f.name.length;
  const out = new Uint8Array(local + central + 22);
  const v = new DataView(out.buffer);
  let o = 0;
  let c = local;
  for (const f of files) {
    const at = o;
    v.setUint32(o, 0x04034b50, true);
    v.setUint16(o + 4, 20, true);
    v.setUint16(o + 8, 8, true);
    v.setUint32(o + 10, time, true);
    v.setUint32(o + 14, f.crc >>> 0, true);
    v.setUint32(o + 18, f.bytes.length, true);
    v.setUint32(o + 22, f.size, true);
    v.setUint16(o + 26, f.name.length, true);
    out.set(f.name, o + 30);
    out.set(f.bytes, o + 30 + f.name.length);
    o += 30 + f.name.length + f.bytes.length;

    v.setUint32(c, 0x02014b50, true);
    v.setUint16(c + 4, 20, true);
    v.setUint16(c + 6, 20, true);
    v.setUint16(c + 10, 8, true);
    v.setUint32(c + 12, time, true);
    v.setUint32(c + 16, f.crc >>> 0, true);
    v.setUint32(c + 20, f.bytes.length, true);
    v.setUint32(c + 24, f.size, true);
    v.setUint16(c + 28, f.name.length, true);
    v.setUint32(c + 42, at, true);
    out.set(f.name, c + 46);
    c += 46 + f.name.length;
  }
  v.setUint32(c, 0x06054b50, true);
  v.setUint16(c + 8, files.length, true);
  v.setUint16(c + 10, files.length, true);
  v.setUint32(c + 12, central, true);
  v.setUint32(c + 16, local, true);
  return out;
}
