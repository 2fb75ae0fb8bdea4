import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { lstat, readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { parse } from 'yaml';
import { extractSource } from '../archive/extract.js';
import { BaocaoError } from '../messages/errors.js';
import type { Lang } from '../load/index.js';
import { parseSource } from '../load/index.js';
import { serveMessages } from '../messages/serve.js';
import { say } from '../messages/types.js';
import { findKind, kindDirs, kindJsonSchema, listKinds, registerKindDir, starterFile } from '../model/index.js';
import { writeFileAtomic } from '../output/index.js';
import { VERSION, loadReport, loadReportText } from '../pipeline/index.js';
import { kindForm } from './form.js';
import { DEFAULT_LIMITS } from '../sheets/index.js';
import { sheetForList } from './sheet.js';
import { DATA_EXTENSIONS, PathRefused, relativeName, resolveInside, within } from './paths.js';
import { TOKEN_HEADER } from './protocol.js';
import type { CheckRequest, CheckResponse, DownloadRequest, FileEntry, OpenedFile, SaveRequest, SaveResponse, StartInfo } from './protocol.js';
import { toDeskProblem } from './render.js';
import type { RenderTask } from './render.js';
import { LatestOnly, Renderer } from './renderer.js';
import { dataToText } from './yaml.js';

/**
 * serve: the clerk's desk. A small HTTP server on the library API (validate, render, kinds,
 * starters) and a bundled page (src/serve/web) that shows a form for a data file, its problems and
 * a live preview. It serves one folder: the page can read and write the data files inside it and
 * nothing else; every API call carries a token only the page knows, so another web site open in
 * the same browser cannot drive it.
 */

export interface DeskOptions {
  /** The folder whose data files the desk opens and saves. */
  folder: string;
  /** 0 (default) for a free port. */
  port?: number;
  /** 127.0.0.1 unless said otherwise. */
  host?: string;
  lang?: Lang;
  /** Largest request body accepted for JSON calls (bytes). */
  maxBodyBytes?: number;
  /** Largest spreadsheet accepted for a list's grid (bytes); the CLI's sheet limit by default. */
  maxSheetBytes?: number;
  /** Largest PDF accepted by "open a PDF" (bytes). */
  maxPdfBytes?: number;
  /** A render that takes longer is abandoned (milliseconds). */
  renderTimeoutMs?: number;
  /** How the user runs baocao ("baocao", "npx baocao", "node …/main.js"): a new file's comments name it. */
  command?: string;
}

export interface Desk {
  url: string;
  port: number;
  host: string;
  folder: string;
  close(): Promise<void>;
}

// The page's assets are built into dist/serve/web (npm run build); from the sources as from dist.
const webDir = fileURLToPath(new URL('../../dist/serve/web/', import.meta.url));
const ASSETS: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'pdf.worker.js': 'text/javascript; charset=utf-8',
};

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly body?: Record<string, unknown>) {
    super(message);
  }
}

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export async function startDesk(options: DeskOptions): Promise<Desk> {
  const lang: Lang = options.lang ?? 'vi';
  if (!statSync(path.resolve(options.folder), { throwIfNoEntry: false })?.isDirectory()) throw new Error(say(lang, serveMessages.folderMissing, options.folder));
  const folder = realpathSync(path.resolve(options.folder));
  // Data typed in the browser may name `previous:` (last period's file): it is read only inside the folder served.
  const inFolder = { within: folder };
  registerFolderKinds(folder);
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const maxPdf = options.maxPdfBytes ?? 20 * 1024 * 1024;
  const maxSheet = options.maxSheetBytes ?? DEFAULT_LIMITS.fileBytes;
  const timeout = options.renderTimeoutMs ?? 20_000;
  const token = randomBytes(18).toString('base64url');
  const previews = new Renderer(timeout);
  const downloads = new Renderer(timeout * 3);
  const latest = new LatestOnly(previews);

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof HttpError ? e.message : say(lang, serveMessages.internal, (e as Error).stack ?? String(e));
      if (!res.headersSent) sendJson(res, status, { ok: false, message, ...(e instanceof HttpError ? e.body : {}) });
      else res.destroy();
    });
  });

  let port = 0;
  let loopback = true;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://desk.invalid');
    const reqLang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : url.searchParams.get('lang') === 'vi' ? 'vi' : lang;
    // DNS rebinding: on the loopback interface, answer only to the loopback names.
    if (loopback && !/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(req.headers.host ?? '')) throw new HttpError(403, say(reqLang, serveMessages.forbidden));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) return sendPage(res, reqLang);
    if (req.method === 'GET' && url.pathname.startsWith('/assets/')) return sendAsset(res, url.pathname.slice('/assets/'.length), reqLang);
    if (req.method === 'GET' && url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (!url.pathname.startsWith('/api/')) throw new HttpError(404, say(reqLang, serveMessages.notFound, url.pathname));
    if (req.headers[TOKEN_HEADER] !== token) throw new HttpError(403, say(reqLang, serveMessages.forbidden));
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /api/start':
        return sendJson(res, 200, await startInfo(reqLang));
      case 'GET /api/form': {
        const form = kindForm(url.searchParams.get('kind') ?? '', reqLang);
        if (!form) throw new HttpError(404, say(reqLang, serveMessages.unknownKind, url.searchParams.get('kind') ?? ''));
        return sendJson(res, 200, form);
      }
      case 'GET /api/open':
        return sendJson(res, 200, await openFile(url.searchParams.get('path') ?? '', reqLang));
      case 'GET /api/new':
        return sendJson(res, 200, newFile(url.searchParams.get('kind') ?? '', reqLang));
      case 'POST /api/extract': {
        const rel = url.searchParams.get('path');
        const bytes = rel ? await readInside(rel, ['.pdf'], reqLang) : await readBody(req, maxPdf, reqLang);
        return sendJson(res, 200, await fromPdf(bytes, rel ?? 'PDF', reqLang));
      }
      case 'POST /api/sheet': {
        const bytes = await readBody(req, maxSheet, reqLang);
        return sendJson(res, 200, sheetForList(bytes, url.searchParams, reqLang));
      }
      case 'POST /api/check':
        return sendJson(res, 200, await check(await readJson<CheckRequest>(req, reqLang), reqLang));
      case 'POST /api/save':
        return sendJson(res, 200, await save(await readJson<SaveRequest>(req, reqLang), reqLang));
      case 'POST /api/download':
        return download(res, await readJson<DownloadRequest>(req, reqLang), reqLang);
      default:
        throw new HttpError(404, say(reqLang, serveMessages.notFound, url.pathname));
    }
  }

  function sendPage(res: ServerResponse, pageLang: Lang): void {
    const html = `<!doctype html>
<html lang="${pageLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="baocao-token" content="${token}">
<meta name="baocao-lang" content="${pageLang}">
<title>baocao — ${pageLang === 'vi' ? 'Bàn làm việc' : 'Desk'}</title>
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body><noscript>${pageLang === 'vi' ? 'Bàn làm việc cần JavaScript.' : 'The desk needs JavaScript.'}</noscript><div id="app"></div></body>
</html>
`;
    res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    res.setHeader('Cache-Control', 'no-store');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  }

  function sendAsset(res: ServerResponse, name: string, l: Lang): void {
    const type = ASSETS[name];
    const file = path.join(webDir, name);
    if (!type || !existsSync(file)) throw new HttpError(404, say(l, serveMessages.notFound, name));
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(readFileSync(file));
  }

  async function startInfo(l: Lang): Promise<StartInfo> {
    return {
      folder,
      version: VERSION,
      lang: l,
      kinds: listKinds().map((k) => ({ id: k.id, title: k.title })),
      files: await listFiles(folder, l),
    };
  }

  function inside(rel: string, exts: readonly string[] | undefined, l: Lang): string {
    try {
      return resolveInside(folder, rel, exts);
    } catch (e) {
      if (e instanceof PathRefused) {
        throw new HttpError(403, e.reason === 'extension' ? say(l, serveMessages.wrongExtension, rel) : say(l, serveMessages.pathRefused, rel));
      }
      throw e;
    }
  }

  async function readInside(rel: string, exts: readonly string[], l: Lang): Promise<Buffer> {
    const abs = inside(rel, exts, l);
    try {
      return await readFile(abs);
    } catch {
      throw new HttpError(404, say(l, serveMessages.notFound, rel));
    }
  }

  async function openFile(rel: string, l: Lang): Promise<OpenedFile> {
    const bytes = await readInside(rel, DATA_EXTENSIONS, l);
    return opened(relativeName(folder, inside(rel, DATA_EXTENSIONS, l)), bytes.toString('utf8'), true, sha(bytes), l);
  }

  function opened(rel: string, text: string, exists: boolean, hash: string | null, l: Lang): OpenedFile {
    const parsed = parseSource(text, rel, l);
    const data = parsed.source?.data as Record<string, unknown> | undefined;
    if (!parsed.source || !data || typeof data !== 'object' || Array.isArray(data) || typeof data.kind !== 'string' || !findKind(data.kind)) {
      const problems = parsed.source ? loadReportText(text, rel, l, undefined, inFolder) : undefined;
      return {
        path: rel, exists, base: text, hash, kind: typeof data?.kind === 'string' ? data.kind : '', data: data ?? null,
        problems: (problems && !problems.ok ? problems.problems : parsed.problems).map(toDeskProblem),
      };
    }
    return { path: rel, exists, base: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, hash, kind: data.kind, data: parse(text, { version: '1.2', schema: 'core' }) as unknown };
  }

  /** "qp-an.yaml", or "qp-an-2.yaml" … when taken. */
  function freeName(stem: string, ext: string): string {
    for (let i = 1; ; i++) {
      const name = i === 1 ? `${stem}${ext}` : `${stem}-${i}${ext}`;
      if (!existsSync(path.join(folder, name))) return name;
    }
  }

  function newFile(kindId: string, l: Lang): OpenedFile {
    const kind = findKind(kindId);
    if (!kind) throw new HttpError(404, say(l, serveMessages.unknownKind, kindId));
    return opened(freeName(kind.id, '.yaml'), starterFile(kind, options.command ? { command: options.command } : {}).yaml, false, null, l);
  }

  async function fromPdf(bytes: Buffer, label: string, l: Lang): Promise<OpenedFile> {
    let source;
    try {
      source = await extractSource(bytes);
    } catch (e) {
      // A PDF pdf.js cannot read, or one whose data is over the limit: its own reason, for the clerk.
      if (e instanceof BaocaoError) throw new HttpError(422, `${label}: ${e.text(l)}`);
      throw e;
    }
    if (!source) throw new HttpError(422, say(l, serveMessages.noSourceInPdf, label));
    const ext = path.extname(source.name).toLowerCase();
    const name = freeName(path.basename(source.name, ext).replace(/^\.+/, '') || 'so-lieu', (DATA_EXTENSIONS as readonly string[]).includes(ext) ? ext : '.yaml');
    return opened(name, source.bytes.toString('utf8'), false, null, l);
  }

  function textOf(rel: string, base: unknown, data: unknown, l: Lang): { abs: string; text: string } {
    if (typeof base !== 'string') throw new HttpError(400, say(l, serveMessages.badRequest, 'base'));
    const abs = inside(rel, DATA_EXTENSIONS, l);
    return { abs, text: dataToText(base, data, abs) };
  }

  async function check(q: CheckRequest, l: Lang): Promise<CheckResponse> {
    const { abs, text } = textOf(q.path, q.base, q.data, l);
    const started = performance.now();
    // The render thread starts at once and the validation runs beside it (on invalid data its load
    // fails as fast as this one and its answer is not used).
    const rendering = q.preview ? latest.request(String(q.doc), task('preview', text, abs, l)) : undefined;
    const loaded = loadReportText(text, abs, l, undefined, inFolder);
    if (!loaded.ok) {
      const problems = loaded.problems.map(toDeskProblem);
      return { ok: false, problems: problems.filter((p) => p.severity === 'error'), warnings: problems.filter((p) => p.severity === 'warning') };
    }
    const warnings = loaded.warnings.map(toDeskProblem);
    if (!rendering) return { ok: true, problems: [], warnings };
    const done = await rendering;
    if (done === 'superseded') return { ok: true, problems: [], warnings, superseded: true };
    if (!done.ok) return { ok: !done.problems, problems: done.problems ?? [], warnings, renderError: done.error ?? '' };
    return { ok: true, problems: [], warnings, pdf: Buffer.from(done.files[0]!.bytes).toString('base64'), ms: Math.round(performance.now() - started) };
  }

  function task(op: RenderTask['op'], text: string, file: string, l: Lang): RenderTask {
    return { op, text, file, lang: l, kindDirs: kindDirs(), within: folder };
  }

  async function save(q: SaveRequest, l: Lang): Promise<SaveResponse> {
    const { abs, text } = textOf(q.path, q.base, q.data, l);
    const rel = relativeName(folder, abs);
    let current: Buffer | undefined;
    try {
      current = await readFile(abs);
    } catch {
      current = undefined;
    }
    if (current && !q.force) {
      if (q.hash === null) return { ok: false, conflict: true, message: say(l, serveMessages.existsAlready, rel) };
      if (sha(current) !== q.hash) return { ok: false, conflict: true, message: say(l, serveMessages.changedOnDisk, rel) };
    }
    try {
      await writeFileAtomic(abs, Buffer.from(text, 'utf8'));
      await writeSchemaBeside(abs, q.data);
    } catch (e) {
      throw new HttpError(500, say(l, serveMessages.writeFailed, rel, (e as Error).message));
    }
    const loaded = loadReportText(text, abs, l, undefined, inFolder);
    const problems = loaded.ok ? [] : loaded.problems.filter((p) => p.severity === 'error').map(toDeskProblem);
    return {
      ok: true, hash: sha(text), base: text, problems,
      message: problems.length ? say(l, serveMessages.savedWithProblems, rel, problems.length) : say(l, serveMessages.saved, rel),
    };
  }

  /** A starter names "./<kind>.schema.json" for editor completion: write it when it is missing, as `init` does. */
  async function writeSchemaBeside(abs: string, data: unknown): Promise<void> {
    const d = data as { $schema?: unknown; kind?: unknown } | null;
    if (!d || typeof d.$schema !== 'string' || typeof d.kind !== 'string') return;
    const kind = findKind(d.kind);
    if (!kind || d.$schema !== `./${kind.id}.schema.json`) return;
    const target = path.join(path.dirname(abs), `${kind.id}.schema.json`);
    if (existsSync(target) || !within(folder, path.dirname(abs))) return;
    await writeFileAtomic(target, Buffer.from(JSON.stringify(kindJsonSchema(kind), null, 2) + '\n', 'utf8'));
  }

  async function download(res: ServerResponse, q: DownloadRequest, l: Lang): Promise<void> {
    const { abs, text } = textOf(q.path, q.base, q.data, l);
    const loaded = loadReportText(text, abs, l, undefined, inFolder);
    if (!loaded.ok) {
      const problems = loaded.problems.filter((p) => p.severity === 'error').map(toDeskProblem);
      throw new HttpError(422, say(l, serveMessages.invalidData, problems.length), { problems });
    }
    const done = await downloads.run(task('outputs', text, abs, l));
    if (!done.ok) throw new HttpError(422, done.error ?? say(l, serveMessages.invalidData, done.problems?.length ?? 0), { problems: done.problems ?? [] });
    const files = Object.fromEntries(done.files.map((f) => [`${done.name}.${f.format}`, f.bytes]));
    const [name, bytes, type] =
      q.format === 'zip' ? [`${done.name}.zip`, zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') }), 'application/zip']
      : q.format === 'pdf' || q.format === 'docx' || q.format === 'eml' ? [`${done.name}.${q.format}`, files[`${done.name}.${q.format}`]!, CONTENT[q.format]]
      : (() => { throw new HttpError(400, say(l, serveMessages.badRequest, 'format')); })();
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${name}"`,
      'Content-Length': bytes.length,
      'Cache-Control': 'no-store',
    }).end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  }

  async function readJson<T>(req: IncomingMessage, l: Lang): Promise<T> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, say(l, serveMessages.badRequest, 'Content-Type'));
    const body = await readBody(req, maxBody, l);
    try {
      const value = JSON.parse(body.toString('utf8')) as T;
      if (!value || typeof value !== 'object') throw new Error('not an object');
      return value;
    } catch {
      throw new HttpError(400, say(l, serveMessages.badRequest, 'JSON'));
    }
  }

  function readBody(req: IncomingMessage, limit: number, l: Lang): Promise<Buffer> {
    const tooLarge = () => new HttpError(413, say(l, serveMessages.tooLarge, Math.round(limit / 1024)));
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      return Promise.reject(tooLarge());
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limit) {
          req.removeAllListeners('data');
          req.resume();
          reject(tooLarge());
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new Error(say(lang, serveMessages.portInUse, options.port ?? 0)) : e));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  // The first preview a clerk asks for finds the render thread started and warm.
  // One kind is enough: what is slow cold (code, fonts, the writer) is shared by every kind, and
  // each warm-up costs a render's CPU beside the clerk's first requests.
  previews.warm(listKinds().slice(0, 1).map((k) => task('preview', starterFile(k).yaml, path.join(folder, `${k.id}.yaml`), lang)));
  const address = server.address() as AddressInfo;
  port = address.port;
  loopback = ['127.0.0.1', 'localhost', '::1'].includes(host);
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${loopback ? '127.0.0.1' : shown}:${port}/`,
    port,
    host,
    folder,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([previews.close(), downloads.close()]);
    },
  };
}

const CONTENT = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', eml: 'message/rfc822' } as const;

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(value));
}

/** An office's own kinds named in the served folder's baocao.config.yaml (`kinds: [folder, …]`). */
function registerFolderKinds(folder: string): void {
  const config = path.join(folder, 'baocao.config.yaml');
  if (!existsSync(config) || path.resolve(config) === path.resolve('baocao.config.yaml')) return;
  const value = parse(readFileSync(config, 'utf8')) as { kinds?: unknown } | null;
  const dirs = Array.isArray(value?.kinds) ? value.kinds.filter((d): d is string => typeof d === 'string') : [];
  for (const d of dirs) registerKindDir(path.resolve(folder, d));
}

const SKIP_DIRS = new Set(['node_modules', 'dist']);
const MAX_FILES = 300;

/** The data files (with kind, date and state) and PDFs of the folder, three levels deep. */
export async function listFiles(folder: string, lang: Lang): Promise<FileEntry[]> {
  const found: { abs: string; type: 'data' | 'pdf' }[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort((a, b) => a.localeCompare(b, 'vi'));
    } catch {
      return;
    }
    for (const name of names) {
      if (found.length >= MAX_FILES) return;
      if (name.startsWith('.')) continue;
      const abs = path.join(dir, name);
      const st = await lstat(abs).catch(() => undefined);
      if (!st || st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (depth < 3 && !SKIP_DIRS.has(name)) await walk(abs, depth + 1);
        continue;
      }
      const ext = path.extname(name).toLowerCase();
      if (ext === '.pdf') found.push({ abs, type: 'pdf' });
      else if ((DATA_EXTENSIONS as readonly string[]).includes(ext) && name !== 'kind.yaml' && name !== 'baocao.config.yaml' && !name.endsWith('.schema.json')) found.push({ abs, type: 'data' });
    }
  };
  await walk(folder, 0);
  const entries: FileEntry[] = [];
  for (const f of found) {
    const rel = relativeName(folder, f.abs);
    if (f.type === 'pdf') {
      entries.push({ path: rel, type: 'pdf' });
      continue;
    }
    let text: string;
    try {
      text = await readFile(f.abs, 'utf8');
    } catch {
      continue;
    }
    // Only files that say which kind they are: other YAML (configuration …) is not a report.
    const parsed = parseSource(text, rel, lang);
    const data = parsed.source?.data as Record<string, unknown> | undefined;
    if (parsed.source && (!data || typeof data !== 'object' || typeof data.kind !== 'string')) continue;
    const loaded = await loadReport(f.abs, lang, undefined, { within: folder });
    const frame = (data?.frame ?? {}) as Record<string, unknown>;
    const warnings = loaded.ok ? loaded.warnings.length : 0;
    entries.push({
      path: rel, type: 'data',
      ...(typeof data?.kind === 'string' ? { kind: data.kind } : {}),
      date: typeof frame.date === 'string' ? frame.date : null,
      ...(typeof frame.summary === 'string' ? { summary: frame.summary } : {}),
      state: !loaded.ok ? 'errors' : warnings ? 'warnings' : 'ok',
      errors: loaded.ok ? 0 : loaded.problems.filter((p) => p.severity === 'error').length,
      warnings,
    });
  }
  return entries;
}
