import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

/**
 * The time limit of one document (--max-seconds) for a task run in a worker thread. Its clock
 * starts when a worker takes the task (the worker posts on `port`), not while it waits in a queue;
 * when it runs out it aborts the task, and Piscina terminates that worker: compose and layout are
 * synchronous, so nothing short of ending the thread stops them. An outer signal (Ctrl-C) aborts
 * the task too.
 */
export interface TaskClock {
  /** Sent with the task (transferred); the worker posts any message on it when it starts. */
  port: MessagePort;
  /** The task's abort signal for Piscina. */
  signal: AbortSignal;
  /** Whether the time ran out (as opposed to an outer stop). */
  readonly expired: boolean;
  /** Milliseconds since the worker took the task. */
  readonly elapsedMs: number;
  /** Release the timer and the channel once the task has settled. */
  stop(): void;
}

export function taskClock(seconds: number, outer?: AbortSignal): TaskClock {
  const controller = new AbortController();
  const channel = new MessageChannel();
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  let started: number | undefined;
  const onOuter = () => controller.abort(outer!.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onOuter, { once: true });
  channel.port1.once('message', () => {
    started = performance.now();
    timer = setTimeout(() => {
      expired = true;
      controller.abort(new Error('time limit'));
    }, seconds * 1000);
  });
  return {
    port: channel.port2,
    signal: controller.signal,
    get expired() {
      return expired;
    },
    get elapsedMs() {
      return started === undefined ? 0 : Math.round(performance.now() - started);
    },
    stop() {
      clearTimeout(timer);
      channel.port1.close();
      outer?.removeEventListener('abort', onOuter);
    },
  };
}
