import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The desk serves one folder and nothing else: a path from the page is relative, has no ".."
 * segment, no hidden segment, and, once symbolic links are followed, still lies inside the folder.
 */

export class PathRefused extends Error {
  constructor(readonly reason: 'absolute' | 'parent' | 'hidden' | 'outside' | 'extension' | 'empty') {
    super(reason);
    this.name = 'PathRefused';
  }
}

export const DATA_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** The absolute path of `rel` inside `root` (both real paths), or PathRefused. */
export function resolveInside(root: string, rel: string, extensions?: readonly string[]): string {
  if (typeof rel !== 'string' || rel.trim() === '' || rel.includes('\0')) throw new PathRefused('empty');
  const unified = rel.replaceAll('\\', '/');
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel) || unified.startsWith('/') || /^[A-Za-z]:/.test(unified)) throw new PathRefused('absolute');
  const segments = unified.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw new PathRefused('parent');
  if (segments.some((s) => s.startsWith('.'))) throw new PathRefused('hidden');
  if (extensions && !extensions.includes(path.extname(unified).toLowerCase())) throw new PathRefused('extension');
  const realRoot = realpathSync(root);
  const target = path.join(realRoot, ...segments);
  // Follow links: the file itself if it exists, else its nearest existing folder.
  let probe = target;
  let rest = '';
  for (;;) {
    try {
      const real = realpathSync(probe);
      if (!within(realRoot, real)) throw new PathRefused('outside');
      return rest ? path.join(real, rest) : real;
    } catch (e) {
      if (e instanceof PathRefused) throw e;
      const parent = path.dirname(probe);
      if (parent === probe) throw new PathRefused('outside');
      rest = rest ? path.join(path.basename(probe), rest) : path.basename(probe);
      probe = parent;
    }
  }
}

export function within(root: string, p: string): boolean {
  const r = path.relative(root, p);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

/** "a/b.yaml" with forward slashes, relative to the folder. */
export function relativeName(root: string, abs: string): string {
  return path.relative(realpathSync(root), abs).split(path.sep).join('/');
}
