// Number formatting for Vietnamese official text (§15): "." thousands, "," decimals.

import {
  assertFiniteNumber,
  assertInteger,
  assertIntegerInRange,
  assertNonNegativeInteger,
} from './assert.js';
import { groupThousands, renderScaled, roundScaled, toDec } from './decimal.js';

export const MAX_PLACES = 6;

/** 1250000 → "1.250.000", -1250 → "-1.250". Safe integers only. */
export function formatInteger(n: number): string {
  assertInteger(n, 'n');
  const body = groupThousands(Math.abs(n).toString());
  return n < 0 ? '-' + body : body;
}

/** Fixed decimals, half-up away from zero on the decimal value: (1.005, 2) → "1,01". */
export function formatDecimal(n: number, places: number): string {
  assertFiniteNumber(n, 'n');
  assertIntegerInRange(places, 0, MAX_PLACES, 'places');
  return renderScaled(roundScaled(toDec(n), places), places);
}

/** Like formatDecimal but drops trailing zeros: (12.5, 2) → "12,5", (3, 2) → "3". */
export function formatNumber(n: number, maxPlaces: number = MAX_PLACES): string {
  assertFiniteNumber(n, 'n');
  assertIntegerInRange(maxPlaces, 0, MAX_PLACES, 'maxPlaces');
  return renderScaled(roundScaled(toDec(n), maxPlaces), maxPlaces, true);
}

/** 5.71 → "5,7%" (no space before "%", §15). */
export function formatPercent(n: number, places = 1): string {
  return formatDecimal(n, places) + '%';
}

/**
 * Zero-padded count, only when asked: (7) → "07". Numbers that already have
 * `width` digits or more are formatted normally (1250 → "1.250").
 */
export function padCount(n: number, width = 2): string {
  assertNonNegativeInteger(n, 'n');
  assertIntegerInRange(width, 1, 15, 'width');
  const digits = n.toString();
  return digits.length >= width ? formatInteger(n) : digits.padStart(width, '0');
}

/** (6, 6, "xã") → "6/6 xã"; (6, 6) → "6/6". */
export function formatRatio(part: number, whole: number, unit?: string): string {
  assertNonNegativeInteger(part, 'part');
  assertNonNegativeInteger(whole, 'whole');
  if (part > whole) {
    throw new RangeError(`part (${part}) must not exceed whole (${whole})`);
  }
  if (unit !== undefined && typeof unit !== 'string') {
    throw new TypeError(`unit must be a string, got ${typeof unit}`);
  }
  const u = unit?.trim();
  return `${formatInteger(part)}/${formatInteger(whole)}` + (u ? ' ' + u : '');
}
