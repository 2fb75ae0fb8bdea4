/**
 * What the desk's server and its page say to each other: plain JSON shapes shared by both sides
 * (no Node and no DOM types here, so the front end's own tsconfig compiles this file too).
 */

export type UiLang = 'vi' | 'en';

export type FieldKind = 'text' | 'prose' | 'year' | 'date' | 'integer' | 'number' | 'boolean' | 'enum' | 'quantity' | 'object' | 'list';

/** One input of the generated form: from the kind's JSON Schema and its kind.yaml declaration. */
export interface FormField {
  /** Property name in the data ("" for a list's items). */
  key: string;
  type: FieldKind;
  /** The Vietnamese description, split into a label and the rest (examples, advice). */
  label: string;
  hint?: string;
  /** Absent is a problem (no `optional`, no `default`). */
  required: boolean;
  /** An empty input means null ("để trống (null)"). */
  nullable: boolean;
  values?: string[];
  unit?: string;
  min?: number;
  max?: number;
  /** object */
  fields?: FormField[];
  /** list */
  items?: FormField;
}

export interface KindForm {
  kind: string;
  title: string;
  /** The frame first, then the kind's fields in kind.yaml order, then the document settings. */
  fields: FormField[];
}

export interface KindInfo {
  id: string;
  title: string;
}

/** A problem of the data, worded by the same validator as `baocao validate`. */
export interface DeskProblem {
  path: (string | number)[];
  message: string;
  severity: 'error' | 'warning';
  code: string;
  line: number;
}

export interface FileEntry {
  /** Relative to the served folder, with "/" separators. */
  path: string;
  type: 'data' | 'pdf';
  kind?: string;
  date?: string | null;
  summary?: string;
  state?: 'ok' | 'warnings' | 'errors';
  errors?: number;
  warnings?: number;
}

export interface StartInfo {
  folder: string;
  version: string;
  lang: UiLang;
  kinds: KindInfo[];
  files: FileEntry[];
}

/** An opened data file (or a new one from a starter, or the data taken out of a PDF). */
export interface OpenedFile {
  /** Where it will be saved, relative to the folder. */
  path: string;
  /** Whether the file exists on disk (a new one is created by the first save). */
  exists: boolean;
  /** The text the edits are applied to (comments and order kept from it). */
  base: string;
  /** Hash of the file on disk when opened, to refuse overwriting a file changed since. */
  hash: string | null;
  kind: string;
  data: unknown;
  /** Problems of the file as it is, when it cannot be opened as a form (syntax error …). */
  problems?: DeskProblem[];
}

export interface CheckRequest {
  doc: string;
  path: string;
  base: string;
  data: unknown;
  lang: UiLang;
  preview: boolean;
}

export interface CheckResponse {
  ok: boolean;
  problems: DeskProblem[];
  warnings: DeskProblem[];
  /** base64 PDF of the preview, when valid and rendered. */
  pdf?: string;
  /** A newer edit of the same file arrived: this one was not rendered. */
  superseded?: boolean;
  /** Rendering failed or took too long: worded for the clerk; the last good preview stays. */
  renderError?: string;
  ms?: number;
}

export interface SaveRequest {
  path: string;
  base: string;
  data: unknown;
  /** The hash of the file when it was opened (null for a new file). */
  hash: string | null;
  /** Overwrite even though the file changed on disk (the clerk said so). */
  force?: boolean;
}

export interface SaveResponse {
  ok: boolean;
  /** The file changed on disk since it was opened (or exists, for a new file): ask first. */
  conflict?: boolean;
  message: string;
  hash?: string;
  base?: string;
  problems?: DeskProblem[];
}

export type DownloadFormat = 'pdf' | 'docx' | 'eml' | 'zip';

export interface DownloadRequest {
  path: string;
  base: string;
  data: unknown;
  format: DownloadFormat;
  lang: UiLang;
}

/** Every /api/ request carries this header with the page's token (a foreign page cannot read it). */
export const TOKEN_HEADER = 'x-baocao-token';

/** A sheet read for a list field's grid (POST /api/sheet): its rows as records, or why not, cell by cell. */
export interface SheetAnswer {
  ok: boolean;
  records: Record<string, unknown>[];
  /** "so-lieu-xa.xlsx, sheet Tổng hợp, ô D7" and what is wrong there; warnings (a totals row that differs) too. */
  problems: { place: string; message: string; severity: 'error' | 'warning' }[];
}
