import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { TemplateKindError } from '../messages/errors.js';
import { limitsMessages } from '../messages/limits.js';
import { say } from '../messages/types.js';

/**
 * A kind folder comes from another office: every file it names (kind.yaml, body.hbs, partials,
 * the sample) is read only if its real path, symlinks resolved, lies inside the folder's real
 * path and is a regular file. Otherwise a partial linked to /etc/passwd would print it in the PDF.
 */
export function containedKindFile(folder: string, file: string): string {
  let root: string;
  let real: string;
  try {
    root = realpathSync(folder);
    real = realpathSync(file);
  } catch {
    throw new TemplateKindError((lang) => say(lang, limitsMessages.kindFileMissing, file));
  }
  const rel = path.relative(root, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) throw new TemplateKindError((lang) => say(lang, limitsMessages.outsideKind, file, real));
  if (!statSync(real).isFile()) throw new TemplateKindError((lang) => say(lang, limitsMessages.notRegularFile, file));
  return real;
}

/** Read a file of a kind folder as text, contained as above. */
export function readKindFile(folder: string, file: string): string {
  const real = containedKindFile(folder, file);
  return readFileSync(real, 'utf8');
}
