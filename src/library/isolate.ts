import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { TemplateError } from '../compose/index.js';
import { MarkupError } from '../document/parse.js';
import type { FontFaceFiles } from '../fonts/index.js';
import { registerFontFamily as registerInThread } from '../fonts/index.js';
import { DataError } from '../load/index.js';
import type { Lang } from '../load/index.js';
import { taskClock } from '../limits/clock.js';
import { stallWatch } from '../limits/pool.js';
import { limitOption, limits } from '../limits/index.js';
import type { Limits } from '../limits/index.js';
import { BaocaoError, ExistsError, InvalidDataError, IoError, TemplateKindError, UsageError } from '../messages/errors.js';
import { limitsMessages } from '../messages/limits.js';
import { say } from '../messages/types.js';
import { KindError, kindDirs } from '../model/index.js';
import { GlyphError } from '../pipeline/index.js';
import { renderDataHere, renderFileHere } from './render.js';
import type { RenderOptions, RenderResult } from './render.js';
import type { CarriedError, LibraryReply, LibraryTask } from './worker.js';

/**
 * renderFile and renderData within the limits of one document, as the CLI's workers: the render
 * runs in a worker thread whose heap is capped (maxMemoryMb) and which is terminated when the
 * render takes longer than maxSeconds, so data from anyone (a server, an e-office system) cannot
 * hang or exhaust the caller's process. Errors come back as the same classes, with exitCode and
 * text(lang). From the TypeScript sources (no compiled worker) the render stays in this thread.
 */

const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
const pools = new Map<number, { pool: Piscina; stalled: ReturnType<typeof stallWatch> }>();
const fonts: Record<string, FontFaceFiles> = {};

/** Register a font family here and in every library worker (the library's registerFontFamily). */
export function registerFontFamily(name: string, files: FontFaceFiles): void {
  registerInThread(name, files);
  fonts[name] = files;
}

export async function renderIsolated(mode: 'file' | 'data', input: unknown, options: RenderOptions): Promise<RenderResult> {
  const here = () => (mode === 'file' ? renderFileHere(input as string, options) : renderDataHere(input, options));
  if (options.isolate === false || !existsSync(workerFile)) return here();
  const lang: Lang = options.lang ?? 'vi';
  const bounds: Limits = { ...limits(), ...positive({ renderSeconds: options.maxSeconds, memoryMb: options.maxMemoryMb }) };
  const { isolate: _isolate, maxSeconds: _s, maxMemoryMb: _m, ...rest } = options;
  const { pool, stalled } = poolFor(bounds.memoryMb);
  const clock = taskClock(bounds.renderSeconds, stalled.signal);
  const task: LibraryTask = { mode, input, options: rest, kindDirs: kindDirs(), fonts, limits: bounds, started: clock.port };
  let reply: LibraryReply;
  try {
    reply = (await pool.run(task, { signal: clock.signal, transferList: [clock.port] })) as LibraryReply;
  } catch (caught) {
    stalled.check(caught);
    const e: unknown = stalled.signal.aborted ? stalled.signal.reason : caught;
    const where = mode === 'file' ? String(input) : 'renderData';
    if (clock.expired) throw refused(where, 'renderSeconds', bounds);
    if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') throw refused(where, 'memoryMb', bounds);
    // The data could not be sent to the worker (a value JSON cannot hold is refused by validation): render here.
    if ((e as Error).name === 'DataCloneError') return here();
    throw e;
  } finally {
    clock.stop();
  }
  if (!reply.ok) throw revive(reply.error, lang);
  return revived(reply.result);
}

function positive(v: Partial<Limits>): Partial<Limits> {
  return Object.fromEntries(Object.entries(v).filter(([, n]) => typeof n === 'number' && Number.isFinite(n) && n > 0));
}

function poolFor(memoryMb: number): { pool: Piscina; stalled: ReturnType<typeof stallWatch> } {
  let entry = pools.get(memoryMb);
  if (!entry) {
    // Threads end after a few idle seconds, so a script that renders once exits soon after.
    const pool = new Piscina({ filename: workerFile, minThreads: 0, maxThreads: availableParallelism(), idleTimeout: 2000, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    const stalled = stallWatch(pool);
    // A pool whose workers can no longer start is dropped; the next call starts a fresh one.
    stalled.signal.addEventListener('abort', () => {
      if (pools.get(memoryMb)?.pool === pool) pools.delete(memoryMb);
      void pool.destroy();
    }, { once: true });
    entry = { pool, stalled };
    pools.set(memoryMb, entry);
  }
  return entry;
}

function refused(where: string, key: 'renderSeconds' | 'memoryMb', bounds: Limits): InvalidDataError {
  return new InvalidDataError((lang) => say(lang, limitsMessages.limitExceeded, where, say(lang, limitsMessages[`limit_${key}`]), undefined, bounds[key], limitOption[key]));
}

/** Buffers cross threads as Uint8Arrays: Buffers again, as the in-thread render returns. */
function revived(r: RenderResult): RenderResult {
  const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  const outputs = Object.fromEntries(Object.entries(r.outputs).map(([f, u]) => [f, buf(u as Uint8Array)]));
  return { ...r, outputs, ...(r.eml ? { eml: buf(r.eml) } : {}) };
}

const bases: Record<string, new (w: (lang: Lang) => string) => BaocaoError> = {
  invalid: InvalidDataError, template: TemplateKindError, io: IoError, exists: ExistsError, usage: UsageError,
};
// Classes the caller may test with instanceof; each is a subclass of the base its outcome names.
const classes: Record<string, { prototype: object }> = { DataError, TemplateError, MarkupError, KindError, GlyphError };

/** The worker's error as the caller's thread would have thrown it: same class, exit code, wording and fields. */
function revive(c: CarriedError, lang: Lang): Error {
  const Base = c.outcome ? bases[c.outcome] : undefined;
  if (!Base) {
    const e = new Error(c.message);
    e.name = c.name;
    if (c.stack) e.stack = c.stack;
    return Object.assign(e, c.props);
  }
  const e = new Base((l) => (l === 'en' ? c.en : c.vi));
  const cls = Object.hasOwn(classes, c.name) ? classes[c.name] : undefined;
  if (cls && cls.prototype instanceof Base) Object.setPrototypeOf(e, cls.prototype);
  Object.assign(e, c.props);
  e.name = c.name;
  e.message = c.message;
  return e;
}
