import { describe, expect, it } from 'vitest';
import { debounceMs } from '../../src/serve/web/debounce.js';

/** The desk's pause before a render: short for a lone edit, longer than the gap between a fast typist's keys. */
describe('debounceMs', () => {
  it('waits 70 ms after a lone edit', () => {
    expect(debounceMs(Infinity)).toBe(70);
    expect(debounceMs(2000)).toBe(70);
    expect(debounceMs(120)).toBe(70);
  });
  it('waits longer than the gap between keys typed in a run, at most 150 ms', () => {
    expect(debounceMs(40)).toBe(70);
    expect(debounceMs(20)).toBe(70);
    expect(debounceMs(60)).toBe(96);
    expect(debounceMs(90)).toBe(144);
    expect(debounceMs(110)).toBe(150);
    for (let gap = 1; gap < 120; gap++) expect(debounceMs(gap)).toBeGreaterThan(gap);
  });
});
