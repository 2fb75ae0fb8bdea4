// npm run bench: the desk's preview latency on the sample, in the system's Chromium: from the last
// keystroke of a figure to the new version on screen (debounce, validation, server render, pdf.js).
// Figures: until the page in view shows the new version's picture (that version's text holding the
// new figure), until its text layer does too, and until every page of the version is drawn.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const runs = quick ? 5 : 15;
// src/serve/web/debounce.ts: keys 40 ms apart wait 70 ms.
const DEBOUNCE = 70;

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
  // The render thread's warm-ups at start (one per kind) end before the clerk types, as they would.
  await new Promise((res) => setTimeout(res, 4000));
  // Page-side clocks, judged from the DOM itself, not from the app's own marks: the last input
  // event; the frame in which the pages in view of a new version are all drawn (its pictures, in
  // place the moment it comes on screen); the frame in which a page in view of that version has
  // its text layer with the new figure (which proves the picture showed it); and the frame in
  // which every page of it has picture and text.
  await page.evaluate(() => {
    const pane = document.getElementById('preview-pages');
    document.addEventListener('input', () => { window.__lastKey = performance.now(); }, true);
    const frame = (set) => requestAnimationFrame((t) => set(t));
    window.__pictures = new Map();
    new MutationObserver(() => {
      if (!window.__expect) return;
      const version = pane.dataset.version;
      const box = pane.getBoundingClientRect();
      const pages = [...pane.querySelectorAll(':scope > .page')];
      const mine = (p) => p.dataset.version === version;
      const drawn = (p) => mine(p) && p.querySelector('canvas[data-drawn]');
      const says = (p) => mine(p) && p.querySelector('.textLayer').textContent.includes(window.__expect);
      const inView = pages.filter((p) => {
        const r = p.getBoundingClientRect();
        return r.bottom > box.top && r.top < box.bottom;
      });
      if (!window.__pictures.has(version) && inView.length > 0 && inView.every(drawn)) {
        window.__pictures.set(version, -1);
        frame((t) => window.__pictures.set(version, t));
      }
      if (!window.__textAt && inView.some(says)) {
        window.__textAt = -1;
        window.__textVersion = version;
        frame((t) => { window.__textAt = t; });
      }
      if (!window.__allAt && pages.some(says) && pages.every((p) => drawn(p) && p.dataset.text)) {
        window.__allAt = -1;
        frame((t) => { window.__allAt = t; });
      }
    }).observe(pane, { attributes: true, childList: true, subtree: true });
  });
  const shown = [];
  const texts = [];
  const all = [];
  const server = [];
  const checks = [];
  const draws = [];
  for (let i = 0; i < runs + 2; i++) {
    const figure = String(200 + i);
    await page.evaluate((f) => {
      window.__expect = `Xây dựng được ${f} bản tin`;
      window.__pictures.clear();
      window.__textAt = 0;
      window.__allAt = 0;
    }, figure);
    await page.$eval(field, (el) => { el.focus(); el.select(); });
    await page.keyboard.type(figure, { delay: 40 });
    await page.waitForFunction(() => window.__textAt > 0 && window.__allAt > 0 && window.__pictures.get(window.__textVersion) > 0, { timeout: 60_000 });
    const r = await page.evaluate(() => ({ lastKey: window.__lastKey, shownAt: window.__pictures.get(window.__textVersion), textAt: window.__textAt, allAt: window.__allAt, ms: Number(document.body.dataset.previewMs), check: Number(document.body.dataset.checkMs), draw: Number(document.body.dataset.drawMs) }));
    if (i >= 2) {
      shown.push(r.shownAt - r.lastKey);
      texts.push(r.textAt - r.lastKey);
      all.push(r.allAt - r.lastKey);
      server.push(r.ms);
      checks.push(r.check);
      draws.push(r.draw);
    }
    await page.evaluate(() => { window.__expect = ''; });
    await new Promise((res) => setTimeout(res, 300));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const f = (x) => x.toFixed(0);
  console.log(`desk preview latency (sample, ${runs} edits, last keystroke → the frame showing it): page in view with the new figure median ${f(median(shown))} ms `
    + `(min ${f(Math.min(...shown))}, max ${f(Math.max(...shown))}; its text layer ${f(median(texts))} ms); every page drawn median ${f(median(all))} ms (min ${f(Math.min(...all))}, max ${f(Math.max(...all))}); `
    + `of which ${DEBOUNCE} ms pause, request ${f(median(checks))} ms (server render ${f(median(server))} ms), drawing the page in view ${f(median(draws))} ms; `
    + `load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);
} finally {
  await browser.close();
  await desk.close();
  rmSync(work, { recursive: true, force: true });
}
