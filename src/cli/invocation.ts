import { accessSync, constants, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The command that runs baocao where the user is, for every hint, example and starter file that
 * prints one: `baocao` only works when the bin is on PATH (npm link, npm install -g .), which a
 * clone is not; there `npx baocao` does (npm finds the clone's own bin), and a user who typed
 * `node …/dist/cli/main.js` gets that back.
 */
export function invocation(env: NodeJS.ProcessEnv = process.env, script: string | undefined = process.argv[1], cwd = process.cwd()): string {
  if (env.BAOCAO_COMMAND) return env.BAOCAO_COMMAND; // a wrapper script names itself
  if (!script) return 'npx baocao';
  const real = realpathOrSelf(script);
  // Through npm (npm start, npx, npm exec) where npx finds this package: the clone, or a project
  // that has it installed.
  const viaNpm = env.npm_lifecycle_event !== undefined || env.npm_command !== undefined;
  const root = path.resolve(path.dirname(real), '../..');
  if (viaNpm && (within(cwd, root) || hasLocalBin(cwd))) return 'npx baocao';
  // Started through a bin named baocao that PATH finds (npm link, npm install -g .).
  if (path.basename(script) === 'baocao' && onPath('baocao', env.PATH ?? '') === real) return 'baocao';
  const rel = path.relative(cwd, script);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? script : rel;
  const quoted = /\s/.test(shown) ? `"${shown}"` : shown;
  return path.basename(script) === 'baocao' ? quoted : `node ${quoted}`;
}

function within(dir: string, root: string): boolean {
  return dir === root || dir.startsWith(root + path.sep);
}

function hasLocalBin(cwd: string): boolean {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    try {
      accessSync(path.join(dir, 'node_modules', '.bin', 'baocao'), constants.X_OK);
      return true;
    } catch {
      if (path.dirname(dir) === dir) return false;
    }
  }
}

function onPath(command: string, PATH: string): string | undefined {
  for (const dir of PATH.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return realpathOrSelf(file);
    } catch {
      // not here
    }
  }
  return undefined;
}

function realpathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
