import type { DeskProblem, FormField, SheetAnswer } from '../protocol.js';
import { clear, h } from './dom.js';
import { w } from './i18n.js';

/**
 * The form generated from the kind's fields (server: src/serve/form.ts). Every input writes into one
 * data object at its path; the form never holds a second copy. Each field's wrapper carries its
 * path in data-path, so a problem of the validator lands on the nearest field of its path.
 */

export type Path = (string | number)[];

const SCALARS = new Set(['text', 'year', 'date', 'integer', 'number', 'boolean', 'enum']);
const QUALIFIERS = ['trên', 'hơn', 'gần', 'khoảng'];

export interface FormHost {
  data: Record<string, unknown>;
  changed(): void;
  focused(value: string): void;
  /** Read an uploaded spreadsheet into the records of the list at `path` (server: src/serve/sheet.ts). */
  readSheet?(path: Path, file: File): Promise<SheetAnswer>;
  /** A short note for the clerk (the toolbar's flash). */
  note?(text: string): void;
}

let seq = 0;
const idOf = (path: Path) => `f-${path.join('-').replace(/[^\w-]/g, '_')}-${++seq}`;
const pathKey = (path: Path) => path.join('.');

export function getAt(root: unknown, path: Path): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

export function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  let cur: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    let next = cur[seg];
    if (next === null || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? [] : {};
      cur[seg] = next;
    }
    cur = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(cur)) delete cur[last];
  else cur[last] = value;
}

const empty = (f: FormField) => (f.nullable ? null : undefined);

/** What an input's text means for the data: a number where one is expected, otherwise the text (the validator then says why). */
export function parseInput(f: FormField, raw: string): unknown {
  const s = f.type === 'prose' || f.type === 'text' ? raw : raw.trim();
  if (s === '') return empty(f);
  switch (f.type) {
    case 'integer':
    case 'year': {
      // Thousands written the Vietnamese way ("2.130") or with spaces ("2 130").
      const digits = /^-?\d{1,3}([. \u00a0]\d{3})+$/.test(s) ? s.replace(/[. \u00a0]/g, '') : s;
      return /^-?\d+$/.test(digits) ? Number(digits) : s;
    }
    case 'number': {
      const n = Number(/^-?\d+,\d+$/.test(s) ? s.replace(',', '.') : s);
      return Number.isFinite(n) ? n : s;
    }
    default:
      return s;
  }
}

export function shown(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export class Form {
  readonly root: HTMLElement;
  /** What the last sheet read for a list said (cell by cell), kept across re-renders until the next one. */
  private readonly sheetNotes = new Map<string, SheetAnswer['problems']>();

  constructor(private readonly fields: FormField[], private readonly host: FormHost) {
    this.root = h('div', { class: 'form' });
    this.render();
  }

  render(): void {
    clear(this.root);
    for (const f of this.fields) this.root.append(this.field(f, f.key ? [f.key] : [], 0));
    // The top level's own keys: the fields, the settings group's, and what the form never shows.
    const known = new Set(['kind', '$schema']);
    for (const f of this.fields) for (const k of f.key ? [f.key] : (f.fields ?? []).map((c) => c.key)) known.add(k);
    const strays = this.unknown([], known);
    if (strays.length) this.root.append(h('fieldset', { class: 'group unknown-group depth-0' }, h('legend', {}, w('unknownTitle')), h('p', { class: 'hint' }, w('unknownHint')), ...strays));
  }

  /**
   * Keys of the data at `path` that the kind does not declare (a misspelt name, a field of an older
   * kind): shown with their value and a button that removes them, so the validator's "not in the
   * template" problem has a field to sit at and a way to be fixed without a text editor.
   */
  private unknown(path: Path, known: Set<string>): HTMLElement[] {
    const value = getAt(this.data, path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    return Object.keys(value).filter((k) => !known.has(k)).map((k) => {
      const at = [...path, k];
      const id = idOf(at);
      const shownValue = h('input', { id, type: 'text', readonly: true, class: 'stray-value', 'aria-label': w('unknownValue', { k }), 'data-input': pathKey(at) });
      shownValue.value = shown((value as Record<string, unknown>)[k]);
      return h('div', { class: 'field field-unknown', 'data-path': pathKey(at) },
        h('span', { class: 'label' }, h('code', {}, k)),
        h('div', { class: 'stray' }, shownValue, this.removeButton(at, k, 'button small danger')),
        this.slot());
    });
  }

  /** "Xóa trường": the key leaves the data (and the file, on save); the keyboard lands on the enclosing part. */
  private removeButton(path: Path, name: string, cls = 'link-button'): HTMLElement {
    return h('button', {
      type: 'button', class: cls, 'aria-label': w('removeFieldOf', { k: name }), 'data-remove': pathKey(path),
      onclick: () => {
        this.set(path, undefined);
        this.render();
        const parent = path.slice(0, -1);
        const holder = parent.length ? this.root.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(parent))}"]`) : null;
        (holder?.querySelector<HTMLElement>('input, select, textarea, button') ?? this.root.querySelector<HTMLElement>('input, select, textarea, button'))?.focus();
      },
    }, w('removeField'));
  }

  private get data() {
    return this.host.data;
  }

  private set(path: Path, value: unknown): void {
    setAt(this.data, path, value);
    this.host.changed();
  }

  private label(f: FormField, id: string, extra?: string): HTMLElement {
    return h('label', { for: id, class: 'label' }, f.label, extra ? ` ${extra}` : '', f.required ? h('span', { class: 'req', title: w('required'), 'aria-hidden': 'true' }, ' *') : '');
  }

  private hint(f: FormField, id: string): HTMLElement | null {
    const parts = [f.hint, f.unit ? w('unit', { u: f.unit }) : undefined].filter(Boolean);
    return parts.length ? h('p', { class: 'hint', id: `${id}-hint` }, parts.join(' · ')) : null;
  }

  private slot(): HTMLElement {
    return h('ul', { class: 'problems', 'aria-live': 'polite' });
  }

  private field(f: FormField, path: Path, depth: number): HTMLElement {
    if (f.type === 'object') return this.object(f, path, depth);
    if (f.type === 'list') return this.list(f, path, depth);
    if (f.type === 'quantity') return this.quantity(f, path);
    const id = idOf(path);
    const wrap = h('div', { class: `field field-${f.type}`, 'data-path': pathKey(path) });
    const hint = this.hint(f, id);
    wrap.append(this.label(f, id), this.input(f, path, id, hint ? `${id}-hint` : undefined), ...(hint ? [hint] : []), ...this.removable(f, path), this.slot());
    return wrap;
  }

  /** An optional field the file has (even as null) can be taken out of it altogether. */
  private removable(f: FormField, path: Path): HTMLElement[] {
    if (f.required || !f.key || getAt(this.data, path) === undefined) return [];
    return [h('div', { class: 'remove-field' }, this.removeButton(path, f.label))];
  }

  /** One input for a scalar field, bound to its path. */
  private input(f: FormField, path: Path, id: string, describedBy?: string, ariaLabel?: string): HTMLElement {
    const value = getAt(this.data, path);
    const common = { id, 'aria-describedby': describedBy, 'aria-label': ariaLabel, 'data-input': pathKey(path) };
    const focus = (e: Event) => this.host.focused((e.target as HTMLInputElement).value);
    if (f.type === 'boolean') {
      return h('input', { ...common, type: 'checkbox', checked: value === true, onchange: (e) => this.set(path, (e.target as HTMLInputElement).checked) });
    }
    if (f.type === 'enum') {
      const select = h('select', { ...common, onchange: (e) => this.set(path, parseInput(f, (e.target as HTMLSelectElement).value)), onfocus: focus });
      if (!f.required || f.nullable || value === undefined) select.append(h('option', { value: '' }, w('notChosen')));
      for (const v of f.values ?? []) select.append(h('option', { value: v, selected: v === value }, v));
      return select;
    }
    if (f.type === 'prose') {
      const area = h('textarea', { ...common, rows: 3, oninput: (e) => { grow(e.target as HTMLTextAreaElement); this.set(path, parseInput(f, (e.target as HTMLTextAreaElement).value)); }, onfocus: focus });
      area.value = shown(value);
      requestAnimationFrame(() => grow(area));
      return area;
    }
    const numeric = f.type === 'integer' || f.type === 'year' || f.type === 'number';
    const input = h('input', {
      ...common,
      type: f.type === 'date' ? 'date' : 'text',
      inputmode: numeric ? (f.type === 'number' ? 'decimal' : 'numeric') : undefined,
      class: numeric ? 'num' : f.type === 'year' ? 'num' : undefined,
      autocomplete: 'off',
      spellcheck: f.type === 'text' ? 'true' : undefined,
      oninput: (e) => this.set(path, parseInput(f, (e.target as HTMLInputElement).value)),
      onfocus: focus,
    });
    input.value = shown(value);
    return input;
  }

  private object(f: FormField, path: Path, depth: number): HTMLElement {
    const set = h('fieldset', { class: `group depth-${Math.min(depth, 3)}`, 'data-path': pathKey(path) });
    const legend = h('legend', {}, f.label);
    set.append(legend);
    if (f.hint) set.append(h('p', { class: 'hint' }, f.hint));
    set.append(this.slot());
    const present = f.key === '' || f.required || getAt(this.data, path) !== undefined;
    if (!f.required && f.key !== '') {
      const id = idOf(path);
      const box = h('input', {
        type: 'checkbox', id, checked: present,
        onchange: (e) => {
          this.set(path, (e.target as HTMLInputElement).checked ? {} : undefined);
          this.render();
        },
      });
      set.append(h('div', { class: 'include' }, box, h('label', { for: id }, w('include'))));
    }
    if (present) {
      for (const c of f.fields ?? []) set.append(this.field(c, [...path, c.key], depth + 1));
      if (path.length > 0) set.append(...this.unknown(path, new Set((f.fields ?? []).map((c) => c.key))));
    }
    return set;
  }

  private list(f: FormField, path: Path, depth: number): HTMLElement {
    const items = f.items!;
    const grid = items.type === 'object' && (items.fields ?? []).every((c) => SCALARS.has(c.type));
    const set = h('fieldset', { class: `group list depth-${Math.min(depth, 3)}`, 'data-path': pathKey(path) });
    set.append(h('legend', {}, f.label, f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : ''));
    if (f.hint) set.append(h('p', { class: 'hint' }, f.hint));
    set.append(this.slot());
    const list = (): unknown[] => {
      const v = getAt(this.data, path);
      return Array.isArray(v) ? v : [];
    };
    const update = (next: unknown[], focusIndex?: number) => {
      this.set(path, next.length === 0 && !f.required ? undefined : next);
      this.render();
      if (focusIndex !== undefined) {
        const target = this.root.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey([...path, focusIndex]))}"] :is(input, textarea, select), [data-input^="${CSS.escape(pathKey([...path, focusIndex]))}"]`);
        target?.focus();
      }
    };
    const controls = (i: number, n: number, what: string) =>
      h('span', { class: 'row-actions' },
        h('button', { type: 'button', class: 'icon', 'aria-label': `${w('moveUp')}: ${what}`, title: w('moveUp'), disabled: i === 0, onclick: () => { const l = [...list()]; [l[i - 1], l[i]] = [l[i], l[i - 1]]; update(l, i - 1); } }, '↑'),
        h('button', { type: 'button', class: 'icon', 'aria-label': `${w('moveDown')}: ${what}`, title: w('moveDown'), disabled: i === n - 1, onclick: () => { const l = [...list()]; [l[i + 1], l[i]] = [l[i], l[i + 1]]; update(l, i + 1); } }, '↓'),
        h('button', { type: 'button', class: 'icon danger', 'aria-label': `${w('remove')}: ${what}`, title: w('remove'), onclick: () => { const l = [...list()]; l.splice(i, 1); update(l); } }, '✕'),
      );
    const add = () => {
      const l = [...list(), items.type === 'object' ? {} : items.type === 'text' || items.type === 'prose' ? '' : null];
      update(l, l.length - 1);
    };
    const values = list();
    if (grid) {
      set.append(this.grid(items, path, values, controls, update));
    } else {
      const ol = h('ol', { class: 'rows' });
      values.forEach((_v, i) => {
        const what = w('item', { n: i + 1 });
        const itemPath = [...path, i];
        if (items.type === 'object' || items.type === 'list' || items.type === 'quantity') {
          const inner = this.field({ ...items, label: what }, itemPath, depth + 1);
          ol.append(h('li', { class: 'row' }, inner, controls(i, values.length, what)));
        } else {
          const id = idOf(itemPath);
          const cell = h('div', { class: `field field-${items.type}`, 'data-path': pathKey(itemPath) }, this.input(items, itemPath, id, undefined, `${f.label} — ${what}`), this.slot());
          ol.append(h('li', { class: 'row' }, cell, controls(i, values.length, what)));
        }
      });
      set.append(ol);
    }
    set.append(h('button', { type: 'button', class: 'add', onclick: add }, `+ ${grid ? w('addRow') : w('add')}`));
    return set;
  }

  /** A list of records as a table, one input per cell; a paste of tab-separated rows fills it. */
  private grid(items: FormField, path: Path, values: unknown[], controls: (i: number, n: number, what: string) => HTMLElement, update: (l: unknown[], focus?: number) => void): HTMLElement {
    const cols = items.fields ?? [];
    const table = h('table', { class: 'grid' });
    const head = h('tr', {}, h('th', { scope: 'col', class: 'n' }, '#'));
    for (const c of cols) head.append(h('th', { scope: 'col', title: c.hint ?? '' }, c.label, c.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : ''));
    head.append(h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, w('moveUp'))));
    table.append(h('thead', {}, head));
    const body = h('tbody');
    values.forEach((_v, r) => {
      const tr = h('tr', { 'data-path': pathKey([...path, r]) }, h('th', { scope: 'row', class: 'n' }, String(r + 1)));
      cols.forEach((c, ci) => {
        const cellPath = [...path, r, c.key];
        const id = idOf(cellPath);
        const input = this.input(c, cellPath, id, undefined, `${c.label}, ${w('row', { n: r + 1 })}`);
        input.addEventListener('paste', (e) => this.paste(e as ClipboardEvent, cols, path, r, ci, update));
        tr.append(h('td', { 'data-path': pathKey(cellPath), class: c.type === 'text' ? 'text-cell' : undefined }, input, this.slot()));
      });
      tr.append(h('td', { class: 'actions' }, controls(r, values.length, w('row', { n: r + 1 }))));
      body.append(tr);
    });
    table.append(body);
    return h('div', { class: 'grid-wrap' }, table, h('p', { class: 'hint' }, w('gridPaste')), ...(this.host.readSheet ? [this.sheetPicker(path, values.length, update)] : []));
  }

  /**
   * "Lấy các dòng từ bảng tính": an XLSX, ODS or CSV file read by the server with the CLI's column
   * mapping; its rows replace the grid's, or its problems (named by sheet and cell) show here.
   */
  private sheetPicker(path: Path, rows: number, update: (l: unknown[], focus?: number) => void): HTMLElement {
    const key = pathKey(path);
    const id = idOf([...path, 'sheet']);
    const notes = h('ul', { class: 'sheet-problems', 'aria-live': 'polite', id: `${id}-notes` });
    for (const p of this.sheetNotes.get(key) ?? []) notes.append(h('li', { class: p.severity }, `${p.place}: ${p.message}`));
    const input = h('input', {
      type: 'file', id, class: 'visually-hidden', tabindex: -1, 'aria-label': w('sheetChoose'),
      accept: '.xlsx,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,text/csv',
      onchange: () => void (async () => {
        const file = input.files?.[0];
        input.value = '';
        if (!file) return;
        let answer: SheetAnswer;
        try {
          answer = await this.host.readSheet!(path, file);
        } catch (e) {
          answer = { ok: false, records: [], problems: [{ place: file.name, message: (e as Error).message, severity: 'error' }] };
        }
        this.sheetNotes.set(key, answer.problems);
        if (!answer.ok) {
          clear(notes);
          for (const p of answer.problems) notes.append(h('li', { class: p.severity }, `${p.place}: ${p.message}`));
          return;
        }
        if (rows > 0 && !confirm(w('sheetReplace', { n: rows, m: answer.records.length }))) return;
        update(answer.records, 0);
        this.host.note?.(w('sheetRead', { n: answer.records.length, f: file.name }));
      })(),
    });
    return h('div', { class: 'sheet-in' }, input,
      h('button', { type: 'button', class: 'button secondary small', 'data-sheet': key, 'aria-describedby': `${id}-hint ${id}-notes`, onclick: () => input.click() }, w('sheetChoose')),
      h('span', { class: 'hint', id: `${id}-hint` }, w('sheetHint')),
      notes);
  }

  private paste(e: ClipboardEvent, cols: FormField[], path: Path, row: number, col: number, update: (l: unknown[], focus?: number) => void): void {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // one cell: the browser pastes it
    e.preventDefault();
    const rows = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
    const list = [...((getAt(this.data, path) as unknown[] | undefined) ?? [])];
    rows.forEach((cells, i) => {
      const r = row + i;
      const rec = { ...((list[r] as Record<string, unknown> | undefined) ?? {}) };
      cells.forEach((cell, j) => {
        const c = cols[col + j];
        if (!c) return;
        const v = c.type === 'boolean' ? /^(x|có|co|yes|true|1)$/i.test(cell.trim()) : parseInput(c, cell.trim());
        if (v === undefined) delete rec[c.key];
        else rec[c.key] = v;
      });
      list[r] = rec;
    });
    update(list, row + rows.length - 1);
    this.root.dispatchEvent(new CustomEvent('pasted', { bubbles: true, detail: rows.length }));
  }

  /** A figure: this year's value, last year's, and an optional qualifier (trên, hơn, gần, khoảng). */
  private quantity(f: FormField, path: Path): HTMLElement {
    const id = idOf(path);
    const raw = getAt(this.data, path);
    const obj: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...(raw as Record<string, unknown>) } : raw === undefined || raw === null ? {} : { value: raw };
    const write = () => {
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
      if (keys.length === 0) this.set(path, empty(f));
      else if (keys.length === 1 && keys[0] === 'value') this.set(path, obj.value);
      else this.set(path, { ...obj });
    };
    const numberField: FormField = { key: 'value', type: 'integer', label: '', required: false, nullable: false };
    const box = (key: 'value' | 'previous', label: string) => {
      const inputId = key === 'value' ? id : `${id}-${key}`;
      const input = h('input', {
        id: inputId, type: 'text', inputmode: 'numeric', class: 'num', autocomplete: 'off', 'data-input': pathKey([...path, key]),
        'aria-describedby': `${id}-hint`,
        oninput: (e) => { obj[key] = parseInput(numberField, (e.target as HTMLInputElement).value); write(); },
        onfocus: (e) => this.host.focused((e.target as HTMLInputElement).value),
      });
      input.value = shown(obj[key]);
      return h('span', { class: 'part', 'data-path': pathKey([...path, key]) }, h('label', { for: inputId, class: 'sub' }, label), input);
    };
    const q = h('select', { id: `${id}-q`, onchange: (e) => { const v = (e.target as HTMLSelectElement).value; obj.qualifier = v || undefined; write(); } },
      h('option', { value: '' }, w('exact')), ...QUALIFIERS.map((v) => h('option', { value: v, selected: obj.qualifier === v }, v)));
    const wrap = h('div', { class: 'field field-quantity', 'data-path': pathKey(path), role: 'group', 'aria-labelledby': `${id}-label` });
    wrap.append(
      h('span', { class: 'label', id: `${id}-label` }, f.label, f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : ''),
      h('div', { class: 'figure' }, box('value', w('figureValue')), box('previous', w('figurePrevious')),
        h('span', { class: 'part', 'data-path': pathKey([...path, 'qualifier']) }, h('label', { for: `${id}-q`, class: 'sub' }, w('figureQualifier')), q),
        f.unit ? h('span', { class: 'unit' }, f.unit) : ''),
      h('p', { class: 'hint', id: `${id}-hint` }, [f.hint].filter(Boolean).join(' ')),
      ...this.removable(f, path),
      this.slot(),
    );
    return wrap;
  }

  /** Put each problem next to the nearest field of its path; returns the elements, for the list at the top. */
  showProblems(problems: DeskProblem[]): { problem: DeskProblem; target: HTMLElement | null; label: string }[] {
    for (const s of this.root.querySelectorAll('.problems')) clear(s);
    for (const el of this.root.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
    for (const el of this.root.querySelectorAll('.has-problem, .has-warning')) el.classList.remove('has-problem', 'has-warning');
    return problems.map((problem) => {
      let target: HTMLElement | null = null;
      for (let i = problem.path.length; i >= 0 && !target; i--) {
        target = this.root.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(problem.path.slice(0, i)))}"]`);
      }
      if (target) {
        // A figure's part or a grid row has no slot of its own: the nearest enclosing field's.
        let holder: HTMLElement | null = target;
        while (holder && !holder.querySelector(':scope > .problems')) holder = holder.parentElement?.closest<HTMLElement>('[data-path]') ?? null;
        holder?.querySelector(':scope > .problems')?.append(h('li', { class: problem.severity }, atField(problem.message)));
        target.classList.add(problem.severity === 'error' ? 'has-problem' : 'has-warning');
        if (problem.severity === 'error') {
          // The input the problem is about: a figure's own value unless a part is named.
          const own = target.querySelector(':scope > input, :scope > textarea, :scope > select, :scope > .figure > .part:first-child > input');
          (target.matches('.part') ? target.querySelector('input, select') : own)?.setAttribute('aria-invalid', 'true');
        }
      }
      const label = target?.querySelector(':scope > .label, :scope > legend, :scope > label')?.textContent?.replace(/\s*\*$/, '') ?? target?.closest('[data-path]')?.querySelector('.label, legend')?.textContent ?? '';
      return { problem, target, label };
    });
  }
}

/**
 * Beside its field a problem need not name the field again: "trường "a.b": cần một số …" reads
 * "Cần một số …" there (the list at the top puts the field's label before it).
 */
export function atField(message: string): string {
  const m = /^(?:trường|field) "[^"]+": (.*)$/su.exec(message);
  if (!m) return message;
  return m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1);
}

function grow(area: HTMLTextAreaElement): void {
  area.style.height = 'auto';
  area.style.height = `${Math.max(area.scrollHeight + 2, 64)}px`;
}
