import type { MessagePort } from 'node:worker_threads';
import { registerFontFamily } from '../fonts/index.js';
import type { FontFaceFiles } from '../fonts/index.js';
import { setLimits } from '../limits/index.js';
import type { Limits } from '../limits/index.js';
import { BaocaoError } from '../messages/errors.js';
import { registerKindDir } from '../model/index.js';
import { renderDataHere, renderFileHere } from './render.js';
import type { RenderOptions, RenderResult } from './render.js';

/** One library render, sent to a worker thread with what the caller's thread has registered. */
export interface LibraryTask {
  mode: 'file' | 'data';
  input: unknown;
  options: RenderOptions;
  kindDirs: string[];
  fonts: Record<string, FontFaceFiles>;
  limits: Limits;
  started: MessagePort;
}

/** An error crossing back to the caller's thread: its class, its wording in both languages, its own fields. */
export interface CarriedError {
  name: string;
  message: string;
  outcome?: string;
  vi: string;
  en: string;
  props: Record<string, unknown>;
  stack?: string;
}

export type LibraryReply = { ok: true; result: RenderResult } | { ok: false; error: CarriedError };

const fontsSeen = new Map<string, string>();

/** Piscina worker of renderFile/renderData (src/library/isolate.ts). */
export default async function work(task: LibraryTask): Promise<LibraryReply> {
  task.started.postMessage('start'); // the time limit counts from here
  try {
    setLimits(task.limits);
    for (const [name, files] of Object.entries(task.fonts)) {
      // Registering again drops the parsed fonts: only when the files changed.
      const key = JSON.stringify(files);
      if (fontsSeen.get(name) !== key) registerFontFamily(name, files);
      fontsSeen.set(name, key);
    }
    for (const dir of task.kindDirs) registerKindDir(dir);
    const result = task.mode === 'file' ? await renderFileHere(task.input as string, task.options) : await renderDataHere(task.input, task.options);
    return { ok: true, result };
  } catch (e) {
    return { ok: false, error: carry(e) };
  } finally {
    task.started.close();
  }
}

function carry(e: unknown): CarriedError {
  const error = e instanceof Error ? e : new Error(String(e));
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    try {
      props[key] = structuredClone(value);
    } catch {
      // a wording function or another value that cannot cross threads: the texts carry it
    }
  }
  return {
    name: error.name,
    message: error.message,
    ...(error instanceof BaocaoError ? { outcome: error.outcome, vi: error.text('vi'), en: error.text('en') } : { vi: error.message, en: error.message }),
    props,
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
