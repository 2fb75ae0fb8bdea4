import { constants, inflateSync } from 'node:zlib';

/**
 * A zip bomb in a PDF: pdf.js inflates every stream it reads without a bound, so a 1 MB PDF may
 * hold a 1 GB attachment. Before pdf.js sees the file, every compressed stream of it is inflated
 * here with a cap (zlib stops at `maxOutputLength`; it never holds more than the cap), through
 * each Flate filter of its chain. Returns false when a stream would inflate beyond `cap`.
 * Filters this check cannot bound (LZW, RunLength, or a filter given by reference) are bounded by
 * their worst ratio against the cap instead.
 */
export function streamsWithin(pdf: Uint8Array, cap: number): boolean {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const keyword = /stream(?:\r\n|\n|\r)/g;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    if (text.startsWith('end', m.index - 3)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const stop = end < 0 ? text.length : end;
    // The stream's dictionary, within a bounded window (a scan back to the start for every stream would be quadratic).
    const window = text.slice(Math.max(0, m.index - 4096), m.index);
    const header = window.slice(Math.max(0, window.lastIndexOf('obj')));
    keyword.lastIndex = stop;
    const filters = filtersOf(header);
    if (filters.length === 0) continue;
    let data: Buffer = Buffer.from(pdf.buffer, pdf.byteOffset + start, stop - start);
    for (const filter of filters) {
      if (filter === 'FlateDecode' || filter === 'Fl' || filter === '?') {
        const inflated = inflateCapped(data, cap);
        if (inflated === 'too-large') return false;
        if (!inflated) break; // not zlib data: pdf.js will say what it makes of it
        data = inflated;
      } else if (filter === 'LZWDecode' || filter === 'LZW' || filter === 'RunLengthDecode' || filter === 'RL') {
        // LZW emits at most ~2,700 bytes per input byte, RunLength 128: refuse what could exceed the cap.
        const ratio = filter.startsWith('R') ? 128 : 2731;
        if (data.length * ratio > cap) return false;
        break;
      } else {
        break; // image and text encodings expand by a bounded small factor or not at all
      }
    }
  }
  return true;
}

/** The names of a stream dictionary's /Filter (a name or an array); '?' for one given by reference. */
function filtersOf(header: string): string[] {
  const at = header.lastIndexOf('/Filter');
  if (at < 0) return [];
  const rest = header.slice(at + 7).trimStart();
  if (rest.startsWith('[')) return [...rest.slice(1, rest.indexOf(']') < 0 ? undefined : rest.indexOf(']')).matchAll(/\/([A-Za-z0-9]+)/g)].map((x) => x[1]!);
  const name = /^\/([A-Za-z0-9]+)/.exec(rest);
  return name ? [name[1]!] : ['?'];
}

function inflateCapped(data: Buffer, cap: number): Buffer | 'too-large' | undefined {
  try {
    return inflateSync(data, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return 'too-large';
    return undefined;
  }
}
