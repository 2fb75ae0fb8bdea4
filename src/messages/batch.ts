import type { Messages } from './types.js';

/** Rendering one input and writing its outputs (src/batch). */
export const batchMessages = {
  cannotWrite: { vi: (detail: string) => `không ghi được tệp: ${detail}`, en: (detail: string) => `cannot write file: ${detail}` },
} satisfies Messages;
