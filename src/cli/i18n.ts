import type { Lang } from '../load/index.js';

/** The language asked for on the command line, before yargs parses it (help texts depend on it). */
export function langOf(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return v === 'en' ? 'en' : 'vi';
}
