import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelMessages } from '../messages/model.js';
import { say } from '../messages/types.js';
import { KindError } from './errors.js';
import { z } from 'zod';
import { parseSource } from '../load/index.js';
import type { KindDefinition } from './kind.js';
import { starterYaml } from './starter.js';

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

/** A starting YAML data file for the kind, with every field explained, and its schema's file name. */
export function starterFile(kind: KindDefinition): { yaml: string; schemaFile: string } {
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
  const header = [
    `Tệp số liệu: ${kind.title} (loại "${kind.id}").`,
    'Dòng bắt đầu bằng "#" là chú thích. Thay số liệu và nội dung mẫu bằng của đơn vị mình;',
    'bỏ dấu "#" ở đầu các trường đang tắt nếu cần dùng. Kiểm tra: baocao validate <tệp>;',
    'dựng văn bản: baocao render <tệp>.',
  ];
  return { yaml: starterYaml(kindJsonSchema(kind) as never, sample, header, `./${schemaFile}`), schemaFile };
}
