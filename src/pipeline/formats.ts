import { createRequire } from 'node:module';

/**
 * The pipeline's names and version, apart from the pipeline itself: the command line reads them
 * to build its help before it knows whether any document will be rendered.
 */

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
export const VERSION: string = pkg.version;
export const CREATOR = `baocao ${VERSION}`;

export type Format = 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['pdf', 'docx'];
