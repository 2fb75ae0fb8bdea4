import type { Messages } from './types.js';

/** The frame of a document (src/frame): data the effective profile's conventions cannot word. */
export const frameMessages = {
  partyAuthority: {
    vi: (authority: string) => `văn bản của Đảng không dùng quyền hạn ký "${authority}": chỉ dùng TM. (T/M), KT. (K/T) hoặc TL. (T/L)`,
    en: (authority: string) => `a Party document does not use the signing authority "${authority}": only TM. (T/M), KT. (K/T) or TL. (T/L)`,
  },
  positionNeeded: {
    vi: () => 'thiếu chức vụ người ký: chỉ được bỏ trống khi ký "TM." một tập thể (không có "deputyFor")',
    en: () => 'the signer\'s position is missing: it may be left out only when signing "TM." for a collective (without "deputyFor")',
  },
  // Last period's file (src/load/previous.ts): `previous: ../2020/bao-cao.yaml` in a data file.
  previousNotText: {
    vi: () => '"previous" phải là đường dẫn tới tệp số liệu kỳ trước, ví dụ "../2020/bao-cao-qp-an.yaml"',
    en: () => '"previous" must be the path of last period\'s data file, e.g. "../2020/bao-cao-qp-an.yaml"',
  },
  previousExtension: {
    vi: (file: string) => `tệp kỳ trước "${file}" phải là tệp YAML hoặc JSON (.yaml, .yml, .json)`,
    en: (file: string) => `last period's file "${file}" must be a YAML or JSON file (.yaml, .yml, .json)`,
  },
  previousUnreadable: {
    vi: (file: string) => `không đọc được tệp kỳ trước "${file}": kiểm tra đường dẫn (tính từ thư mục của tệp này)`,
    en: (file: string) => `cannot read last period's file "${file}": check the path (relative to this file's folder)`,
  },
  previousFlagUnreadable: {
    vi: (file: string) => `không đọc được tệp kỳ trước "${file}" (--previous): kiểm tra đường dẫn (tính từ thư mục đang đứng)`,
    en: (file: string) => `cannot read last period's file "${file}" (--previous): check the path (relative to the current folder)`,
  },
  previousNotFile: {
    vi: (file: string) => `tệp kỳ trước "${file}" không phải một tệp thường (thư mục, thiết bị hoặc ống dẫn), không đọc`,
    en: (file: string) => `last period's file "${file}" is not a regular file (a folder, a device or a pipe); it is not read`,
  },
  previousOutside: {
    vi: (file: string) => `tệp kỳ trước "${file}" nằm ngoài thư mục đang làm việc; hãy chép tệp đó vào thư mục này`,
    en: (file: string) => `last period's file "${file}" is outside the working folder; copy it into this folder`,
  },
  previousReplaced: {
    vi: (flag: string, own: string) => `dùng tệp kỳ trước "${flag}" của --previous thay cho "previous: ${own}" ghi trong tệp`,
    en: (flag: string, own: string) => `last period's file "${flag}" of --previous is used instead of "previous: ${own}" written in the file`,
  },
  previousInvalid: {
    vi: (file: string) => `tệp kỳ trước "${file}" có lỗi (xem các lỗi của tệp đó), chưa lấy được số liệu`,
    en: (file: string) => `last period's file "${file}" has errors (see that file's problems); no figures were taken from it`,
  },
  previousKind: {
    vi: (file: string, theirs: string, ours: string) => `tệp kỳ trước "${file}" là loại "${theirs}", không cùng loại "${ours}" với tệp này`,
    en: (file: string, theirs: string, ours: string) => `last period's file "${file}" is of kind "${theirs}", not "${ours}" as this file is`,
  },
  previousNoPeriod: {
    vi: (kind: string) => `loại "${kind}" không có kỳ báo cáo ("year" hoặc "period") nên không lấy được số liệu kỳ trước`,
    en: (kind: string) => `kind "${kind}" has no reporting period ("year" or "period"), so last period's figures cannot be taken`,
  },
  previousPeriod: {
    vi: (file: string, theirs: string, expected: string) => `tệp kỳ trước "${file}" là của ${theirs}, không phải kỳ liền trước để so sánh (${expected})`,
    en: (file: string, theirs: string, expected: string) => `last period's file "${file}" is for ${theirs}, not the period to compare with (${expected})`,
  },
  previousDisagrees: {
    vi: (typed: string, here: string, taken: string, there: string) => `số liệu kỳ trước ghi tay ${typed} (${here}) khác số liệu ${taken} trong tệp kỳ trước (${there}); dùng số ghi tay`,
    en: (typed: string, here: string, taken: string, there: string) => `last period's figure typed by hand, ${typed} (${here}), differs from ${taken} in last period's file (${there}); the typed one is used`,
  },
} satisfies Messages;
