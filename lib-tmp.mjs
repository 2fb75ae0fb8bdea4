import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { renderData } from '/work/wt/hostile/dist/index.js';
const base = parse(readFileSync('/work/wt/hostile/test/fixtures/data/minimal.yaml', 'utf8'));
for (const isolate of [process.argv[2] === 'in', true, true]) {
const t0 = Date.now();
const r = await renderData(base, { formats: ['pdf', 'docx'], isolate });
console.log(isolate, r.outputs.pdf.length, Date.now() - t0);
}
console.log('done', performance.now());
