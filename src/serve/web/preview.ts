import { GlobalWorkerOptions, PDFWorker, TextLayer, getDocument } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { h } from './dom.js';
import { w } from './i18n.js';

/**
 * The preview: the server's PDF drawn page by page with pdf.js (bundled, its worker served by the
 * desk), each page with its text layer so the text can be selected and read aloud. A new preview
 * is drawn off-screen and swapped in, keeping the scroll position; an older one still drawing
 * when a newer arrives is dropped.
 */
GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.js';
// One pdf.js worker for every preview: starting one per document costs more than drawing it.
let worker: PDFWorker | undefined;

export class Preview {
  readonly root: HTMLElement;
  readonly pages: HTMLElement;
  private readonly status: HTMLElement;
  private drawing = 0;
  private doc: PDFDocumentProxy | undefined;
  version = 0;

  constructor() {
    this.status = h('p', { class: 'preview-status', role: 'status', 'aria-live': 'polite' }, w('previewNone'));
    this.pages = h('div', { class: 'pages', id: 'preview-pages', tabindex: 0, 'aria-label': w('previewTitle') });
    this.root = h('section', { class: 'preview', 'aria-labelledby': 'preview-title' },
      h('div', { class: 'preview-head' }, h('h2', { id: 'preview-title' }, w('previewTitle')), this.status), this.pages);
  }

  say(text: string, kind: 'info' | 'warn' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.className = `preview-status ${kind}`;
  }

  /**
   * Draw a new PDF. The pages in view are drawn first and swapped in whole (same size, nothing
   * jumps); the others get their text at once and their picture when scrolled into view, so a
   * keystroke costs one page's drawing, not the whole document's. `data-version` changes once
   * every page is new.
   */
  async show(pdf: Uint8Array): Promise<boolean> {
    const mine = ++this.drawing;
    worker ??= new PDFWorker({});
    const doc = await getDocument({ data: pdf, isEvalSupported: false, worker }).promise;
    const width = Math.max(320, this.pages.clientWidth - 40);
    const old = [...this.pages.querySelectorAll<HTMLElement>(':scope > .page')];
    const seen = old.filter((p) => this.inView(p)).map((p) => Number(p.dataset.page)).filter((n) => n <= doc.numPages);
    const visible = new Set(seen.length ? seen : [1]);
    const order = [...new Set([...visible, ...Array.from({ length: doc.numPages }, (_v, i) => i + 1)])];
    const texts: Promise<void>[] = [];
    const stale = () => {
      if (mine === this.drawing) return false;
      void doc.destroy();
      return true;
    };
    for (const n of order) {
      if (stale()) return false;
      const { box, text, draw } = await this.preparePage(doc, n, width);
      texts.push(text);
      if (visible.has(n)) await draw();
      if (stale()) return false;
      const existing = this.pages.querySelector<HTMLElement>(`:scope > .page[data-page="${n}"]`);
      if (existing) {
        this.lazy.unobserve(existing);
        existing.replaceWith(box);
      } else {
        const next = [...this.pages.querySelectorAll<HTMLElement>(':scope > .page')].find((p) => Number(p.dataset.page) > n);
        this.pages.insertBefore(box, next ?? null);
      }
      if (!visible.has(n)) {
        this.pending.set(box, draw);
        this.lazy.observe(box);
      }
      if (n === order[0]) document.body.dataset.firstPageShown = String(performance.now());
    }
    for (const p of this.pages.querySelectorAll<HTMLElement>(':scope > .page')) if (Number(p.dataset.page) > doc.numPages) p.remove();
    await Promise.all(texts);
    if (stale()) return false;
    void this.doc?.destroy();
    this.doc = doc;
    this.version++;
    this.pages.dataset.version = String(this.version);
    this.say(`${w('previewPages', { n: doc.numPages })} · ${w('previewUpdated', { t: new Date().toLocaleTimeString(document.documentElement.lang === 'vi' ? 'vi-VN' : 'en-GB') })}`);
    return true;
  }

  /** Pages whose picture waits until they are scrolled near the view. */
  private readonly pending = new WeakMap<Element, () => Promise<void>>();
  private readonly lazy = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const draw = this.pending.get(e.target);
      this.pending.delete(e.target);
      this.lazy.unobserve(e.target);
      void draw?.().catch(() => undefined); // a newer preview replaced (and closed) this one
    }
  }, { root: null, rootMargin: '300px' });

  private inView(el: HTMLElement): boolean {
    const pane = this.pages.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.bottom > pane.top && r.top < pane.bottom;
  }

  /** One page: its box, its text layer (selectable, read by screen readers) and, on demand, its picture. */
  private async preparePage(doc: PDFDocumentProxy, n: number, width: number): Promise<{ box: HTMLElement; text: Promise<void>; draw: () => Promise<void> }> {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    // Portrait and landscape pages alike fit the pane's width.
    const viewport = page.getViewport({ scale: Math.min(width / base.width, 2) });
    const ratio = window.devicePixelRatio || 1;
    const canvas = h('canvas', { width: Math.floor(viewport.width * ratio), height: Math.floor(viewport.height * ratio), 'aria-hidden': 'true' });
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const draw = async () => {
      await page.render({ canvasContext: canvas.getContext('2d')!, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
      canvas.dataset.drawn = 'true';
    };
    const text = h('div', { class: 'textLayer' });
    text.style.setProperty('--scale-factor', String(viewport.scale));
    const box = h('div', { class: 'page', 'data-page': n, role: 'region', 'aria-label': w('page', { n }) }, canvas, text);
    box.style.width = `${Math.floor(viewport.width)}px`;
    box.style.height = `${Math.floor(viewport.height)}px`;
    const layer = new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport });
    return { box, text: layer.render(), draw };
  }

  /** Keep the page showing a value in view (the page under the field being edited). */
  follow(value: string): void {
    const wanted = variants(value);
    if (wanted.length === 0) return;
    for (const page of this.pages.querySelectorAll<HTMLElement>('.page')) {
      const text = (page.querySelector('.textLayer')?.textContent ?? '').replace(/\s+/g, ' ');
      if (wanted.some((v) => text.includes(v))) {
        const pane = this.pages.getBoundingClientRect();
        const r = page.getBoundingClientRect();
        // Scroll the pane only, never the window around it.
        if (r.bottom < pane.top + 40 || r.top > pane.bottom - 40) this.pages.scrollTop += r.top - pane.top - 12;
        return;
      }
    }
  }
}

/** How a value may read in the document: as typed, and a number with Vietnamese thousands dots. */
function variants(value: string): string[] {
  const v = value.trim().replace(/\s+/g, ' ');
  if (v.length < 2) return [];
  const out = [v.slice(0, 60)];
  if (/^\d{4,}$/.test(v)) out.push(Number(v).toLocaleString('vi-VN'));
  return out;
}
