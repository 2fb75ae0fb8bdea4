/**
 * A number of the data that a JavaScript number cannot hold as written: an integer beyond 2^53 − 1
 * (9007199254740993 would silently become …992) or a value out of range (1e400, .inf). `source` is
 * the number as the file writes it (YAML or JSON), so the refusal quotes what the clerk typed, not
 * the rounded double.
 */
export function inexactNumber(value: unknown, source: string | undefined): boolean {
  if (typeof value !== 'number') return false;
  if (!Number.isFinite(value)) return true;
  const text = (source ?? '').replace(/_/g, '');
  return /^[-+]?(?:0x[0-9a-f]+|0o[0-7]+|[0-9]+)$/i.test(text) && !Number.isSafeInteger(value);
}
