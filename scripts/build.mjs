// Bundles the Node entry points after tsc (npm run build): the CLI, every worker thread and the
// library each load a handful of files instead of some two hundred modules, and the code each
// command needs is a chunk loaded by its own `import()` only when that command runs.
//
// - Entries are found, not listed: src/cli/main.ts, every src/**/worker.ts, src/index.ts. A new
//   command in src/cli/commands/ becomes its own chunk through main.ts's import() automatically.
// - Packages in node_modules stay external: Node loads them as shipped (pdfkit and fontkit must
//   stay the very instances pdfmake loads; subset-font finds its wasm beside itself).
// - Every output sits two folders deep (dist/cli/main.js, dist/chunks/x.js, dist/lib/index.js), and
//   each source's import.meta.url is rewritten to the URL tsc's file would have had, so
//   `new URL('../../fonts/', import.meta.url)` and `new URL('./worker.js', …)` still resolve.
// - tsc's per-module output stays beside (types, and deep imports by benchmarks); dist/index.js
//   becomes a re-export of the bundled library.
import { build } from 'esbuild';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const src = path.join(root, 'src');

async function workers(dir) {
  const found = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && p !== path.join(src, 'serve', 'web')) found.push(...(await workers(p)));
    else if (e.name === 'worker.ts') found.push(p);
  }
  return found;
}

const EXTERNAL = ['@cantoo/pdf-lib', 'docx', 'fontkit', 'handlebars', 'handlebars/*', 'node-forge', 'nodemailer', 'pdfjs-dist', 'pdfjs-dist/*', 'pdfmake', 'pdfmake/*', 'pdfkit', 'pdfkit/*', 'piscina', 're2js', 'subset-font', 'yargs', 'yargs/*'];

const entryPoints = { 'cli/main': 'src/cli/main.ts', 'lib/index': 'src/index.ts' };
for (const w of await workers(src)) entryPoints[path.relative(src, w).replace(/\.ts$/, '')] = path.relative(root, w);

/** import.meta.url of each source → the URL of tsc's output for it, from any dist/<dir>/ file. */
const metaUrl = {
  name: 'tsc-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      if (text.includes('import.meta.url')) {
        const rel = path.relative(src, args.path).split(path.sep).join('/').replace(/\.ts$/, '.js');
        text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(`../${rel}`)}, import.meta.url).href`);
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

await rm(path.join(root, 'dist', 'chunks'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages that must stay as shipped are external (see the header); the small pure-JavaScript
  // ones are bundled: zod alone is some 95 module files that Node would resolve and compile one
  // by one in every cold process, and only the parts baocao uses are kept.
  external: EXTERNAL,
  // A bundled CommonJS package may require Node's own modules: give the ES module chunks a require.
  banner: { js: "import { createRequire as __baocaoRequire } from 'node:module'; const require = __baocaoRequire(import.meta.url);" },
  // Whitespace and syntax only: names stay, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [metaUrl],
  logLevel: 'warning',
});
await writeFile(path.join(root, 'dist', 'index.js'), "export * from './lib/index.js';\n");

// The DOCX font subsets of the bundled faces, made once here rather than by HarfBuzz in every
// process (src/fonts/subset.ts reads them by a hash of face and subsetter).
const { getFontFamily } = await import('../dist/fonts/index.js');
const { subsetCacheDir, writeSubsetCache } = await import('../dist/fonts/subset.js');
await rm(subsetCacheDir, { recursive: true, force: true });
await writeSubsetCache(getFontFamily('Tinos'));

// The DOCX's embedded font parts of the bundled faces, deflated once here rather than in every
// process (src/render/docx/zip.ts reads them by a hash of their bytes, beside the subsets).
const { writeFontPartCache } = await import('../dist/render/docx/package.js');
await writeFontPartCache(getFontFamily('Tinos'));

// The DOCX parts every document shares (theme, settings, styles, relationships …), deflated once
// here too: the parts two different bundled documents have byte for byte in common. Only a
// cache: if those documents no longer render, the build says so and goes on without it.
try {
  const pipeline = await import('../dist/pipeline/index.js');
  const { writeSharedPartCache } = await import('../dist/render/docx/zip.js');
  const packages = [];
  for (const file of ['data/demo-ban-tin-antt-2024-03.yaml', 'data/nghi-son-ke-hoach-tet-2021.yaml']) {
    const loaded = await pipeline.loadReport(path.join(root, file));
    if (!loaded.ok) throw new Error(`${file}: ${loaded.problems[0]?.message}`);
    packages.push(await pipeline.renderDocument(pipeline.buildDocument(loaded.kind, loaded.report), 'docx', loaded.kind.profile));
  }
  writeSharedPartCache(packages);
} catch (e) {
  console.warn(`build: the shared DOCX parts were not deflated in advance (${e.message})`);
}

// The built-in templates compiled once here rather than in every process (src/compose/specs.ts
// finds them by a hash of each template string; an edited template misses and compiles as before).
const { templateSpecs } = await import('../dist/compose/index.js');
const { specCacheFile } = await import('../dist/compose/specs.js');
const templatesDir = path.join(root, 'templates');
const kindFolders = (await readdir(templatesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.join(templatesDir, e.name)).sort();
await writeFile(specCacheFile, JSON.stringify(templateSpecs(kindFolders)));

// The built-in kinds whose templates pass the strict check as they are now (src/model/verified.ts):
// loading one of them later skips parsing its templates. A kind with problems is simply not listed.
process.env.BAOCAO_NO_BUILD_CACHE = '1';
const { loadKindFolder } = await import('../dist/model/index.js');
const { kindKey, verifiedKindsFile } = await import('../dist/model/verified.js');
const verified = [];
for (const dir of kindFolders) {
  try {
    loadKindFolder(dir, true);
    verified.push(kindKey(dir, await readFile(path.join(dir, 'kind.yaml'), 'utf8')));
  } catch {
    // its problems are reported when it loads
  }
}
delete process.env.BAOCAO_NO_BUILD_CACHE;
await writeFile(verifiedKindsFile, JSON.stringify(verified));

// The characters of the bundled faces (src/fonts/cmap.ts): validating a data file then needs no
// font parsing. Keyed by a hash of each file's bytes.
const { coverageCacheFile, coverageRanges, fontHash } = await import('../dist/fonts/cmap.js');
const coverage = {};
for (const face of Object.values(getFontFamily('Tinos').faces)) {
  coverage[fontHash(face.bytes)] = coverageRanges(face.font.characterSet.filter((cp) => face.font.hasGlyphForCodePoint(cp)));
}
await writeFile(coverageCacheFile, JSON.stringify(coverage));
