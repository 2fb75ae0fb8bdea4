import { InvalidDataError } from '../messages/errors.js';
import { limitsMessages } from '../messages/limits.js';
import { say } from '../messages/types.js';

/**
 * The limits of one document: far above any real report (a yearly report is a few tens of KB of
 * data and paragraphs of a few hundred words), low enough that a hostile or broken input is refused
 * in seconds instead of running for minutes or exhausting memory. Each can be raised with its
 * command-line option; the CLI passes them to its worker threads through BAOCAO_LIMITS, so a batch
 * applies the same ones everywhere.
 */
export interface Limits {
  /** A data file, or the source embedded in a PDF once inflated, in bytes. */
  inputBytes: number;
  /** One text value of the data (a paragraph), in characters. */
  paragraphChars: number;
  /** Nesting of the data (mappings and lists inside each other). */
  dataDepth: number;
  /** Nesting of the composed markup (elements inside each other). */
  markupDepth: number;
  /** The composed markup of one document, in characters. */
  markupChars: number;
  /** Keys of one mapping. */
  mappingKeys: number;
  /** The JavaScript heap of the worker thread rendering one document, in MiB. */
  memoryMb: number;
  /** The time to render one document (load, compose, lay out, write), in seconds. */
  renderSeconds: number;
}

export const defaultLimits: Readonly<Limits> = Object.freeze({
  inputBytes: 8 * 1024 * 1024,
  paragraphChars: 200_000,
  dataDepth: 64,
  markupDepth: 200,
  markupChars: 32 * 1024 * 1024,
  mappingKeys: 10_000,
  memoryMb: 2048,
  renderSeconds: 60,
});

/** The command-line option that raises each limit (named in every refusal). */
export const limitOption: Record<keyof Limits, string> = {
  inputBytes: '--max-input-bytes',
  paragraphChars: '--max-paragraph-chars',
  dataDepth: '--max-depth',
  markupDepth: '--max-markup-depth',
  markupChars: '--max-markup-chars',
  mappingKeys: '--max-keys',
  memoryMb: '--max-memory-mb',
  renderSeconds: '--max-seconds',
};

let current: Limits | undefined;

/** The limits in force: the defaults, then BAOCAO_LIMITS (JSON, set by the CLI), then setLimits. */
export function limits(): Readonly<Limits> {
  if (current) return current;
  let fromEnv: Partial<Limits> = {};
  try {
    fromEnv = JSON.parse(process.env.BAOCAO_LIMITS ?? '{}') as Partial<Limits>;
  } catch {
    fromEnv = {};
  }
  current = { ...defaultLimits };
  for (const key of Object.keys(defaultLimits) as (keyof Limits)[]) {
    const v = fromEnv[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) current[key] = v;
  }
  return current;
}

/** Override some limits for this process and the workers it starts after this call. */
export function setLimits(overrides: Partial<Limits>): void {
  const next = { ...limits() };
  for (const key of Object.keys(defaultLimits) as (keyof Limits)[]) {
    const v = overrides[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) next[key] = v;
  }
  current = next;
  process.env.BAOCAO_LIMITS = JSON.stringify(next);
}

/** A refusal naming what was too large, the limit and the option that raises it: invalid data, exit 2. */
export function limitError(where: string, key: keyof Limits, found?: number): InvalidDataError {
  const limit = limits()[key];
  return new InvalidDataError((lang) => say(lang, limitsMessages.limitExceeded, where, say(lang, limitsMessages[`limit_${key}`]), found, limit, limitOption[key]));
}
