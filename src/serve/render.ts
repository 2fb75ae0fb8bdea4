import path from 'node:path';
import { emlForOutputs } from '../archive/eml.js';
import { TemplateError } from '../compose/index.js';
import { MarkupError } from '../document/parse.js';
import type { Lang } from '../load/index.js';
import { serveMessages } from '../messages/serve.js';
import { say } from '../messages/types.js';
import { registerKindDir } from '../model/index.js';
import { GlyphError, buildDocument, loadReportBytes, outputStem, renderDocument } from '../pipeline/index.js';
import type { DeskProblem } from './protocol.js';

/**
 * One render of the desk, the same steps `baocao render` takes for a file (src/batch/job.ts): the
 * data file's text as it would be saved, under its own name, so a download has the bytes the
 * command line gives for that file. Runs in the desk's render worker (or in-thread from sources).
 */

export interface RenderTask {
  op: 'preview' | 'outputs';
  /** The data file's text, exactly as a save writes it. */
  text: string;
  /** Its path (the name embedded in the PDF is its base name). */
  file: string;
  lang: Lang;
  kindDirs: string[];
  /** The folder served: last period's file (`previous:`) is read only inside it. */
  within?: string;
}

export type RenderDone =
  | { ok: true; name: string; files: { format: 'pdf' | 'docx' | 'eml'; bytes: Uint8Array }[] }
  | { ok: false; problems?: DeskProblem[]; error?: string; timeout?: boolean };

export function toDeskProblem(p: { path: (string | number)[]; message: string; severity: 'error' | 'warning'; code: string; line: number }): DeskProblem {
  return { path: p.path, message: p.message, severity: p.severity, code: p.code, line: p.line };
}

export async function renderTask(task: RenderTask): Promise<RenderDone> {
  for (const dir of task.kindDirs) registerKindDir(dir);
  const loaded = loadReportBytes(Buffer.from(task.text, 'utf8'), task.file, task.lang, undefined, path.basename(task.file), task.within !== undefined ? { within: task.within } : undefined);
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map(toDeskProblem) };
  try {
    const profile = loaded.kind.profile;
    const doc = buildDocument(loaded.kind, loaded.report, profile, task.lang);
    const name = outputStem(loaded.kind, loaded.report);
    if (task.op === 'preview') {
      // The look of the pages only: no archive packaging, which the preview never shows.
      return { ok: true, name, files: [{ format: 'pdf', bytes: await renderDocument(doc, 'pdf', profile, { pdfa: 'none' }) }] };
    }
    const source = loaded.source ? { source: { ...loaded.source, kind: loaded.kind.id } } : {};
    const pdf = await renderDocument(doc, 'pdf', profile, { pdfa: '3b', ...source });
    const docx = await renderDocument(doc, 'docx', profile, { pdfa: '3b', ...source });
    const eml = await emlForOutputs(doc, loaded.report.frame.date ?? null, [{ format: 'pdf', bytes: pdf }, { format: 'docx', bytes: docx }], '3b');
    return { ok: true, name, files: [{ format: 'pdf', bytes: pdf }, { format: 'docx', bytes: docx }, { format: 'eml', bytes: eml }] };
  } catch (e) {
    if (e instanceof TemplateError || e instanceof MarkupError || e instanceof GlyphError) {
      return { ok: false, error: say(task.lang, serveMessages.renderFailed, e.message) };
    }
    return { ok: false, error: say(task.lang, serveMessages.internal, (e as Error).stack ?? String(e)) };
  }
}
