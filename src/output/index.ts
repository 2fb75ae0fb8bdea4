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

/** A test's fault: called before each temporary file is written; throwing stands for a full disk. */
export type WriteFault = (target: string) => void;

/** The file of a failed group write, so the message can name it. */
export class GroupWriteError extends Error {
  constructor(readonly file: string, override readonly cause: Error) {
    super(`${file}: ${cause.message}`);
  }
}

/**
 * writeFilesAtomic: the outputs of one input (PDF + DOCX …) written whole or not at all. Every
 * file goes to a temporary file first (a full disk fails here, before any target changes); then
 * the existing targets are linked aside and the temporary files renamed over them; a failed
 * rename puts the old files back and removes the new ones, so a new PDF never stands beside an
 * old DOCX. With `replace: false` an existing target is never replaced (EEXIST).
 */
export async function writeFilesAtomic(files: readonly { target: string; bytes: Uint8Array }[], options: { replace?: boolean; fault?: WriteFault } = {}): Promise<void> {
  const temps: { target: string; tmp: string }[] = [];
  const backups: { target: string; backup: string }[] = [];
  const committed: string[] = [];
  try {
    for (const f of files) {
      const dir = path.dirname(f.target);
      try {
        await mkdir(dir, { recursive: true });
        const tmp = tempFor(f.target);
        temps.push({ target: f.target, tmp });
        options.fault?.(f.target);
        const handle = await open(tmp, 'wx');
        try {
          await handle.writeFile(f.bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (e) {
        throw new GroupWriteError(f.target, e as Error);
      }
    }
    for (const { target, tmp } of temps) {
      try {
        if (options.replace === false) {
          await link(tmp, target); // create-if-absent: EEXIST when another writer got there first
        } else {
          const backup = tempFor(target);
          try {
            await link(target, backup);
            backups.push({ target, backup });
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
          }
          await rename(tmp, target);
        }
        committed.push(target);
      } catch (e) {
        throw new GroupWriteError(target, e as Error);
      }
    }
  } catch (e) {
    // Undo: the targets already replaced get their old bytes back; new ones go.
    for (const target of committed) {
      const b = backups.find((x) => x.target === target);
      if (b) await rename(b.backup, target).catch(() => undefined);
      else await rm(target, { force: true });
    }
    throw e;
  } finally {
    for (const { tmp } of temps) await rm(tmp, { force: true });
    for (const { backup } of backups) await rm(backup, { force: true });
  }
}

function tempFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
