import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tmp } from './support.js';

// Issue 12 items 3 and 18: watch follows render's --force rule except for the files it wrote
// itself in this session, and an edited kind.yaml takes effect at the next render.
const KIND = `id: tb-thu
title: Thông báo thử
type: { name: Thông báo, abbreviation: TB }
sample: mau.yaml
fileStem: thu-{year}
fields:
  year: { type: year, description: Năm }
`;
const BODY = '<p>Thông báo năm {{year}}.</p>\n';
const DATA = `kind: tb-thu
frame:
  issuingAgency: Ủy ban nhân dân xã Tân Lập
  symbol: TB-UBND
  number: 4
  place: Tân Lập
  date: 2021-02-03
  summary: Thử
  signer: { position: Chủ tịch, name: Nguyễn Văn A }
  recipients: []
  archive: [VT]
year: 2021
`;

describe('baocao watch', () => {
  it('keeps a different file it did not write, replaces its own, and reloads an edited kind.yaml', async () => {
    const dir = tmp('watch');
    const kind = path.join(dir, 'loai', 'tb-thu');
    mkdirSync(kind, { recursive: true });
    writeFileSync(path.join(kind, 'kind.yaml'), KIND);
    writeFileSync(path.join(kind, 'body.hbs'), BODY);
    writeFileSync(path.join(kind, 'mau.yaml'), DATA);
    writeFileSync(path.join(dir, 'tb.yaml'), DATA);
    mkdirSync(path.join(dir, 'out'));
    const theirs = path.join(dir, 'out', '2021-02-03_04-TB-UBND_tan-lap_thu-2021.docx');
    writeFileSync(theirs, 'bản của người khác');

    const child = spawn(process.execPath, [BIN, 'watch', 'tb.yaml', '--format', 'docx', '--kinds', 'loai', '--lang', 'en'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const waitFor = (re: RegExp, count = 1) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          if ((stdout.match(new RegExp(re, 'g')) ?? []).length >= count) resolve();
          else if (Date.now() - started > 40_000) reject(new Error(`waiting for ${re}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
          else setTimeout(tick, 100);
        };
        tick();
      });
    try {
      // 1. The file someone else left there is kept, as render without --force keeps it.
      await waitFor(/→/);
      expect(readFileSync(theirs, 'utf8')).toBe('bản của người khác');
      // 2. An edited kind.yaml (a new fileStem) takes effect: a new output, written by this session.
      writeFileSync(path.join(kind, 'kind.yaml'), KIND.replace('fileStem: thu-{year}', 'fileStem: moi-{year}'));
      await waitFor(/→/, 2);
      const mine = path.join(dir, 'out', '2021-02-03_04-TB-UBND_tan-lap_moi-2021.docx');
      expect(existsSync(mine), stdout + stderr).toBe(true);
      const first = readFileSync(mine);
      // 3. A data edit replaces the session's own file without --force.
      writeFileSync(path.join(dir, 'tb.yaml'), DATA.replace('summary: Thử', 'summary: Thử lại'));
      await waitFor(/→/, 3);
      expect(readFileSync(mine).equals(first), stdout + stderr).toBe(false);
      expect(readFileSync(theirs, 'utf8')).toBe('bản của người khác');
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.on('close', r));
    }
  });
});
