// npm run bench: the desk's preview latency on the sample, in the system's Chromium: from the last
// keystroke of a figure to the new pages on screen (debounce, validation, server render, pdf.js).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const runs = quick ? 5 : 15;
const DEBOUNCE = 120; // src/serve/web/main.ts

let chromium;
try {
  chromium = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
} catch {
  chromium = '';
}
if (!chromium) {
  console.log('desk preview latency: skipped (no chromium on PATH)');
  process.exit(0);
}

const { startDesk } = await import(path.join(root, 'dist/serve/index.js'));
const puppeteer = (await import('puppeteer-core')).default;
const work = mkdtempSync(path.join(tmpdir(), 'baocao-bench-desk-'));
copyFileSync(path.join(root, 'data/nghi-son-qp-an-2020.yaml'), path.join(work, 'nghi-son-qp-an-2020.yaml'));
const desk = await startDesk({ folder: work });
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--headless'], defaultViewport: { width: 1366, height: 768 } });
try {
  const page = await browser.newPage();
  await page.goto(`${desk.url}#/open/nghi-son-qp-an-2020.yaml`);
  const field = '[data-input="police.trafficSafetyBulletins.value"]';
  await page.waitForSelector(field);
  await page.waitForFunction(() => Number(document.getElementById('preview-pages')?.dataset.version ?? 0) > 0, { timeout: 60_000 });
  // Page-side clocks: the last input event, and the moment a new preview version is on screen.
  await page.evaluate(() => {
    document.addEventListener('input', () => { window.__lastKey = performance.now(); }, true);
    new MutationObserver(() => { window.__shown = performance.now(); })
      .observe(document.getElementById('preview-pages'), { attributes: true, attributeFilter: ['data-version'] });
  });
  const latencies = [];
  const server = [];
  const checks = [];
  const firsts = [];
  const draws = [];
  for (let i = 0; i < runs + 2; i++) {
    const version = await page.$eval('#preview-pages', (e) => Number(e.dataset.version));
    const figure = String(200 + i);
    await page.$eval(field, (el) => { el.focus(); el.select(); });
    await page.keyboard.type(figure, { delay: 40 });
    await page.waitForFunction((v, f) => Number(document.getElementById('preview-pages').dataset.version) > v
      && document.querySelector('.pages').textContent.includes(`Xây dựng được ${f} bản tin`), { timeout: 60_000 }, version, figure);
    const { lastKey, shown, first, ms, check, draw } = await page.evaluate(() => ({ lastKey: window.__lastKey, shown: window.__shown, first: Number(document.body.dataset.firstPageShown), ms: Number(document.body.dataset.previewMs), check: Number(document.body.dataset.checkMs), draw: Number(document.body.dataset.drawMs) }));
    if (i >= 2) {
      latencies.push(shown - lastKey);
      firsts.push(first - lastKey);
      server.push(ms);
      checks.push(check);
      draws.push(draw);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [load] = (await import('node:os')).loadavg();
  console.log(`desk preview latency (last keystroke → page in view redrawn, sample, ${runs} edits): median ${median(firsts).toFixed(0)} ms; every page redrawn: median ${median(latencies).toFixed(0)} ms, `
    + `min ${Math.min(...latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; of which request ${median(checks).toFixed(0)} ms (server render ${median(server).toFixed(0)} ms), drawing all pages ${median(draws).toFixed(0)} ms, after a ${DEBOUNCE} ms pause; load average ${load.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores`);
} finally {
  await browser.close();
  await desk.close();
  rmSync(work, { recursive: true, force: true });
}
