import { readFileSync, statSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { parse } from 'yaml';
import { runJob } from '../../batch/job.js';
import { builtinTemplateDir, clearTemplateCache } from '../../compose/index.js';
import type { Lang } from '../../load/index.js';
import { kindDirs, reloadKinds } from '../../model/index.js';
import { BaocaoError, errorText } from '../../messages/errors.js';
import type { LegacyOption } from '../../pipeline/index.js';
import { EXIT } from '../exit.js';
import { cliMessages as m } from '../../messages/cli.js';
import { limitsMessages as lm } from '../../messages/limits.js';
import { say } from '../../messages/types.js';
import { describeProblems, statusWord } from '../report.js';
import { checkProfile, parseFormats } from './render.js';

/**
 * Re-render whenever the data file, a file it takes figures from (a sheet `{ from: x.xlsx }`, the
 * units' reports `{ from-reports: xa/*.yaml }`) or a template changes. Editors save by writing a
 * new file and renaming it, so folders are watched, not files. Changes are debounced; a failed
 * render writes nothing, so the last good output stays. Nothing stops the watch but Ctrl-C: an
 * unexpected error is reported and the watch goes on, and a watched folder that is deleted is
 * waited for and watched again when it comes back (a sync tool or an unzip replaces folders whole).
 */
export async function watchCommand(args: {
  input: string; out: string; format: string | string[]; profile?: string; legacy?: LegacyOption; lang: Lang; debounceMs?: number; force?: boolean;
}): Promise<number> {
  const { lang } = args;
  checkProfile(args.profile);
  const formats = parseFormats(args.format, args.lang);
  const cwd = process.cwd();
  const input = path.resolve(args.input);
  const stamp = () => new Date().toTimeString().slice(0, 8);
  const shown = (file: string) => path.relative(cwd, file) || file;
  const say2 = (line: string) => process.stderr.write(`[${stamp()}] ${line}\n`);

  const owned = new Set<string>();
  let running = false;
  let again: string[] | undefined;
  const render = async (changed: string[]): Promise<void> => {
    if (running) {
      again = [...(again ?? []), ...changed];
      return;
    }
    running = true;
    const what = changed.length ? say(lang, m.watchChanged, changed.join(', ')) : say(lang, m.watchFirst);
    try {
      reenter(cwd);
      clearTemplateCache();
      // An edited kind.yaml takes effect now; a broken one is reported and the watch goes on.
      if (changed.some((f) => path.basename(f) === 'kind.yaml')) {
        try {
          reloadKinds();
        } catch (e) {
          process.stderr.write(`${errorText(e, lang)}\n`);
        }
      }
      const job = (force: boolean) => runJob(args.input, {
        formats, outDir: args.out, force, lang: args.lang,
        ...(args.profile ? { profile: args.profile } : {}), ...(args.legacy ? { legacy: args.legacy } : {}),
      });
      // The same --force rule as render, except for the files this session wrote itself: watch
      // owns those and replaces them at each change (issue 12 item 3).
      let r = await job(args.force === true);
      if (r.status === 'exists' && r.outputs.every((o) => o.status !== 'kept' || owned.has(path.resolve(o.path)))) r = await job(true);
      for (const o of r.outputs) if (o.status !== 'kept') owned.add(path.resolve(o.path));
      const problems = describeProblems(r, args.lang);
      if (problems) process.stderr.write(problems + '\n');
      const outputs = r.outputs.map((o) => o.path).join(', ');
      process.stdout.write(`[${stamp()}] ${what} → ${statusWord(r.status, args.lang)} (${r.ms} ms)${outputs ? `: ${outputs}` : say(lang, m.watchKeptLast)}\n`);
    } catch (e) {
      // Anything else (a bug, a file system fault): reported, the last good output kept, still watching.
      const detail = e instanceof BaocaoError ? e.text(lang) : e instanceof Error ? e.message : String(e);
      process.stdout.write(`[${stamp()}] ${what} → ${say(lang, lm.watchFailed, detail)}\n`);
    } finally {
      running = false;
    }
    // The sheets and reports the data takes figures from may have changed with it.
    try {
      follow(dependencies(input));
    } catch (e) {
      say2(say(lang, lm.watchFailed, (e as Error).message));
    }
    if (again) {
      const next = again;
      again = undefined;
      await render(next);
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const pending = new Set<string>();
  const schedule = (file: string) => {
    pending.add(shown(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending.clear();
      void render(changed);
    }, args.debounceMs ?? 150);
  };

  /** One watched folder: what in it matters, and the folder's identity, to notice it replaced. */
  interface Watched { dir: string; recursive: boolean; matches: ((file: string) => boolean)[]; watcher?: FSWatcher; id?: string; gone?: boolean }
  const watched = new Map<string, Watched>();
  const open = (w: Watched) => {
    w.watcher?.close();
    w.watcher = undefined;
    w.id = identity(w.dir);
    if (!w.id) return;
    try {
      w.watcher = watch(w.dir, { recursive: w.recursive }, (_event, name) => {
        if (!name) return;
        const file = path.join(w.dir, name.toString());
        if (w.matches.some((f) => f(file))) schedule(file);
      });
      // A folder deleted under its watcher: an 'error' event, never a crash; the check below follows up.
      w.watcher.on('error', () => check(w));
    } catch {
      w.id = undefined;
    }
  };
  const check = (w: Watched) => {
    const now = identity(w.dir);
    if (now === w.id && w.watcher) return;
    if (!now) {
      if (!w.gone) say2(say(lang, lm.watchFolderGone, shown(w.dir)));
      w.gone = true;
      w.watcher?.close();
      w.watcher = undefined;
      w.id = undefined;
      return;
    }
    // Back (or replaced by a new folder of the same name): watch the new one and render again.
    if (w.gone || w.id !== now) say2(say(lang, lm.watchFolderBack, shown(w.dir)));
    w.gone = false;
    open(w);
    schedule(w.dir);
  };
  /** Watch exactly these folders (the data file's own, and those of its sheets and units' reports). */
  const follow = (deps: Dependency[]) => {
    const want = new Map<string, Dependency[]>();
    for (const d of deps) {
      const key = `${d.dir}\0${d.recursive}`;
      want.set(key, [...(want.get(key) ?? []), d]);
    }
    for (const [key, w] of watched) {
      if (!want.has(key)) {
        w.watcher?.close();
        watched.delete(key);
      }
    }
    for (const [key, ds] of want) {
      const existing = watched.get(key);
      if (existing) {
        existing.matches = ds.map((d) => d.matches);
        continue;
      }
      const w: Watched = { dir: ds[0]!.dir, recursive: ds[0]!.recursive, matches: ds.map((d) => d.matches) };
      watched.set(key, w);
      open(w);
      if (!w.id) {
        w.gone = true;
        say2(say(lang, lm.watchFolderGone, shown(w.dir)));
      }
    }
  };
  follow(dependencies(input));
  // Templates and kind files, built-in and the office's own.
  const templateWatchers: FSWatcher[] = [builtinTemplateDir, ...kindDirs()].flatMap((dir) => {
    try {
      const w = watch(dir, { recursive: true }, (_event, name) => {
        if (name && /\.(hbs|yaml)$/.test(name.toString())) schedule(path.join(dir, name.toString()));
      });
      w.on('error', () => undefined);
      return [w];
    } catch {
      return [];
    }
  });
  // Watchers first, then the first render: a save during that render is not missed.
  await render([]);
  process.stderr.write(`${say(lang, m.watching, args.input)}\n`);
  // fs.watch says little when its folder goes: a look every second notices a deleted or replaced folder.
  const supervisor = setInterval(() => {
    for (const w of watched.values()) check(w);
  }, 1000);

  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      clearInterval(supervisor);
      for (const w of watched.values()) w.watcher?.close();
      for (const w of templateWatchers) w.close();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}

/** A folder's identity (device and inode), undefined when it is not there. */
function identity(dir: string): string | undefined {
  try {
    const s = statSync(dir);
    return s.isDirectory() ? `${s.dev}:${s.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** The working folder deleted and made again: enter the new one, so relative paths read it. */
function reenter(cwd: string): void {
  let here: string | undefined;
  try {
    const s = statSync('.');
    here = `${s.dev}:${s.ino}`;
  } catch {
    here = undefined;
  }
  const there = identity(cwd);
  if (there && here !== there) process.chdir(cwd);
}

/** A folder to watch and which of its files matter. */
export interface Dependency { dir: string; recursive: boolean; matches: (file: string) => boolean }

const SHEET = /\.(xlsx|xlsm|ods|csv|txt)$/i;
const REPORT = /\.(ya?ml|json)$/i;

/**
 * The files a data file depends on: itself, the sheets its lists come from (`{ from: x.xlsx }`)
 * and the units' reports it rolls up (`{ from-reports: xa/*.yaml }`), and theirs in turn (a
 * province rolls up districts that roll up communes). Read from the YAML alone, so a file that
 * does not validate still has its sources watched; one that does not parse has only itself.
 */
export function dependencies(file: string, depth = 0, seen = new Set<string>()): Dependency[] {
  const self = path.resolve(file);
  seen.add(self);
  const dir = path.dirname(self);
  const deps: Dependency[] = [{ dir, recursive: false, matches: (f) => f === self }];
  if (depth > 4) return deps;
  let data: unknown;
  try {
    data = parse(readFileSync(self, 'utf8'), { maxAliasCount: 100 });
  } catch {
    return deps;
  }
  const sources: Record<string, unknown>[] = [];
  const walk = (v: unknown, level: number) => {
    if (level > 16 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, level + 1));
    const o = v as Record<string, unknown>;
    if (typeof o.from === 'string' || typeof o['from-reports'] === 'string') sources.push(o);
    for (const x of Object.values(o)) walk(x, level + 1);
  };
  walk(data, 0);
  for (const s of sources) {
    if (typeof s.from === 'string' && SHEET.test(s.from)) {
      const sheet = path.resolve(dir, s.from);
      deps.push({ dir: path.dirname(sheet), recursive: false, matches: (f) => f === sheet });
    }
    const pattern = s['from-reports'];
    if (typeof pattern !== 'string' || pattern.trim() === '') continue;
    // The folder before the first segment with a wildcard; below it, what the pattern matches.
    const parts = pattern.split('/');
    const fixed = parts.findIndex((p) => /[*?[\]{}()!]/.test(p));
    const base = path.resolve(dir, ...(fixed < 0 ? parts.slice(0, -1) : parts.slice(0, fixed)));
    const recursive = fixed >= 0 && parts.length - fixed > 1;
    const units = () => new Set(globSync(pattern, { cwd: dir, onlyFiles: true, absolute: true }).map((f) => path.resolve(f)).filter((f) => REPORT.test(f)));
    let known = units();
    deps.push({
      dir: base,
      recursive,
      // A unit's report added, changed or removed (so also one that matched before).
      matches: (f) => {
        if (!REPORT.test(f)) return false;
        const now = units();
        const hit = now.has(f) || known.has(f);
        known = now;
        return hit;
      },
    });
    for (const unit of known) if (!seen.has(unit)) deps.push(...dependencies(unit, depth + 1, seen).slice(1));
  }
  return deps;
}
