/**
 * The shape of the message catalogue: every user-facing sentence is an entry with its Vietnamese
 * and English wording side by side, as functions of the same typed arguments. Each area keeps its
 * entries in `src/messages/<area>.ts`; `src/messages/index.ts` gathers them into one catalogue.
 */

export type Lang = 'vi' | 'en';

/** One message: the same arguments worded in each language. */
export interface Message<A extends any[] = any[]> {
  vi: (...args: A) => string;
  en: (...args: A) => string;
}

/** An area's messages, keyed by a short camelCase name. */
export type Messages = Record<string, Message>;

/** Word a message in the user's language. */
export function say<A extends any[]>(lang: Lang, message: Message<A>, ...args: A): string {
  return message[lang](...args);
}
