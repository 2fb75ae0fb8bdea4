import { readFile } from 'node:fs/promises';
import type { Lang } from '../../load/index.js';
import { IoError } from '../../messages/errors.js';
import { signMessages as m } from '../../messages/sign.js';
import { say } from '../../messages/types.js';
import { EXIT } from '../exit.js';

/** `baocao inspect <file>`: the exchange metadata, signatures and embedded data file, as text or JSON. */
export async function inspectCommand(a: { file: string; json: boolean; lang: Lang }): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(a.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new IoError((l) => say(l, m.cannotRead, a.file, code));
  }
  const { inspectFile, formatInspection } = await import('../../inspect/index.js');
  const report = await inspectFile(a.file, bytes);
  process.stdout.write(a.json ? `${JSON.stringify(report, null, 2)}\n` : formatInspection(report, a.lang));
  return EXIT.ok;
}
