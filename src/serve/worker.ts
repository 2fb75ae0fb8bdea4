import { parentPort } from 'node:worker_threads';
import { renderTask } from './render.js';
import type { RenderTask } from './render.js';

/** The desk's render thread: fonts and templates stay warm between previews. */
parentPort?.on('message', (task: RenderTask) => {
  void renderTask(task).then((done) => parentPort?.postMessage(done));
});
