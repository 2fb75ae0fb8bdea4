import { GlobalWorkerOptions, PDFWorker, TextLayer, getDocument } from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';
import { h } from './dom.js';
import { w } from './i18n.js';

/**
 * The preview: the server's PDF drawn page by page with pdf.js (bundled, its worker served by the
 * desk), each page with its text layer so the text can be selected and read aloud.
 *
 * A new version is shown as soon as the pages in view are drawn: those are drawn off-screen, then
 * every page is swapped at once (the others as blank placeholders the size of their page, never
 * the old version's picture), keeping the page in view where it was. The other pages are drawn
 * afterwards, one at a time when the page is idle, the nearest to the view first (so a page
 * scrolled to meanwhile comes next). A newer version cancels the older one's pending draws.
 *
 * For tests and the benchmark: `data-version` of the pane is the version on screen, each page
 * carries the version it belongs to, its canvas `data-drawn` once drawn, and the pane's
 * `data-drawn` names the version whose pages are all drawn.
 */
GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.js';
// One pdf.js worker for every preview: starting one per document costs more than drawing it.
let worker: PDFWorker | undefined;

/** One version of the preview, from its PDF arriving until a newer one replaces it. */
interface Version {
  doc: PDFDocumentProxy;
  pages: PDFPageProxy[];
  viewports: PageViewport[];
  boxes: HTMLElement[];
  /** Pages (0-based) whose picture and text are on their box. */
  drawn: Set<number>;
  /** Draws under way, cancelled when a newer version arrives. */
  tasks: Set<{ cancel(): void }>;
  cancelled: boolean;
  idle?: () => void;
}

export class Preview {
  readonly root: HTMLElement;
  readonly pages: HTMLElement;
  private readonly status: HTMLElement;
  /** The version being prepared (its pages in view not drawn yet). */
  private coming: Version | undefined;
  /** The version on screen. */
  private shown: Version | undefined;
  /** A value to bring into view once the page holding it has its text (see follow). */
  private pendingFollow: string[] = [];
  private generation = 0;
  private scrolledByHand = false;
  version = 0;

  constructor() {
    this.status = h('p', { class: 'preview-status', role: 'status', 'aria-live': 'polite' }, w('previewNone'));
    this.pages = h('div', { class: 'pages', id: 'preview-pages', tabindex: 0, 'aria-label': w('previewTitle') });
    const byHand = () => {
      this.scrolledByHand = true;
    };
    for (const e of ['wheel', 'touchmove', 'keydown', 'pointerdown']) this.pages.addEventListener(e, byHand, { passive: true });
    this.root = h('section', { class: 'preview', 'aria-labelledby': 'preview-title' },
      h('div', { class: 'preview-head' }, h('h2', { id: 'preview-title' }, w('previewTitle')), this.status), this.pages);
  }

  say(text: string, kind: 'info' | 'warn' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.className = `preview-status ${kind}`;
  }

  /**
   * Show a new PDF: resolves true once its pages in view are on screen (false when a newer one
   * came first). The other pages are drawn after, in the background.
   */
  async show(pdf: Uint8Array): Promise<boolean> {
    const mine = ++this.generation;
    // The older versions' pending draws would only compete with this one for the processor.
    if (this.coming) this.drop(this.coming);
    this.coming = undefined;
    if (this.shown) this.stop(this.shown);
    let shown = false;
    try {
      shown = await this.prepare(pdf, mine);
      return shown;
    } finally {
      // Failed, and no newer version on its way: the one on screen finishes drawing its pages.
      if (!shown && mine === this.generation && this.shown?.cancelled) {
        this.shown.cancelled = false;
        this.later(this.shown);
      }
    }
  }

  private async prepare(pdf: Uint8Array, mine: number): Promise<boolean> {
    worker ??= new PDFWorker({});
    const doc = await getDocument({
      data: pdf,
      isEvalSupported: false,
      worker,
      // Glyphs drawn from their outlines instead of loading each version's (newly subset) fonts
      // into the browser: measured ~70 instead of ~125 ms to draw the page in view of the sample.
      disableFontFace: true,
    }).promise;
    const v: Version = { doc, pages: [], viewports: [], boxes: [], drawn: new Set(), tasks: new Set(), cancelled: false };
    const stale = () => {
      if (mine === this.generation && !v.cancelled) return false;
      this.drop(v);
      return true;
    };
    if (stale()) return false;
    this.coming = v;
    try {
      v.pages = await Promise.all(Array.from({ length: doc.numPages }, (_x, i) => doc.getPage(i + 1)));
      if (stale()) return false;
      const width = Math.max(320, this.pages.clientWidth - 40);
      for (const page of v.pages) {
        const base = page.getViewport({ scale: 1 });
        // Portrait and landscape pages alike fit the pane's width.
        const viewport = page.getViewport({ scale: Math.min(width / base.width, 2) });
        v.viewports.push(viewport);
        v.boxes.push(this.box(page.pageNumber, viewport));
      }
      const anchor = this.anchor();
      const first = this.inViewAfterSwap(v, anchor).map((i) => this.draw(v, i));
      // Not awaited before the swap: a draw cancelled meanwhile must not surface as an unhandled error.
      for (const d of first) d.text.catch(() => undefined);
      await Promise.all(first.map((d) => d.picture));
      if (stale()) return false;
      // Swap every page at once: the ones in view drawn, the others blank until drawn.
      this.coming = undefined;
      const old = this.shown;
      this.shown = v;
      this.version++;
      for (const b of v.boxes) b.dataset.version = String(this.version);
      this.pages.replaceChildren(...v.boxes);
      if (anchor) {
        const box = v.boxes[Math.min(anchor.index, v.boxes.length - 1)]!;
        this.pages.scrollTop += box.getBoundingClientRect().top - this.pages.getBoundingClientRect().top - anchor.offset;
      }
      this.pages.dataset.version = String(this.version);
      if (old) this.drop(old);
      this.say(`${w('previewPages', { n: doc.numPages })} · ${w('previewUpdated', { t: new Date().toLocaleTimeString(document.documentElement.lang === 'vi' ? 'vi-VN' : 'en-GB') })}`);
      // The pages in view get their text, then the others are drawn.
      void Promise.all(first.map((d) => d.text)).then(() => this.later(v), () => undefined);
      return true;
    } catch (e) {
      if (stale()) return false; // a draw cancelled by a newer version
      if (this.coming === v) this.coming = undefined;
      this.drop(v);
      throw e;
    }
  }

  /** Stop drawing: for a preview that is taken off the page. */
  close(): void {
    this.generation++;
    if (this.coming) this.drop(this.coming);
    if (this.shown) this.drop(this.shown);
    this.coming = this.shown = undefined;
  }

  /** Cancel a version's pending draws (its pages already drawn stay). */
  private stop(v: Version): void {
    v.cancelled = true;
    v.idle?.();
    for (const t of v.tasks) t.cancel();
    v.tasks.clear();
  }

  private drop(v: Version): void {
    this.stop(v);
    void v.doc.destroy();
  }

  /** The first page in view and how far its top is from the pane's, to keep it there across the swap. */
  private anchor(): { index: number; offset: number } | undefined {
    const pane = this.pages.getBoundingClientRect();
    const boxes = [...this.pages.querySelectorAll<HTMLElement>(':scope > .page')];
    const index = boxes.findIndex((b) => {
      const r = b.getBoundingClientRect();
      return r.bottom > pane.top && r.top < pane.bottom;
    });
    return index < 0 ? undefined : { index, offset: boxes[index]!.getBoundingClientRect().top - pane.top };
  }

  /** The pages (0-based) that will be in view once the new version takes the old one's place. */
  private inViewAfterSwap(v: Version, anchor: { index: number; offset: number } | undefined): number[] {
    const height = this.pages.clientHeight;
    const gap = 16; // .page's bottom margin
    const out: number[] = [];
    let i = anchor ? Math.min(anchor.index, v.boxes.length - 1) : 0;
    let top = anchor ? anchor.offset : parseFloat(getComputedStyle(this.pages).paddingTop) || 0;
    for (; i < v.boxes.length && top < height; i++) {
      out.push(i);
      top += Math.floor(v.viewports[i]!.height) + gap;
    }
    return out.length ? out : [0];
  }

  private box(n: number, viewport: PageViewport): HTMLElement {
    const text = h('div', { class: 'textLayer' });
    text.style.setProperty('--scale-factor', String(viewport.scale));
    const box = h('div', { class: 'page', 'data-page': n, role: 'region', 'aria-label': w('page', { n }) }, text);
    box.style.width = `${Math.floor(viewport.width)}px`;
    box.style.height = `${Math.floor(viewport.height)}px`;
    return box;
  }

  /**
   * Draw one page: its picture off-screen, put in place when complete (`picture`), then its text
   * layer (`text`, which settles once both are done). The text is laid out after the picture so
   * that the two do not share the page's thread while the clerk waits for the page in view.
   */
  private draw(v: Version, i: number): { picture: Promise<void>; text: Promise<void> } {
    const page = v.pages[i]!;
    const viewport = v.viewports[i]!;
    const box = v.boxes[i]!;
    const ratio = window.devicePixelRatio || 1;
    const canvas = h('canvas', { width: Math.floor(viewport.width * ratio), height: Math.floor(viewport.height * ratio), 'aria-hidden': 'true' });
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const task = page.render({ canvasContext: canvas.getContext('2d')!, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
    v.tasks.add(task);
    const picture = task.promise.finally(() => v.tasks.delete(task)).then(() => {
      canvas.dataset.drawn = 'true';
      box.querySelector('canvas')?.remove(); // a page drawn again after its text was cancelled
      box.prepend(canvas);
    });
    // The worker reads the text while the picture is drawn; it is laid out after.
    const content = page.getTextContent();
    content.catch(() => undefined);
    const text = picture.then(async () => {
      const textContentSource = await content;
      if (v.cancelled) throw new Error('cancelled');
      const container = box.querySelector<HTMLElement>('.textLayer')!;
      container.replaceChildren(); // what a cancelled layer left
      const layer = new TextLayer({ textContentSource, container, viewport });
      v.tasks.add(layer);
      try {
        await layer.render();
      } finally {
        v.tasks.delete(layer);
      }
      box.dataset.text = 'true';
      v.drawn.add(i);
      this.followLater();
    });
    return { picture, text };
  }

  /** Draw the pages not drawn yet, one per idle moment, the nearest to the view first. */
  private later(v: Version): void {
    const next = () => {
      v.idle = undefined;
      if (v.cancelled || this.shown !== v) return;
      const i = this.nearest(v);
      if (i === undefined) {
        this.pages.dataset.drawn = this.pages.dataset.version;
        this.pendingFollow = [];
        return;
      }
      this.draw(v, i).text.then(() => this.later(v), () => undefined); // cancelled by a newer version
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(next, { timeout: 100 });
      v.idle = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(next, 16);
      v.idle = () => clearTimeout(id);
    }
  }

  private nearest(v: Version): number | undefined {
    const pane = this.pages.getBoundingClientRect();
    let best: number | undefined;
    let bestGap = Infinity;
    v.boxes.forEach((b, i) => {
      if (v.drawn.has(i)) return;
      const r = b.getBoundingClientRect();
      const gap = Math.max(0, pane.top - r.bottom, r.top - pane.bottom);
      if (gap < bestGap) {
        best = i;
        bestGap = gap;
      }
    });
    return best;
  }

  /**
   * Keep the page showing a value in view (the page under the field being edited): a page in view
   * holding it is enough; otherwise the first page that does is scrolled to, or, when no page has
   * its text yet, the first to get it.
   */
  follow(value: string, afterEdit = false): void {
    this.pendingFollow = [];
    // After an edit the value may have moved to another page; but a clerk who scrolled the preview
    // away while typing keeps the place chosen (until the next field is focused).
    if (afterEdit && this.scrolledByHand) return;
    this.scrolledByHand = false;
    this.pendingFollow = variants(value);
    this.followLater();
  }

  /** Bring the followed value's page into view, once the pages that may hold it have their text. */
  private followLater(): void {
    const wanted = this.pendingFollow;
    if (wanted.length === 0) return;
    const pages = [...this.pages.querySelectorAll<HTMLElement>(':scope > .page')];
    const read = pages.filter((p) => p.dataset.text);
    const holding = read.filter((p) => holds(p, wanted));
    const inView = pages.filter((p) => this.inView(p));
    if (holding.some((p) => this.inView(p))) {
      this.pendingFollow = [];
      return;
    }
    // Wait for the text of the pages in view: the value is most likely there.
    if (inView.some((p) => !read.includes(p))) return;
    if (holding[0]) {
      this.pendingFollow = [];
      this.bringIntoView(holding[0]);
    } else if (read.length === pages.length) {
      this.pendingFollow = [];
    }
  }

  private inView(el: HTMLElement): boolean {
    const pane = this.pages.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.bottom > pane.top + 40 && r.top < pane.bottom - 40;
  }

  /** Scroll the pane only, never the window around it. */
  private bringIntoView(page: HTMLElement): void {
    this.pages.scrollTop += page.getBoundingClientRect().top - this.pages.getBoundingClientRect().top - 12;
  }
}

function holds(page: HTMLElement, wanted: string[]): boolean {
  const text = (page.querySelector('.textLayer')?.textContent ?? '').replace(/\s+/g, ' ');
  return wanted.some((v) => text.includes(v));
}

/** How a value may read in the document: as typed, and a number with Vietnamese thousands dots. */
function variants(value: string): string[] {
  const v = value.trim().replace(/\s+/g, ' ');
  if (v.length < 2) return [];
  const out = [v.slice(0, 60)];
  if (/^\d{4,}$/.test(v)) out.push(Number(v).toLocaleString('vi-VN'));
  return out;
}
