import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSource } from '../../src/archive/extract.js';
import { sealPng } from '../electronic/png.js';
import { issue, makeCa, p12 } from './pki.js';
import type { Issued } from './pki.js';

// The built CLI, run as an office's registry would run it; poppler's pdfsig and qpdf check the result.
const BIN = path.resolve('dist/cli/main.js');
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tool = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
const hasCertutil = tool('certutil', ['-H']).error === undefined;

const PASSWORD = 'mật-khẩu 2026';
let dir: string;
let pdf: string;
let source: Buffer;
let ca: Issued;
let nss: string;
const files: Record<string, string> = {};

function writeP12(name: string, leaf: Issued): string {
  const file = path.join(dir, `${name}.p12`);
  writeFileSync(file, p12(leaf, ca, PASSWORD));
  files[name] = file;
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'baocao-sign-'));
  const data = path.join(dir, 'minimal.yaml');
  copyFileSync('test/fixtures/data/minimal.yaml', data);
  source = readFileSync(data);
  const r = run(['render', data, '--out', dir, '--format', 'pdf', '--name', 'bao-cao']);
  expect(r.code, r.stderr).toBe(0);
  pdf = path.join(dir, 'bao-cao.pdf');
  writeFileSync(path.join(dir, 'pw.txt'), `${PASSWORD}\n`);

  ca = makeCa();
  writeFileSync(path.join(dir, 'ca.pem'), ca.pem);
  const o = 'Ủy ban nhân dân xã Tân Lập';
  writeP12('signer', issue(ca, { cn: 'Nguyễn Văn An', o }));
  writeP12('registry', issue(ca, { cn: 'Văn thư UBND xã Tân Lập', o }));
  writeP12('expired', issue(ca, { cn: 'Hết Hạn', notBefore: new Date(Date.now() - 86400_000 * 400), notAfter: new Date(Date.now() - 86400_000) }));
  writeP12('future', issue(ca, { cn: 'Chưa Tới', notBefore: new Date(Date.now() + 86400_000 * 10), notAfter: new Date(Date.now() + 86400_000 * 400) }));
  writeP12('encipher', issue(ca, { cn: 'Chỉ Mã Hóa', keyUsage: { keyEncipherment: true } }));

  // A test trust store holding only the throw-away CA (NSS database, as pdfsig reads).
  nss = path.join(dir, 'nss');
  mkdirSync(nss);
  if (hasCertutil) {
    expect(tool('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']).status).toBe(0);
    expect(tool('certutil', ['-A', '-n', 'baocao-test-ca', '-t', 'CT,C,C', '-i', path.join(dir, 'ca.pem'), '-d', `sql:${nss}`]).status).toBe(0);
  }
}, 120_000);

const sign = (args: string[], env: Record<string, string> = {}) => run(['sign', ...args], env);
const pw = () => ['--password-file', path.join(dir, 'pw.txt')];

interface PdfsigEntry {
  valid: boolean;
  trusted: boolean;
  name: string;
  ranges: string;
  subFilter: string;
  total: boolean;
}
function pdfsig(file: string): PdfsigEntry[] {
  const r = tool('pdfsig', ['-nssdir', `sql:${nss}`, file]);
  return r.stdout.split(/^Signature #\d+:$/m).slice(1).map((s) => ({
    valid: s.includes('Signature Validation: Signature is Valid.'),
    trusted: s.includes('Certificate Validation: Certificate is Trusted.'),
    name: /Signer Certificate Common Name: (.*)/.exec(s)?.[1] ?? '',
    ranges: /Signed Ranges: (.*)/.exec(s)?.[1] ?? '',
    subFilter: /Signature Type: (.*)/.exec(s)?.[1] ?? '',
    total: s.includes('Total document signed'),
  }));
}

/** The last signature dictionary of the file: its /ByteRange, /Contents offsets and /M. */
function lastSignature(bytes: Buffer) {
  const text = bytes.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  const br = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at))!.slice(1).map(Number) as [number, number, number, number];
  const start = br[0] + br[1];
  const end = br[2];
  const dict = text.slice(text.lastIndexOf('<<', at), text.indexOf('>>', end) + 2);
  return { br, start, end, dict, contents: Buffer.from(text.slice(start + 1, end - 1), 'hex') };
}

/** The OIDs of the CMS signer's signed attributes. */
function signedAttributeOids(cms: Buffer): string[] {
  // Trailing zero padding after the DER is allowed in /Contents; fromDer reads the first element.
  const asn = forge.asn1.fromDer(forge.util.createBuffer(cms.toString('binary')), { parseAllBytes: false } as never);
  const signedData = ((asn.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
  const parts = signedData.value as forge.asn1.Asn1[];
  const signerInfos = parts[parts.length - 1]!.value as forge.asn1.Asn1[];
  const attrs = (signerInfos[0]!.value as forge.asn1.Asn1[])[3]!;
  return (attrs.value as forge.asn1.Asn1[]).map((a) => forge.asn1.derToOid((a.value as forge.asn1.Asn1[])[0]!.value as string));
}

describe('baocao sign: PAdES baseline B-B as an incremental update', () => {
  it('signs: pdfsig verifies it against the test CA, the byte range covers all but /Contents, nothing before the increment changes', async () => {
    const out = path.join(dir, 'bao-cao.signed.pdf');
    const r = sign([pdf, '--p12', files.signer!, ...pw(), '--reason', 'Ban hành văn bản', '--location', 'Tân Lập']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Đã ký: .*bao-cao\.signed\.pdf \(người ký: Nguyễn Văn An; thời gian ký: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00\)\n$/);
    expect(r.stderr).toBe('');

    const original = readFileSync(pdf);
    const signed = readFileSync(out);
    // Incremental: the original file is a prefix of the signed one, byte for byte.
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);

    const [s] = pdfsig(out);
    expect(s).toMatchObject({ valid: true, name: 'Nguyễn Văn An', subFilter: 'ETSI.CAdES.detached', total: true });
    if (hasCertutil) expect(s!.trusted).toBe(true);

    const { br, start, end, dict, contents } = lastSignature(signed);
    expect(br[0]).toBe(0);
    expect(signed[start]).toBe(0x3c); // '<'
    expect(signed[end - 1]).toBe(0x3e); // '>'
    expect(br[2] + br[3]).toBe(signed.length);
    expect(s!.ranges).toBe(`[0 - ${br[1]}], [${br[2]} - ${br[2] + br[3]}]`);
    expect(dict).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(dict).toMatch(/\/M \(D:\d{14}\+07'00'\)/);

    // PAdES B-B: content-type, message-digest, signing-certificate-v2; no signing-time.
    expect(signedAttributeOids(contents).sort()).toEqual(['1.2.840.113549.1.9.16.2.47', '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4']);

    expect(tool('qpdf', ['--check', out]).status).toBe(0);

    // The trailer keeps the file identifier; the XMP and the embedded data are those of the original.
    const idOf = (b: Buffer) => [...b.toString('latin1').matchAll(/\/ID\s*\[\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\]/g)].map((m) => `${m[1]!.toLowerCase()} ${m[2]!.toLowerCase()}`);
    const ids = idOf(signed);
    expect(ids.length).toBe(2);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[0]).toBe(idOf(original)[0]);
    const before = await PDFDocument.load(original, { updateMetadata: false });
    const after = await PDFDocument.load(signed, { updateMetadata: false });
    const xmp = (d: PDFDocument) => Buffer.from(d.catalog.lookup(PDFName.of('Metadata'), PDFRawStream).getContents()).toString('utf8');
    expect(xmp(after)).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp(after)).toBe(xmp(before));
    const extracted = await extractSource(signed);
    expect(extracted?.name).toBe('minimal.yaml');
    expect(Buffer.from(extracted!.bytes).equals(source)).toBe(true);
  }, 240_000);

  it('a second signature (the registry after the signer) is a second increment; both verify', () => {
    const first = path.join(dir, 'bao-cao.signed.pdf');
    const out = path.join(dir, 'bao-cao.two.pdf');
    const r = sign([first, '--p12', files.registry!, ...pw(), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('đã có 1 chữ ký; chữ ký mới được nối thêm, các chữ ký cũ vẫn còn hiệu lực.');
    const signed = readFileSync(out);
    expect(signed.subarray(0, readFileSync(first).length).equals(readFileSync(first))).toBe(true);
    const sigs = pdfsig(out);
    expect(sigs.map((s) => [s.name, s.valid, s.total])).toEqual([
      ['Nguyễn Văn An', true, false],
      ['Văn thư UBND xã Tân Lập', true, true],
    ]);
    if (hasCertutil) expect(sigs.every((s) => s.trusted)).toBe(true);
    expect(tool('qpdf', ['--check', out]).status).toBe(0);
    // baocao inspect lists both, the first one followed by an appended update.
    const inspected = JSON.parse(run(['inspect', out, '--json']).stdout) as { signatures: { name: string; time: string; subFilter: string; coversWholeFile: boolean }[]; attachments: string[] };
    expect(inspected.signatures.map((s) => [s.name, s.subFilter, s.coversWholeFile])).toEqual([
      ['Nguyễn Văn An', 'ETSI.CAdES.detached', false],
      ['Văn thư UBND xã Tân Lập', 'ETSI.CAdES.detached', true],
    ]);
    expect(inspected.signatures[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(inspected.attachments).toEqual(['minimal.yaml']);
  }, 240_000);

  it('refuses a wrong password, an expired or not yet valid certificate, and one without digitalSignature (exit 2, nothing written)', () => {
    const out = path.join(dir, 'refused.pdf');
    const cases: [string[], Record<string, string>, string][] = [
      [['--p12', files.signer!], { BAOCAO_P12_PASSWORD: 'sai' }, `${files.signer}: sai mật khẩu của tệp chứng thư số.`],
      [['--p12', files.expired!, ...pw()], {}, 'chứng thư số của "Hết Hạn" đã hết hạn'],
      [['--p12', files.future!, ...pw()], {}, 'chứng thư số của "Chưa Tới" chưa có hiệu lực'],
      [['--p12', files.encipher!, ...pw()], {}, 'chứng thư số của "Chỉ Mã Hóa" không có mục đích sử dụng "chữ ký số" (digitalSignature)'],
    ];
    for (const [args, env, message] of cases) {
      const r = sign([pdf, ...args, '--out', out], env);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(readdirSync(dir)).not.toContain('refused.pdf');
    const en = sign([pdf, '--p12', files.expired!, ...pw(), '--out', out, '--lang', 'en']);
    expect(en.stderr).toContain('the certificate of "Hết Hạn" has expired');
  }, 240_000);

  it('never overwrites an existing output without --force (exit 5); --visible without a layout file is a usage error (64)', () => {
    const exists = sign([pdf, '--p12', files.signer!, ...pw()]);
    expect(exists.code).toBe(5);
    expect(exists.stderr).toContain('bao-cao.signed.pdf đã có; giữ nguyên tệp cũ (dùng --force để ghi đè).');
    // The hint names the command the way the user ran it (issue 12 item 4): pinned here as from PATH.
    const visible = sign([pdf, '--p12', files.signer!, ...pw(), '--visible', '--out', path.join(dir, 'v.pdf')], { BAOCAO_COMMAND: 'baocao' });
    expect(visible.code).toBe(64);
    expect(visible.stderr).toContain(`--visible cần tệp vị trí vùng ký ${path.join(dir, 'bao-cao.sign.json')}; hãy dựng lại văn bản với "baocao render … --sign-layout"`);
  }, 240_000);

  it('signs a PDF not made by baocao with a warning that PDF/A is not checked', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const foreign = path.join(dir, 'foreign.pdf');
    writeFileSync(foreign, await doc.save());
    const r = sign([foreign, '--p12', files.signer!, ...pw()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`CẢNH BÁO: ${foreign} không do baocao tạo; vẫn ký được nhưng không kiểm tra PDF/A.`);
    expect(pdfsig(path.join(dir, 'foreign.signed.pdf'))[0]).toMatchObject({ valid: true, total: true });
  }, 240_000);

  it('--visible draws the text appearance in the signer area of the .sign.json, where it says', async () => {
    const layout = { version: 1, pdf: 'bao-cao.pdf', areas: [{ role: 'signer', page: 1, rect: { x: 330.5, y: 60, width: 170, height: 56.7 }, mm: { x: 116.6, y: 276.7, width: 60, height: 20 } }] };
    writeFileSync(path.join(dir, 'bao-cao.sign.json'), JSON.stringify(layout));
    const out = path.join(dir, 'visible.pdf');
    const r = sign([pdf, '--p12', files.signer!, ...pw(), '--visible', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(pdfsig(out)[0]).toMatchObject({ valid: true, total: true });
    expect(tool('qpdf', ['--check', out]).status).toBe(0);
    const doc = await PDFDocument.load(readFileSync(out), { updateMetadata: false });
    const annots = doc.getPage(0).node.Annots()!;
    const widget = doc.context.lookup(annots.get(annots.size() - 1)) as unknown as { get(n: unknown): unknown };
    const rect = String(widget.get(PDFName.of('Rect')));
    expect(rect).toBe('[ 330.5 60 500.5 116.7 ]');
    // PDF/A: the widget is printed (Print flag 4, Locked 128) and has its appearance stream.
    expect(String(widget.get(PDFName.of('F')))).toBe('132');
    expect(String(widget.get(PDFName.of('AP')))).toMatch(/^<<\s*\/N \d+ 0 R\s*>>$/);
    // Every font, the appearance's too, is embedded.
    const fonts = tool('pdffonts', [out]).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBe(5);
    expect(fonts.every((l) => /\s+yes\s+(yes|no)\s+yes\s+\d+\s+\d+$/.test(l))).toBe(true);
    const text = tool('pdftotext', ['-f', '1', '-l', '1', '-x', '330', '-y', String(842 - 117), '-W', '172', '-H', '58', out, '-']).stdout;
    expect(text).toContain('Ký bởi: Nguyễn Văn An');
    expect(text).toContain('Ủy ban nhân dân xã Tân Lập');
    expect(text).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00/);
  }, 240_000);

  it('--visible --role issuer-stamp on an appendix file draws nothing over the printed stamp; --role seal draws the seal image in the seal area', async () => {
    // An electronic document with a separate appendix: render writes the stamp and the areas.
    const data = path.join(dir, 'demo.yaml');
    copyFileSync('data/demo-thi-xa-song-lam-2021.yaml', data);
    const r = run(['render', data, '--out', dir, '--format', 'pdf', '--name', 'dt', '--electronic', '--sign-layout', '--appendices', 'separate', '--signed-at', '2026-12-09T14:30:15+07:00']);
    expect(r.code, r.stderr).toBe(0);
    const appendix = path.join(dir, 'dt.phu-luc-1.pdf');
    const stampOut = path.join(dir, 'dt.phu-luc-1.signed.pdf');
    const s = sign([appendix, '--p12', files.registry!, ...pw(), '--visible', '--role', 'issuer-stamp']);
    expect(s.code, s.stderr).toBe(0);
    expect(pdfsig(stampOut)[0]).toMatchObject({ valid: true, total: true });
    expect(tool('qpdf', ['--check', stampOut]).status).toBe(0);
    const area = JSON.parse(readFileSync(path.join(dir, 'dt.phu-luc-1.sign.json'), 'utf8')).areas[0];
    const doc = await PDFDocument.load(readFileSync(stampOut), { updateMetadata: false });
    const annots = doc.getPage(0).node.Annots()!;
    const widget = doc.context.lookup(annots.get(annots.size() - 1)) as unknown as { get(n: unknown): unknown };
    expect(String(widget.get(PDFName.of('F')))).toBe('132');
    const [x1, y1] = String(widget.get(PDFName.of('Rect'))).replace(/[[\]]/g, ' ').trim().split(/\s+/).map(Number);
    expect([x1, y1]).toEqual([area.rect.x, area.rect.y]);
    // The stamp's area reads exactly as render printed it: no "Ký bởi" text laid over it.
    const box = ['-f', '1', '-l', '1', '-x', String(Math.floor(area.rect.x) - 2), '-y', String(Math.floor(doc.getPage(0).getHeight() - area.rect.y - area.rect.height) - 2), '-W', String(Math.ceil(area.rect.width) + 4), '-H', String(Math.ceil(area.rect.height) + 4)];
    const read = (f: string) => tool('pdftotext', [...box, f, '-']).stdout.trim();
    expect(read(stampOut)).toBe(read(appendix));
    expect(read(stampOut)).not.toContain('Ký bởi');

    // The registry's signature on the main document with the seal image in the seal area.
    const main = path.join(dir, 'dt.pdf');
    writeFileSync(path.join(dir, 'seal.png'), sealPng(300));
    const sealOut = path.join(dir, 'dt.seal.pdf');
    const sealed = sign([main, '--p12', files.registry!, ...pw(), '--visible', '--role', 'seal', '--image', path.join(dir, 'seal.png'), '--out', sealOut]);
    expect(sealed.code, sealed.stderr).toBe(0);
    expect(pdfsig(sealOut)[0]).toMatchObject({ valid: true, total: true });
    const seal = JSON.parse(readFileSync(path.join(dir, 'dt.sign.json'), 'utf8')).areas.find((a: { role: string }) => a.role === 'seal');
    const sd = await PDFDocument.load(readFileSync(sealOut), { updateMetadata: false });
    const sa = sd.getPage(seal.page - 1).node.Annots()!;
    const sw = sd.context.lookup(sa.get(sa.size() - 1)) as unknown as { get(n: unknown): unknown };
    const got = String(sw.get(PDFName.of('Rect'))).replace(/[[\]]/g, ' ').trim().split(/\s+/).map(Number);
    const want = [seal.rect.x, seal.rect.y, seal.rect.x + seal.rect.width, seal.rect.y + seal.rect.height];
    got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(0.001));
  }, 240_000);

  it('PDF/A-3b structure of a signed electronic document with images (the rules veraPDF would check that can be read here)', async () => {
    // dt.seal.pdf (previous test): render --electronic with reserved areas, then the seal drawn by sign.
    const signed = readFileSync(path.join(dir, 'dt.seal.pdf'));
    const original = readFileSync(path.join(dir, 'dt.pdf'));
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const cat = doc.catalog;
    // The catalog of the last revision keeps the output intent, the XMP, the associated file and the language.
    for (const key of ['OutputIntents', 'Metadata', 'AF', 'Lang']) expect(cat.has(PDFName.of(key)), key).toBe(true);
    const form = cat.lookup(PDFName.of('AcroForm')) as unknown as { has(n: unknown): boolean };
    expect(form.has(PDFName.of('NeedAppearances'))).toBe(false);
    const xmp = Buffer.from(cat.lookup(PDFName.of('Metadata'), PDFRawStream).getContents()).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    // No encryption, nothing outside the file, no forbidden image or form keys, in any revision.
    const text = signed.toString('latin1');
    for (const key of ['/Encrypt', '/JavaScript', '/Launch', '/URI', '/OPI', '/Alternates', '/Interpolate true', '/NeedsRendering']) expect(text.includes(key), key).toBe(false);
    // The trailer of each revision carries the same /ID.
    const ids = [...text.matchAll(/\/ID\s*\[\s*<([0-9a-fA-F]+)>/g)].map((m) => m[1]);
    expect(ids.length).toBe(2);
    expect(new Set(ids).size).toBe(1);
    // Every annotation printed, none hidden, each with a normal appearance only (ISO 19005-2 §6.3.2, §6.3.3).
    for (const page of doc.getPages()) {
      const annots = page.node.Annots();
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const a = doc.context.lookup(annots!.get(i)) as unknown as { get(n: unknown): unknown };
        const f = Number(String(a.get(PDFName.of('F'))));
        expect(f & 4).toBe(4);
        expect(f & (1 | 2 | 32 | 256)).toBe(0);
        expect(String(a.get(PDFName.of('AP')))).toMatch(/^<<\s*\/N \d+ 0 R\s*>>$/);
      }
    }
    // Every font embedded, the appearance's too; qpdf finds no error; the data file and XMP unchanged.
    const fonts = tool('pdffonts', [path.join(dir, 'dt.seal.pdf')]).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row.split(/\s+/).slice(-5, -4), row).toEqual(['yes']);
    expect(tool('qpdf', ['--check', path.join(dir, 'dt.seal.pdf')]).status).toBe(0);
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);
    expect((await extractSource(signed))?.name).toBe('demo.yaml');
    // The signed images: RGB or grey with a grey soft mask (transparency with the sRGB output intent).
    const images = [...text.matchAll(/\/Subtype \/Image[\s\S]*?>>/g)].map((m) => m[0]);
    expect(images.length).toBeGreaterThan(0);
    for (const im of images) expect(im).toMatch(/\/ColorSpace \/Device(RGB|Gray)/);
  }, 240_000);
});
