export { frameSchema, signerSchema, authorityPrefixes } from './frame.js';
export type { FrameData, Signer, AuthorityPrefix } from './frame.js';
export type { Quantity } from './common.js';
export type { KindDefinition, ReportBase } from './kind.js';
export { KindError, builtinKindsDir, findKind, kindDirs, listKinds, loadKindFolder, registerKindDir, reloadKinds } from './registry.js';
export type { CheckSpec, FieldSpec, FieldType, KindFile } from './declarative.js';
export { kindJsonSchema, starterFile } from './schema.js';
