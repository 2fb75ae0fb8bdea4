import type { KindDefinition } from './kind.js';
import { qpAn } from './kinds/qp-an.js';

export { frameSchema, signerSchema, authorityPrefixes } from './frame.js';
export type { FrameData, Signer, AuthorityPrefix } from './frame.js';
export type { Quantity } from './common.js';
export type { KindDefinition, ReportBase } from './kind.js';
export { qpAn, qpAnSchema } from './kinds/qp-an.js';
export type { QpAnReport } from './kinds/qp-an.js';

const kinds: KindDefinition[] = [qpAn as unknown as KindDefinition];

/** Every kind this build knows. */
export function listKinds(): readonly KindDefinition[] {
  return kinds;
}

/** The kind with this id, or undefined. */
export function findKind(id: string): KindDefinition | undefined {
  return kinds.find((k) => k.id === id);
}

export { kindJsonSchema, starterFile } from './schema.js';
