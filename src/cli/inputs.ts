import { statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { trimEndOf } from '../limits/text.js';

const DATA = /\.(ya?ml|json)$/i;

/**
 * Command-line inputs → data files: a file as is; a folder → its YAML/JSON files (recursively,
 * without JSON Schema files, hidden folders and node_modules); anything with glob characters → its matches. A name that matches
 * nothing is kept, so the loader reports it as missing.
 */
export async function expandInputs(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const stat = statSync(arg, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      // Hidden folders (.git, .cache) and node_modules hold no reports: a folder of data skips them.
      const found = await glob('**/*.{yaml,yml,json}', { cwd: arg, absolute: false, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
      files.push(...found.filter((f) => !f.endsWith('.schema.json')).sort().map((f) => `${trimEndOf(arg, '/')}/${f}`));
    } else if (!stat && /[*?[\]{}]/.test(arg)) {
      const found = await glob(arg, { onlyFiles: true });
      files.push(...found.filter((f) => DATA.test(f) && !f.endsWith('.schema.json')).sort());
    } else {
      files.push(arg);
    }
  }
  return [...new Set(files)];
}

/**
 * `--kinds DIR` anywhere on the command line, as often as needed. One folder per occurrence: an
 * array option would swallow the inputs after it (`--kinds cac-loai bao-cao.yaml` read both as
 * kind folders and left the command without its input).
 */
export function kindsOption(describe: string) {
  return { type: 'string' as const, requiresArg: true, describe };
}

/** The folders given with `--kinds` (yargs gives one string, or an array when repeated). */
export async function registerKindDirs(value: unknown): Promise<void> {
  const dirs = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (dirs.length === 0) return;
  // The model (kinds, Handlebars) is loaded only when a folder is given: --help and a batch's own
  // thread stay light.
  const { registerKindDir } = await import('../model/index.js');
  for (const dir of dirs) registerKindDir(String(dir));
}
