import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../src/serve/renderer.js';
import type { Renderer } from '../../src/serve/renderer.js';
import type { RenderDone, RenderTask } from '../../src/serve/render.js';

/** One render per file at a time; of the edits that waited meanwhile, only the newest is rendered. */
describe('newest edit wins', () => {
  it('renders the running edit and then only the newest waiting one; other files do not wait for it', async () => {
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const renderer = {
      run: (task: RenderTask) => new Promise<RenderDone>((resolve) => {
        started.push(task.text);
        finish.set(task.text, () => resolve({ ok: true, name: task.text, files: [] }));
      }),
    } as unknown as Renderer;
    const latest = new LatestOnly(renderer);
    const task = (text: string): RenderTask => ({ op: 'preview', text, file: 'a.yaml', lang: 'vi', kindDirs: [] });
    const first = latest.request('a', task('a1'));
    const second = latest.request('a', task('a2'));
    const third = latest.request('a', task('a3'));
    const other = latest.request('b', task('b1'));
    expect(started).toEqual(['a1', 'b1']);
    expect(await second).toBe('superseded');
    finish.get('a1')!();
    expect(await first).toMatchObject({ name: 'a1' });
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['a1', 'b1', 'a3']);
    finish.get('a3')!();
    finish.get('b1')!();
    expect(await third).toMatchObject({ name: 'a3' });
    expect(await other).toMatchObject({ name: 'b1' });
  });
});
