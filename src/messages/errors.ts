import type { Lang } from './types.js';

/**
 * How a run ends: the documented exit codes (README, "Exit code" table), the outcome of one input
 * in a batch, and the error classes that carry them. Whoever decides an exit code or a job status
 * asks this module, so an error of one kind ends the same way in every command and in a batch.
 */

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, internal: 1, invalidData: 2, template: 3, io: 4, exists: 5, usage: 64, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The outcome of one input: ok; invalid data; template or kind error; I/O error; an existing different output kept; a bug. */
export type Outcome = 'ok' | 'invalid' | 'template' | 'io' | 'exists' | 'internal';

const exitOf: Record<Outcome | 'usage' | 'interrupted', ExitCode> = {
  ok: EXIT.ok,
  internal: EXIT.internal,
  invalid: EXIT.invalidData,
  template: EXIT.template,
  io: EXIT.io,
  exists: EXIT.exists,
  usage: EXIT.usage,
  interrupted: EXIT.interrupted,
};

/** The exit code of one outcome. */
export function exitCodeOfOutcome(outcome: Outcome | 'usage' | 'interrupted'): ExitCode {
  return exitOf[outcome];
}

/** The most serious failure decides (a bug, then bad data, template, I/O, kept files). */
export function exitCodeOf(outcomes: Outcome[]): number {
  const codes = outcomes.map((s) => exitOf[s]).filter((c) => c !== EXIT.ok);
  return codes.length === 0 ? EXIT.ok : Math.min(...codes);
}

/** Words a message in either language (errors are raised before anyone knows who reads them). */
export type Wording = string | ((lang: Lang) => string);

/**
 * Every error baocao raises on purpose. `message` is the Vietnamese wording (the default
 * language); `text(lang)` words it for the reader; `outcome` and `exitCode` say how the run ends.
 */
export abstract class BaocaoError extends Error {
  abstract readonly outcome: Outcome | 'usage';
  readonly #wording: (lang: Lang) => string;

  constructor(wording: Wording) {
    const word = typeof wording === 'string' ? () => wording : wording;
    super(word('vi'));
    this.#wording = word;
    this.name = new.target.name;
  }

  text(lang: Lang): string {
    return this.#wording(lang);
  }

  get exitCode(): ExitCode {
    return exitOf[this.outcome];
  }
}

/** Invalid data: exit 2, nothing written for that file. */
export class InvalidDataError extends BaocaoError {
  readonly outcome = 'invalid' as const;
}

/** A template, its markup, a kind folder or a character the font lacks: exit 3. */
export class TemplateKindError extends BaocaoError {
  readonly outcome = 'template' as const;
}

/** A file that cannot be read or written: exit 4. */
export class IoError extends BaocaoError {
  readonly outcome = 'io' as const;
}

/** An existing different file was kept: exit 5. */
export class ExistsError extends BaocaoError {
  readonly outcome = 'exists' as const;
}

/** Wrong use of the command line or the library's options: exit 64 (the CLI adds a pointer to --help). */
export class UsageError extends BaocaoError {
  readonly outcome = 'usage' as const;
}

/** The outcome of a data file that did not load: I/O when it could not be read at all, else invalid data. */
export function outcomeOfProblems(problems: readonly { code: string }[]): 'io' | 'invalid' {
  return problems.length > 0 && problems.every((p) => p.code === 'io') ? 'io' : 'invalid';
}

/** The outcome of an error caught while working on one input: anything not raised on purpose is a bug. */
export function outcomeOfError(e: unknown): Outcome | 'usage' {
  return e instanceof BaocaoError ? e.outcome : 'internal';
}

/** The error's text for the reader, in their language. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof BaocaoError) return e.text(lang);
  return e instanceof Error ? e.message : String(e);
}
