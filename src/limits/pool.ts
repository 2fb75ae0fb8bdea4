import { setMaxListeners } from 'node:events';
import type { Piscina } from 'piscina';

/**
 * A Piscina pool whose workers can no longer start: a worker that fails before it is ready (a
 * memory limit too small to even load the pipeline) makes Piscina stop replacing workers, and with
 * none left the queued tasks would wait for ever. The returned signal aborts with that failure
 * when this happens, so the tasks that pass it end with it. Piscina reports a worker failing with
 * no task as an 'error' event, which without a listener would end the whole process; the listener
 * is here. Call check(e) when a task fails too: its worker may have been the last one.
 */
export function stallWatch(pool: Piscina): { signal: AbortSignal; check(e: unknown): void } {
  const controller = new AbortController();
  // Every queued task listens for it: as many listeners as tasks, by design.
  setMaxListeners(0, controller.signal);
  const check = (e: unknown) => {
    if (!controller.signal.aborted && pool.threads.length === 0 && pool.queueSize > 0) controller.abort(e);
  };
  pool.on('error', check);
  return { signal: controller.signal, check };
}
