import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelMessages } from '../messages/model.js';
import { say } from '../messages/types.js';
import { KindError } from './errors.js';
import { z } from 'zod';
import { parseSource } from '../load/index.js';
import type { KindDefinition } from './kind.js';
import { nextReport, starterYaml } from './starter.js';
import type { JsonSchema } from './starter.js';

/**
 * The kind's JSON Schema, generated from the same zod schema the loader validates with, describing
 * the data file as a clerk writes it (figures may be plain numbers).
 */
export function kindJsonSchema(kind: KindDefinition): Record<string, unknown> {
  const schema = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://baocao.invalid/schema/${kind.id}.schema.json`,
    title: kind.title,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/**
 * A starting YAML data file for the kind, with every field explained, and its schema's file name:
 * the next report after the kind's sample (src/model/starter.ts), dated by `today` (the clock
 * unless given), whose comments name the commands as `command` (how the user runs baocao).
 */
export function starterFile(kind: KindDefinition, options: { today?: Date; command?: string; file?: string } = {}): { yaml: string; schemaFile: string } {
  const schemaFile = `${kind.id}.schema.json`;
  let text: string;
  try {
    text = readFileSync(kind.sample, 'utf8');
  } catch {
    // A kind folder sent without its sample (or a mistyped `sample:`): say which file, not a stack.
    throw new KindError((lang) => say(lang, modelMessages.kindNoSample, kind.sample, kind.id, path.join(kind.template, 'kind.yaml')));
  }
  const parsed = parseSource(text, kind.sample);
  const sample = (parsed.source?.data ?? {}) as Record<string, unknown>;
  const schema = kindJsonSchema(kind) as JsonSchema;
  const cmd = options.command ?? 'npx baocao';
  const file = options.file === undefined ? '<tệp>' : /\s/.test(options.file) ? `"${options.file}"` : options.file;
  const header = [
    `Tệp số liệu: ${kind.title} (loại "${kind.id}").`,
    'Dòng bắt đầu bằng "#" là chú thích. Thay số liệu và nội dung mẫu bằng của đơn vị mình;',
    'bỏ dấu "#" ở đầu các trường đang tắt nếu cần dùng. Ngày và số văn bản để trống (null):',
    'văn bản là dự thảo cho đến khi điền. Kiểm tra:',
    `  ${cmd} validate ${file}`,
    'dựng văn bản:',
    `  ${cmd} render ${file}`,
  ];
  const next = nextReport(schema, sample, options.today ?? new Date());
  return { yaml: starterYaml(schema, next, header, `./${schemaFile}`), schemaFile };
}
