// node bench/sheets.mjs [--quick] (after npm run build): spreadsheets in, measured.
// A 10,000-row XLSX and CSV read into records (median of several reads), the town report whose
// appendix is those 10,000 rows rendered to PDF, and hostile files read in a child process each,
// with its time and peak RSS: a sheet formatted down to a million empty rows, and a 60 MB file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const work = mkdtempSync(path.join(tmpdir(), 'baocao-bench-sheets-'));
const { readSheet, sheetToRecords } = await import(path.join(root, 'dist/sheets/index.js'));
const { buildDocument, loadReport, renderDocument } = await import(path.join(root, 'dist/pipeline/index.js'));
const { findKind } = await import(path.join(root, 'dist/model/index.js'));

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A workbook with one sheet "Tổng hợp": the heading row, then `rows` rows from `row(i)`, then `tail` XML. */
function xlsx(header, rows, row, tail = '') {
  const strings = [...header];
  const index = new Map(strings.map((s, i) => [s, i]));
  const sst = (s) => {
    if (!index.has(s)) index.set(s, strings.push(s) - 1);
    return index.get(s);
  };
  const col = (n) => String.fromCharCode(64 + n);
  const cells = (r, values) => values.map((v, c) => (typeof v === 'number' ? `<c r="${col(c + 1)}${r}"><v>${v}</v></c>` : `<c r="${col(c + 1)}${r}" t="s"><v>${sst(v)}</v></c>`)).join('');
  const body = [`<row r="1">${cells(1, header)}</row>`];
  for (let i = 1; i <= rows; i++) body.push(`<row r="${i + 1}">${cells(i + 1, row(i))}</row>`);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}${tail}</sheetData></worksheet>`;
  return zipSync({
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tổng hợp" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

const HEADER = ['TT', 'Xã, phường', 'Số tổ tự quản', 'Số thành viên', 'Mô hình camera', 'Số buổi tuyên truyền', 'Số người tham gia tuyên truyền'];
const N = 10_000;
const commune = (i) => [i, `Xã số ${i}`, i % 17, (i % 17) * 6, i % 3, i % 7, (i % 7) * 40];
const bigXlsx = path.join(work, 'so-lieu-xa.xlsx');
writeFileSync(bigXlsx, xlsx(HEADER, N, commune));
const bigCsv = path.join(work, 'so-lieu-xa.csv');
writeFileSync(bigCsv, [HEADER.map((h) => `"${h}"`).join(','), ...Array.from({ length: N }, (_v, i) => commune(i + 1).join(','))].join('\n'));

const fields = findKind('qp-an').fields.communes.items.fields;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timeRead(file) {
  const xs = [];
  let records = 0;
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t = performance.now();
    records = sheetToRecords(readSheet(file), fields).records.length;
    xs.push(performance.now() - t);
  }
  return { ms: median(xs), records };
}
const results = [];
const add = (what, value, note = '') => results.push([what, value, note]);
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

const rx = timeRead(bigXlsx);
add(`${N.toLocaleString('en')}-row XLSX → records, median`, fmt(rx.ms), `${rx.records} records, ${(readFileSync(bigXlsx).length / 1024).toFixed(0)} KB`);
const rc = timeRead(bigCsv);
add(`${N.toLocaleString('en')}-row CSV → records, median`, fmt(rc.ms), `${rc.records} records`);

// The town report whose appendix is the 10,000 rows (PDF, warm fonts after one small render).
const town = readFileSync(path.join(root, 'test/fixtures/sheets/thi-xa-tu-bang-tinh.yaml'), 'utf8').replace('communes: { from: so-lieu-xa.xlsx, sheet: "Tổng hợp", header-row: 3 }', 'communes: { from: so-lieu-xa.xlsx }');
writeFileSync(path.join(work, 'thi-xa.yaml'), town);
{
  let t = performance.now();
  const r = await loadReport(path.join(work, 'thi-xa.yaml'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  const loadMs = performance.now() - t;
  const doc = buildDocument(r.kind, r.report);
  await renderDocument({ ...doc, appendices: [] }, 'pdf', 'nd30'); // fonts warm
  t = performance.now();
  const pdf = await renderDocument(doc, 'pdf', 'nd30');
  const renderMs = performance.now() - t;
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  add(`town report, appendix of ${N.toLocaleString('en')} communes: load + validate`, fmt(loadMs));
  add(`town report, appendix of ${N.toLocaleString('en')} communes: PDF, warm`, fmt(renderMs), `${pages} pages`);
}

// Hostile files, each read in a child process: its own time and peak RSS.
function child(file) {
  const script = `const { readSheet } = await import(${JSON.stringify(path.join(root, 'dist/sheets/index.js'))});
const t = performance.now(); let out;
try { const s = readSheet(${JSON.stringify(file)}); out = 'read ' + s.rows.length + ' rows with content'; } catch (e) { out = 'refused: ' + e.message; }
// VmHWM is this process's own peak (maxRSS would include the bench's memory, inherited at fork).
const fs = await import('node:fs');
const hwm = fs.existsSync('/proc/self/status') ? Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) : process.resourceUsage().maxRSS;
console.log(JSON.stringify({ ms: performance.now() - t, rss: hwm / 1024, out }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}
const h0 = child(bigXlsx);
add(`${N.toLocaleString('en')}-row XLSX, in a process of its own`, fmt(h0.ms), `peak RSS ${h0.rss.toFixed(0)} MB; ${h0.out}`);
const EMPTY = quick ? 200_000 : 1_000_000;
const formatted = path.join(work, 'dinh-dang-het-cot.xlsx');
{
  const tail = [];
  for (let i = 3; i <= EMPTY; i++) tail.push(`<row r="${i}" s="1" customFormat="1" ht="15"><c r="A${i}" s="1"/><c r="B${i}" s="1"/></row>`);
  writeFileSync(formatted, xlsx(HEADER, 1, commune, tail.join('')));
}
const h1 = child(formatted);
add(`XLSX formatted down to row ${EMPTY.toLocaleString('en')} (${(readFileSync(formatted).length / 1024 / 1024).toFixed(1)} MB)`, fmt(h1.ms), `peak RSS ${h1.rss.toFixed(0)} MB; ${h1.out}`);
// Just under the 50 MB file limit: a real workbook, its sheet small, beside 49.9 MB of pictures
// (incompressible bytes, stored): only the parts read are inflated.
const nearLimit = path.join(work, 'gan-gioi-han.xlsx');
{
  const sheet = xlsx(HEADER, 10, commune);
  const { unzipSync } = await import('fflate');
  const parts = unzipSync(sheet);
  const { randomBytes } = await import('node:crypto');
  parts['xl/media/image1.png'] = [randomBytes(Math.floor(49.9 * 1024 * 1024) - sheet.length - 200), { level: 0 }];
  writeFileSync(nearLimit, zipSync(parts));
}
const hn = child(nearLimit);
add(`${(readFileSync(nearLimit).length / 1024 / 1024).toFixed(1)} MB XLSX (10-row sheet beside pictures)`, fmt(hn.ms), `peak RSS ${hn.rss.toFixed(0)} MB; ${hn.out}`);
// More rows of data than the limit (200,000): refused while reading.
const tooMany = path.join(work, 'qua-nhieu-dong.xlsx');
writeFileSync(tooMany, xlsx(HEADER, 250_000, commune));
const ht = child(tooMany);
add(`250,000-row XLSX (${(readFileSync(tooMany).length / 1024 / 1024).toFixed(1)} MB)`, fmt(ht.ms), `peak RSS ${ht.rss.toFixed(0)} MB; ${ht.out}`);
const huge = path.join(work, 'qua-lon.xlsx');
writeFileSync(huge, Buffer.alloc(60 * 1024 * 1024, 7));
const h2 = child(huge);
add('60 MB file', fmt(h2.ms), `peak RSS ${h2.rss.toFixed(0)} MB; ${h2.out}`);

const w = [0, 1, 2].map((c) => Math.max(...results.map((r) => r[c].length)));
console.log(results.map((r) => r.map((v, c) => v.padEnd(w[c])).join('  ')).join('\n'));
rmSync(work, { recursive: true, force: true });
