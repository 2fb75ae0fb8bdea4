import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFile } from '../../src/index.js';
import { startDesk } from '../../src/serve/index.js';
import type { Desk } from '../../src/serve/index.js';
import { PathRefused, resolveInside } from '../../src/serve/paths.js';
import type { CheckResponse, OpenedFile, SheetAnswer, StartInfo } from '../../src/serve/protocol.js';
import { makeXlsx } from '../sheets/make.js';

/**
 * The desk's server without a browser: it serves one folder and nothing else, answers only its own
 * page (token, Host), refuses oversized requests and slow renders with clear words.
 */

let root: string;
let folder: string;
let desk: Desk;
let token: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'baocao-serve-'));
  folder = path.join(root, 'van-ban');
  mkdirSync(path.join(folder, 'nam-2020'), { recursive: true });
  writeFileSync(path.join(root, 'secret.yaml'), 'kind: qp-an\nsecret: mật khẩu\n');
  writeFileSync(path.join(folder, 'nam-2020', 'bao-cao.yaml'), readFileSync('data/nghi-son-qp-an-2020.yaml'));
  writeFileSync(path.join(folder, '.an.yaml'), 'kind: qp-an\n');
  symlinkSync(path.join(root, 'secret.yaml'), path.join(folder, 'loi-tat.yaml'));
  symlinkSync(root, path.join(folder, 'thu-muc-ngoai'));
  desk = await startDesk({ folder, maxBodyBytes: 64 * 1024 });
  const page = await get('/');
  token = /name="baocao-token" content="([^"]+)"/.exec(page.body)![1]!;
});

afterAll(async () => {
  await desk?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Reply { status: number; body: string; headers: Record<string, string | string[] | undefined> }

function send(method: string, url: string, options: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url, desk.url), { method, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const get = (url: string, headers: Record<string, string> = {}) => send('GET', url, { headers });
const api = (url: string) => get(url, { 'x-baocao-token': token });
const post = (url: string, value: unknown) => send('POST', url, { body: JSON.stringify(value), headers: { 'x-baocao-token': token, 'content-type': 'application/json' } });

describe('paths inside the served folder', () => {
  it('accepts a file in a sub-folder and refuses "..", absolute paths, hidden files and links out', () => {
    expect(resolveInside(folder, 'nam-2020/bao-cao.yaml')).toBe(path.join(folder, 'nam-2020', 'bao-cao.yaml'));
    expect(resolveInside(folder, 'moi.yaml')).toBe(path.join(folder, 'moi.yaml'));
    const reason = (p: string) => {
      try {
        resolveInside(folder, p, ['.yaml']);
        return 'accepted';
      } catch (e) {
        return (e as PathRefused).reason;
      }
    };
    expect(reason('../secret.yaml')).toBe('parent');
    expect(reason('nam-2020/../../secret.yaml')).toBe('parent');
    expect(reason('..\\secret.yaml')).toBe('parent');
    expect(reason(path.join(root, 'secret.yaml'))).toBe('absolute');
    expect(reason('C:/Windows/win.ini')).toBe('absolute');
    expect(reason('.an.yaml')).toBe('hidden');
    expect(reason('loi-tat.yaml')).toBe('outside');
    expect(reason('thu-muc-ngoai/secret.yaml')).toBe('outside');
    expect(reason('thu-muc-ngoai/moi.yaml')).toBe('outside');
    expect(reason('nam-2020/bao-cao.txt')).toBe('extension');
  });

  it('refuses the same paths over HTTP, in Vietnamese, and never sends the file', async () => {
    for (const p of ['../secret.yaml', path.join(root, 'secret.yaml'), 'loi-tat.yaml', 'thu-muc-ngoai/secret.yaml', '.an.yaml']) {
      const r = await api(`/api/open?path=${encodeURIComponent(p)}`);
      expect(r.status, p).toBe(403);
      expect(JSON.parse(r.body).message).toBe(`"${p}": chỉ mở được tệp nằm trong thư mục của bàn làm việc (không "..", không đường dẫn tuyệt đối, không tệp ẩn, không liên kết ra ngoài).`);
      expect(r.body).not.toContain('mật khẩu');
    }
    const save = await post('/api/save', { path: '../moi.yaml', base: '', data: { kind: 'qp-an' }, hash: null });
    expect(save.status).toBe(403);
    const asset = await get('/assets/..%2f..%2fpackage.json');
    expect(asset.status).toBe(404);
  });

  it('lists only the folder\'s own data files, with kind, date and state', async () => {
    const info = JSON.parse((await api('/api/start')).body) as StartInfo;
    expect(info.files).toEqual([{
      path: 'nam-2020/bao-cao.yaml', type: 'data', kind: 'qp-an', date: '2020-12-09',
      summary: 'Tổng kết công tác quốc phòng - an ninh năm 2020, phương hướng, nhiệm vụ năm 2021', state: 'ok', errors: 0, warnings: 0,
    }]);
    expect(info.kinds.map((k) => k.id)).toEqual(expect.arrayContaining(['qp-an', 'ke-hoach', 'chi-thi']));
  });
});

describe('requests', () => {
  it('answers the API only with the page\'s token and only to loopback host names', async () => {
    const noToken = await get('/api/start');
    expect(noToken.status).toBe(403);
    expect(JSON.parse(noToken.body).message).toBe('Yêu cầu không đến từ trang của bàn làm việc; đã từ chối.');
    const rebound = await get('/', { host: 'attacker.example:80' });
    expect(rebound.status).toBe(403);
    const page = await get('/');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<meta charset="utf-8">');
  });

  it('refuses a request above the size limit with a clear message', async () => {
    const big = await post('/api/check', { path: 'x.yaml', base: 'a'.repeat(100 * 1024), data: {} });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).message).toBe('Yêu cầu quá lớn (giới hạn 64 KB); tệp số liệu của một văn bản không lớn đến vậy.');
  });

  it('validates with the command line\'s words and renders a preview of valid data', async () => {
    const opened = JSON.parse((await api('/api/open?path=nam-2020%2Fbao-cao.yaml')).body) as OpenedFile;
    expect(opened.kind).toBe('qp-an');
    expect(opened.hash).toMatch(/^[0-9a-f]{64}$/);
    const data = opened.data as { year: unknown };
    data.year = 'hai nghìn';
    const bad = JSON.parse((await post('/api/check', { doc: 'a', path: opened.path, base: opened.base, data, lang: 'vi', preview: true })).body) as CheckResponse;
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => [p.path, p.message])).toEqual([[['year'], 'trường "year": cần một số, nhưng nhận được chuỗi "hai nghìn" — viết bằng chữ số: 2000.']]);
    expect(bad.pdf).toBeUndefined();
    data.year = 2020;
    const good = JSON.parse((await post('/api/check', { doc: 'a', path: opened.path, base: opened.base, data, lang: 'vi', preview: true })).body) as CheckResponse;
    expect(good.ok).toBe(true);
    expect(Buffer.from(good.pdf!, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('a sheet for a list\'s grid', () => {
  const sheet = (url: string, bytes: Uint8Array) => send('POST', url, { body: Buffer.from(bytes), headers: { 'x-baocao-token': token, 'content-type': 'application/octet-stream' } });
  const heading = ['Xã, phường', 'Số tổ tự quản', 'Số thành viên', 'Mô hình camera', 'Số buổi tuyên truyền', 'Số người tham gia tuyên truyền'];

  it('reads the rows with the CLI\'s column titles, and names each bad cell and each TCVN3 cell', async () => {
    const good = await sheet('/api/sheet?kind=qp-an&field=communes&name=xa.xlsx', makeXlsx([{ name: 'Tổng hợp', rows: [heading, ['Phường Hải Hòa', 12, 96, 2, 5, 640], ['Xã Hải Nhân', 9, '1.072', 1, 3, 410]] }]));
    expect(JSON.parse(good.body)).toEqual({ ok: true, problems: [], records: [
      { name: 'Phường Hải Hòa', securityTeams: 12, teamMembers: 96, cameraModels: 2, outreachSessions: 5, outreachParticipants: 640 },
      { name: 'Xã Hải Nhân', securityTeams: 9, teamMembers: 1072, cameraModels: 1, outreachSessions: 3, outreachParticipants: 410 },
    ] });
    const bytes = makeXlsx([{ name: 'Tổng hợp', rows: [heading, ['X· H¶i Nh©n', 'ba tổ', 1072, 1, 3, 410]] }]);
    const bad = JSON.parse((await sheet('/api/sheet?kind=qp-an&field=communes&name=xa.xlsx', bytes)).body) as SheetAnswer;
    expect(bad).toEqual({ ok: false, records: [], problems: [
      { place: 'xa.xlsx, sheet Tổng hợp, ô B2', severity: 'error', message: 'cần một số nguyên, nhưng nhận được "ba tổ".' },
      { place: 'xa.xlsx, sheet Tổng hợp, ô A2', severity: 'error', message: 'chữ trong ô có vẻ được gõ bằng bảng mã TCVN3 (ABC, .VnTime) (X· H¶i Nh©n → Xã Hải Nhân); dựng lại với --legacy tcvn3 hoặc ghi "legacyEncoding: tcvn3" trong tệp số liệu để chuyển sang Unicode.' },
    ] });
    // The data's own legacyEncoding converts it, as it does the file's text.
    const fixed = makeXlsx([{ name: 'Tổng hợp', rows: [heading, ['X· H¶i Nh©n', 9, 1072, 1, 3, 410]] }]);
    expect((JSON.parse((await sheet('/api/sheet?kind=qp-an&field=communes&name=xa.xlsx&legacy=tcvn3', fixed)).body) as SheetAnswer).records[0]!.name).toBe('Xã Hải Nhân');
  });

  it('refuses a list that is not of records, and a file that is no spreadsheet, in words', async () => {
    expect(JSON.parse((await sheet('/api/sheet?kind=qp-an&field=tasks&name=a.xlsx', new Uint8Array([1]))).body)).toEqual({ ok: false, records: [], problems: [
      { place: 'a.xlsx', severity: 'error', message: 'Danh sách "tasks" không gồm các bản ghi (nhiều trường), nên không lấy từ bảng tính được.' }] });
    const r = JSON.parse((await sheet('/api/sheet?kind=qp-an&field=communes&name=a.pdf', new Uint8Array([37, 80, 68, 70]))).body) as SheetAnswer;
    expect(r.problems[0]!.message).toBe('"a.pdf": chỉ đọc được bảng tính .xlsx, .ods hoặc .csv.');
  });
});

describe('a PDF made by baocao', () => {
  it('opens the data file embedded in it, under a free name, byte for byte', async () => {
    const sample = readFileSync('data/nghi-son-qp-an-2020.yaml', 'utf8');
    const { outputs } = await renderFile('data/nghi-son-qp-an-2020.yaml', { formats: ['pdf'] });
    mkdirSync(path.join(folder, 'out'), { recursive: true });
    writeFileSync(path.join(folder, 'out', 'ban-luu.pdf'), outputs.pdf!);
    const listed = JSON.parse((await api('/api/start')).body) as StartInfo;
    expect(listed.files.filter((f) => f.type === 'pdf').map((f) => f.path)).toEqual(['out/ban-luu.pdf']);
    const reply = await post('/api/extract?path=out%2Fban-luu.pdf', {});
    const opened = JSON.parse(reply.body) as OpenedFile;
    expect(opened).toMatchObject({ path: 'nghi-son-qp-an-2020.yaml', exists: false, hash: null, kind: 'qp-an' });
    expect(opened.base).toBe(sample);
    const upload = await send('POST', '/api/extract', { body: outputs.pdf!, headers: { 'x-baocao-token': token, 'content-type': 'application/pdf' } });
    expect((JSON.parse(upload.body) as OpenedFile).base).toBe(sample);
    const notOurs = await send('POST', '/api/extract', { body: Buffer.from('%PDF-1.4\n%%EOF\n'), headers: { 'x-baocao-token': token, 'content-type': 'application/pdf' } });
    // A file pdf.js cannot read is refused with its reason (issue 12 item 19), not a server error.
    expect(notOurs.status).toBe(422);
    expect(JSON.parse(notOurs.body).message).toMatch(/^PDF: /);
    const { outputs: plain } = await renderFile('data/nghi-son-qp-an-2020.yaml', { formats: ['pdf'], pdfa: '2b' });
    const noData = await send('POST', '/api/extract', { body: plain.pdf!, headers: { 'x-baocao-token': token, 'content-type': 'application/pdf' } });
    expect(noData.status).toBe(422);
    expect(JSON.parse(noData.body).message).toBe('PDF: tệp PDF này không chứa số liệu nguồn (chỉ bản PDF/A-3 do baocao dựng mới có).');
  });
});

describe('limits', () => {
  it('abandons a render that takes longer than the limit and says so', async () => {
    const slow = await startDesk({ folder, renderTimeoutMs: 1 });
    try {
      const html = await new Promise<string>((resolve) => {
        request(slow.url, (res) => {
          let s = '';
          res.on('data', (c: Buffer) => (s += c.toString()));
          res.on('end', () => resolve(s));
        }).end();
      });
      const t = /name="baocao-token" content="([^"]+)"/.exec(html)![1]!;
      const opened = await new Promise<OpenedFile>((resolve) => {
        request(new URL('/api/open?path=nam-2020%2Fbao-cao.yaml', slow.url), { headers: { 'x-baocao-token': t } }, (res) => {
          let s = '';
          res.on('data', (c: Buffer) => (s += c.toString()));
          res.on('end', () => resolve(JSON.parse(s) as OpenedFile));
        }).end();
      });
      const reply = await new Promise<CheckResponse>((resolve) => {
        const req = request(new URL('/api/check', slow.url), { method: 'POST', headers: { 'x-baocao-token': t, 'content-type': 'application/json' } }, (res) => {
          let s = '';
          res.on('data', (c: Buffer) => (s += c.toString()));
          res.on('end', () => resolve(JSON.parse(s) as CheckResponse));
        });
        req.end(JSON.stringify({ doc: 'b', path: opened.path, base: opened.base, data: opened.data, lang: 'vi', preview: true }));
      });
      expect(reply.ok).toBe(true);
      expect(reply.pdf).toBeUndefined();
      expect(reply.renderError).toBe('Dựng văn bản mất quá 0,001 giây nên đã dừng; bản xem trước cũ được giữ.');
    } finally {
      await slow.close();
    }
  });
});

describe('listening', () => {
  it('listens on 127.0.0.1 only: another interface of this machine is refused', async () => {
    expect(desk.host).toBe('127.0.0.1');
    expect(desk.url).toBe(`http://127.0.0.1:${desk.port}/`);
    const other = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!other) return; // a machine with loopback only has nothing else to try
    const outcome = await new Promise<string>((resolve) => {
      const s = connect({ host: other.address, port: desk.port });
      s.on('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });

  it('`baocao serve` prints its address, and warns when --host opens it to the network', async () => {
    const run = (args: string[]) =>
      new Promise<{ out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['dist/cli/main.js', 'serve', folder, '--no-open', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('Ctrl+C')) setTimeout(() => child.kill('SIGINT'), 50);
        });
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', () => resolve({ out, err }));
      });
    const local = await run([]);
    expect(local.out).toMatch(/^Bàn làm việc baocao đang mở tại http:\/\/127\.0\.0\.1:\d+\/\nThư mục: .*van-ban\nNhấn Ctrl\+C để dừng\.\n$/);
    expect(local.err).not.toContain('CẢNH BÁO');
    const missing = spawn(process.execPath, ['dist/cli/main.js', 'serve', path.join(root, 'khong-co'), '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    missing.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => missing.on('exit', resolve));
    expect([code, err]).toEqual([4, `${path.join(root, 'khong-co')}: không có thư mục này.\n`]);
    const open = await run(['--host', '0.0.0.0']);
    expect(open.err).toContain('CẢNH BÁO: bàn làm việc nghe trên 0.0.0.0, máy khác trong mạng cũng mở được');
  });
});
