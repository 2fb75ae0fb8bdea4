import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStack, run, tmp } from './support.js';

// Issue 13 item 1: a kind folder sent by another office must not read files outside itself.
const KIND = `id: tin-mat
title: Thử
type: { name: Thông báo, abbreviation: TB }
sample: mau.yaml
fileStem: x-{year}
fields:
  year: { type: year, description: Năm }
`;
const DATA = `kind: tin-mat
frame:
  issuingAgency: Ủy ban nhân dân xã Tân Lập
  symbol: TB-UBND
  place: Tân Lập
  date: 2021-02-03
  summary: Thử
  signer: { position: Chủ tịch, name: Nguyễn Văn A }
  recipients: []
  archive: [VT]
year: 2021
`;

function kindFolder(body: (dir: string, secret: string) => void) {
  const root = tmp('kind');
  const secret = path.join(root, 'bi-mat.txt');
  writeFileSync(secret, 'MAT-KHAU-BI-MAT\n');
  const dir = path.join(root, 'loai', 'tin-mat');
  mkdirSync(path.join(dir, 'partials'), { recursive: true });
  writeFileSync(path.join(dir, 'kind.yaml'), KIND);
  writeFileSync(path.join(dir, 'mau.yaml'), DATA);
  writeFileSync(path.join(root, 'du-lieu.yaml'), DATA);
  body(dir, secret);
  return root;
}

describe('a kind folder reads only its own regular files', () => {
  it('refuses a partial that is a symlink to a file outside the folder, naming it, exit 3, nothing written', () => {
    const root = kindFolder((dir, secret) => {
      writeFileSync(path.join(dir, 'body.hbs'), '<p>{{> chen}}</p>\n');
      symlinkSync(secret, path.join(dir, 'partials', 'chen.hbs'));
    });
    const r = run(['render', 'du-lieu.yaml', '--kinds', 'loai', '--format', 'pdf,docx', '--lang', 'en'], { cwd: root });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${path.join(root, 'loai', 'tin-mat', 'partials', 'chen.hbs')}: the file points outside the kind folder (to ${path.join(root, 'bi-mat.txt')})`);
    expect(r.stderr + r.stdout).not.toContain('MAT-KHAU');
    expect(hasStack(r.stderr)).toBe(false);
    expect(existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('refuses body.hbs linked outside, and a sample outside the folder', () => {
    const root = kindFolder((dir, secret) => symlinkSync(secret, path.join(dir, 'body.hbs')));
    const r = run(['render', 'du-lieu.yaml', '--kinds', 'loai'], { cwd: root });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${path.join(root, 'loai', 'tin-mat', 'body.hbs')}: tệp trỏ ra ngoài thư mục loại văn bản`);

    const root2 = kindFolder((dir) => writeFileSync(path.join(dir, 'body.hbs'), '<p>x</p>\n'));
    const sample = path.join(root2, 'loai', 'tin-mat', 'kind.yaml');
    writeFileSync(path.join(root2, 'loai', 'tin-mat', 'mau.yaml'), DATA);
    // A sample pointing out of the folder (init would copy it into a starter).
    writeFileSync(sample, KIND.replace('sample: mau.yaml', 'sample: ../../bi-mat.txt'));
    const k = run(['kinds', '--kinds', 'loai', '--lang', 'en'], { cwd: root2 });
    expect(k.code).toBe(3);
    expect(k.stderr).toContain('bi-mat.txt: the file points outside the kind folder');
  });

  it('still follows a symlink that stays inside the folder', () => {
    const root = kindFolder((dir) => {
      writeFileSync(path.join(dir, 'that.hbs'), '<p>năm {{year}}</p>\n');
      symlinkSync(path.join(dir, 'that.hbs'), path.join(dir, 'body.hbs'));
    });
    const r = run(['validate', 'du-lieu.yaml', '--kinds', 'loai'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const rr = run(['render', 'du-lieu.yaml', '--kinds', 'loai', '--format', 'docx'], { cwd: root });
    expect(rr.code, rr.stderr).toBe(0);
  });
});
