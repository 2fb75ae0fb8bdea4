import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { serveMessages } from '../messages/serve.js';
import { say } from '../messages/types.js';
import { renderTask } from './render.js';
import type { RenderDone, RenderTask } from './render.js';

/**
 * Renders off the server's thread, one task at a time, each within a time limit: a render that
 * takes longer is abandoned by ending its worker (a fresh one takes its place), so a pathological
 * file cannot hang the desk. From TypeScript sources (no compiled worker) it renders in-thread
 * and can only stop waiting.
 */
const compiled = fileURLToPath(new URL('./worker.js', import.meta.url));
// From the sources (tests), the compiled worker of the same code when it has been built.
const workerFile = existsSync(compiled) ? compiled : fileURLToPath(new URL('../../dist/serve/worker.js', import.meta.url));

export class Renderer {
  private worker: Worker | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Real renders queued, not started: warm-ups skip their turn while there are any. */
  private waiting = 0;

  constructor(private readonly timeoutMs: number) {}

  run(task: RenderTask): Promise<RenderDone> {
    this.waiting++;
    const next = this.chain.then(() => {
      this.waiting--;
      return this.runNow(task);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  /**
   * Start the worker and render each task once, the results unused, so the first real render of a
   * kind finds its code compiled and its fonts and templates loaded (~1 s cold, ~0.1 s warm on the
   * sample). A warm-up waiting its turn gives way to any real render. Only with a compiled worker:
   * in-thread, it would hold the server.
   */
  warm(tasks: RenderTask[]): void {
    if (!existsSync(workerFile)) return;
    for (const task of tasks) {
      const next = this.chain.then(() => (this.waiting > 0 || this.closed ? undefined : this.runNow(task)));
      this.chain = next.catch(() => undefined);
    }
  }

  private runNow(task: RenderTask): Promise<RenderDone> {
    const timedOut = (): RenderDone => ({ ok: false, timeout: true, error: say(task.lang, serveMessages.renderTimeout, task.lang === 'vi' ? String(this.timeoutMs / 1000).replace('.', ',') : String(this.timeoutMs / 1000)) });
    if (!existsSync(workerFile)) {
      return new Promise((resolve) => {
        const started = performance.now();
        const timer = setTimeout(() => resolve(timedOut()), this.timeoutMs);
        void renderTask(task).then((d) => {
          clearTimeout(timer);
          // A render that ran past the limit without yielding is abandoned all the same.
          resolve(performance.now() - started > this.timeoutMs ? timedOut() : d);
        });
      });
    }
    // A render queued when the desk closed starts no thread that would outlive it.
    if (this.closed) return Promise.resolve({ ok: false, error: say(task.lang, serveMessages.internal, 'closed') });
    const worker = (this.worker ??= new Worker(workerFile));
    return new Promise((resolve) => {
      const done = (d: RenderDone) => {
        clearTimeout(timer);
        worker.off('message', done);
        worker.off('error', failed);
        worker.off('exit', ended);
        resolve(d);
      };
      const failed = (e: Error) => {
        this.worker = undefined;
        done({ ok: false, error: say(task.lang, serveMessages.internal, e.message) });
      };
      // Ended under the render (the desk closing): answer now, not at the time limit.
      const ended = () => failed(new Error('render thread ended'));
      const timer = setTimeout(() => {
        this.worker = undefined;
        void worker.terminate();
        done(timedOut());
      }, this.timeoutMs);
      worker.on('message', done);
      worker.on('error', failed);
      worker.on('exit', ended);
      worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/**
 * One render per file at a time, the newest edit wins: an edit that arrives while its file renders
 * waits; a newer one replaces it (the replaced request is answered "superseded").
 */
export class LatestOnly {
  private readonly state = new Map<string, { running: boolean; pending?: { task: RenderTask; resolve: (d: RenderDone | 'superseded') => void } }>();

  constructor(private readonly renderer: Renderer) {}

  request(key: string, task: RenderTask): Promise<RenderDone | 'superseded'> {
    const s = this.state.get(key) ?? { running: false };
    this.state.set(key, s);
    return new Promise((resolve) => {
      if (s.running) {
        s.pending?.resolve('superseded');
        s.pending = { task, resolve };
        return;
      }
      this.start(key, s, task, resolve);
    });
  }

  private start(key: string, s: { running: boolean; pending?: { task: RenderTask; resolve: (d: RenderDone | 'superseded') => void } }, task: RenderTask, resolve: (d: RenderDone | 'superseded') => void): void {
    s.running = true;
    void this.renderer.run(task).then((d) => {
      resolve(d);
      s.running = false;
      const next = s.pending;
      s.pending = undefined;
      if (next) this.start(key, s, next.task, next.resolve);
      else this.state.delete(key);
    });
  }
}
