import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Writing a kind must be hard to get wrong (issue 14 §5): each trap is refused or explained with
// its file, line, field and a hint, with its documented exit code.
const BIN = path.resolve('dist/cli/main.js');
const KINDS = path.resolve('test/fixtures/kinds/strict');
const DATA = path.resolve('test/fixtures/data/strict');
const run = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const kind = (name: string) => path.join(KINDS, name);

describe('strict templates', () => {
  it('refuses a placeholder naming an undeclared field when the kind loads, at its line, with a did-you-mean (exit 3)', () => {
    const body = path.join(kind('sai-truong'), 'body.hbs');
    const r = run(['kinds', '--kinds', kind('sai-truong')]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${body}:1:20: lỗi mẫu văn bản: "{{polce.unit}}": loại văn bản không khai báo trường "polce" — có phải "police"?`,
      // inside {{#each duties as |duty i|}}: the list's record, then ../ back to the data
      `${body}:3:33: lỗi mẫu văn bản: "{{persn}}": loại văn bản không khai báo trường "persn" — có phải "person"?`,
      `${body}:3:85: lỗi mẫu văn bản: "{{../yaer}}": loại văn bản không khai báo trường "yaer" — có phải "year"?`,
      // a helper's argument, and the shared frame
      `${body}:5:10: lỗi mẫu văn bản: "{{police.staf}}": loại văn bản không khai báo trường "police.staf" — có phải "police.staff"?`,
      `${body}:5:59: lỗi mẫu văn bản: "{{frame.sumary}}": loại văn bản không khai báo trường "frame.sumary" — có phải "frame.summary"?`,
      // inside {{#with police}}
      `${body}:6:31: lỗi mẫu văn bản: "{{unti}}": loại văn bản không khai báo trường "unti" — có phải "unit"?`,
      `${body}:7:6: lỗi mẫu văn bản: không có helper "quantity"`,
      // a figure's own fields
      `${body}:7:55: lỗi mẫu văn bản: "{{police.staff.valeu}}": loại văn bản không khai báo trường "police.staff.valeu" — có phải "police.staff.value"?`,
    ]);
  });

  it('words the same in English', () => {
    const r = run(['kinds', '--kinds', kind('sai-truong'), '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${path.join(kind('sai-truong'), 'body.hbs')}:1:20: template error: "{{polce.unit}}": the kind declares no field "polce" — did you mean "police"?`);
  });

  it('passes every built-in kind', () => {
    const r = run(['kinds', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('kind.yaml mistakes', () => {
  it('a check naming an undeclared field is a kind error at load', () => {
    const file = path.join(kind('sai-kiem-tra'), 'kind.yaml');
    const r = run(['kinds', '--kinds', kind('sai-kiem-tra')]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:12:14: kiểm tra (checks) "atLeast: minimumStaf" nêu một trường không được khai báo — có phải "minimumStaff"?`,
      `${file}:15:18: kiểm tra (checks) "yearAtLeast: nam" nêu một trường không được khai báo`,
    ]);
  });

  it('a field named __proto__ or constructor is refused at its line, at any depth', () => {
    const file = path.join(kind('proto'), 'kind.yaml');
    const r = run(['kinds', '--kinds', kind('proto')]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:12:7: tên trường "__proto__" trùng tên có sẵn của JavaScript, hãy đặt tên khác.`,
      `${file}:13:3: tên trường "constructor" trùng tên có sẵn của JavaScript, hãy đặt tên khác.`,
    ]);
  });

  it('a misspelt type and a comma in an unquoted description get hints', () => {
    const file = path.join(kind('sai-kieu'), 'kind.yaml');
    const r = run(['kinds', '--kinds', kind('sai-kieu')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:8:18: lỗi: trường "fields.staff.type": phải là một trong: "text", "prose", "year", "date", "integer", "number", "boolean", "enum", "quantity", "object", "list", nhưng nhận được chuỗi "quanity" — có phải "quantity"?`);
    expect(r.stderr).toContain(`${file}:9:49: lỗi: trường "fields.unit["cơ động"]" không có trong mẫu — trong dấu { } dấu phẩy ngắt giá trị đứng trước nó làm đôi; hãy đặt giá trị có dấu phẩy trong ngoặc kép: description: "Đơn vị trực, cơ động"`);
  });

  it('init with a kind whose sample is missing says which file, no stack (exit 3)', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'baocao-strict-'));
    const r = run(['init', 'thieu-mau', 'moi.yaml', '--kinds', kind('thieu-mau')], cwd);
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe(`${path.join(kind('thieu-mau'), 'mau.yaml')}: không tìm thấy tệp số liệu mẫu của loại văn bản "thieu-mau" (khai báo ở "sample:" trong ${path.join(kind('thieu-mau'), 'kind.yaml')}); hãy đặt tệp mẫu vào thư mục loại văn bản hoặc sửa "sample:".`);
    expect(existsSync(path.join(cwd, 'moi.yaml'))).toBe(false);
  });
});

describe('--kinds anywhere on the command line', () => {
  for (const args of [
    ['--kinds', kind('thieu-mau'), 'validate', 'data/nghi-son-qp-an-2020.yaml'],
    ['validate', '--kinds', kind('thieu-mau'), 'data/nghi-son-qp-an-2020.yaml'],
    ['validate', 'data/nghi-son-qp-an-2020.yaml', '--kinds', kind('thieu-mau')],
  ]) {
    it(args.join(' ').replace(KINDS, '…'), () => {
      const r = run(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('data/nghi-son-qp-an-2020.yaml: hợp lệ (qp-an)\n');
    });
  }

  it('repeated, each folder is registered', () => {
    const r = run(['kinds', '--kinds', kind('thieu-mau'), '--kinds', kind('thieu-mau')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('thieu-mau\tLoại văn bản thiếu tệp mẫu');
  });
});

describe('data written as on paper', () => {
  it('gets one problem per value, saying what to write (exit 2)', () => {
    const file = path.join(DATA, 'qp-an-viet-tay.yaml');
    const r = run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:13:9: lỗi: trường "frame.date": cần một ngày dạng YYYY-MM-DD (năm-tháng-ngày): viết 2020-12-09.`,
      `${file}:52:19: lỗi: trường "police.fireRescueTraining.participants": cần một số nguyên hoặc một đối tượng, nhưng nhận được số 2.13 — viết 2130.`,
      `${file}:54:15: lỗi: trường "police.trafficSafetyOutreach.sessions": cần một số hoặc một đối tượng, nhưng nhận được chuỗi "bảy" — viết bằng chữ số: 7.`,
      `${file}:56:28: lỗi: trường "police.trafficSafetyOutreach.participants.value": cần một số, nhưng nhận được chuỗi "79,1" — viết 79.1.`,
    ]);
  });

  it('a decimal comma inside { } is named, not read silently as the whole number and a stray key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-strict-'));
    const file = path.join(dir, 'qp-an.yaml');
    const sample = readFileSync('data/nghi-son-qp-an-2020.yaml', 'utf8');
    writeFileSync(file, sample.replace('participants: { value: 4300, qualifier: trên }', 'participants: { value: 79,1, qualifier: trên }'));
    const r = run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${file}:55:31: lỗi: trường "police.trafficSafetyOutreach.participants.1" không có trong mẫu — trong dấu { } dấu phẩy ngắt số 79,1 làm đôi (đọc thành 79); số thập phân viết bằng dấu chấm: value: 79.1`);
    const en = run(['validate', file, '--lang', 'en']);
    expect(en.stderr.trim()).toBe(`${file}:55:31: error: field "police.trafficSafetyOutreach.participants.1" is not in the template — inside { } the comma cut the number 79,1 in two (read as 79); write decimals with a point: value: 79.1`);
  });

  it('error-level checks are reported with the other problems', () => {
    const file = path.join(DATA, 'ke-hoach-hai-loi.yaml');
    const r = run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:32:1: lỗi: trường "fileTg" không có trong mẫu — có phải "fileTag"?`);
    expect(r.stderr).toContain(`${file}:46:7: lỗi: trường "period.to": ngày kết thúc (2021-01-10) trước ngày bắt đầu "period.from" (2021-01-15).`);
  });

  it('a [ ] list whose comma split one phrase warns at the item, in both languages', () => {
    const file = path.join(DATA, 'qp-an-noi-nhan-flow.yaml');
    const r = run(['validate', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim()).toBe(`${file}:21:49: cảnh báo: trường "frame.recipients[2]": "phường" viết thường nên có vẻ là phần tiếp của mục trước, bị dấu phẩy trong [ ] tách ra; nếu là một mục, đặt trong ngoặc kép: "UBND các xã, phường" (hoặc viết mỗi mục một dòng bắt đầu bằng "- ").`);
    const en = run(['validate', file, '--lang', 'en']);
    expect(en.stderr.trim()).toBe(`${file}:21:49: warning: field "frame.recipients[2]": "phường" starts in lower case, so it looks like the rest of the item before it, split off by the comma inside [ ]; if it is one item, put it in double quotes: "UBND các xã, phường" (or write one item per line starting with "- ").`);
  });
});
