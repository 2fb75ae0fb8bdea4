import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import path from 'node:path';
import { runJob } from '../../batch/job.js';
import { builtinTemplateDir, clearTemplateCache } from '../../compose/index.js';
import type { Lang } from '../../load/index.js';
import { kindDirs, reloadKinds } from '../../model/index.js';
import { errorText } from '../../messages/errors.js';
import type { LegacyOption } from '../../pipeline/index.js';
import { EXIT } from '../exit.js';
import { cliMessages as m } from '../../messages/cli.js';
import { say } from '../../messages/types.js';
import { describeProblems, statusWord } from '../report.js';
import { checkProfile, parseFormats } from './render.js';

/**
 * Re-render whenever the data file or a template changes. Editors save by writing a new file and
 * renaming it, so the folders are watched, not the file. Changes are debounced; a failed render
 * writes nothing, so the last good output stays.
 */
export async function watchCommand(args: {
  input: string; out: string; format: string | string[]; profile?: string; legacy?: LegacyOption; lang: Lang; debounceMs?: number; force?: boolean;
}): Promise<number> {
  const { lang } = args;
  checkProfile(args.profile);
  const formats = parseFormats(args.format, args.lang);
  const input = path.resolve(args.input);
  const stamp = () => new Date().toTimeString().slice(0, 8);

  const owned = new Set<string>();
  let running = false;
  let again: string[] | undefined;
  const render = async (changed: string[]): Promise<void> => {
    if (running) {
      again = [...(again ?? []), ...changed];
      return;
    }
    running = true;
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
    const what = changed.length ? say(lang, m.watchChanged, changed.join(', ')) : say(lang, m.watchFirst);
    const problems = describeProblems(r, args.lang);
    if (problems) process.stderr.write(problems + '\n');
    const outputs = r.outputs.map((o) => o.path).join(', ');
    process.stdout.write(`[${stamp()}] ${what} → ${statusWord(r.status, args.lang)} (${r.ms} ms)${outputs ? `: ${outputs}` : say(lang, m.watchKeptLast)}\n`);
    running = false;
    if (again) {
      const next = again;
      again = undefined;
      await render(next);
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const pending = new Set<string>();
  const schedule = (file: string) => {
    pending.add(path.relative(process.cwd(), file) || file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending.clear();
      void render(changed);
    }, args.debounceMs ?? 150);
  };
  const watchers: FSWatcher[] = [
    watch(path.dirname(input), (_event, name) => {
      if (name && path.join(path.dirname(input), name.toString()) === input) schedule(input);
    }),
    // Templates and kind files, built-in and the office's own.
    ...[builtinTemplateDir, ...kindDirs()].map((dir) =>
      watch(dir, { recursive: true }, (_event, name) => {
        if (name && /\.(hbs|yaml)$/.test(name.toString())) schedule(path.join(dir, name.toString()));
      }),
    ),
  ];
  // Watchers first, then the first render: a save during that render is not missed.
  await render([]);
  process.stderr.write(`${say(lang, m.watching, args.input)}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}
