import type { Lang } from '../load/index.js';

/** Pick the Vietnamese or the English wording. */
export type T = (vi: string, en: string) => string;
export const translator = (lang: Lang): T => (vi, en) => (lang === 'vi' ? vi : en);

/** The language asked for on the command line, before yargs parses it (help texts depend on it). */
export function langOf(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return v === 'en' ? 'en' : 'vi';
}
