// Exact decimal arithmetic on the shortest round-trip representation of a JS number.
// Using String(n) means 1.005 is treated as the decimal 1.005 the user wrote, not as
// the binary value 1.00499999999999989…, so half-up rounding behaves as people expect.

import { assertFiniteNumber } from './assert.js';
import { trimEndOf } from '../limits/text.js';

/** value = coef / 10^scale (coef is signed, scale >= 0). */
export interface Dec {
  coef: bigint;
  scale: number;
}

const NUMBER_RE = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

export function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

export function toDec(n: number, name = 'value'): Dec {
  assertFiniteNumber(n, name);
  const m = NUMBER_RE.exec(String(n));
  if (!m) {
    // Cannot happen for finite numbers; kept so a surprise never becomes garbage output.
    throw new RangeError(`${name}: cannot parse ${String(n)}`);
  }
  const [, sign = '', intPart = '0', frac = '', exp = '0'] = m;
  let coef = BigInt(intPart + frac);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    coef *= pow10(-scale);
    scale = 0;
  }
  return { coef: sign === '-' ? -coef : coef, scale };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const s = Math.max(a.scale, b.scale);
  return [a.coef * pow10(s - a.scale), b.coef * pow10(s - b.scale), s];
}

export function sub(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b);
  return { coef: x - y, scale: s };
}

export function cmp(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/**
 * How a value is cut to its decimal places: half-up (away from zero; the default everywhere) or
 * truncate (toward zero), which some offices use. The choice is always explicit.
 */
export type Rounding = 'half-up' | 'truncate';

/** Division of non-negative bigints, half-up or truncated. */
function divRound(num: bigint, den: bigint, rounding: Rounding): bigint {
  return rounding === 'truncate' ? num / den : (2n * num + den) / (2n * den);
}

/** Round to `places` digits: returns the signed integer value × 10^places. */
export function roundScaled(d: Dec, places: number, rounding: Rounding = 'half-up'): bigint {
  const mag = abs(d.coef);
  const r = d.scale <= places ? mag * pow10(places - d.scale) : divRound(mag, pow10(d.scale - places), rounding);
  return d.coef < 0n ? -r : r;
}

/** |a| / |b| × 100, rounded (half-up by default), as an integer × 10^places. b must be non-zero. */
export function percentScaled(a: Dec, b: Dec, places: number, rounding: Rounding = 'half-up'): bigint {
  const [x, y] = align(a, b);
  return divRound(abs(x) * 100n * pow10(places), abs(y), rounding);
}

export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Render a scaled integer with "." thousands and "," decimal mark; "-0,00" becomes "0,00". */
export function renderScaled(scaled: bigint, places: number, trimZeros = false): string {
  const neg = scaled < 0n;
  const digits = abs(scaled).toString().padStart(places + 1, '0');
  const intPart = digits.slice(0, digits.length - places);
  let frac = digits.slice(digits.length - places);
  if (trimZeros) frac = trimEndOf(frac, '0');
  const body = groupThousands(intPart) + (frac ? ',' + frac : '');
  return neg ? '-' + body : body;
}
