import { z } from 'zod';
import { ref } from '../messages/ref.js';
import { isoDate, text } from './common.js';

/**
 * The frame every administrative document shares (Decree 30, Appendix I, "ô số" 2–9).
 * Names may be written in normal case in the data file: the frame builder writes the ones
 * Decree 30 puts in capitals in upper case.
 */

/** Signing-authority prefixes of Decree 30, Art. 13 and Appendix I §8.1. */
export const authorityPrefixes = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;
export type AuthorityPrefix = (typeof authorityPrefixes)[number];


// ── Electronic document (issue 18 §1): the signer's and the seal's images for `--electronic` ──
// Paths are relative to the data file; the sizes are the printed size in millimetres. Their bytes
// (PNG with transparency) and the sizes' bounds are checked by src/load/images.ts when a document
// is rendered with --electronic; without it the fields are ignored.
export const signatureImageSchema = z
  .strictObject({
    file: text('Tệp ảnh PNG nền trong suốt, đường dẫn tính từ thư mục của tệp dữ liệu, ví dụ "chu-ky.png"'),
    width: z.number().positive({ message: ref('model', 'positive') }).describe('Chiều rộng khi in, tính bằng mm'),
    height: z.number().positive({ message: ref('model', 'positive') }).optional().describe('Chiều cao khi in, mm; bỏ trống: theo tỉ lệ của ảnh'),
  })
  .describe('Ảnh chữ ký (văn bản điện tử, Nghị định 30 Phụ lục I Phần II)');
// ── end of the electronic-document block ──

export const signerSchema = z
  .strictObject({
    authority: z
      .enum(authorityPrefixes)
      .optional()
      .describe('Quyền hạn ký: TM. (thay mặt tập thể), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền); bỏ trống khi người đứng đầu ký'),
    onBehalfOf: text('Tập thể hoặc người đứng đầu mà người ký thay mặt/ký thay, ví dụ "Ủy ban nhân dân"')
      .optional(),
    deputyFor: text('Khi cấp phó ký thay người đứng đầu của tập thể (TM. … / KT. …): chức vụ người đứng đầu, ví dụ "Chủ tịch"')
      .optional(),
    // Absent when the signer signs for the collective with only the authority line ("TM. ỦY BAN NHÂN DÂN").
    position: text('Chức vụ của người ký, ví dụ "Phó Chủ tịch"; bỏ trống khi chỉ ký "TM. <tập thể>"').optional(),
    name: text('Họ và tên người ký; để trống (null) trong bản dự thảo').nullable().optional(),
    image: signatureImageSchema.optional().describe('Ảnh chữ ký của người ký (màu xanh, PNG nền trong suốt), dùng với --electronic'),
  })
  .superRefine((s, ctx) => {
    if (s.authority && s.authority !== 'Q.' && !s.onBehalfOf) {
      ctx.addIssue({
        code: 'custom',
        path: ['onBehalfOf'],
        message: ref('model', 'authorityNeedsOnBehalfOf', s.authority),
      });
    }
    if (!s.position && !(s.authority === 'TM.' && !s.deputyFor)) {
      ctx.addIssue({ code: 'custom', path: ['position'], message: ref('frame', 'positionNeeded') });
    }
    if (s.deputyFor && s.authority !== 'TM.') {
      ctx.addIssue({
        code: 'custom',
        path: ['deputyFor'],
        message: ref('model', 'deputyForNeedsTM'),
      });
    }
  })
  .describe('Người ký (ô 7)');

/**
 * Header names (issue #14 §4): the name printed in ô 2 when it differs from the one the body and
 * the attribution use, e.g. a short or differently broken one. "|" or a new line forces a break
 * there; in `issuingAgency` and `summary` a "|" does the same and the body prints a space.
 */
const multiLine = (description: string) =>
  z.string().trim().min(1, { message: ref('model', 'notEmpty') }).describe(description);
const headerNameFields = {
  headerName: multiLine('Tên cơ quan ban hành in ở ô 2, nếu khác tên dùng trong nội dung; "|" hoặc xuống dòng để ngắt dòng, ví dụ "BAN CHỈ ĐẠO|PHÒNG, CHỐNG TỘI PHẠM"').optional(),
  parentHeaderName: multiLine('Tên cơ quan chủ quản in ở ô 2, nếu khác "parentAgency"; "|" hoặc xuống dòng để ngắt dòng').optional(),
};

// ---- Exchange and archive metadata (Decree 30, Appendix VI, Part II, I: outgoing documents) ----
// Optional: written into the PDF's XMP (baocao's "vb" schema) and the DOCX custom properties only
// when at least one is given, so a file without them keeps its bytes. Page count and the signer's
// position and name are derived, not asked for.

/**
 * Agency identifier code (mã định danh, Appendix VI field 1.1 "OrganId", String 13): the electronic
 * identifier of Decision 20/2020/QĐ-TTg, four levels written lowest first, e.g. "000.00.00.H53"
 * (level 1: a letter and two digits; levels 2 and 3: two digits; level 4: three digits).
 */
export const agencyCode = (description: string) =>
  z.string().trim().regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, { message: ref('sign', 'agencyCodeFormat') }).describe(description);

/** Urgency levels of Decree 30 (Appendix I, ô 10b): three only. */
export const priorities = ['Khẩn', 'Thượng khẩn', 'Hỏa tốc'] as const;

export const exchangeFields = {
  agencyCode: agencyCode('Mã định danh điện tử của cơ quan ban hành (OrganId), ví dụ "000.00.00.H53"').optional(),
  priority: z.enum(priorities).optional().describe('Độ khẩn (Priority): "Khẩn", "Thượng khẩn" hoặc "Hỏa tốc"'),
  copies: z.number().int({ message: ref('model', 'integer') }).positive({ message: ref('model', 'positive') }).max(999).optional()
    .describe('Số lượng bản phát hành (IssuedAmount)'),
  dueDate: isoDate('Hạn trả lời văn bản (DueDate), dạng YYYY-MM-DD, khi cần trả lời').optional(),
  recipientCodes: z.array(agencyCode('Mã định danh của một cơ quan nhận')).optional()
    .describe('Mã định danh các cơ quan, tổ chức nhận văn bản (To/OrganId), nếu biết'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { message: ref('sign', 'languageFormat') }).optional()
    .describe('Ngôn ngữ của văn bản (Language), mặc định "vi"'),
};
// ---- end of the exchange metadata ----

export const frameSchema = z
  .strictObject({
    parentAgency: text('Tên cơ quan chủ quản (ô 2, dòng trên), ví dụ "UBND tỉnh Thanh Hóa"').optional(),
    issuingAgency: text('Tên cơ quan ban hành (ô 2), ví dụ "Ủy ban nhân dân thị xã Nghi Sơn"'),
    ...headerNameFields, // ô 2's own wording of the names, when it differs
    number: z
      .number()
      .int({ message: ref('model', 'integer') })
      .positive({ message: ref('model', 'positive') })
      .nullable()
      .optional()
      .describe('Số văn bản (ô 3); để trống (null) khi chưa vào sổ'),
    symbol: z
      .string()
      // Mixed case is legitimate ("TTr-UBND", "QyĐ-BNV"); spaces and empty groups are not.
      .regex(/^[\p{L}\d]+(-[\p{L}\d]+)*$/u, {
        message: ref('model', 'symbolFormat'),
      })
      .describe('Ký hiệu văn bản (ô 3), ví dụ "BC-UBND"'),
    place: text('Địa danh (ô 4), ví dụ "Nghi Sơn"'),
    date: isoDate('Ngày ban hành (ô 4), dạng YYYY-MM-DD; để trống (null) khi chưa ký').nullable(),
    summary: text('Trích yếu nội dung (ô 5a), viết thường, chữ đầu viết hoa'),
    addressees: z.array(text('Một nơi nhận')).optional().describe('"Kính gửi" (ô 9a), nếu có'),
    signer: signerSchema,
    recipients: z.array(text('Một nơi nhận')).describe('"Nơi nhận" (ô 9b), mỗi dòng một nơi, không cần "- " và ";"'),
    archive: z
      .array(text('Một đơn vị lưu'))
      .min(1, { message: ref('model', 'archiveNeeded') })
      .describe('Dòng "Lưu:" (ô 9b), ví dụ ["VT", "CA"]'),
    sealImage: signatureImageSchema.optional().describe('Ảnh con dấu của cơ quan (màu đỏ, kích thước thật, PNG nền trong suốt), dùng với --electronic'),
    // Last: the registry's fields come after what every clerk fills in (the desk's form follows this order).
    ...exchangeFields,
  })
  .describe('Thể thức văn bản theo Nghị định 30/2020/NĐ-CP');

export type FrameData = z.output<typeof frameSchema>;
export type Signer = z.output<typeof signerSchema>;
