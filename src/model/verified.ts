import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKindFile } from '../limits/files.js';

/**
 * Built-in kinds whose templates the build checked against their declarations (the strict check of
 * src/compose/strict.ts, which parses every template): scripts/build.mjs writes the key of each to
 * dist/verified-kinds.json, and loading a kind whose key is there skips parsing its templates
 * again. The key is a hash of kind.yaml and of every template file, name and text, so a kind edited
 * after the build (or any office's own kind) is checked as before.
 */

export const verifiedKindsFile = fileURLToPath(new URL('../../dist/verified-kinds.json', import.meta.url));

let verified: Set<string> | undefined;

/** The key of a kind folder as it is on disk now: kind.yaml and every template, names and texts. */
export function kindKey(dir: string, kindYaml: string): string {
  const hash = createHash('sha256').update('baocao verified kind 1\0').update(kindYaml).update('\0');
  const files = ['body.hbs'];
  const partials = path.join(dir, 'partials');
  if (existsSync(partials)) files.push(...readdirSync(partials).filter((e) => e.endsWith('.hbs')).sort().map((e) => `partials/${e}`));
  for (const f of files) hash.update(`${f}\0`).update(readKindFile(dir, path.join(dir, f))).update('\0');
  return hash.digest('hex');
}

/** Whether the build checked this very kind folder's templates and found nothing to say. */
export function isVerifiedKind(dir: string, kindYaml: string): boolean {
  if (process.env.BAOCAO_NO_BUILD_CACHE === '1') return false;
  if (verified === undefined) {
    try {
      verified = new Set(JSON.parse(readFileSync(verifiedKindsFile, 'utf8')) as string[]);
    } catch {
      verified = new Set(); // run from the sources, or a build without it: check as before
    }
  }
  if (verified.size === 0) return false;
  try {
    return verified.has(kindKey(dir, kindYaml));
  } catch {
    return false; // a template that cannot be read is reported by the check itself, in its order
  }
}
