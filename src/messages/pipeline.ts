import type { Messages } from './types.js';

/** The pipeline (src/pipeline): checks between loading the data and rendering it. */
export const pipelineMessages = {
  legacyText: {
    vi: (field: string, encoding: string, sample: string, option: string) =>
      `trường "${field}": chữ có vẻ được gõ bằng bảng mã ${encoding} (${sample}); dựng lại với --legacy ${option} hoặc ghi "legacyEncoding: ${option}" trong tệp để chuyển sang Unicode.`,
    en: (field: string, encoding: string, sample: string, option: string) =>
      `field "${field}": the text looks typed in the ${encoding} encoding (${sample}); render with --legacy ${option} or set "legacyEncoding: ${option}" in the file to convert it to Unicode.`,
  },
  missingKind: {
    vi: (known: string) => `thiếu trường "kind" cho biết loại văn bản (${known})`,
    en: (known: string) => `missing field "kind" naming the document kind (${known})`,
  },
  unknownKind: {
    vi: (kind: string, known: string) => `loại văn bản "${kind}" không có; các loại có sẵn: ${known}`,
    en: (kind: string, known: string) => `unknown document kind "${kind}"; available: ${known}`,
  },
  pdfWithoutSource: {
    vi: () => 'tệp PDF này không chứa số liệu nguồn (chỉ bản PDF/A-3 do baocao dựng mới có); hãy dựng từ tệp số liệu YAML/JSON.',
    en: () => 'this PDF carries no source data (only PDF/A-3 files rendered by baocao do); render from the YAML/JSON data file.',
  },
  dataGlyph: {
    vi: (field: string, font: string, chars: string) => `trường "${field}": phông ${font} không có chữ ${chars}; văn bản in ra sẽ thiếu chữ — hãy thay bằng chữ khác.`,
    en: (field: string, font: string, chars: string) => `field "${field}": the ${font} font has no ${chars}; the printed document would miss it — use another character.`,
  },
  templateGlyph: {
    vi: (where: string, font: string, face: string, chars: string, context: string) => `${where}: phông ${font} (${face}) không có chữ ${chars} trong "${context}".`,
    en: (where: string, font: string, face: string, chars: string, context: string) => `${where}: the ${font} font (${face}) has no ${chars} in "${context}".`,
  },
  /** Where a character came from when no template line holds it. */
  inText: { vi: () => 'nội dung', en: () => 'text' },
} satisfies Messages;
