import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';

/**
 * The system's Chromium (Debian's `chromium`, installed by .ci/run), driven by puppeteer-core,
 * which never downloads a browser. Missing locally: the browser tests skip with a notice. Missing
 * in CI: they fail, so a green CI always means the desk was tried in a real browser.
 */
export function findChromium(): string | undefined {
  return findOnPath(['chromium', 'chromium-browser']);
}

/** Debian's Firefox ESR, driven over WebDriver BiDi by the same puppeteer-core. */
export function findFirefox(): string | undefined {
  return findOnPath(['firefox-esr', 'firefox']);
}

function findOnPath(names: string[]): string | undefined {
  for (const name of names) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not this name
    }
  }
  return undefined;
}

export const chromium = findChromium();
export const firefox = findFirefox();
for (const [name, found, pkg] of [['Chromium', chromium, 'chromium'], ['Firefox', firefox, 'firefox-esr']] as const) {
  if (found) continue;
  if (process.env.CI === 'true') throw new Error(`CI: ${name} is missing (apt-get install ${pkg}): the desk's browser tests cannot run.`);
  process.stderr.write(`NOTICE: no ${pkg} on PATH: the desk's browser tests in ${name} are skipped (apt-get install ${pkg} to run them).\n`);
}

export type BrowserName = 'chromium' | 'firefox';

/** The browsers found on this machine, for `describe.each`: the desk must work in both. */
export const browsers: BrowserName[] = [...(chromium ? ['chromium' as const] : []), ...(firefox ? ['firefox' as const] : [])]
  // DESK_BROWSERS=firefox narrows a local run to one browser.
  .filter((b) => !process.env.DESK_BROWSERS || process.env.DESK_BROWSERS.split(',').includes(b));

/** `downloads`: where the browser saves what the page downloads (Firefox takes it as a preference). */
export async function launch(name: BrowserName = 'chromium', downloads?: string): Promise<Browser> {
  const viewport = { width: 1366, height: 768 };
  if (name === 'firefox') {
    return puppeteer.launch({
      browser: 'firefox',
      executablePath: firefox!,
      headless: true,
      defaultViewport: viewport,
      extraPrefsFirefox: {
        'intl.accept_languages': 'vi-VN, vi',
        ...(downloads ? {
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.download.manager.showWhenStarting': false,
          'browser.download.alwaysOpenPanel': false,
          // A downloaded PDF is saved, not opened in a tab of Firefox's own viewer (which would take the focus).
          'pdfjs.disabled': true,
          'browser.download.open_pdf_attachments_inline': false,
        } : {}),
      },
    });
  }
  const browser = await puppeteer.launch({
    executablePath: chromium!,
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--font-render-hinting=none', '--lang=vi-VN'],
    defaultViewport: viewport,
  });
  if (downloads) {
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  }
  return browser;
}

/** A paste of `text` into the element, as the page's paste handler sees it in either browser. */
export async function pasteInto(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(selector, (el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const e = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    // Firefox copies a constructed event's clipboardData into an empty, protected one.
    if (e.clipboardData?.getData('text/plain') !== t) Object.defineProperty(e, 'clipboardData', { value: data });
    el.dispatchEvent(e);
  }, text);
}

/** Screenshots land in out/desk/ (git-ignored) to be looked at. */
export const shotsDir = path.resolve('out/desk');

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}

/** The text of the preview as pdf.js's text layer holds it (what a reader selects and copies). */
export async function previewText(page: Page): Promise<string> {
  return page.$$eval('.pages .page .textLayer', (layers) => layers.map((l) => l.textContent ?? '').join('\n'));
}

/** Wait until the preview shows a version newer than `after` whose text satisfies the test. */
export async function waitForPreview(page: Page, after: number, test: (text: string) => boolean, timeout = 90_000): Promise<{ version: number; text: string }> {
  const start = Date.now();
  for (;;) {
    const version = Number(await page.$eval('#preview-pages', (e) => (e as HTMLElement).dataset.version ?? '0'));
    if (version > after) {
      const text = await previewText(page);
      if (test(text)) return { version, text };
    }
    if (Date.now() - start > timeout) throw new Error(`preview did not show the expected text (version ${version}; status "${await page.$eval('.preview-status', (e) => e.textContent ?? '')}")`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function previewVersion(page: Page): Promise<number> {
  return Number(await page.$eval('#preview-pages', (e) => (e as HTMLElement).dataset.version ?? '0'));
}

/** A page of the preview as the clerk sees it: which version it belongs to, whether its picture is drawn, its text. */
export interface PreviewPage {
  page: number;
  version: number;
  drawn: boolean;
  text: string;
}

/**
 * From now on, note how the preview looks the moment each new version comes on screen (in the
 * same turn as the pane's version changes, before anything else is drawn): its pages in view and
 * all its pages. Read with `previewAtSwap`.
 */
export async function watchPreview(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __swaps?: Record<string, unknown> };
    if (w.__swaps) return;
    const swaps: Record<string, unknown> = (w.__swaps = {});
    const pane = document.getElementById('preview-pages')!;
    new MutationObserver(() => {
      const version = pane.dataset.version ?? '0';
      if (swaps[version]) return;
      const box = pane.getBoundingClientRect();
      const pages = [...pane.querySelectorAll<HTMLElement>(':scope > .page')].map((p) => ({
        page: Number(p.dataset.page),
        version: Number(p.dataset.version),
        drawn: !!p.querySelector('canvas[data-drawn]'),
        text: (p.querySelector('.textLayer')?.textContent ?? '').replace(/\s+/g, ' '),
        shown: p.getBoundingClientRect().bottom > box.top && p.getBoundingClientRect().top < box.bottom,
      }));
      swaps[version] = { version: Number(version), inView: pages.filter((p) => p.shown), pages };
    }).observe(pane, { attributes: true, attributeFilter: ['data-version'] });
  });
}

/** How the preview looked when `version` came on screen (see watchPreview). */
export async function previewAtSwap(page: Page, version: number): Promise<{ version: number; inView: PreviewPage[]; pages: PreviewPage[] }> {
  const state = await page.evaluate((v) => JSON.stringify((window as unknown as { __swaps: Record<string, unknown> }).__swaps[String(v)] ?? null), version);
  const parsed = JSON.parse(state) as { version: number; inView: (PreviewPage & { shown?: boolean })[]; pages: (PreviewPage & { shown?: boolean })[] } | null;
  if (!parsed) throw new Error(`version ${version} of the preview was not seen coming on screen`);
  const strip = (list: (PreviewPage & { shown?: boolean })[]) => list.map(({ shown: _s, ...p }) => p);
  return { version: parsed.version, inView: strip(parsed.inView), pages: strip(parsed.pages) };
}

/** Wait until every page of the preview belongs to `version` and has its picture and its text; its pages then. */
export async function previewAllDrawn(page: Page, version: number, timeout = 90_000): Promise<PreviewPage[]> {
  await page.waitForFunction((v) => {
    const pane = document.getElementById('preview-pages')!;
    const pages = [...pane.querySelectorAll<HTMLElement>(':scope > .page')];
    return pane.dataset.drawn === String(v) && pages.length > 0 && pages.every((p) => p.dataset.version === String(v) && p.dataset.text && p.querySelector('canvas[data-drawn]'));
  }, { timeout, polling: 100 }, version);
  return page.$$eval('#preview-pages > .page', (ps) => ps.map((p) => ({
    page: Number((p as HTMLElement).dataset.page),
    version: Number((p as HTMLElement).dataset.version),
    drawn: !!p.querySelector('canvas[data-drawn]'),
    text: (p.querySelector('.textLayer')?.textContent ?? '').replace(/\s+/g, ' '),
  })));
}
