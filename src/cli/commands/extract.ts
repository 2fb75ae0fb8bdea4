import { readFile } from 'node:fs/promises';
import { extractSource, isPdf } from '../../archive/extract.js';
import type { Lang } from '../../load/index.js';
import { writeFileAtomic } from '../../output/index.js';
import { EXIT } from '../exit.js';
import { translator } from '../i18n.js';

/**
 * `baocao extract <pdf>`: the data file embedded in a PDF/A-3 rendered by baocao, byte for byte.
 * Written under its own name in the current folder, to --out FILE, or to stdout with --stdout.
 */
export async function extractCommand(args: { pdf: string; out?: string; stdout?: boolean; force: boolean; lang: Lang }): Promise<number> {
  const t = translator(args.lang);
  let bytes: Buffer;
  try {
    bytes = await readFile(args.pdf);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    process.stderr.write(t(`${args.pdf}: không đọc được tệp (${code}).\n`, `${args.pdf}: cannot read the file (${code}).\n`));
    return EXIT.io;
  }
  const source = isPdf(args.pdf, bytes) ? await extractSource(bytes) : undefined;
  if (!source) {
    process.stderr.write(isPdf(args.pdf, bytes)
      ? t(`${args.pdf}: PDF này không chứa số liệu nguồn (chỉ bản PDF/A-3 do baocao dựng mới có).\n`, `${args.pdf}: this PDF carries no source data (only PDF/A-3 files rendered by baocao do).\n`)
      : t(`${args.pdf}: không phải tệp PDF.\n`, `${args.pdf}: not a PDF file.\n`));
    return EXIT.invalidData;
  }
  const about = [source.kind, source.version ? `baocao ${source.version}` : undefined].filter(Boolean).join(', ');
  if (args.stdout) {
    process.stdout.write(source.bytes);
    return EXIT.ok;
  }
  const target = args.out ?? source.name;
  let existing: Buffer | undefined;
  try {
    existing = await readFile(target);
  } catch {
    existing = undefined;
  }
  if (existing?.equals(source.bytes)) {
    process.stdout.write(t(`${target}: đã có, không đổi${about ? ` (${about})` : ''}.\n`, `${target}: already there, unchanged${about ? ` (${about})` : ''}.\n`));
    return EXIT.ok;
  }
  if (existing && !args.force) {
    process.stderr.write(t(`${target}: đã có tệp khác nội dung, giữ nguyên; dùng --force để ghi đè hoặc --out để chọn tên khác.\n`,
      `${target}: a different file exists and was kept; use --force to overwrite or --out for another name.\n`));
    return EXIT.exists;
  }
  try {
    await writeFileAtomic(target, source.bytes);
  } catch (e) {
    process.stderr.write(t(`${target}: không ghi được tệp: ${(e as Error).message}\n`, `${target}: cannot write file: ${(e as Error).message}\n`));
    return EXIT.io;
  }
  process.stdout.write(t(`Đã lấy số liệu nguồn ra ${target}${about ? ` (${about})` : ''}.\n`, `Extracted the source data to ${target}${about ? ` (${about})` : ''}.\n`));
  return EXIT.ok;
}
