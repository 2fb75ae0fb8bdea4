import { spawn } from 'node:child_process';
import type { Lang } from '../../load/index.js';
import { serveMessages } from '../../messages/serve.js';
import { say } from '../../messages/types.js';
import { startDesk } from '../../serve/index.js';
import { EXIT } from '../exit.js';
import { invocation } from '../invocation.js';

/** `baocao serve [folder]`: start the desk, print its address, open a browser, stop on Ctrl+C. */
export async function serveCommand(args: { folder: string; port?: number; host?: string; open: boolean; lang: Lang }): Promise<number> {
  let desk;
  try {
    desk = await startDesk({ folder: args.folder, lang: args.lang, command: invocation(), ...(args.port !== undefined ? { port: args.port } : {}), ...(args.host ? { host: args.host } : {}) });
  } catch (e) {
    // A missing folder, a port in use: the desk cannot open what it was asked to.
    process.stderr.write(`${(e as Error).message}\n`);
    return EXIT.io;
  }
  process.stdout.write(say(args.lang, serveMessages.listening, desk.url, desk.folder) + '\n');
  if (!['127.0.0.1', 'localhost', '::1'].includes(desk.host)) process.stderr.write(say(args.lang, serveMessages.hostWarning, desk.host) + '\n');
  if (args.open && !openBrowser(desk.url)) process.stderr.write(say(args.lang, serveMessages.openBrowserFailed, desk.url) + '\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await desk.close();
  process.stderr.write(say(args.lang, serveMessages.stopped) + '\n');
  return EXIT.ok;
}

/** The system's way to open an address; false when there is no desktop to open it on. */
function openBrowser(url: string): boolean {
  const [cmd, ...rest] =
    process.platform === 'darwin' ? ['open', url]
    : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url]
    : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ['xdg-open', url] : [];
  if (!cmd) return false;
  try {
    const child = spawn(cmd, rest, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
