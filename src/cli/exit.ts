/** Exit codes and the errors that carry them live in src/messages/errors.ts; the CLI's names for them. */
export { EXIT, UsageError, exitCodeOf } from '../messages/errors.js';
