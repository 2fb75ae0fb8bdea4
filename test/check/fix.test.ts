import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBytes, fixBytes, readDocx } from '../../src/check/index.js';
import { bodyStyleAt12, inRun, mutate, rendered, replaceOnce, summarise } from './helpers.js';

// --fix: the mechanical faults corrected in a copy, the words left as they were.
const DOC = 'word/document.xml';
let good: Uint8Array;
beforeAll(async () => {
  good = (await rendered('data/nghi-son-qp-an-2020.yaml')).docx;
}, 120_000);

const texts = (b: Uint8Array) => readDocx(b).paras.map((p) => p.text);

describe('fixBytes', () => {
  it('margins, body size and the date fixed; the signer prefix and the headings left for a person; no word changed', async () => {
    let bytes = mutate(good, DOC, (x) => x.replace('TM. ỦY BAN', 'TM ỦY BAN').replace('ngày 09 tháng 12', 'ngày 9 tháng 12').replace('w:left="1984"', 'w:left="1417"').replace('>II. <', '>III. <'));
    bytes = mutate(bytes, 'word/styles.xml', bodyStyleAt12);
    const { fixed, bytes: out } = await fixBytes(bytes);
    expect(fixed.map((f) => f.rule)).toEqual(['margin-left', 'date-day-pad', 'body-size']);
    const after = await checkBytes(out);
    expect(after.findings.map((f) => f.rule)).toEqual(['authority-prefix', 'heading-sequence']);
    const doc = readDocx(out);
    expect(doc.sections[0]!.margin.left).toBeCloseTo(35, 1);
    const body = doc.paras.find((p) => p.text.startsWith('Năm 2020, Thị ủy'))!;
    expect(body.runs.map((r) => r.size)).toEqual([14]);
    // Every paragraph's words as before, the date's day now padded.
    const before = texts(bytes);
    const now = texts(out);
    expect(now.length).toBe(before.length);
    const changed = now.map((t, i) => [before[i], t]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([['Nghi Sơn, ngày 9 tháng 12 năm 2020', 'Nghi Sơn, ngày 09 tháng 12 năm 2020']]);
  });

  it('indent, spacing and line spacing rewritten in the paragraph properties, in schema order', async () => {
    const target = 'Năm 2020, Thị ủy, Ủy ban nhân dân';
    const bytes = mutate(good, DOC, (x) => {
      const at = x.indexOf(target);
      const start = x.lastIndexOf('<w:pPr>', at);
      const end = x.indexOf('</w:pPr>', start) + '</w:pPr>'.length;
      return x.slice(0, start) + '<w:pPr><w:spacing w:after="0" w:before="0" w:line="480" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>' + x.slice(end);
    });
    expect((await checkBytes(bytes)).findings.map((f) => f.rule)).toEqual(['body-indent', 'body-spacing', 'body-line-spacing']);
    const { bytes: out } = await fixBytes(bytes);
    expect(summarise(await checkBytes(out))).toEqual([]);
    const xml = new TextDecoder().decode((await import('fflate')).unzipSync(out)[DOC]);
    const at = xml.indexOf(target);
    expect(xml.slice(xml.lastIndexOf('<w:pPr>', at), xml.indexOf('</w:pPr>', xml.lastIndexOf('<w:pPr>', at)) + 8)).toBe(
      '<w:pPr><w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr>');
  });
});

describe('baocao check --fix', () => {
  it('writes the corrected copy once, never over an existing file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-check-fix-'));
    const input = path.join(dir, 'van-ban.docx');
    writeFileSync(input, mutate(good, DOC, (x) => inRun(x, 'Củng cố 136 tổ', (r) => r.replace('<w:t', '<w:rPr><w:sz w:val="24"/></w:rPr><w:t'))));
    const bin = path.resolve('dist/cli/main.js');
    const out = path.join(dir, 'van-ban-da-sua.docx');
    const first = spawnSync(process.execPath, [bin, 'check', input, '--fix', out], { encoding: 'utf8' });
    expect(first.status).toBe(2);
    expect(first.stderr).toBe(`Đã ghi bản sửa ${out}: sửa 1 lỗi về lề, cỡ chữ, thụt đầu dòng, giãn đoạn, giãn dòng, ngày tháng; không sửa chữ. Các lỗi còn lại cần sửa tay.\n`);
    expect(summarise(await checkBytes(readFileSync(out)))).toEqual([]);
    const again = spawnSync(process.execPath, [bin, 'check', out, '--fix', out], { encoding: 'utf8' });
    expect(again.stderr).toBe(`${out}: đã có tệp này, không ghi đè; chọn tên khác cho bản sửa.\n`);
    expect(again.status).toBe(5);
    const two = spawnSync(process.execPath, [bin, 'check', input, out, '--fix', path.join(dir, 'x.docx')], { encoding: 'utf8' });
    expect(two.status).toBe(64);
    expect(existsSync(path.join(dir, 'x.docx'))).toBe(false);
  });
});
