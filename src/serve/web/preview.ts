import { GlobalWorkerOptions, TextLayer, getDocument } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { clear, h } from './dom.js';
import { w } from './i18n.js';

/**
 * The preview: the server's PDF drawn page by page with pdf.js (bundled, its worker served by the
 * desk), each page with its text layer so the text can be selected and read aloud. A new preview
 * is drawn off-screen and swapped in, keeping the scroll position; an older one still drawing
 * when a newer arrives is dropped.
 */
GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.js';

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

  async show(pdf: Uint8Array): Promise<boolean> {
    const mine = ++this.drawing;
    const doc = await getDocument({ data: pdf, isEvalSupported: false }).promise;
    const width = Math.max(320, this.pages.clientWidth - 40);
    const fresh: HTMLElement[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (mine !== this.drawing) {
        void doc.destroy();
        return false;
      }
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      // Portrait and landscape pages alike fit the pane's width.
      const viewport = page.getViewport({ scale: Math.min(width / base.width, 2) });
      const ratio = window.devicePixelRatio || 1;
      const canvas = h('canvas', { width: Math.floor(viewport.width * ratio), height: Math.floor(viewport.height * ratio), 'aria-hidden': 'true' });
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      const ctx = canvas.getContext('2d')!;
      await page.render({ canvasContext: ctx, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
      const text = h('div', { class: 'textLayer' });
      text.style.setProperty('--scale-factor', String(viewport.scale));
      const layer = new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport });
      await layer.render();
      const box = h('div', { class: 'page', 'data-page': n, role: 'region', 'aria-label': w('page', { n }) }, canvas, text);
      box.style.width = `${Math.floor(viewport.width)}px`;
      box.style.height = `${Math.floor(viewport.height)}px`;
      fresh.push(box);
    }
    if (mine !== this.drawing) {
      void doc.destroy();
      return false;
    }
    const top = this.pages.scrollTop;
    clear(this.pages);
    this.pages.append(...fresh);
    this.pages.scrollTop = top;
    void this.doc?.destroy();
    this.doc = doc;
    this.version++;
    this.pages.dataset.version = String(this.version);
    this.say(`${w('previewPages', { n: doc.numPages })} · ${w('previewUpdated', { t: new Date().toLocaleTimeString(document.documentElement.lang === 'vi' ? 'vi-VN' : 'en-GB') })}`);
    return true;
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
