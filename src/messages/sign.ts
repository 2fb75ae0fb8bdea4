import type { Messages } from './types.js';

/** `baocao sign` and `baocao inspect`: digital signatures and the exchange metadata. */
export const signMessages = {
  signCommand: { vi: () => 'Ký số tệp PDF (PAdES B-B, cập nhật nối tiếp, giữ PDF/A)', en: () => 'Digitally sign a PDF (PAdES B-B, incremental update, keeps PDF/A)' },
  signPdf: { vi: () => 'tệp PDF cần ký', en: () => 'the PDF to sign' },
  signP12: { vi: () => 'tệp chứng thư số của người ký (.p12 hoặc .pfx)', en: () => "the signer's certificate file (.p12 or .pfx)" },
  signPasswordFile: {
    vi: () => 'tệp chứa mật khẩu của tệp .p12 (dòng đầu); không có thì đọc biến môi trường BAOCAO_P12_PASSWORD',
    en: () => 'file holding the .p12 password (first line); without it the BAOCAO_P12_PASSWORD environment variable is read',
  },
  signReason: { vi: () => 'lý do ký, ghi vào chữ ký', en: () => 'reason for signing, written into the signature' },
  signLocation: { vi: () => 'nơi ký, ghi vào chữ ký', en: () => 'place of signing, written into the signature' },
  signVisible: {
    vi: () => 'hiện chữ ký trên trang, ở vùng ký đã dành sẵn (cần tệp .sign.json từ render --sign-layout)',
    en: () => 'show the signature on the page, in the reserved signature area (needs the .sign.json file from render --sign-layout)',
  },
  signLayout: { vi: () => 'tệp vị trí vùng ký (mặc định: <tên PDF>.sign.json cạnh tệp PDF)', en: () => 'signature-area file (default: <PDF name>.sign.json beside the PDF)' },
  signImage: { vi: () => 'ảnh chữ ký của người ký (PNG nền trong suốt) vẽ vào vùng ký', en: () => "the signer's signature image (PNG with a transparent background) drawn in the area" },
  signRole: { vi: () => 'vùng ký dùng cho chữ ký này: signer (người ký), seal (con dấu của cơ quan, kèm --image) hoặc issuer-stamp (văn thư, phụ lục tách tệp)', en: () => "signature area used by this signature: signer, seal (the agency's seal, with --image) or issuer-stamp (registry, appendix file)" },
  signOut: { vi: () => 'tệp PDF đã ký (mặc định: <tên>.signed.pdf cạnh tệp gốc)', en: () => 'the signed PDF (default: <name>.signed.pdf beside the original)' },
  signForce: { vi: () => 'ghi đè tệp đầu ra đã có', en: () => 'overwrite an existing output file' },
  signExample: { vi: () => 'ký báo cáo bằng chứng thư số của người ký', en: () => "sign the report with the signer's certificate" },
  signExampleVisible: { vi: () => 'ký và hiện chữ ký ở vùng ký đã dành sẵn', en: () => 'sign and show the signature in the reserved area' },

  signed: {
    vi: (out: string, name: string, time: string) => `Đã ký: ${out} (người ký: ${name}; thời gian ký: ${time})`,
    en: (out: string, name: string, time: string) => `Signed: ${out} (signer: ${name}; signing time: ${time})`,
  },
  alreadySigned: {
    vi: (file: string, n: number) => `${file} đã có ${n} chữ ký; chữ ký mới được nối thêm, các chữ ký cũ vẫn còn hiệu lực.`,
    en: (file: string, n: number) => `${file} already has ${n} signature(s); the new signature is appended and the earlier ones stay valid.`,
  },
  notBaocao: {
    vi: (file: string) => `CẢNH BÁO: ${file} không do baocao tạo; vẫn ký được nhưng không kiểm tra PDF/A.`,
    en: (file: string) => `WARNING: ${file} was not made by baocao; it is signed, but PDF/A is not checked.`,
  },
  noPassword: {
    vi: () => 'chưa có mật khẩu của tệp .p12: dùng --password-file TỆP hoặc đặt biến môi trường BAOCAO_P12_PASSWORD.',
    en: () => 'no password for the .p12 file: use --password-file FILE or set the BAOCAO_P12_PASSWORD environment variable.',
  },
  wrongPassword: {
    vi: (file: string) => `${file}: sai mật khẩu của tệp chứng thư số.`,
    en: (file: string) => `${file}: wrong password for the certificate file.`,
  },
  notP12: {
    vi: (file: string) => `${file}: không phải tệp chứng thư số PKCS#12 (.p12/.pfx) đọc được.`,
    en: (file: string) => `${file}: not a readable PKCS#12 certificate file (.p12/.pfx).`,
  },
  noKey: {
    vi: (file: string) => `${file}: không có khóa bí mật RSA trong tệp chứng thư số.`,
    en: (file: string) => `${file}: the certificate file holds no RSA private key.`,
  },
  noCertificate: {
    vi: (file: string) => `${file}: không có chứng thư số ứng với khóa bí mật.`,
    en: (file: string) => `${file}: no certificate matches the private key.`,
  },
  notYetValid: {
    vi: (file: string, name: string, from: string) => `${file}: chứng thư số của "${name}" chưa có hiệu lực (có hiệu lực từ ${from}).`,
    en: (file: string, name: string, from: string) => `${file}: the certificate of "${name}" is not valid yet (valid from ${from}).`,
  },
  expired: {
    vi: (file: string, name: string, until: string) => `${file}: chứng thư số của "${name}" đã hết hạn (${until}).`,
    en: (file: string, name: string, until: string) => `${file}: the certificate of "${name}" has expired (${until}).`,
  },
  noDigitalSignature: {
    vi: (file: string, name: string) => `${file}: chứng thư số của "${name}" không có mục đích sử dụng "chữ ký số" (digitalSignature), không dùng để ký văn bản được.`,
    en: (file: string, name: string) => `${file}: the certificate of "${name}" lacks the digital-signature key usage (digitalSignature) and cannot sign documents.`,
  },
  notPdf: { vi: (file: string) => `${file}: không phải tệp PDF.`, en: (file: string) => `${file}: not a PDF file.` },
  unreadablePdf: {
    vi: (file: string, reason: string) => `${file}: không đọc được cấu trúc PDF (${reason}).`,
    en: (file: string, reason: string) => `${file}: the PDF structure cannot be read (${reason}).`,
  },
  encryptedPdf: {
    vi: (file: string) => `${file}: tệp PDF được mã hóa; baocao không ký tệp mã hóa.`,
    en: (file: string) => `${file}: the PDF is encrypted; baocao does not sign encrypted files.`,
  },
  visibleNeedsLayout: {
    // `command`: how the user runs baocao (src/cli/invocation.ts), so the hint works where they are.
    vi: (layout: string, command: string) => `--visible cần tệp vị trí vùng ký ${layout}; hãy dựng lại văn bản với "${command} render … --sign-layout" hoặc chỉ ra tệp bằng --sign-layout.`,
    en: (layout: string, command: string) => `--visible needs the signature-area file ${layout}; render the document again with "${command} render … --sign-layout" or name the file with --sign-layout.`,
  },
  badLayout: {
    vi: (file: string, reason: string) => `${file}: tệp vị trí vùng ký không hợp lệ (${reason}).`,
    en: (file: string, reason: string) => `${file}: invalid signature-area file (${reason}).`,
  },
  noArea: {
    vi: (file: string, role: string) => `${file}: không có vùng ký "${role}".`,
    en: (file: string, role: string) => `${file}: no "${role}" signature area.`,
  },
  badImage: {
    vi: (file: string) => `${file}: ảnh chữ ký phải là tệp PNG.`,
    en: (file: string) => `${file}: the signature image must be a PNG file.`,
  },
  outputExists: {
    vi: (file: string) => `${file} đã có; giữ nguyên tệp cũ (dùng --force để ghi đè).`,
    en: (file: string) => `${file} exists; it is kept (use --force to overwrite).`,
  },
  cannotRead: {
    vi: (file: string, reason: string) => `Không đọc được ${file} (${reason}).`,
    en: (file: string, reason: string) => `Cannot read ${file} (${reason}).`,
  },
  cannotWrite: {
    vi: (file: string, reason: string) => `Không ghi được ${file} (${reason}).`,
    en: (file: string, reason: string) => `Cannot write ${file} (${reason}).`,
  },
  signedBy: { vi: () => 'Ký bởi', en: () => 'Signed by' },
  agencyCodeFormat: {
    vi: () => 'mã định danh cơ quan gồm 13 ký tự dạng "000.00.00.H53" (QĐ 20/2020/QĐ-TTg): 3 số, 2 số, 2 số, một chữ in hoa và 2 số, cách nhau bằng dấu chấm',
    en: () => 'an agency identifier code is 13 characters like "000.00.00.H53" (Decision 20/2020/QD-TTg): 3 digits, 2 digits, 2 digits, a capital letter and 2 digits, separated by dots',
  },
  languageFormat: {
    vi: () => 'mã ngôn ngữ theo BCP 47, ví dụ "vi" hoặc "vi-VN"',
    en: () => 'a BCP 47 language tag, e.g. "vi" or "vi-VN"',
  },

  inspectCommand: { vi: () => 'Xem siêu dữ liệu trao đổi, lưu trữ và chữ ký số của tệp PDF hoặc DOCX', en: () => 'Show the exchange and archive metadata and the digital signatures of a PDF or DOCX file' },
  inspectFile: { vi: () => 'tệp PDF hoặc DOCX', en: () => 'a PDF or DOCX file' },
  inspectJson: { vi: () => 'in dạng JSON', en: () => 'print as JSON' },
  inspectExample: { vi: () => 'xem siêu dữ liệu và chữ ký của văn bản', en: () => "show a document's metadata and signatures" },
  notPdfOrDocx: { vi: (file: string) => `${file}: không phải tệp PDF hoặc DOCX.`, en: (file: string) => `${file}: not a PDF or DOCX file.` },
  label_title: { vi: () => 'Tiêu đề', en: () => 'Title' },
  label_author: { vi: () => 'Cơ quan ban hành', en: () => 'Issuing agency' },
  label_agencyCode: { vi: () => 'Mã định danh cơ quan', en: () => 'Agency identifier code' },
  label_documentNumber: { vi: () => 'Số, ký hiệu', en: () => 'Number and symbol' },
  label_issued: { vi: () => 'Ngày ban hành', en: () => 'Date issued' },
  label_priority: { vi: () => 'Độ khẩn', en: () => 'Priority' },
  label_copies: { vi: () => 'Số lượng bản', en: () => 'Number of copies' },
  label_dueDate: { vi: () => 'Hạn trả lời', en: () => 'Response due' },
  label_recipients: { vi: () => 'Mã định danh nơi nhận', en: () => 'Recipient identifier codes' },
  label_language: { vi: () => 'Ngôn ngữ', en: () => 'Language' },
  label_pages: { vi: () => 'Số trang', en: () => 'Page count' },
  label_signerPosition: { vi: () => 'Chức vụ người ký', en: () => "Signer's position" },
  label_signerName: { vi: () => 'Họ tên người ký', en: () => "Signer's name" },
  label_attachment: { vi: () => 'Tệp số liệu đính kèm', en: () => 'Embedded data file' },
  label_signatures: { vi: () => 'Chữ ký số', en: () => 'Digital signatures' },
  noSignatures: { vi: () => 'chưa ký', en: () => 'not signed' },
  signatureLine: {
    vi: (i: number, name: string, time: string, covers: string) => `  ${i}. ${name} — ${time}${covers}`,
    en: (i: number, name: string, time: string, covers: string) => `  ${i}. ${name}: ${time}${covers}`,
  },
  coversWhole: { vi: () => ' (phủ toàn bộ tệp)', en: () => ' (covers the whole file)' },
  coversPart: { vi: () => ' (có phần nối thêm sau chữ ký)', en: () => ' (content was appended after it)' },
} satisfies Messages;
