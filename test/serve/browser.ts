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
  for (const name of ['chromium', 'chromium-browser']) {
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
if (!chromium) {
  if (process.env.CI === 'true') throw new Error('CI: Chromium is missing (apt-get install chromium): the desk\'s browser tests cannot run.');
  process.stderr.write('NOTICE: no chromium on PATH: the desk\'s browser tests are skipped (apt-get install chromium to run them).\n');
}

export async function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromium!,
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--font-render-hinting=none', '--lang=vi-VN'],
    defaultViewport: { width: 1366, height: 768 },
  });
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
export async function waitForPreview(page: Page, after: number, test: (text: string) => boolean, timeout = 30_000): Promise<{ version: number; text: string }> {
  const start = Date.now();
  for (;;) {
    const version = Number(await page.$eval('#preview-pages', (e) => (e as HTMLElement).dataset.version ?? '0'));
    if (version > after) {
      const text = await previewText(page);
      if (test(text)) return { version, text };
    }
    if (Date.now() - start > timeout) throw new Error(`preview did not show the expected text (version ${version})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function previewVersion(page: Page): Promise<number> {
  return Number(await page.$eval('#preview-pages', (e) => (e as HTMLElement).dataset.version ?? '0'));
}
