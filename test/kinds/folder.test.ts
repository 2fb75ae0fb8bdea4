import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, readPdf } from '../support/pdf.js';

// A kind is a folder: an office writes kind.yaml, body.hbs and a sample outside the project and
// renders with it, without touching src/.
const BIN = path.resolve('dist/cli/main.js');
const run = (args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: opts.cwd ?? process.cwd(), env: { ...process.env, ...opts.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const KIND = `id: thong-bao-lich-truc
title: Thông báo lịch trực Tết của cơ quan
type: { name: Thông báo, abbreviation: TB }
profile: nd30
sample: mau.yaml
fileStem: lich-truc-{year}
keywords: ["lịch trực", "Tết {year}"]
fields:
  year: { type: year, description: Năm }
  duties:
    type: list
    min: 1
    description: Các ca trực
    items:
      type: object
      fields:
        day: { type: date, description: Ngày trực }
        person: { type: text, description: Người trực }
        phone: { type: text, pattern: '^[0-9 .]+$', patternMessage: 'số điện thoại chỉ gồm chữ số', description: Điện thoại }
  staff: { type: quantity, unit: người, description: Số người tham gia trực }
  minimumStaff: { type: integer, min: 0, optional: true, description: Số người trực tối thiểu }
checks:
  - field: staff
    atLeast: minimumStaff
    message: 'số người trực ({value}) ít hơn mức tối thiểu ({other})'
`;
const BODY = `<p>{{frame.issuingAgency}} thông báo lịch trực Tết năm {{year}} ({{qty staff}}) như sau:</p>
<table widths="3,5,3" header-rows="1">
<thead><tr><th>Ngày</th><th>Người trực</th><th>Điện thoại</th></tr></thead>
<tbody>{{#each duties}}<tr><td align="center">{{shortDate day}}</td><td>{{person}}</td><td>{{phone}}</td></tr>{{/each}}</tbody>
</table>
<p>Đề nghị các đơn vị liên hệ theo lịch trên./.</p>
`;
const DATA = `kind: thong-bao-lich-truc
frame:
  issuingAgency: Văn phòng HĐND và UBND huyện Đông Hòa Giả Định
  symbol: TB-VP
  number: 3
  place: Đông Hòa
  date: 2021-02-05
  summary: Lịch trực Tết Nguyên đán Tân Sửu 2021
  signer: { authority: TL., onBehalfOf: Chủ tịch, position: Chánh Văn phòng, name: Phạm Thị Hoa }
  recipients: ["Các phòng, ban thuộc UBND huyện"]
  archive: [VT]
year: 2021
staff: 4
minimumStaff: 6
duties:
  - { day: 2021-02-11, person: Nguyễn Văn An, phone: 0237 3861 111 }
  - { day: 2021-02-12, person: Lê Thị Bình, phone: 0237 3861 222 }
`;


describe('a kind of document in a folder outside the project', () => {
  it('is listed, validated (with its own consistency rule) and rendered with --kinds', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'baocao-kind-'));
    const dir = path.join(root, 'cac-loai', 'thong-bao-lich-truc');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'kind.yaml'), KIND);
    writeFileSync(path.join(dir, 'body.hbs'), BODY);
    writeFileSync(path.join(dir, 'mau.yaml'), DATA);
    writeFileSync(path.join(root, 'lich-truc.yaml'), DATA);

    const kinds = run(['kinds', '--kinds', path.join(root, 'cac-loai')]);
    expect(kinds.code, kinds.stderr).toBe(0);
    expect(kinds.stdout).toContain('thong-bao-lich-truc\tThông báo lịch trực Tết của cơ quan');
    expect(kinds.stdout).toContain('qp-an\t');

    const valid = run(['validate', 'lich-truc.yaml', '--kinds', 'cac-loai'], { cwd: root });
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stderr).toContain('lich-truc.yaml:13:8: cảnh báo: trường "staff": số người trực (4) ít hơn mức tối thiểu (6).');

    const render = run(['render', 'lich-truc.yaml', '--kinds', 'cac-loai', '--format', 'pdf,docx', '--json'], { cwd: root });
    expect(render.code, render.stderr).toBe(0);
    const summary = JSON.parse(render.stdout) as { files: { outputs: { path: string }[] }[] };
    expect(summary.files[0]!.outputs.map((o) => o.path)).toEqual([
      // The issuing agency's short name keeps the documents of many offices apart (issue 12 item 2).
      'out/2021-02-05_03-TB-VP_van-phong-hdnd-va-ubnd-huyen-dong-hoa-gia-dinh_lich-truc-2021.pdf',
      'out/2021-02-05_03-TB-VP_van-phong-hdnd-va-ubnd-huyen-dong-hoa-gia-dinh_lich-truc-2021.docx',
    ]);
    const pdf = await readPdf(readFileSync(path.join(root, summary.files[0]!.outputs[0]!.path)));
    const text = pdf.pages.flatMap((p) => lines(p).map((l) => l.text));
    for (const s of ['THÔNG BÁO', 'Lịch trực Tết Nguyên đán Tân Sửu 2021', 'Số: 03/TB-VP', 'Đông Hòa, ngày 05 tháng 02 năm 2021',
      'TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Phạm Thị Hoa', '- Các phòng, ban thuộc UBND huyện;']) {
      expect(text, s).toContain(s);
    }
    expect(text.join(' ')).toContain('11/02/2021 Nguyễn Văn An 0237 3861 111');
    expect(text.join(' ')).toContain('(4 người)');

    // The same folder through BAOCAO_KINDS and through baocao.config.yaml.
    expect(run(['validate', 'lich-truc.yaml'], { cwd: root, env: { BAOCAO_KINDS: path.join(root, 'cac-loai') } }).code).toBe(0);
    writeFileSync(path.join(root, 'baocao.config.yaml'), 'kinds: [cac-loai/thong-bao-lich-truc]\n');
    expect(run(['validate', 'lich-truc.yaml'], { cwd: root }).code).toBe(0);

    // init works from the kind's own sample.
    const init = run(['init', 'thong-bao-lich-truc', 'moi.yaml'], { cwd: root });
    expect(init.code, init.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'moi.yaml'), 'utf8')).toContain('# Người trực');
  });

  it('reports a broken kind file with file, line and field, exit 3', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'baocao-kind-'));
    const dir = path.join(root, 'hong');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'kind.yaml'), 'id: hong\ntitle: Hỏng\ntype: { name: Tờ trình, abbreviation: TTr }\nsample: x.yaml\nfileStem: x\nfields:\n  a: { type: so-nguyen }\n');
    writeFileSync(path.join(dir, 'body.hbs'), '<p>x</p>');
    const r = run(['kinds', '--kinds', dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${path.join(dir, 'kind.yaml')}:7:`);
    expect(r.stderr).toContain('fields.a');
  });
});
