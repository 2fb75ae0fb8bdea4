/**
 * How long the page waits after an edit before checking and rendering it: a lone edit goes after
 * 50 ms; in a run of keystrokes the wait is 1.6 times the last gap between keys (at most 150 ms),
 * so a fast typist's word costs one render, not one per key (the server also renders only the
 * newest edit waiting for a file). Keys 40 ms apart (the bench, bench/serve.mjs): 64 ms.
 */
export function debounceMs(gap: number): number {
  return gap > 0 && gap < 120 ? Math.min(150, Math.max(50, Math.round(gap * 1.6))) : 50;
}
