// Bundles the desk's page (src/serve/web) into dist/serve/web with esbuild: the page's script with
// pdf.js inside, pdf.js's worker, and the style sheet. No CDN: everything the page loads is here.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: {
    app: 'src/serve/web/main.ts',
    'pdf.worker': 'node_modules/pdfjs-dist/build/pdf.worker.mjs',
  },
  outdir: 'dist/serve/web',
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['chrome110', 'firefox115', 'safari16'],
  legalComments: 'eof',
  logLevel: 'warning',
});
await build({
  absWorkingDir: root,
  entryPoints: { app: 'src/serve/web/style.css' },
  outdir: 'dist/serve/web',
  bundle: true,
  minify: true,
  logLevel: 'warning',
});
