import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { handlebarsRuntime } from './engine.js';

/**
 * The compiled form of the built-in templates, made at build time (scripts/build.mjs writes
 * dist/template-specs.json): compiling qp-an's body costs some 100 ms of every cold render, and
 * the built-in templates only change with a build. Each spec is Handlebars' own precompiled output
 * for the template string, keyed by a hash of that string, its position index, the options and
 * Handlebars' version, so an edited template (a clone's own change, an office's kind) simply
 * misses and is compiled from its string as before.
 */

type TemplateSpec = Parameters<typeof Handlebars.template>[0];

export const COMPILE_OPTIONS = { noEscape: false, strict: false, preventIndent: true } as const;

export const specCacheFile = fileURLToPath(new URL('../../dist/template-specs.json', import.meta.url));

let specs: Record<string, string> | undefined;

export function specKey(source: string, index: number): string {
  return createHash('sha256').update(`${handlebarsRuntime().VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}\0${index}\0${source}`).digest('hex');
}

/** The build's spec for this template string, if it made one. */
export function cachedSpec(source: string, index: number): string | undefined {
  if (process.env.BAOCAO_NO_BUILD_CACHE === '1') return undefined;
  if (specs === undefined) {
    try {
      specs = JSON.parse(readFileSync(specCacheFile, 'utf8')) as Record<string, string>;
    } catch {
      specs = {}; // run from the sources, or a build without it: compile as before
    }
  }
  return Object.hasOwn(specs, specKey(source, index)) ? specs[specKey(source, index)] : undefined;
}

/**
 * A precompiled spec (JavaScript source of an object literal, as Handlebars.precompile writes it)
 * as the object Handlebars.template takes. Handlebars.compile makes its functions the same way.
 */
export function specObject(spec: string): TemplateSpec {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(`return ${spec};`)() as TemplateSpec;
}
