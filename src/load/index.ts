import { InvalidDataError } from '../messages/errors.js';
import { formatProblems } from './describe.js';
import type { Lang, Problem } from './types.js';

export type { DataPath, Lang, Position, Problem, Severity, SourceDocument } from './types.js';
export type { ParseResult } from './parse.js';
export type { ValidateResult } from './validate.js';
export { parseSource, normalizeNfc } from './parse.js';
export { validate, suggest, warningsAt } from './validate.js';
export type { Finding } from './validate.js';
export { excerpt, formatProblem, formatProblems, formatPath, sortProblems } from './describe.js';
export { decodeUtf8, loadSource } from './read.js';

/** Thrown by callers that want an exception; `message` is the formatted problem list: exit 2. */
export class DataError extends InvalidDataError {
  readonly problems: Problem[];
  constructor(problems: Problem[], lang: Lang = 'vi') {
    super(formatProblems(problems, lang));
    this.problems = problems;
  }
}
