import { readdirSync, rmSync } from 'node:fs';
import { link, open, rename, rm, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * write: atomic output. Bytes go to a temporary file in the target folder, are flushed to disk,
 * then renamed over the target, so a reader (or a crash) never sees a half-written file and a
 * previous good file survives any failure before the rename. With `replace: false` an existing
 * target is never replaced (two inputs of a batch that map to one name cannot overwrite each other).
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: { replace?: boolean } = {}): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.replace === false) {
      // Create-if-absent, atomically: link fails with EEXIST when another writer got there first.
      await link(tmp, target);
      await rm(tmp, { force: true });
    } else {
      await rename(tmp, target);
    }
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

const tempName = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Remove temporary files left in `dir` by process `pid` (an interrupted batch: synchronous, so a
 * signal handler can call it), or, without a pid, by processes that no longer run (a crash).
 * Finished outputs are never touched.
 */
export function removeTempFiles(dir: string, pid?: number): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const m = tempName.exec(entry);
    if (!m) continue;
    const owner = Number(m[1]);
    if (pid !== undefined ? owner !== pid : isAlive(owner)) continue;
    rmSync(path.join(dir, entry), { force: true });
    removed.push(entry);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
