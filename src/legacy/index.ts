/**
 * Legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows) pasted into UTF-8 files:
 * detection, conversion to NFC Unicode, and helpers for whole data files.
 */
export {
  convertLegacy,
  hasUnicodeVietnamese,
  LegacyConversionError,
  type LegacyEncoding,
} from './convert.js';
export { detectLegacy, type LegacyDetection } from './detect.js';
export { convertLegacyDeep, findLegacyStrings, type LegacyStringReport } from './deep.js';
export { isVietnameseSyllable } from './syllable.js';
export { CP1252_HIGH, TCVN3_TABLE, VNI_TABLE } from './tables.js';
