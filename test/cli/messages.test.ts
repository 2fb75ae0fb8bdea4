import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The built CLI, spawned as a clerk would run it.
const BIN = path.resolve('dist/cli/main.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', BAOCAO_COMMAND: 'baocao' } }); // hints name the command as on PATH
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(path.join(tmpdir(), 'baocao-msg-'));
const FIX = 'test/fixtures/data';
const vietnamese = (s: string) => /[\u0300-\u036f]|[đĐ]/u.test(s.normalize('NFD'));

describe('--profile', () => {
  it('an unknown id is a usage error (exit 64) listing the known ones, before any file is read', () => {
    const out = tmp();
    const r = run('render', 'data/nghi-son-qp-an-2020.yaml', '--profile', 'nd31', '--out', out);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('không có bố cục "nd31"; các bố cục có sẵn: nd30, dang\nXem: baocao --help\n');
    expect(readdirSync(out)).toEqual([]);
    // A missing input would be exit 4: the profile is checked first.
    const missing = run('render', 'khong-co.yaml', '--profile', 'nd31', '--out', out, '--lang', 'en');
    expect(missing.code).toBe(64);
    expect(missing.stderr).toBe('unknown layout profile "nd31"; available: nd30, dang\nSee: baocao --help\n');
  });

  it('data the chosen profile cannot word is invalid data (exit 2), not a crash', () => {
    const dir = tmp();
    const file = path.join(dir, 'tuq.yaml');
    writeFileSync(file, readFileSync('data/nghi-son-qp-an-2020.yaml', 'utf8').replace('authority: TM.', 'authority: TUQ.'));
    const out = path.join(dir, 'out');
    const r = run('render', file, '--profile', 'dang', '--format', 'pdf', '--out', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a Party document does not use the signing authority "TUQ.": only TM. (T/M), KT. (K/T) or TL. (T/L)');
    expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]); // nothing written
  });

  it('watch checks it too, and exits instead of watching', () => {
    const r = run('watch', 'khong-co.yaml', '--profile', 'dang2', '--out', tmp());
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('không có bố cục "dang2"; các bố cục có sẵn: nd30, dang');
  });
});

describe('--lang en', () => {
  it('words every problem of a bad data file in English, with the summary', () => {
    const out = tmp();
    const r = run('render', `${FIX}/bad-english.yaml`, '--out', out, '--lang', 'en');
    expect(r.code).toBe(2);
    const f = `${FIX}/bad-english.yaml`;
    expect(r.stderr.split('\n')).toEqual([
      `${f}:5:11: error: field "frame.number": expected a whole number, but got the number 2.5.`,
      `${f}:6:11: error: field "frame.symbol": a symbol is groups of letters/digits joined by "-", without spaces, e.g. "BC-UBND", but got the string "BC UBND".`,
      `${f}:7:10: error: field "frame.place": must not be empty.`,
      `${f}:8:9: error: field "frame.date": no such day in the calendar.`,
      `${f}:10:3: error: field "frame.signer.onBehalfOf": signing authority "KT." needs the body or head signed for (onBehalfOf).`,
      `${f}:14:12: error: field "frame.archive": needs at least one archive entry, usually "VT".`,
      `${f}:15:7: error: field "year": expected a number, but got the string "two thousand".`,
      `${f}:20:27: error: field "police.trafficSafetyBulletins": must not be negative, but got the number -1.`,
      `${f}:21:3: error: missing required field "police.fireRescueTraining.participants".`,
      `${f}:23:5: error: field "police.fireRescueTraining.participant" is not in the template — did you mean "participants"?`,
      `${f}: not rendered; no file written.`,
      '',
    ]);
    expect(r.stdout).toMatch(/^File\s+Result\s+Outputs\s+Pages\s+Size\s+Time\n/);
    expect(r.stdout).toContain('invalid data');
    expect(r.stdout).toMatch(/1 files: 0 done, 1 failed · \d+\.\d s\n$/);
    expect(vietnamese(r.stderr + r.stdout)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });

  it('the same file in Vietnamese by default', () => {
    const r = run('validate', `${FIX}/bad-english.yaml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':5:11: lỗi: trường "frame.number": cần một số nguyên, nhưng nhận được số 2.5.');
    expect(r.stderr).toContain(':10:3: lỗi: trường "frame.signer.onBehalfOf": quyền hạn "KT." cần ghi tập thể hoặc người đứng đầu được thay mặt (onBehalfOf).');
    expect(r.stderr).toContain(':8:9: lỗi: trường "frame.date": ngày không có thật trong lịch.');
  });

  it('--help has no Vietnamese, for the program and every command', () => {
    for (const args of [[], ['render'], ['validate'], ['extract'], ['init'], ['schema'], ['kinds'], ['watch']]) {
      const r = run(...args, '--help', '--lang', 'en');
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
      const lines = r.stdout.split('\n').filter(vietnamese);
      expect(lines, args.join(' ')).toEqual([]);
    }
    expect(vietnamese(run('render', '--help').stdout)).toBe(true);
  });

  it('a broken kind folder is reported in English (exit 3)', () => {
    const dir = path.join(tmp(), 'hong');
    mkdirSync(dir);
    const file = path.join(dir, 'kind.yaml');
    writeFileSync(file, 'id: Hong\ntitle: x\ntype: { name: x, abbreviation: TTr }\nsample: x.yaml\nfileStem: x\nfields:\n  a: { type: list }\n');
    writeFileSync(path.join(dir, 'body.hbs'), '<p>x</p>');
    const r = run('kinds', '--kinds', dir, '--lang', 'en');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`${file}:1:5: error: field "id": a kind id is lower case words joined by "-", e.g. "ke-hoach", but got the string "Hong".\n`);
    writeFileSync(file, 'id: hong\ntitle: x\ntype: { name: x, abbreviation: TTr }\nsample: x.yaml\nfileStem: x\nfields:\n  a: { type: list }\n');
    const list = run('kinds', '--kinds', dir, '--lang', 'en');
    expect(list.code).toBe(3);
    expect(list.stderr).toBe(`${file}: a: type list needs "items"\n`);
    expect(run('kinds', '--kinds', dir).stderr).toBe(`${file}: a: kiểu list cần khai báo "items"\n`);
  });

  it('a usage error is English too', () => {
    const r = run('render', 'data/nghi-son-qp-an-2020.yaml', '--format', 'odt', '--lang', 'en', '--out', tmp());
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('format "odt" is not supported; choose: pdf, docx\nSee: baocao --help\n');
    const none = run('validate', 'khong-co-*.yaml', '--lang', 'en');
    expect(none.code).toBe(64);
    expect(none.stderr).toBe('no data file found\nSee: baocao --help\n');
  });
});
