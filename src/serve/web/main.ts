import type { CheckResponse, DeskProblem, DownloadFormat, FileEntry, KindForm, OpenedFile, SaveResponse, SheetAnswer, StartInfo, UiLang } from '../protocol.js';
import { ApiError, getJson, postBytes, postForFile, postJson } from './api.js';
import { debounceMs } from './debounce.js';
import { clear, h } from './dom.js';
import { Form, atField } from './form.js';
import { lang, setLang, w } from './i18n.js';
import { Preview } from './preview.js';

/**
 * The desk's page: a start page (kinds, data files, PDFs) and an editor (form beside its preview).
 * Routes live in the address's fragment (#/open/<file>, #/new/<kind>), so the browser's Back works.
 */

const app = document.getElementById('app')!;
const metaLang = document.querySelector<HTMLMetaElement>('meta[name="baocao-lang"]')?.content === 'en' ? 'en' : 'vi';
setLang((localStorage.getItem('baocao-lang') as UiLang | null) ?? metaLang);

let leaveGuard: (() => boolean) | undefined;

window.addEventListener('hashchange', () => void route());
window.addEventListener('beforeunload', (e) => {
  if (leaveGuard?.()) e.preventDefault();
});

function header(): HTMLElement {
  const switcher = h('div', { class: 'lang', role: 'group', 'aria-label': w('langSwitch') },
    ...(['vi', 'en'] as const).map((l) => h('button', {
      type: 'button', 'aria-pressed': String(lang() === l), lang: l,
      onclick: () => {
        localStorage.setItem('baocao-lang', l);
        setLang(l);
        void route(true);
      },
    }, l === 'vi' ? 'Tiếng Việt' : 'English')));
  return h('header', { class: 'top' },
    h('a', { href: '#/', class: 'brand' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, 'BC'), h('span', {}, 'baocao'), h('span', { class: 'sub' }, w('appName'))),
    switcher);
}

let current: Editor | undefined;

async function route(langChanged = false): Promise<void> {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  if (langChanged && current && (hash.startsWith('open/') || hash.startsWith('new/') || hash.startsWith('edit'))) {
    current.relabel();
    return;
  }
  if (current && !langChanged && current.isDirty() && !hash.startsWith('edit') && !confirm(w('leaveUnsaved'))) {
    history.replaceState(null, '', `#/edit`);
    return;
  }
  try {
    if (hash.startsWith('open/')) return await openEditor(await getJson<OpenedFile>(`/api/open?path=${encodeURIComponent(hash.slice(5))}`));
    if (hash.startsWith('new/')) return await openEditor(await getJson<OpenedFile>(`/api/new?kind=${encodeURIComponent(hash.slice(4))}`));
    if (hash === 'edit' && current) return;
    current = undefined;
    leaveGuard = undefined;
    await startPage();
  } catch (e) {
    clear(app);
    app.append(header(), h('main', { class: 'start' }, h('div', { class: 'notice error', role: 'alert' }, (e as Error).message), h('p', {}, h('a', { href: '#/' }, w('back')))));
  }
}

async function startPage(): Promise<void> {
  const info = await getJson<StartInfo>('/api/start');
  document.title = `baocao — ${w('appName')}`;
  clear(app);
  const kinds = h('ul', { class: 'kinds' }, ...info.kinds.map((k) =>
    h('li', {}, h('div', {}, h('strong', {}, k.title), h('code', {}, k.id)), h('a', { class: 'button', href: `#/new/${encodeURIComponent(k.id)}` }, w('newFrom')))));
  const data = info.files.filter((f) => f.type === 'data');
  const pdfs = info.files.filter((f) => f.type === 'pdf');
  const files = data.length === 0 ? h('p', { class: 'empty' }, w('noFiles')) : h('table', { class: 'files' },
    h('thead', {}, h('tr', {}, ...(['colFile', 'colKind', 'colDate', 'colSummary', 'colState'] as const).map((c) => h('th', { scope: 'col' }, w(c))), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, w('open'))))),
    h('tbody', {}, ...data.map((f) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/open/${encodeURIComponent(f.path)}` }, f.path)),
      h('td', { class: 'kind' }, f.kind ?? ''),
      h('td', { class: 'date' }, f.date ? formatDate(f.date) : h('span', { class: 'muted' }, w('draft'))),
      h('td', { class: 'summary' }, f.summary ?? ''),
      h('td', {}, stateBadge(f)),
      h('td', {}, h('a', { class: 'button small', href: `#/open/${encodeURIComponent(f.path)}`, 'aria-label': `${w('open')} ${f.path}` }, w('open')))))));
  const chooser = h('input', { type: 'file', accept: 'application/pdf,.pdf', id: 'pdf-file', class: 'visually-hidden', onchange: (e) => void openPdfUpload(e.target as HTMLInputElement) });
  const pdfList = pdfs.length === 0 ? h('p', { class: 'empty' }, w('noPdfs')) : h('ul', { class: 'pdfs' }, ...pdfs.map((p) =>
    h('li', {}, h('span', {}, p.path), h('button', { type: 'button', class: 'button small', 'aria-label': `${w('open')} ${p.path}`, onclick: () => void openPdfInFolder(p.path) }, w('open')))));
  app.append(header(), h('main', { class: 'start' },
    h('h1', {}, w('startTitle')),
    h('p', { class: 'folder' }, `${w('folder')}: `, h('code', {}, info.folder)),
    h('div', { id: 'start-message', role: 'alert' }),
    h('section', { 'aria-labelledby': 's-files' }, h('h2', { id: 's-files' }, w('filesTitle')), files),
    h('div', { class: 'columns' },
      h('section', { 'aria-labelledby': 's-new' }, h('h2', { id: 's-new' }, w('newTitle')), h('p', { class: 'hint' }, w('newHint')), kinds),
      h('section', { 'aria-labelledby': 's-pdf' }, h('h2', { id: 's-pdf' }, w('pdfTitle')), h('p', { class: 'hint' }, w('pdfHint')), pdfList,
        h('p', {}, chooser, h('label', { for: 'pdf-file', class: 'button secondary', tabindex: 0, onkeydown: (e) => { const k = (e as KeyboardEvent).key; if (k === 'Enter' || k === ' ') { e.preventDefault(); chooser.click(); } } }, w('pdfChoose'))))),
    h('footer', {}, `baocao ${info.version}`)));
  app.querySelector<HTMLElement>('h1')?.focus();
}

function stateBadge(f: FileEntry): HTMLElement {
  if (f.state === 'errors') return h('span', { class: 'badge error' }, w('stateErrors', { n: f.errors ?? 0 }));
  if (f.state === 'warnings') return h('span', { class: 'badge warn' }, w('stateWarnings', { n: f.warnings ?? 0 }));
  return h('span', { class: 'badge ok' }, w('stateOk'));
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function startMessage(text: string): void {
  const box = document.getElementById('start-message');
  if (box) {
    box.className = 'notice error';
    box.textContent = text;
  }
}

async function openPdfInFolder(path: string): Promise<void> {
  try {
    await openEditor(await postJson<OpenedFile>(`/api/extract?path=${encodeURIComponent(path)}`, {}));
  } catch (e) {
    startMessage((e as Error).message);
  }
}

async function openPdfUpload(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  try {
    await openEditor(await postBytes<OpenedFile>('/api/extract', await file.arrayBuffer()));
  } catch (e) {
    startMessage((e as Error).message);
  }
}

async function openEditor(file: OpenedFile): Promise<void> {
  if (file.problems && file.problems.length > 0) {
    clear(app);
    app.append(header(), h('main', { class: 'start' },
      h('h1', {}, w('cannotOpen')), h('p', {}, h('code', {}, file.path)),
      h('ul', { class: 'problem-list', role: 'alert' }, ...file.problems.map((p) => h('li', {}, p.line ? `${p.line}: ${p.message}` : p.message))),
      h('p', {}, h('a', { href: '#/' }, w('back')))));
    return;
  }
  const form = await getJson<KindForm>(`/api/form?kind=${encodeURIComponent(file.kind)}`);
  current = new Editor(file, form);
  leaveGuard = () => current?.isDirty() ?? false;
  if (!location.hash.startsWith('#/open/') || !file.exists) history.replaceState(null, '', file.exists ? `#/open/${encodeURIComponent(file.path)}` : '#/edit');
}

class Editor {
  private data: Record<string, unknown>;
  private savedJson: string;
  private form!: Form;
  private preview = new Preview();
  private timer: number | undefined;
  private lastEdit = -Infinity;
  private seq = 0;
  private shownSeq = 0;
  private readonly doc = Math.random().toString(36).slice(2);
  private summary!: HTMLElement;
  private stateEl!: HTMLElement;
  private countEl!: HTMLButtonElement;
  private pathInput!: HTMLInputElement;
  private problems: DeskProblem[] = [];
  private lastFocused = '';

  constructor(private file: OpenedFile, private readonly kindForm: KindForm) {
    this.data = structuredClone(file.data) as Record<string, unknown>;
    this.savedJson = file.exists ? JSON.stringify(this.data) : '';
    this.build();
    this.schedule(0);
  }

  isDirty(): boolean {
    return JSON.stringify(this.data) !== this.savedJson;
  }

  relabel(): void {
    this.preview.close();
    this.preview = new Preview();
    this.build();
    this.schedule(0);
  }

  private build(): void {
    document.title = `${this.file.path} — baocao`;
    clear(app);
    this.form = new Form(this.kindForm.fields, {
      data: this.data,
      changed: () => {
        this.markState();
        this.schedule();
      },
      focused: (value) => {
        this.lastFocused = value;
        this.preview.follow(value);
      },
      readSheet: async (path, file) => {
        const legacy = this.data.legacyEncoding;
        const q = new URLSearchParams({ kind: this.kindForm.kind, field: path.join('.'), name: file.name, ...(typeof legacy === 'string' ? { legacy } : {}) });
        return postBytes<SheetAnswer>(`/api/sheet?${q}`, await file.arrayBuffer(), 'application/octet-stream');
      },
      note: (text) => this.flash(text),
    });
    // The page under the field being edited is found by the value as it now reads.
    this.form.root.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement | HTMLTextAreaElement;
      if (t && typeof t.value === 'string' && !(t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'file'))) this.lastFocused = t.value;
    });
    this.form.root.addEventListener('pasted', (e) => this.flash(w('pastedRows', { n: (e as CustomEvent<number>).detail })));
    this.summary = h('div', { class: 'summary-box', id: 'problem-summary', tabindex: -1 });
    this.stateEl = h('span', { class: 'save-state', role: 'status', 'aria-live': 'polite' });
    // Always in sight: how many problems remain, a click away from their list.
    this.countEl = h('button', {
      type: 'button', class: 'count-badge', hidden: true,
      onclick: () => {
        this.summary.scrollIntoView({ block: 'start' });
        this.summary.focus();
      },
    });
    this.pathInput = h('input', { id: 'file-path', type: 'text', value: this.file.path, readonly: this.file.exists, spellcheck: 'false', autocomplete: 'off' });
    const dl = (format: DownloadFormat, word: Parameters<typeof w>[0]) => h('button', { type: 'button', class: 'button secondary', 'data-download': format, onclick: () => void this.download(format) }, w(word));
    const bar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': this.kindForm.title },
      h('a', { href: '#/', class: 'back' }, w('back')),
      h('div', { class: 'file' }, h('label', { for: 'file-path' }, w('fileName')), this.pathInput, this.stateEl, this.countEl),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button primary', id: 'save', onclick: () => void this.save(), title: w('shortcuts') }, w('save')),
        h('span', { class: 'dl-label', id: 'dl-label' }, `${w('download')}:`),
        h('span', { role: 'group', 'aria-labelledby': 'dl-label', class: 'downloads' }, dl('pdf', 'downloadPdf'), dl('docx', 'downloadDocx'), dl('eml', 'downloadEml'), dl('zip', 'downloadZip'))));
    const flash = h('div', { id: 'flash', class: 'flash', role: 'status', 'aria-live': 'polite' });
    const formPane = h('section', { class: 'form-pane', 'aria-labelledby': 'doc-title' },
      h('h1', { id: 'doc-title' }, this.kindForm.title), this.summary, this.form.root);
    app.append(header(), bar, flash, h('main', { class: 'editor' }, formPane, this.preview.root));
    this.markState();
    document.onkeydown = (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void this.save();
      }
    };
  }

  private markState(): void {
    const dirty = this.isDirty();
    this.stateEl.textContent = !this.file.exists ? w('newFile') : dirty ? w('unsaved') : w('saved');
    this.stateEl.className = `save-state ${dirty || !this.file.exists ? 'dirty' : 'clean'}`;
  }

  private flash(text: string, kind: 'info' | 'error' = 'info'): void {
    const box = document.getElementById('flash');
    if (!box) return;
    box.textContent = text;
    box.className = `flash ${kind} visible`;
    window.clearTimeout(Number(box.dataset.timer));
    box.dataset.timer = String(window.setTimeout(() => box.classList.remove('visible'), kind === 'error' ? 12000 : 4000));
  }

  /** Check and render after a pause (an edit's), or after `delay` ms. */
  private schedule(delay?: number): void {
    if (delay === undefined) {
      const now = performance.now();
      delay = debounceMs(now - this.lastEdit);
      this.lastEdit = now;
    }
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.check(), delay);
  }

  private body() {
    return { path: this.pathInput.value.trim() || this.file.path, base: this.file.base, data: this.data };
  }

  /** Validate (and, when valid, render) the newest data; answers to older edits are ignored. */
  private async check(): Promise<void> {
    const mine = ++this.seq;
    if (this.preview.pages.childElementCount > 0) this.preview.say(w('previewRendering'));
    let r: CheckResponse;
    const asked = performance.now();
    try {
      // The name being typed for a new file does not matter to the preview: the opened one does.
      r = await postJson<CheckResponse>('/api/check', { ...this.body(), path: this.file.path, doc: this.doc, lang: lang(), preview: true });
      document.body.dataset.checkMs = String(Math.round(performance.now() - asked));
    } catch (e) {
      if (mine === this.seq) this.preview.say((e as Error).message, 'error');
      return;
    }
    if (mine < this.shownSeq || r.superseded) return;
    this.shownSeq = mine;
    this.problems = [...r.problems, ...r.warnings];
    this.showProblems();
    if (!r.ok) {
      this.preview.say(this.preview.pages.childElementCount ? w('previewKept') : w('previewNone'), 'warn');
      return;
    }
    if (r.renderError) {
      this.preview.say(r.renderError, 'error');
      return;
    }
    if (r.pdf) {
      const text = atob(r.pdf);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      const drawing = performance.now();
      if (await this.preview.show(bytes)) {
        // Timings for the benchmark (bench/serve.mjs): request round trip, drawing, server render.
        document.body.dataset.drawMs = String(Math.round(performance.now() - drawing));
        document.body.dataset.previewMs = String(r.ms ?? '');
        if (this.lastFocused) this.preview.follow(this.lastFocused, true);
      }
    }
  }

  private showProblems(): void {
    const placed = this.form.showProblems(this.problems);
    clear(this.summary);
    const errors = placed.filter((p) => p.problem.severity === 'error');
    const warnings = placed.filter((p) => p.problem.severity === 'warning');
    const list = (items: typeof placed) => h('ul', {}, ...items.map(({ problem, target, label }) =>
      h('li', {}, h('a', {
        href: '#', onclick: (e) => {
          e.preventDefault();
          const input = target?.querySelector<HTMLElement>('input, textarea, select') ?? target;
          input?.scrollIntoView({ block: 'center' });
          input?.focus();
        },
      }, ...sayAt(label, problem.message, target)))));
    if (errors.length) this.summary.append(h('div', { class: 'notice error', role: 'alert' }, h('h2', {}, w('problemsTitle', { n: errors.length })), list(errors)));
    if (warnings.length) this.summary.append(h('div', { class: 'notice warn' }, h('h2', {}, w('warningsTitle', { n: warnings.length })), list(warnings)));
    if (!errors.length && !warnings.length) this.summary.append(h('p', { class: 'notice ok' }, w('noProblems')));
    this.countEl.hidden = errors.length === 0;
    this.countEl.textContent = w('stateErrors', { n: errors.length });
  }

  private async save(force = false): Promise<void> {
    window.clearTimeout(this.timer);
    const body = this.body();
    let r: SaveResponse;
    try {
      r = await postJson<SaveResponse>('/api/save', { ...body, hash: this.file.hash, force });
    } catch (e) {
      this.flash((e as Error).message, 'error');
      return;
    }
    if (r.conflict) {
      if (confirm(`${r.message}\n\n${w('overwrite')}`)) return this.save(true);
      this.flash(w('notOverwritten'), 'error');
      return;
    }
    this.file = { ...this.file, path: body.path, exists: true, hash: r.hash ?? null, base: r.base ?? this.file.base };
    this.savedJson = JSON.stringify(this.data);
    this.pathInput.readOnly = true;
    history.replaceState(null, '', `#/open/${encodeURIComponent(this.file.path)}`);
    document.title = `${this.file.path} — baocao`;
    this.markState();
    this.flash(r.message, r.problems?.length ? 'error' : 'info');
    this.schedule(0);
  }

  private async download(format: DownloadFormat): Promise<void> {
    this.flash(w('downloadWorking'));
    try {
      const { name, blob } = await postForFile('/api/download', { ...this.body(), format, lang: lang() });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.flash(name);
    } catch (e) {
      const problems = e instanceof ApiError ? (e.body.problems as DeskProblem[] | undefined) : undefined;
      if (problems) {
        this.problems = problems;
        this.showProblems();
      }
      this.flash((e as Error).message, 'error');
    }
  }
}

/** A problem in the list at the top: its field's label first, unless the message already names the field (one the kind does not have). */
function sayAt(label: string, message: string, target: HTMLElement | null): string[] {
  if (!label || target?.matches('.field-unknown')) return [message];
  return [`${label}: `, atField(message)];
}

void route();
