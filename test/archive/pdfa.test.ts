import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PdfReader, isDict, isRef, textString } from '../support/pdf-objects.js';
import { renderFile } from '../../src/index.js';
import type { PdfA } from '../../src/index.js';
import { VERSION } from '../../src/pipeline/index.js';
import { SAMPLE, parseXml, pdfinfo, tmp, tool, xmpOf } from './helpers.js';

// The sample as an archive copy: what a PDF/A validator and an archivist's tools look at.
// (veraPDF is not available here; these are the structural checks poppler and qpdf can make.)

const dir = tmp();
const files = {} as Record<PdfA, string>;
const bytes = {} as Record<PdfA, Buffer>;

beforeAll(async () => {
  for (const pdfa of ['3b', '2b', 'none'] as const) {
    const { outputs } = await renderFile(SAMPLE, { formats: ['pdf'], pdfa });
    bytes[pdfa] = outputs.pdf!;
    files[pdfa] = path.join(dir, `sample-${pdfa}.pdf`);
    writeFileSync(files[pdfa], outputs.pdf!);
  }
});

const catalog = (pdf: Buffer) => {
  const r = new PdfReader(pdf);
  const root = r.resolve(r.trailer()?.get('Root'));
  if (!isDict(root)) throw new Error('no catalog');
  return { r, root };
};

describe('PDF/A-3b (the default)', () => {
  it('is PDF 1.7 and identifies itself in well-formed XMP as part 3, conformance B', () => {
    expect(bytes['3b'].subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const xmp = parseXml(xmpOf(bytes['3b']));
    expect(xmp.get('pdfaid:part')).toEqual(['3']);
    expect(xmp.get('pdfaid:conformance')).toEqual(['B']);
  });

  it('repeats the Info dictionary in the XMP: title, author, subject, keywords, dates, creator', () => {
    const info = pdfinfo(files['3b']);
    const xmp = parseXml(xmpOf(bytes['3b']));
    expect(info.get('Title')).toBe('Tổng kết công tác quốc phòng - an ninh năm 2020, phương hướng, nhiệm vụ năm 2021');
    expect(xmp.get('rdf:li')).toContain(info.get('Title'));
    expect(info.get('Author')).toBe('Ủy ban nhân dân thị xã Nghi Sơn');
    expect(xmp.get('dc:creator')).toEqual([info.get('Author')]);
    expect(info.get('Subject')).toBe('Báo cáo /BC-UBND (dự thảo)');
    expect(xmp.get('dc:description')).toEqual([info.get('Subject')]);
    expect(xmp.get('pdf:Keywords')).toEqual([info.get('Keywords')]);
    expect(info.get('Keywords')).toContain('quốc phòng');
    expect(info.get('Creator')).toBe(`baocao ${VERSION}`);
    expect(xmp.get('xmp:CreatorTool')).toEqual([`baocao ${VERSION}`]);
    expect(xmp.get('pdf:Producer')).toEqual([info.get('Producer')]);
    // The document's date: 09/12/2020, midnight in Vietnam.
    expect(info.get('CreationDate')).toBe('2020-12-08T17:00:00Z');
    expect(xmp.get('xmp:CreateDate')).toEqual(['2020-12-08T17:00:00Z']);
    expect(xmp.get('xmp:ModifyDate')).toEqual(['2020-12-08T17:00:00Z']);
    expect(xmp.get('dc:language')).toEqual(['vi-VN']);
    expect(bytes['3b'].toString('latin1')).toContain('/Lang (vi-VN)');
  });

  it('has an sRGB output intent with an embedded ICC profile (the ICC sRGB2014 profile pdfkit ships)', () => {
    const { r, root } = catalog(bytes['3b']);
    const intents = r.resolve(root.get('OutputIntents'));
    expect(Array.isArray(intents) && intents.length).toBe(1);
    const intent = r.resolve((intents as unknown[])[0] as never);
    if (!isDict(intent)) throw new Error('no output intent');
    expect(intent.get('S')).toEqual({ name: 'GTS_PDFA1' });
    expect(textString(intent.get('OutputConditionIdentifier'))).toBe('sRGB IEC61966-2.1');
    const icc = r.streamData(intent.get('DestOutputProfile'));
    expect(icc).toBeDefined();
    const profile = Buffer.from(icc!);
    expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp'); // ICC signature
    expect(profile.subarray(16, 20).toString('latin1')).toBe('RGB ');
    expect(profile.toString('latin1')).toContain('Copyright International Color Consortium');
    const shipped = readFileSync(path.join(path.dirname(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit')), 'data/sRGB_IEC61966_2_1.icc'));
    expect(profile.equals(shipped)).toBe(true);
  });

  it('embeds every font, is not encrypted and passes qpdf --check', () => {
    const fonts = tool('pdffonts', [files['3b']]).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBe(4);
    for (const row of fonts) expect(row.split(/\s+/).slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']); // emb sub uni
    expect(pdfinfo(files['3b']).get('Encrypted')).toBe('no');
    const check = tool('qpdf', ['--check', files['3b']]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
    expect(check.stderr).toBe('');
  });

  it('refers to nothing outside itself: no links, actions, scripts or external streams', () => {
    const text = bytes['3b'].toString('latin1');
    for (const key of ['/URI', '/Launch', '/GoToR', '/GoToE', '/JavaScript', '/SubmitForm', '/ImportData', '/Encrypt', '/FFilter', '/XFA']) {
      expect(text.includes(key), key).toBe(false);
    }
  });

  it('carries the source data file as an associated file: /Source, MIME type, the document\'s dates', () => {
    const list = tool('pdfdetach', ['-list', files['3b']]).stdout;
    expect(list).toMatch(/^1 embedded files\n1: nghi-son-qp-an-2020\.yaml$/m);
    const out = path.join(dir, 'detached.yaml');
    expect(tool('pdfdetach', ['-save', '1', '-o', out, files['3b']]).code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(SAMPLE))).toBe(true);

    const { r, root } = catalog(bytes['3b']);
    const af = r.resolve(root.get('AF'));
    expect(Array.isArray(af) && af.length).toBe(1);
    const spec = r.resolve((af as unknown[])[0] as never);
    if (!isDict(spec)) throw new Error('no file specification');
    expect(spec.get('AFRelationship')).toEqual({ name: 'Source' });
    expect(textString(spec.get('UF'))).toBe('nghi-son-qp-an-2020.yaml');
    expect(textString(spec.get('Desc'))).toBe(`Số liệu nguồn (source data) — kind: qp-an; baocao ${VERSION}`);
    const ef = spec.get('EF');
    const ref = isDict(ef) ? ef.get('F') : undefined;
    if (!isRef(ref)) throw new Error('no embedded file stream');
    const stream = r.object(ref.ref)!.value;
    if (!isDict(stream)) throw new Error('bad stream');
    expect(stream.get('Subtype')).toEqual({ name: 'application/yaml' });
    const params = stream.get('Params');
    if (!isDict(params)) throw new Error('no Params');
    expect(textString(params.get('CreationDate'))).toBe('D:20201208170000Z');
    expect(textString(params.get('ModDate'))).toBe('D:20201208170000Z');
    expect(params.get('Size')).toBe(readFileSync(SAMPLE).length);
  });
});

describe('PDF/A-2b and plain PDF', () => {
  it('PDF/A-2b: part 2, conformance B, output intent, and no embedded file (PDF/A-2 allows none)', () => {
    const xmp = parseXml(xmpOf(bytes['2b']));
    expect(xmp.get('pdfaid:part')).toEqual(['2']);
    expect(xmp.get('pdfaid:conformance')).toEqual(['B']);
    const { root } = catalog(bytes['2b']);
    expect(root.has('OutputIntents')).toBe(true);
    expect(root.has('AF')).toBe(false);
    expect(tool('pdfdetach', ['-list', files['2b']]).stdout).toMatch(/^0 embedded files/);
    expect(tool('qpdf', ['--check', files['2b']]).code).toBe(0);
  });

  it('plain PDF: no PDF/A claim, no output intent; metadata and source data still there', () => {
    const xmp = parseXml(xmpOf(bytes.none));
    expect(xmp.names.has('pdfaid:part')).toBe(false);
    const { root } = catalog(bytes.none);
    expect(root.has('OutputIntents')).toBe(false);
    expect(xmp.get('dc:creator')).toEqual(['Ủy ban nhân dân thị xã Nghi Sơn']);
    expect(tool('pdfdetach', ['-list', files.none]).stdout).toMatch(/^1 embedded files/);
  });

  it('changes nothing visible: the same pages and text at every level', () => {
    const text = (f: string) => tool('pdftotext', ['-layout', f, '-']).stdout;
    expect(text(files['2b'])).toBe(text(files['3b']));
    expect(text(files.none)).toBe(text(files['3b']));
    // The page content streams themselves are identical.
    const pages = (b: Buffer) => {
      const { r, root } = catalog(b);
      const kids = r.resolve((r.resolve(root.get('Pages')) as Map<string, never>).get('Kids')) as never[];
      return kids.map((k) => Buffer.from(r.streamData((r.resolve(k) as Map<string, never>).get('Contents'))!).toString('latin1'));
    };
    expect(pages(bytes['2b'])).toEqual(pages(bytes['3b']));
    expect(pages(bytes.none)).toEqual(pages(bytes['3b']));
  });
});

describe('metadata with XML special characters', () => {
  it('stays well-formed XMP for an agency named "Sở Văn hóa & Thể thao <thử>"', async () => {
    const doc = parseDocument(readFileSync('test/fixtures/data/minimal.yaml', 'utf8'));
    const agency = 'Sở Văn hóa & Thể thao <thử> "Đông" \'Tây\'';
    doc.setIn(['frame', 'issuingAgency'], agency);
    doc.setIn(['frame', 'summary'], 'Tổng kết công tác <năm> 2020 & phương hướng năm 2021');
    const input = path.join(dir, 'so-vh&tt.yaml');
    writeFileSync(input, doc.toString());
    const { outputs } = await renderFile(input, { formats: ['pdf', 'docx'] });
    const pdf = outputs.pdf!;
    const xmp = parseXml(xmpOf(pdf)); // throws on an unescaped & or <
    expect(xmp.get('dc:creator')).toEqual([agency]);
    expect(xmp.get('rdf:li')).toContain('Tổng kết công tác <năm> 2020 & phương hướng năm 2021');
    const file = path.join(dir, 'special.pdf');
    writeFileSync(file, pdf);
    expect(pdfinfo(file).get('Author')).toBe(agency);
    expect(tool('pdfdetach', ['-list', file]).stdout).toContain('so-vh&tt.yaml');
    expect(tool('qpdf', ['--check', file]).code).toBe(0);
    // The DOCX core properties too.
    const { unzipSync, strFromU8 } = await import('fflate');
    const core = parseXml(strFromU8(unzipSync(outputs.docx!)['docProps/core.xml']!));
    expect(core.get('dc:creator')).toEqual([agency]);
  });

});
