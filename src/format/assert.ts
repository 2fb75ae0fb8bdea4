// Shared input guards: every public formatter fails loudly instead of printing "NaN".

export function assertFiniteNumber(n: unknown, name = 'value'): asserts n is number {
  if (typeof n !== 'number') {
    throw new TypeError(`${name} must be a number, got ${typeof n}`);
  }
  if (!Number.isFinite(n)) {
    throw new RangeError(`${name} must be a finite number, got ${String(n)}`);
  }
}

/** Safe integer: larger values cannot be represented exactly in a JS number. */
export function assertInteger(n: unknown, name = 'value'): asserts n is number {
  assertFiniteNumber(n, name);
  if (!Number.isInteger(n)) {
    throw new RangeError(`${name} must be an integer, got ${n}`);
  }
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${name} is outside the safe integer range: ${n}`);
  }
}

export function assertNonNegativeInteger(n: unknown, name = 'value'): asserts n is number {
  assertInteger(n, name);
  if (n < 0) {
    throw new RangeError(`${name} must not be negative, got ${n}`);
  }
}

export function assertNonNegative(n: unknown, name = 'value'): asserts n is number {
  assertFiniteNumber(n, name);
  if (n < 0) {
    throw new RangeError(`${name} must not be negative, got ${n}`);
  }
}

export function assertIntegerInRange(n: unknown, min: number, max: number, name = 'value'): asserts n is number {
  assertInteger(n, name);
  if (n < min || n > max) {
    throw new RangeError(`${name} must be between ${min} and ${max}, got ${n}`);
  }
}

/** Non-empty after trimming; returns the trimmed string. */
export function requireText(s: unknown, name = 'text'): string {
  if (typeof s !== 'string') {
    throw new TypeError(`${name} must be a string, got ${typeof s}`);
  }
  const t = s.trim();
  if (t === '') {
    throw new RangeError(`${name} must not be empty`);
  }
  return t;
}
