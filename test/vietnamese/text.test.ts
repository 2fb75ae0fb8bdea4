import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocument, loadReport, loadReportText, renderDocument } from '../../src/pipeline/index.js';
import { lines, readPdf } from '../support/pdf.js';

const FIX = 'test/fixtures/data';

/** The text of every w:t of the DOCX main part, joined. */
function docxText(bytes: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

describe('NFC everywhere', () => {
  it('turns decomposed (NFD) data into NFC text, identical in the PDF and the DOCX', async () => {
    const nfd = readFileSync(`${FIX}/minimal.yaml`, 'utf8').normalize('NFD');
    expect(nfd).toContain('quo\u0302\u0301c pho\u0300ng'); // really decomposed
    const r = loadReportText(nfd, 'nfd.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const doc = buildDocument(r.kind, r.report);
    const pdf = await readPdf(await renderDocument(doc, 'pdf', 'nd30'));
    const pdfText = pdf.pages.flatMap((p) => lines(p).map((l) => l.text)).join(' ');
    const docx = docxText(await renderDocument(doc, 'docx', 'nd30'));
    for (const phrase of ['XÃ TÂN LẬP', 'Tổng kết công tác quốc phòng - an ninh năm 2020', 'Công tác lãnh đạo, chỉ đạo được thực hiện nghiêm túc.', 'Tân Lập, ngày 03 tháng 02 năm 2021']) {
      expect(pdfText, phrase).toContain(phrase);
      expect(docx, phrase).toContain(phrase);
    }
    expect(pdfText).toBe(pdfText.normalize('NFC'));
    expect(docx).toBe(docx.normalize('NFC'));
    // Decomposed and precomposed input give the same bytes.
    const nfc = loadReportText(nfd.normalize('NFC'), 'nfc.yaml');
    if (!nfc.ok) throw new Error('fixture invalid');
    const nfcDoc = buildDocument(nfc.kind, nfc.report);
    expect((await renderDocument(nfcDoc, 'pdf', 'nd30')).equals(await renderDocument(doc, 'pdf', 'nd30'))).toBe(true);
    expect((await renderDocument(nfcDoc, 'docx', 'nd30')).equals(await renderDocument(doc, 'docx', 'nd30'))).toBe(true);
  });
});

describe('tone placement', () => {
  it('is made consistent over the whole document when the file asks for it', async () => {
    const base = readFileSync(`${FIX}/minimal.yaml`, 'utf8').replace('Ủy ban nhân dân xã Tân Lập', 'Uỷ ban nhân dân xã Tân Lập');
    const asTyped = loadReportText(base, 'a.yaml');
    const newStyle = loadReportText(`tonePlacement: new\n${base}`, 'b.yaml');
    const oldStyle = loadReportText(`tonePlacement: old\n${base}`, 'c.yaml');
    if (!asTyped.ok || !newStyle.ok || !oldStyle.ok) throw new Error('fixture invalid');
    const a = buildDocument(asTyped.kind, asTyped.report);
    const n = buildDocument(newStyle.kind, newStyle.report);
    const o = buildDocument(oldStyle.kind, oldStyle.report);
    // The frame writes names in capitals with the decree's own placement unless told otherwise.
    expect(a.frame.issuingAgency).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ TÂN LẬP']);
    expect(a.frame.nationalTitle).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(n.frame.issuingAgency).toEqual(['UỶ BAN NHÂN DÂN', 'XÃ TÂN LẬP']);
    expect(n.frame.nationalTitle).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(o.meta.author).toBe('Ủy ban nhân dân xã Tân Lập');
    expect(n.meta.author).toBe('Uỷ ban nhân dân xã Tân Lập');
  });
});

describe('legacy encodings in data files', () => {
  it('refuses TCVN3 text with a hint naming the encoding and the field', async () => {
    const r = await loadReport(`${FIX}/legacy-tcvn3.yaml`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.path, p.code])).toEqual([
      [15, ['leadership', 'summary'], 'legacy-encoding'],
      [41, ['tasks', 0], 'legacy-encoding'],
    ]);
    expect(r.problems[1]!.message).toBe(
      'trường "tasks[0]": chữ có vẻ được gõ bằng bảng mã TCVN3 (ABC, .VnTime) (Gi÷ v÷ng an ninh, trËt tù → Giữ vững an ninh, trật tự); dựng lại với --legacy tcvn3 hoặc ghi "legacyEncoding: tcvn3" trong tệp để chuyển sang Unicode.');
  });

  it('converts TCVN3 on request and VNI when the file declares it', async () => {
    const tcvn3 = await loadReport(`${FIX}/legacy-tcvn3.yaml`, 'vi', 'tcvn3');
    expect(tcvn3.ok).toBe(true);
    if (tcvn3.ok) {
      const q = tcvn3.report as unknown as { leadership: { summary: string }; tasks: string[] };
      expect(q.leadership.summary).toBe('Công tác lãnh đạo, chỉ đạo được thực hiện nghiêm túc.');
      expect(q.tasks[0]).toBe('Giữ vững an ninh, trật tự');
    }
    const vni = await loadReport(`${FIX}/legacy-vni.yaml`);
    expect(vni.ok).toBe(true);
    if (vni.ok) expect((vni.report as unknown as { leadership: { summary: string } }).leadership.summary).toBe('Công tác lãnh đạo, chỉ đạo được thực hiện nghiêm túc.');
  });

  it('leaves real Unicode alone and lets a file opt out of detection', async () => {
    expect((await loadReport('data/nghi-son-qp-an-2020.yaml')).ok).toBe(true);
    expect((await loadReport(`${FIX}/legacy-tcvn3.yaml`, 'vi', 'unicode')).ok).toBe(true);
  });
});
