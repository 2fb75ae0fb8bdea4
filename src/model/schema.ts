import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelMessages } from '../messages/model.js';
import { say } from '../messages/types.js';
import { KindError } from './errors.js';
import { z } from 'zod';
import { parseSource } from '../load/index.js';
import type { FieldSpec, FieldType } from './declarative.js';
import type { KindDefinition } from './kind.js';
import { nextReport, starterYaml } from './starter.js';
import type { JsonSchema } from './starter.js';

/**
 * The kind's JSON Schema, generated from the same zod schema the loader validates with, describing
 * the data file as a clerk writes it (figures may be plain numbers).
 */
export function kindJsonSchema(kind: KindDefinition): Record<string, unknown> {
  const schema = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const sources = kind.fields ? withSources(schema as JsonSchema, kind.fields) : false;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://baocao.invalid/schema/${kind.id}.schema.json`,
    title: kind.title,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
    ...(sources ? { $defs: { ...(schema.$defs as object | undefined), ...SOURCE_DEFS } } : {}),
  };
}

/**
 * A list of records may also be written as where it comes from (src/sheets): a sheet,
 * `{ from: so-lieu-xa.xlsx, sheet: "Tổng hợp", header-row: 3 }`, or the units' own reports,
 * `{ from-reports: xa/*.yaml, kind: qp-an-xa }`. The schema says so, so an editor that checks the
 * file against it does not flag either form. The array stays the first branch: the starter and
 * the desk's form take the first array or object branch as the field's shape.
 */
const SOURCE_DEFS = {
  sheetSource: {
    type: 'object',
    description: 'Lấy danh sách từ bảng tính .xlsx, .ods hoặc .csv, ví dụ { from: so-lieu-xa.xlsx, sheet: "Tổng hợp", header-row: 3 }',
    properties: {
      from: { type: 'string', minLength: 1, description: 'Tệp bảng tính, đường dẫn tính từ thư mục của tệp số liệu' },
      sheet: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 1 }], description: 'Tên sheet hoặc số thứ tự (1, 2 …); mặc định sheet đầu tiên' },
      'header-row': { type: 'integer', minimum: 1, description: 'Dòng tiêu đề cột; mặc định tự tìm' },
      encoding: { enum: ['utf-8', 'windows-1258'], description: 'Bảng mã của tệp CSV; mặc định UTF-8, rồi Windows-1258' },
    },
    required: ['from'],
    additionalProperties: false,
  },
  reportsSource: {
    type: 'object',
    description: 'Tổng hợp từ báo cáo của các đơn vị cấp dưới, ví dụ { from-reports: xa/*.yaml, kind: qp-an-xa }',
    properties: {
      'from-reports': { type: 'string', minLength: 1, description: 'Mẫu tên các tệp báo cáo, ví dụ xa/*.yaml' },
      kind: { type: 'string', description: 'Loại văn bản của các báo cáo đơn vị' },
      units: { type: 'array', items: { type: 'string' }, description: 'Danh sách đơn vị phải có báo cáo' },
      sort: { type: 'string', description: 'Trường để xếp thứ tự; thêm "-" ở đầu để xếp giảm dần' },
    },
    required: ['from-reports'],
    additionalProperties: false,
  },
} as const;

const normSpec = (s: FieldSpec | FieldType): FieldSpec => (typeof s === 'string' ? { type: s } : s);

/** Rewrites, in place, each list-of-records property (at any depth of objects) as "array or source"; true when any was. */
function withSources(schema: JsonSchema, fields: Record<string, FieldSpec | FieldType>): boolean {
  let any = false;
  for (const [name, raw] of Object.entries(fields)) {
    const spec = normSpec(raw);
    const prop = schema.properties?.[name];
    if (!prop) continue;
    if (spec.type === 'object' && spec.fields) {
      const obj = prop.anyOf?.find((b) => b.type === 'object') ?? prop;
      if (withSources(obj, spec.fields)) any = true;
      continue;
    }
    const items = spec.type === 'list' && spec.items !== undefined ? normSpec(spec.items) : undefined;
    if (items?.type !== 'object' || !items.fields) continue;
    const branches = prop.anyOf ?? [Object.fromEntries(Object.entries(prop).filter(([k]) => k !== 'description' && k !== 'default')) as JsonSchema];
    const array = branches.filter((b) => b.type === 'array');
    const rest = branches.filter((b) => b.type !== 'array');
    const keep = Object.fromEntries(Object.entries(prop).filter(([k]) => k === 'description' || k === 'default'));
    for (const k of Object.keys(prop)) delete (prop as Record<string, unknown>)[k];
    Object.assign(prop, keep, { anyOf: [...array, { $ref: '#/$defs/sheetSource' }, { $ref: '#/$defs/reportsSource' }, ...rest] });
    any = true;
  }
  return any;
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
