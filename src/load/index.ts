import type { z } from 'zod';
import { InvalidDataError } from '../messages/errors.js';
import { formatProblems, sortProblems } from './describe.js';
import { loadSource } from './read.js';
import type { Lang, Problem } from './types.js';
import { validate, type ValidateResult } from './validate.js';

export type { DataPath, Lang, Position, Problem, Severity, SourceDocument } from './types.js';
export type { ParseResult } from './parse.js';
export type { ValidateResult } from './validate.js';
export { parseSource, normalizeNfc } from './parse.js';
export { validate, suggest, warningsAt } from './validate.js';
export type { Finding } from './validate.js';
export { formatProblem, formatProblems, formatPath, sortProblems } from './describe.js';
export { decodeUtf8, loadSource } from './read.js';

/** Thrown by callers that want an exception; `message` is the formatted problem list: exit 2. */
export class DataError extends InvalidDataError {
  readonly problems: Problem[];
  constructor(problems: Problem[], lang: Lang = 'vi') {
    super(formatProblems(problems, lang));
    this.problems = problems;
  }
}

/** Read (UTF-8, BOM stripped), parse and validate a data file. Never throws for bad user data. */
export async function loadFile<S extends z.ZodType>(file: string, schema: S, lang: Lang = 'vi'):
  Promise<ValidateResult<z.output<S>>> {
  const { source, problems } = await loadSource(file, lang);
  if (!source) return { ok: false, problems };
  const res = validate(source, schema, lang);
  // parse-level warnings (e.g. unknown YAML tags) travel with the validation result
  if (res.ok) return { ...res, warnings: sortProblems([...problems, ...res.warnings]) };
  return { ok: false, problems: sortProblems([...problems, ...res.problems]) };
}
