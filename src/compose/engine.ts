import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';

/**
 * Handlebars, loaded when first needed and only as much as needed: its parser and compiler are some
 * 400 KB of JavaScript that a process running only the build's precompiled built-in templates
 * (src/compose/specs.ts), or only validating data against a built-in kind checked at build time
 * (src/model/verified.ts), never has to load.
 */
type Handlebars = typeof HandlebarsType;
const requireHere = createRequire(import.meta.url);
let full: Handlebars | undefined;
let runtime: Handlebars | undefined;

/** The whole of Handlebars: to parse or compile a template string. */
export function handlebars(): Handlebars {
  return (full ??= requireHere('handlebars') as Handlebars);
}

/** Handlebars' runtime alone: enough to run templates compiled at build time. */
export function handlebarsRuntime(): Handlebars {
  return full ?? (runtime ??= requireHere('handlebars/runtime') as Handlebars);
}
