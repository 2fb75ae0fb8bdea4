export type Lang = 'vi' | 'en';
export type Severity = 'error' | 'warning';
export type DataPath = (string | number)[];

export interface Position {
  line: number; // 1-based; 0 = no position (file-level problem such as "file not found")
  column: number; // 1-based; 0 = no position
}

export interface Problem extends Position {
  file: string;
  /** Field path in the data; [] for document/syntax level. Array indices are 0-based. */
  path: DataPath;
  /** Stable machine code: 'syntax', 'duplicate-key', 'io', 'encoding', 'empty', 'missing', 'type',
   * 'unknown-field', 'enum', 'too-small', 'too-big', 'format', 'multiple-of', 'union', 'invalid-key', 'custom'. */
  code: string;
  expected?: string;
  found?: string;
  message: string;
  severity: Severity;
}

export interface SourceDocument {
  file: string;
  /** The text as parsed (BOM already removed). */
  text: string;
  /** Plain JS data, every string (keys and values) NFC-normalised. */
  data: unknown;
  /** Position of the node at `path`; falls back to the nearest existing ancestor.
   * `at: 'key'` prefers the position of the mapping key over its value. */
  locate(path: DataPath, at?: 'value' | 'key'): Position;
}
