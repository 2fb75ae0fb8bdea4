import type { z } from 'zod';
import type { Finding } from '../load/index.js';
import type { FieldSpec, FieldType } from './declarative.js';
import type { FrameData } from './frame.js';

/** What every kind's validated data has: the shared frame. */
export interface ReportBase {
  kind: string;
  frame: FrameData;
}

/**
 * A kind of document, as loaded from its folder (src/model/registry.ts): its schema (the single
 * source of validation, JSON Schema and starting file), the Decree-30 type it is, the layout
 * profile and the folder whose body.hbs words its body.
 */
export interface KindDefinition<S extends z.ZodType<ReportBase, unknown> = z.ZodType<ReportBase, unknown>> {
  id: string;
  /** One line for `baocao kinds` and help texts. */
  title: string;
  /** Decree 30 type name in normal case ("Báo cáo"); the frame writes it in capitals. */
  typeName: string;
  profile: string;
  /** Absolute path of the kind's sample data file, the basis of `baocao init`. */
  sample: string;
  /** Absolute path of the kind's folder (body.hbs, partials/). */
  template: string;
  schema: S;
  /** The fields as kind.yaml declares them (types, column titles): what a spreadsheet is read by. */
  fields?: Record<string, FieldSpec | FieldType>;
  /** Cross-field rules that make warnings, not errors (participants ≥ sessions …). */
  consistency?(report: z.output<S>): Finding[];
  /** Keywords for the file's metadata. */
  keywords(report: z.output<S>): string[];
  /** Meaningful, ASCII-safe part of the output file name. */
  fileStem(report: z.output<S>): string;
}
