import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/inspect/index.js';
import { buildDocument, loadReportText, renderDocument } from '../../src/pipeline/index.js';

const BIN = path.resolve('dist/cli/main.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const minimal = readFileSync('test/fixtures/data/minimal.yaml', 'utf8');
const withExchange = (fields: string) => minimal.replace('  issuingAgency: Ủy ban nhân dân xã Tân Lập\n', `  issuingAgency: Ủy ban nhân dân xã Tân Lập\n${fields}`);
const EXCHANGE = [
  '  agencyCode: 000.12.34.H56',
  '  priority: Thượng khẩn',
  '  copies: 12',
  '  dueDate: 2021-02-20',
  '  recipientCodes: [000.00.00.H56, 000.00.01.H56]',
  '',
].join('\n');

async function render(text: string, format: 'pdf' | 'docx'): Promise<Buffer> {
  const loaded = loadReportText(text, 'meta.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const doc = buildDocument(loaded.kind, loaded.report);
  return renderDocument(doc, format, loaded.kind.profile, loaded.source ? { source: { ...loaded.source, kind: loaded.kind.id } } : {});
}

const xmpOf = (pdf: Buffer) => {
  const s = pdf.toString('utf8');
  return s.slice(s.indexOf('<x:xmpmeta'), s.indexOf('</x:xmpmeta>'));
};

describe('exchange metadata (Decree 30 Appendix VI) in the XMP and the DOCX custom properties', () => {
  it('PDF: the vb schema holds the given and derived fields, declared in a PDF/A extension schema; same input, same bytes', async () => {
    const a = await render(withExchange(EXCHANGE), 'pdf');
    const b = await render(withExchange(EXCHANGE), 'pdf');
    expect(a.equals(b)).toBe(true);
    const xmp = xmpOf(a);
    expect(xmp).toContain('<pdfaSchema:namespaceURI>http://ns.baocao.vn/vanban/1.0/</pdfaSchema:namespaceURI>');
    expect(xmp).toContain('<pdfaSchema:prefix>vb</pdfaSchema:prefix>');
    // Every property used is declared, with a PDF/A value type.
    const used = [...xmp.matchAll(/<vb:(\w+)>/g)].map((m) => m[1]);
    const declared = [...xmp.matchAll(/<pdfaProperty:name>(\w+)<\/pdfaProperty:name><pdfaProperty:valueType>(Text|Integer|Date|bag Text)</g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(8);
    for (const u of used) expect(declared).toContain(u);
    const r = await inspectFile('meta.pdf', a);
    expect(r.metadata).toEqual({
      organId: '000.12.34.H56',
      typeName: 'Báo cáo',
      codeNotation: 'BC-UBND',
      issuedDate: '2021-02-03',
      organName: 'Ủy ban nhân dân xã Tân Lập',
      language: 'vi-VN',
      pageAmount: r.metadata.pageAmount,
      position: 'Chủ tịch',
      toOrganIds: ['000.00.00.H56', '000.00.01.H56'],
      priority: 'Thượng khẩn',
      issuedAmount: '12',
      dueDate: '2021-02-20',
    });
    // The page count is the PDF's own.
    const pages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', ['-'], { input: a, encoding: 'latin1' }).stdout)?.[1];
    expect(r.metadata.pageAmount).toBe(pages);
    expect(r.attachments).toEqual(['meta.yaml']);
    expect(r.signatures).toEqual([]);
  }, 240_000);

  it('without the new fields the PDF has no vb schema and no custom properties in the DOCX', async () => {
    const pdf = await render(minimal, 'pdf');
    expect(xmpOf(pdf)).not.toContain('vb:');
    expect(xmpOf(pdf)).not.toContain('pdfaExtension');
    const docx = unzipSync(await render(minimal, 'docx'));
    // docx writes an empty custom-properties part of its own; it stays empty.
    expect(strFromU8(docx['docProps/custom.xml']!)).not.toContain('<property');
  }, 240_000);

  it('DOCX: custom properties (the part docx declares) filled; same input, same bytes', async () => {
    const a = await render(withExchange(EXCHANGE), 'docx');
    const b = await render(withExchange(EXCHANGE), 'docx');
    expect(a.equals(b)).toBe(true);
    const files = unzipSync(a);
    const custom = strFromU8(files['docProps/custom.xml']!);
    expect(custom).toContain('<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="OrganId"><vt:lpwstr>000.12.34.H56</vt:lpwstr></property>');
    expect(custom).toContain('name="IssuedAmount"><vt:i4>12</vt:i4>');
    expect(custom).toContain('name="ToOrganIds"><vt:lpwstr>000.00.00.H56; 000.00.01.H56</vt:lpwstr>');
    expect(strFromU8(files['[Content_Types].xml']!)).toMatch(/<Override [^>]*ContentType="application\/vnd.openxmlformats-officedocument.custom-properties\+xml"[^>]*PartName="\/docProps\/custom.xml"\/>|<Override PartName="\/docProps\/custom.xml" ContentType="application\/vnd.openxmlformats-officedocument.custom-properties\+xml"\/>/);
    expect(strFromU8(files['_rels/.rels']!)).toContain('Target="docProps/custom.xml"');
    const r = await inspectFile('meta.docx', a);
    expect(r.metadata).toMatchObject({ organId: '000.12.34.H56', priority: 'Thượng khẩn', issuedAmount: '12', toOrganIds: ['000.00.00.H56', '000.00.01.H56'] });
  }, 240_000);

  it('refuses a malformed agency code with the field named, and an unknown priority', () => {
    const bad = loadReportText(withExchange('  agencyCode: 00.12.34.H56\n  priority: Đột xuất\n'), 'bad.yaml');
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    const code = problems.find((p) => p.path.join('.') === 'frame.agencyCode');
    expect(code?.message).toContain('mã định danh cơ quan gồm 13 ký tự dạng "000.00.00.H53"');
    expect(code?.line).toBe(4);
    expect(problems.some((p) => p.path.join('.') === 'frame.priority')).toBe(true);
  });

  it('baocao inspect prints the fields and --json gives them as data', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-inspect-'));
    const data = path.join(dir, 'meta.yaml');
    writeFileSync(data, withExchange(EXCHANGE));
    expect(run(['render', data, '--out', dir, '--format', 'pdf', '--name', 'meta']).code).toBe(0);
    const text = run(['inspect', path.join(dir, 'meta.pdf')]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('  Mã định danh cơ quan: 000.12.34.H56\n');
    expect(text.stdout).toContain('  Độ khẩn: Thượng khẩn\n');
    expect(text.stdout).toContain('  Mã định danh nơi nhận: 000.00.00.H56, 000.00.01.H56\n');
    expect(text.stdout).toContain('  Tệp số liệu đính kèm: meta.yaml\n');
    expect(text.stdout).toContain('  Chữ ký số: chưa ký\n');
    const json = JSON.parse(run(['inspect', path.join(dir, 'meta.pdf'), '--json']).stdout) as { metadata: Record<string, unknown> };
    expect(json.metadata.dueDate).toBe('2021-02-20');
    const notPdf = run(['inspect', data]);
    expect(notPdf.code).toBe(2);
    expect(notPdf.stderr).toContain(`${data}: không phải tệp PDF hoặc DOCX.`);
  }, 240_000);
});
