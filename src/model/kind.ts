import type { z } from 'zod';
import type { Finding } from '../load/index.js';
import type { FrameData } from './frame.js';

/** What every kind's validated data has: the shared frame. */
export interface ReportBase {
  kind: string;
  frame: FrameData;
}

/**
 * A kind of document: its schema (the single source of its TypeScript type and JSON Schema), the
 * Decree-30 type it is, the layout profile and the template folder that words its body.
 */
export interface KindDefinition<S extends z.ZodType<ReportBase, unknown> = z.ZodType<ReportBase, unknown>> {
  id: string;
  /** One line for `baocao kinds` and help texts. */
  title: string;
  /** Decree 30 type name in normal case ("Báo cáo"); the frame writes it in capitals. */
  typeName: string;
  /** Decree 30, Appendix III abbreviation ("BC"). */
  typeAbbreviation: string;
  profile: string;
  /** File name of the kind's sample in data/, the basis of `baocao init`. */
  sample: string;
  /** Folder under templates/ with body.hbs and partials. */
  template: string;
  schema: S;
  /** Cross-field rules that make warnings, not errors (participants ≥ sessions …). */
  consistency?(report: z.output<S>): Finding[];
  /** Keywords for the file's metadata. */
  keywords(report: z.output<S>): string[];
  /** Meaningful, ASCII-safe part of the output file name. */
  fileStem(report: z.output<S>): string;
}
