import { catalogue, type Area, type Catalogue } from './index.js';
import type { Lang, Message } from './types.js';

/**
 * A message named, not worded: for wording fixed before anyone knows the reader's language, such
 * as the messages attached to a zod schema's checks or a kind's consistency findings. `ref` packs
 * the area, key and arguments into a marked string; `wordRef` words it in the reader's language
 * when the problem is reported (src/load/validate.ts). Any other string passes through unchanged
 * (a kind file's own `message:` is the kind author's wording).
 */

const MARK = '\u0001baocao-message:';

type ArgsOf<M> = M extends Message<infer A> ? A : never;

export function ref<A extends Area, K extends keyof Catalogue[A] & string>(area: A, key: K, ...args: ArgsOf<Catalogue[A][K]>): string {
  return MARK + JSON.stringify([area, key, args]);
}

export function wordRef(text: string, lang: Lang): string {
  if (!text.startsWith(MARK)) return text;
  const [area, key, args] = JSON.parse(text.slice(MARK.length)) as [string, string, unknown[]];
  const message = (catalogue as Record<string, Record<string, Message> | undefined>)[area]?.[key];
  if (!message) throw new Error(`internal: no message ${area}.${key} in the catalogue`);
  return message[lang](...args);
}
