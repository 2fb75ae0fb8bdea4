import { createRequire } from 'node:module';
import Module from 'node:module';
import type PdfMake from 'pdfmake';

/**
 * pdfkit loads its encryption libraries when it loads: @noble/ciphers' AES (which builds its
 * tables then) and @noble/hashes' SHA-2, some 5–10 % of a cold PDF render, for encryption no
 * document of ours uses. Before pdfkit loads (this module is the PDF writer's first import), each
 * is entered in Node's module cache as a stand-in whose exports load the real module on first
 * use. pdfkit keeps them as namespaces and calls through them (`aes.cbc(…)`, `sha2.sha256(…)`),
 * so a document that is encrypted still gets the real functions; nothing else in the process
 * requires these packages. If pdfkit were already loaded, nothing is done.
 */

const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const pdfkitFile = fromPdfmake.resolve('pdfkit');
const fromPdfkit = createRequire(pdfkitFile);
const cache = fromPdfkit.cache;

function deferModule(id: string): void {
  let file: string;
  try {
    file = fromPdfkit.resolve(id);
  } catch {
    return; // another pdfkit without this dependency: it loads as shipped
  }
  if (cache[file]) return;
  let real: object | undefined;
  const load = (): object => {
    if (!real) {
      if (cache[file] === stub) delete cache[file];
      real = fromPdfkit(id) as object;
    }
    return real;
  };
  const stub = new Module(file);
  stub.filename = file;
  stub.loaded = true;
  stub.exports = new Proxy(
    {},
    {
      get: (_t, key) => Reflect.get(load(), key),
      has: (_t, key) => Reflect.has(load(), key),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_t, key) => {
        const d = Reflect.getOwnPropertyDescriptor(load(), key);
        return d ? { ...d, configurable: true } : undefined;
      },
    },
  );
  cache[file] = stub;
}

if (!cache[pdfkitFile]) {
  deferModule('@noble/ciphers/aes');
  deferModule('@noble/hashes/sha2');
}

// Required here, after the stand-ins, rather than imported by the writer: the bundle would evaluate
// an import of pdfmake (a package left external) before this module's code.
export const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof PdfMake;
