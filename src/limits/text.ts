/**
 * Trimming the end of a string by a scan from the end. An expression like /[\s.;,]+$/ retries from
 * every position of a long run that does not reach the end: quadratic in the run, and the run
 * comes from data (200 KB of spaces and dots took 50 s). These are linear.
 */
export function trimEndWhere(s: string, trimmed: (ch: string) => boolean): string {
  let end = s.length;
  while (end > 0 && trimmed(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** The string without the trailing characters found in `chars`. */
export function trimEndOf(s: string, chars: string): string {
  return trimEndWhere(s, (ch) => chars.includes(ch));
}

/** The string without trailing white space and the given punctuation. */
export function trimEndPunct(s: string, punct: string): string {
  return trimEndWhere(s, (ch) => punct.includes(ch) || /^\s$/u.test(ch));
}
