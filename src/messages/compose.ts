import type { Messages } from './types.js';

/** Composing the body from a kind's Handlebars template (src/compose). */
export const composeMessages = {
  templateError: {
    vi: (where: string, detail: string) => `${where}: lỗi mẫu văn bản: ${detail}`,
    en: (where: string, detail: string) => `${where}: template error: ${detail}`,
  },
  templateNotFound: { vi: () => 'không tìm thấy tệp mẫu body.hbs', en: () => 'the template body.hbs is missing' },
  syntaxError: { vi: () => 'lỗi cú pháp Handlebars ở chỗ đánh dấu ^', en: () => 'Handlebars syntax error at the ^ mark' },
  unclosedBlock: {
    vi: () => 'khối mở bằng {{#…}} chưa được đóng (thiếu {{/if}}, {{/each}} …) trước khi hết tệp',
    en: () => 'a block opened with {{#…}} is never closed ({{/if}}, {{/each}} … is missing) before the end of the file',
  },
  blockMismatch: {
    vi: (open: string, close: string) => `khối {{#${open}}} lại được đóng bằng {{/${close}}}`,
    en: (open: string, close: string) => `the block {{#${open}}} is closed by {{/${close}}}`,
  },
  helperBadOption: {
    vi: (option: string, allowed: string, got: string) => `${option} phải là ${allowed}, nhận được ${got}`,
    en: (option: string, allowed: string, got: string) => `${option} must be ${allowed}, got ${got}`,
  },
  unsupportedTag: {
    vi: (tag: string, tags: string) => `thẻ <${tag}> không thuộc tập thẻ được hỗ trợ (${tags})`,
    en: (tag: string, tags: string) => `the tag <${tag}> is not one of the supported tags (${tags})`,
  },
  helperNeedsQuantity: {
    vi: (helper: string, found: string) => `helper "${helper}" cần một số liệu có đơn vị (quantity), nhận được ${found}`,
    en: (helper: string, found: string) => `helper "${helper}" needs a figure with a unit (quantity), got ${found}`,
  },
  unknownField: {
    vi: (placeholder: string, field: string, fix: string | undefined) =>
      `"{{${placeholder}}}": loại văn bản không khai báo trường "${field}"${fix ? ` — có phải "${fix}"?` : ' (xem fields trong kind.yaml)'}`,
    en: (placeholder: string, field: string, fix: string | undefined) =>
      `"{{${placeholder}}}": the kind declares no field "${field}"${fix ? ` — did you mean "${fix}"?` : ' (see fields in kind.yaml)'}`,
  },
  reservedName: {
    vi: (placeholder: string, name: string) => `"${placeholder}": "${name}" là tên có sẵn của JavaScript, không phải một trường của số liệu; Handlebars không đọc tên này (chỗ đó sẽ để trống)`,
    en: (placeholder: string, name: string) => `"${placeholder}": "${name}" is a name JavaScript gives every object, not a field of the data; Handlebars does not read it (the place would stay empty)`,
  },
  unknownHelper: {
    vi: (name: string, hint: string | undefined) => `không có helper "${name}"${hint ? ` — có phải "${hint}"?` : ''}`,
    en: (name: string, hint: string | undefined) => `there is no helper "${name}"${hint ? ` — did you mean "${hint}"?` : ''}`,
  },
  sumNeedsList: { vi: (found: string) => `helper "sum" cần một danh sách, nhận được ${found}`, en: (found: string) => `helper "sum" needs a list, got ${found}` },
  sumNotNumber: { vi: (field: string) => `helper "sum": trường "${field}" không phải số`, en: (field: string) => `helper "sum": field "${field}" is not a number` },
} satisfies Messages;
