import { z } from 'zod';
import { ref } from '../messages/ref.js';
import { LINE_BREAKS } from '../limits/chars.js';
import { dateFromDayFirst } from '../load/hints.js';

/**
 * Building blocks shared by every kind's schema. Field descriptions are in Vietnamese: they end up
 * in the JSON Schema that editors show while a clerk types the data file.
 */

/** Non-empty single-line text, trimmed. */
export const text = (description: string) =>
  z
    .string()
    .trim()
    .min(1, { message: ref('model', 'notEmpty') })
    // U+2028/2029 and NEL break a line in a word processor as \n does.
    .refine((s) => !LINE_BREAKS.test(s), { message: ref('model', 'oneLine') })
    .describe(description);

/** A paragraph of prose (may be long; line breaks inside are joined by the template). */
export const prose = (description: string) =>
  z.string().trim().min(1, { message: ref('model', 'notEmpty') }).describe(description);

/** A list of prose items, each becoming a dash item or a paragraph. */

/** A calendar date written YYYY-MM-DD, checked to exist (no 31 February). */
export const isoDate = (description: string) =>
  z
    .string()
    // One problem per value: "9/12/2020" gets "write 2020-12-09", not also "no such day" (abort).
    .superRefine((v, ctx) => {
      const iso = dateFromDayFirst(v);
      if (iso) ctx.addIssue({ code: 'custom', message: ref('model', 'dateDayFirst', iso), continue: false });
    })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: ref('model', 'dateFormat'), abort: true })
    .refine(isRealDate, { message: ref('model', 'realDate') })
    .describe(description);

/**
 * A day that exists (no 30 February), in years 1-9999. setUTCFullYear, not Date.UTC: Date.UTC
 * reads years 0-99 as 1900-1999, which refused real dates of those years.
 */
export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (!(y >= 1)) return false;
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const year = (description: string) =>
  z.number().int({ message: ref('model', 'yearInteger') }).min(1945).max(2200).describe(description);

const count = z.number().int({ message: ref('model', 'integer') }).nonnegative({ message: ref('model', 'notNegative') });

/** Words that qualify an approximate figure: "trên 4.300 người", "gần 100 người". */
export const qualifiers = ['trên', 'hơn', 'gần', 'khoảng'] as const;

/** A counted figure: its value, its unit, and optionally last year's value and a qualifier. */
export interface Quantity {
  value: number;
  unit: string;
  previous?: number;
  qualifier?: (typeof qualifiers)[number];
}

/**
 * A figure with its unit. The data file may give just the number (`94`) or an object
 * (`{ value: 94, previous: 80 }`) when last year's figure is known. The unit defaults to the
 * field's own unit so a clerk never types it, but can be overridden.
 */
export const quantity = (unit: string, description: string) =>
  z
    .union([
      count,
      z.strictObject({
        value: count.describe('Số liệu năm nay'),
        unit: z.string().trim().min(1).optional().describe(`Đơn vị tính (mặc định "${unit}")`),
        previous: count.optional().describe('Số liệu cùng kỳ năm trước, để so sánh'),
        qualifier: z.enum(qualifiers).optional().describe('Từ chỉ mức gần đúng: trên, hơn, gần, khoảng'),
      }),
    ])
    .transform((v): Quantity => {
      if (typeof v === 'number') return { value: v, unit };
      const q: Quantity = { value: v.value, unit: v.unit ?? unit };
      if (v.previous !== undefined) q.previous = v.previous;
      if (v.qualifier !== undefined) q.qualifier = v.qualifier;
      return q;
    })
    .describe(`${description} (đơn vị: ${unit}; một số, hoặc { value, previous })`);

/** Fields every kind's data file may carry besides its own: editor schema and text encoding. */
export const documentFields = {
  $schema: z.string().optional().describe('Đường dẫn JSON Schema cho trình soạn thảo (bỏ qua khi dựng)'),
  legacyEncoding: z
    .enum(['tcvn3', 'vni', 'unicode'])
    .optional()
    .describe('Bảng mã của chữ trong tệp nếu được dán từ văn bản cũ: tcvn3 (.VnTime), vni (VNI-Times); "unicode" để tắt việc dò bảng mã cũ'),
  tonePlacement: z
    .enum(['old', 'new'])
    .optional()
    .describe('Cách đặt dấu thanh thống nhất cho cả văn bản: "old" (hòa, thủy, ủy) hoặc "new" (hoà, thuỷ, uỷ); bỏ trống thì giữ như đã gõ'),
};
