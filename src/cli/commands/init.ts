import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatProblems } from '../../load/index.js';
import type { Lang } from '../../load/index.js';
import { say } from '../../messages/types.js';
import { sheetMessages } from '../../messages/sheets.js';
import { findKind, kindJsonSchema, listKinds, starterFile } from '../../model/index.js';
import { writeFileAtomic } from '../../output/index.js';
import { EXIT, UsageError } from '../exit.js';
import { translator } from '../i18n.js';

/** A starting data file for a kind, with its JSON Schema beside it for editor completion. */
export async function initCommand(args: { kind: string; file?: string; force: boolean; lang: Lang; list?: string; sheet?: string; headerRow?: number }): Promise<number> {
  const t = translator(args.lang);
  const kind = findKind(args.kind);
  if (!kind) {
    throw new UsageError(t(`không có loại văn bản "${args.kind}"; các loại có sẵn: ${listKinds().map((k) => k.id).join(', ')}`,
      `unknown kind "${args.kind}"; available: ${listKinds().map((k) => k.id).join(', ')}`));
  }
  const file = args.file ?? `${kind.id}.yaml`;
  if (existsSync(file) && !args.force) {
    process.stderr.write(t(`${file}: tệp đã có, không ghi đè (dùng --force nếu muốn thay).\n`, `${file}: already exists, not overwritten (use --force).\n`));
    return EXIT.exists;
  }
  const starter = starterFile(kind);
  if (args.list !== undefined) {
    // A list started from a sheet the office already keeps (src/sheets/starter.ts).
    const m = /^([^=]+)=(.+)$/.exec(args.list);
    if (!m) throw new UsageError(say(args.lang, sheetMessages.initListBad));
    const { starterWithSheet } = await import('../../sheets/starter.js');
    const sheet = args.sheet === undefined ? undefined : /^\d+$/.test(args.sheet) ? Number(args.sheet) : args.sheet;
    const r = starterWithSheet(starter.yaml, kind, file, { field: m[1]!, sheetFile: m[2]!, ...(sheet !== undefined ? { sheet } : {}), ...(args.headerRow !== undefined ? { headerRow: args.headerRow } : {}) }, args.lang);
    if ('problems' in r) {
      process.stderr.write(formatProblems(r.problems, args.lang) + '\n');
      return EXIT.invalidData;
    }
    starter.yaml = r.yaml;
    process.stderr.write(say(args.lang, sheetMessages.initListDone, m[1]!, m[2]!, r.records) + '\n');
  }
  const schemaPath = path.join(path.dirname(file), starter.schemaFile);
  await writeFileAtomic(file, Buffer.from(starter.yaml, 'utf8'));
  await writeFileAtomic(schemaPath, Buffer.from(JSON.stringify(kindJsonSchema(kind), null, 2) + '\n', 'utf8'));
  process.stdout.write(`${file}\n${schemaPath}\n`);
  process.stderr.write(t(`Đã tạo ${file}. Sửa số liệu, rồi: baocao validate ${file} && baocao render ${file}\n`,
    `Created ${file}. Edit it, then: baocao validate ${file} && baocao render ${file}\n`));
  return EXIT.ok;
}

/** The kind's JSON Schema on stdout. */
export function schemaCommand(args: { kind: string; lang: Lang }): number {
  const t = translator(args.lang);
  const kind = findKind(args.kind);
  if (!kind) {
    throw new UsageError(t(`không có loại văn bản "${args.kind}"; các loại có sẵn: ${listKinds().map((k) => k.id).join(', ')}`,
      `unknown kind "${args.kind}"; available: ${listKinds().map((k) => k.id).join(', ')}`));
  }
  process.stdout.write(JSON.stringify(kindJsonSchema(kind), null, 2) + '\n');
  return EXIT.ok;
}
