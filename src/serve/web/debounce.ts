/**
 * How long the page waits after an edit before checking and rendering it: 70 ms after a lone edit
 * (the first key of a word too, so a second key up to 70 ms later still joins it); in a run of
 * keystrokes 1.6 times the last gap between keys, from 70 to 150 ms, so a fast typist's word costs
 * one render, not one per key (the server also renders only the newest edit waiting for a file).
 * Keys 40 ms apart (the bench, bench/serve.mjs): 70 ms.
 */
export function debounceMs(gap: number): number {
  return gap > 0 && gap < 120 ? Math.min(150, Math.max(70, Math.round(gap * 1.6))) : 70;
}
