import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fflate from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/load/index.js';
import { findKind } from '../../src/model/index.js';
import type { FieldSpec } from '../../src/model/index.js';
import { loadReport } from '../../src/pipeline/index.js';
import { readSheet, readSheetBytes, readVietnameseNumber, serialToDate, sheetToRecords } from '../../src/sheets/index.js';
import { convertFodsWithCalc, convertWithCalc, fodsCell as C, hasCalc, makeFods, makeOds, makeXlsx } from './make.js';
import type { XCell } from './make.js';

const FIX = 'test/fixtures/sheets';
const tmp = () => mkdtempSync(path.join(tmpdir(), 'baocao-sheets-'));
const communeFields = () => {
  const spec = findKind('qp-an')!.fields!.communes as FieldSpec;
  return (spec.items as FieldSpec).fields!;
};

/** The town's sheet as a clerk lays it out: a title, a two-row heading with merged cells, a blank separator, a totals row. */
function townSheet(cells: { teams?: XCell; members?: XCell; name?: XCell } = {}): Uint8Array {
  return makeXlsx([
    { name: 'Ghi chú', rows: [['Bảng này do Phòng Tư pháp lập']] },
    {
      name: 'Tổng hợp',
      rows: [
        ['KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2021'],
        ['TT', 'Xã, phường', 'Tổ tự quản về an ninh, trật tự', null, 'Mô hình camera giám sát, tiếng kẻng báo yên', 'Tuyên truyền pháp luật', null],
        [null, null, 'Số tổ', 'Số thành viên', null, 'Số buổi', 'Số người'],
        [1, 'Phường Bắc Sơn', 13, 78, 2, 2, 98],
        [2, { inline: 'Phường Nam Sơn' }, 16, '80', 1, 2, 208],
        { row: 7, cells: [3, cells.name ?? 'Xã Đông Hà', cells.teams ?? 9, cells.members ?? 54, 3, 2, '1.226'] },
        [4, 'Xã Tây Hà', 14, 70, 1, 2, 222],
        [5, 'Xã Cửa Sông', 10, 70, 2, 4, 436],
        [null, 'Tổng cộng', { formula: 'SUM(C4:C9)', cached: 62 }, { formula: 'SUM(D4:D9)', cached: 350 }, 9, 12, { formula: 'SUM(G4:G9)', cached: 2190 }],
      ],
      merges: ['A1:G1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:G2'],
    },
  ]);
}

describe('numbers typed as text, in Vietnamese notation', () => {
  it('reads a dot between thousands and a decimal comma, and refuses what reads two ways', () => {
    expect(readVietnameseNumber('1.250')).toEqual({ value: 1250 });
    expect(readVietnameseNumber(' 1.250.000 ')).toEqual({ value: 1250000 });
    expect(readVietnameseNumber('12,5')).toEqual({ value: 12.5 });
    expect(readVietnameseNumber('1.250,75')).toEqual({ value: 1250.75 });
    expect(readVietnameseNumber('0,250')).toEqual({ value: 0.25 });
    expect(readVietnameseNumber('-3')).toEqual({ value: -3 });
    expect(readVietnameseNumber('1,250')).toEqual({ ambiguous: ['1.250', '1,25'] });
    expect(readVietnameseNumber('1,250.5')).toEqual({ foreign: '1.250,5' });
    expect(readVietnameseNumber('1.5')).toEqual({ foreign: '1,5' });
    expect(readVietnameseNumber('ba tổ')).toEqual({ invalid: true });
  });

  it('turns Excel serial days into dates in both date systems', () => {
    expect(serialToDate(1)).toBe('1900-01-01');
    expect(serialToDate(59)).toBe('1900-02-28');
    expect(serialToDate(61)).toBe('1900-03-01');
    expect(serialToDate(44566)).toBe('2022-01-05');
    expect(serialToDate(44566.75)).toBe('2022-01-05');
    expect(serialToDate(0, true)).toBe('1904-01-01');
  });
});

describe('an XLSX sheet → the records of a list field', () => {
  it('maps a two-row merged heading by the titles kind.yaml declares, skips the blank row and stops at the totals row', () => {
    const sheet = readSheetBytes(townSheet(), 'so-lieu-xa.xlsx', { sheet: 'tong hop' });
    expect(sheet.name).toBe('Tổng hợp');
    const t = sheetToRecords(sheet, communeFields(), { headerRow: 3 });
    expect(t.problems.map((p) => `${p.place}: ${p.message}`)).toEqual([
      'so-lieu-xa.xlsx, sheet Tổng hợp, ô D10: dòng tổng cộng ghi 350 cho "teamMembers", nhưng cộng các dòng được 352; văn bản dùng tổng tính lại.',
    ]);
    expect(t.rows).toEqual([4, 5, 7, 8, 9]);
    expect(t.records).toEqual([
      { name: 'Phường Bắc Sơn', securityTeams: 13, teamMembers: 78, cameraModels: 2, outreachSessions: 2, outreachParticipants: 98 },
      { name: 'Phường Nam Sơn', securityTeams: 16, teamMembers: 80, cameraModels: 1, outreachSessions: 2, outreachParticipants: 208 },
      { name: 'Xã Đông Hà', securityTeams: 9, teamMembers: 54, cameraModels: 3, outreachSessions: 2, outreachParticipants: 1226 },
      { name: 'Xã Tây Hà', securityTeams: 14, teamMembers: 70, cameraModels: 1, outreachSessions: 2, outreachParticipants: 222 },
      { name: 'Xã Cửa Sông', securityTeams: 10, teamMembers: 70, cameraModels: 2, outreachSessions: 4, outreachParticipants: 436 },
    ]);
  });

  it('finds the heading row itself when none is given', () => {
    const t = sheetToRecords(readSheetBytes(townSheet(), 'so-lieu-xa.xlsx', { sheet: 2 }), communeFields());
    expect(t.records.map((r) => r.name)).toEqual(['Phường Bắc Sơn', 'Phường Nam Sơn', 'Xã Đông Hà', 'Xã Tây Hà', 'Xã Cửa Sông']);
  });

  it('reads date cells, date-formatted serials (built-in and custom formats), booleans and formula errors by type', () => {
    const bytes = makeXlsx([{ name: 'S', rows: [['Ngày', 'Có', 'Số'], [{ date: 44566 }, true, { error: '#DIV/0!' }], [{ date: 44927, style: 'custom' }, false, 3], [{ date: 44928 }, 'không', { formula: 'C3*2' }]] }]);
    const sheet = readSheetBytes(bytes, 'x.xlsx');
    expect(sheet.rows.map((r) => r.cells.slice(1))).toEqual([
      [{ kind: 'text', value: 'Ngày' }, { kind: 'text', value: 'Có' }, { kind: 'text', value: 'Số' }],
      [{ kind: 'date', value: '2022-01-05' }, { kind: 'bool', value: true }, { kind: 'error', value: '#DIV/0!' }],
      [{ kind: 'date', value: '2023-01-01' }, { kind: 'bool', value: false }, { kind: 'number', value: 3 }],
      [{ kind: 'date', value: '2023-01-02' }, { kind: 'text', value: 'không' }, { kind: 'error', value: '' }],
    ]);
    const fields = { day: { type: 'date', column: 'Ngày' }, yes: { type: 'boolean', column: 'Có' }, n: { type: 'integer', column: 'Số' } } as Record<string, FieldSpec>;
    const t = sheetToRecords(sheet, fields);
    expect(t.records).toEqual([{ day: '2022-01-05', yes: true }, { day: '2023-01-01', yes: false, n: 3 }, { day: '2023-01-02', yes: false }]);
    expect(t.problems.map((p) => `${p.place}: ${p.message}`)).toEqual([
      'x.xlsx, sheet S, ô C2: ô chứa lỗi công thức #DIV/0!; hãy sửa công thức trong bảng tính.',
      'x.xlsx, sheet S, ô C4: ô có công thức nhưng không có giá trị lưu sẵn (baocao không tính công thức); hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại.',
    ]);
  });

  it('names the sheet and cell of every value it cannot read', () => {
    const t = sheetToRecords(readSheetBytes(townSheet({ teams: 'ba tổ', members: '1,250' }), 'so-lieu-xa.xlsx', { sheet: 'Tổng hợp' }), communeFields(), { headerRow: 3 });
    expect(t.problems.filter((p) => p.severity === 'error').map((p) => `${p.place}: ${p.message}`)).toEqual([
      'so-lieu-xa.xlsx, sheet Tổng hợp, ô C7: cần một số nguyên, nhưng nhận được "ba tổ".',
      'so-lieu-xa.xlsx, sheet Tổng hợp, ô D7: "1,250" không rõ nghĩa: ghi 1.250 nếu là số nghìn, hoặc 1,25 nếu là số thập phân (cách ghi Việt Nam: dấu chấm ngăn nghìn, dấu phẩy thập phân).',
    ]);
  });

  it('lists every missing and every unknown column', () => {
    const bytes = makeXlsx([{ name: 'Tổng hợp', rows: [['STT', 'Tên xã, phường', 'Số tổ tự quản', 'Ghi chú', 'Số hộ'], [1, 'Xã Đông Hà', 9, 'mới', 100]] }]);
    const t = sheetToRecords(readSheetBytes(bytes, 'so-lieu-xa.xlsx'), communeFields());
    expect(t.problems.map((p) => `${p.place}: ${p.message}`)).toEqual([
      'so-lieu-xa.xlsx, sheet Tổng hợp, ô D1: cột "Ghi chú" không ứng với trường nào; các cột dùng được: "Xã, phường", "Số tổ tự quản", "Số thành viên", "Mô hình camera giám sát, tiếng kẻng báo yên", "Số buổi tuyên truyền", "Số người tham gia tuyên truyền".',
      'so-lieu-xa.xlsx, sheet Tổng hợp, ô E1: cột "Số hộ" không ứng với trường nào; các cột dùng được: "Xã, phường", "Số tổ tự quản", "Số thành viên", "Mô hình camera giám sát, tiếng kẻng báo yên", "Số buổi tuyên truyền", "Số người tham gia tuyên truyền".',
      'so-lieu-xa.xlsx, sheet Tổng hợp: thiếu cột cho trường "teamMembers" (tên cột: "Số thành viên" hoặc "Tổ tự quản về an ninh, trật tự Số thành viên" hoặc "teamMembers").',
      'so-lieu-xa.xlsx, sheet Tổng hợp: thiếu cột cho trường "cameraModels" (tên cột: "Mô hình camera giám sát, tiếng kẻng báo yên" hoặc "Mô hình camera" hoặc "cameraModels").',
      'so-lieu-xa.xlsx, sheet Tổng hợp: thiếu cột cho trường "outreachSessions" (tên cột: "Số buổi tuyên truyền" hoặc "Tuyên truyền pháp luật Số buổi" hoặc "outreachSessions").',
      'so-lieu-xa.xlsx, sheet Tổng hợp: thiếu cột cho trường "outreachParticipants" (tên cột: "Số người tham gia tuyên truyền" hoặc "Tuyên truyền pháp luật Số người" hoặc "outreachParticipants").',
    ]);
  });

  it('words the figures of its messages in Vietnamese notation (a dot between thousands, a decimal comma), in English as the catalogue does', () => {
    const fields = { name: { type: 'text', column: 'Xã' }, amount: { type: 'number', column: 'Số tiền' }, people: { type: 'integer', column: 'Số người' } } as Record<string, FieldSpec>;
    const bytes = makeXlsx([{ name: 'S', rows: [['Xã', 'Số tiền', 'Số người'], ['Xã A', 10000.25, 1500], ['Xã B', 2346, 2345.5], ['Tổng cộng', 12345.5, 3845]] }]);
    const problems = (lang: 'vi' | 'en') => sheetToRecords(readSheetBytes(bytes, 'x.xlsx', { lang }), fields, { lang }).problems.map((p) => `${p.place}: ${p.message}`);
    expect(problems('vi')).toEqual([
      'x.xlsx, sheet S, ô C3: cần một số nguyên, nhưng nhận được 2.345,5.',
      'x.xlsx, sheet S, ô B4: dòng tổng cộng ghi 12.345,5 cho "amount", nhưng cộng các dòng được 12.346,25; văn bản dùng tổng tính lại.',
    ]);
    expect(problems('en')).toEqual([
      'x.xlsx, sheet S, cell C3: a whole number is needed, but found 2345.5.',
      'x.xlsx, sheet S, cell B4: the totals row says 12345.5 for "amount", but the rows add up to 12346.25; the document uses the computed total.',
    ]);
    const many: XCell[][] = [['Xã'], ...Array.from({ length: 1001 }, (_v, i) => [`Xã ${i}`])];
    expect(() => readSheetBytes(makeXlsx([{ name: 'S', rows: many }]), 'x.xlsx', { limits: { rows: 1000 } })).toThrow('bảng có hơn 1.000 dòng số liệu; hãy tách bảng.');
    expect(() => readSheetBytes(bytes, 'x.xlsx', { limits: { fileBytes: 1000 }, lang: 'en' })).toThrow(/^the file is \d+\.\d MB, over the 0\.0 MB limit/);
  });

  it('names the sheets there are when the one asked for is not', () => {
    expect(() => readSheetBytes(townSheet(), 'so-lieu-xa.xlsx', { sheet: 'Tong' })).toThrow('không có sheet "Tong"; các sheet trong tệp: "Ghi chú", "Tổng hợp".');
  });
});

describe('a data file whose list comes from a sheet', () => {
  function town(bytes: Uint8Array): string {
    const dir = tmp();
    writeFileSync(path.join(dir, 'so-lieu-xa.xlsx'), bytes);
    copyFileSync(path.join(FIX, 'thi-xa-tu-bang-tinh.yaml'), path.join(dir, 'thi-xa.yaml'));
    return dir;
  }

  it('validates as if the records were typed in, with the totals warning at its cell', async () => {
    const dir = town(townSheet());
    const r = await loadReport(path.join(dir, 'thi-xa.yaml'));
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
    const communes = (r.report as unknown as { communes: { name: string; outreachParticipants: number }[] }).communes;
    expect(communes.map((c) => `${c.name} ${c.outreachParticipants}`)).toEqual(['Phường Bắc Sơn 98', 'Phường Nam Sơn 208', 'Xã Đông Hà 1226', 'Xã Tây Hà 222', 'Xã Cửa Sông 436']);
    expect(r.warnings.map((p) => formatProblem(p))).toEqual([
      `${path.join(dir, 'so-lieu-xa.xlsx')}, sheet Tổng hợp, ô D10: cảnh báo: dòng tổng cộng ghi 350 cho "teamMembers", nhưng cộng các dòng được 352; văn bản dùng tổng tính lại.`,
    ]);
  });

  it('reports a bad cell at its cell, and a rule of the kind at the cell of the value it judges', async () => {
    const dir = town(townSheet({ teams: 'ba tổ', members: -4 }));
    const r = await loadReport(path.join(dir, 'thi-xa.yaml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const file = path.join(dir, 'so-lieu-xa.xlsx');
    expect(r.problems.map((p) => formatProblem(p))).toEqual([
      `${file}, sheet Tổng hợp, ô C7: lỗi: cần một số nguyên, nhưng nhận được "ba tổ".`,
      `${file}, sheet Tổng hợp, ô D7: lỗi: trường "communes[2].teamMembers": phải ≥ 0, nhưng nhận được số -4.`,
    ]);
  });

  it('refuses a cell typed in TCVN3 at its cell with the YAML path\'s hint, and converts it as the data file\'s text is (legacyEncoding, --legacy)', async () => {
    const dir = town(townSheet({ name: 'X· §«ng Hµ' }));
    const file = path.join(dir, 'so-lieu-xa.xlsx');
    const refused = await loadReport(path.join(dir, 'thi-xa.yaml'));
    expect(refused.ok ? [] : refused.problems.map((p) => formatProblem(p))).toEqual([
      `${file}, sheet Tổng hợp, ô B7: lỗi: chữ trong ô có vẻ được gõ bằng bảng mã TCVN3 (ABC, .VnTime) (X· §«ng Hµ → Xã Đông Hà); dựng lại với --legacy tcvn3 hoặc ghi "legacyEncoding: tcvn3" trong tệp số liệu để chuyển sang Unicode.`,
    ]);
    const names = (r: Awaited<ReturnType<typeof loadReport>>) => {
      if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
      return (r.report as unknown as { communes: { name: string }[] }).communes.map((c) => c.name);
    };
    expect(names(await loadReport(path.join(dir, 'thi-xa.yaml'), 'vi', 'tcvn3'))[2]).toBe('Xã Đông Hà');
    const yaml = readFileSync(path.join(dir, 'thi-xa.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'thi-xa.yaml'), `${yaml}legacyEncoding: tcvn3\n`);
    expect(names(await loadReport(path.join(dir, 'thi-xa.yaml')))[2]).toBe('Xã Đông Hà');
  });

  it('says which file it cannot read, at the line of the list in the data file', async () => {
    const dir = tmp();
    copyFileSync(path.join(FIX, 'thi-xa-tu-bang-tinh.yaml'), path.join(dir, 'thi-xa.yaml'));
    const r = await loadReport(path.join(dir, 'thi-xa.yaml'));
    expect(r.ok ? [] : r.problems.map((p) => formatProblem(p))).toEqual([
      `${path.join(dir, 'so-lieu-xa.xlsx')}: lỗi: không đọc được tệp bảng tính "${path.join(dir, 'so-lieu-xa.xlsx')}" (không có tệp này, hoặc không có quyền đọc).`,
    ]);
  });
});

describe('CSV', () => {
  it('reads UTF-8 with the title row, the separator row and the totals row of a clerk\'s export', () => {
    const t = sheetToRecords(readSheet(path.join(FIX, 'so-lieu-xa.csv'), { display: 'so-lieu-xa.csv' }), communeFields(), { headerRow: 3 });
    expect(t.records.map((r) => [r.name, r.outreachParticipants])).toEqual([['Phường Bắc Sơn', 98], ['Phường Nam Sơn', 208], ['Xã Đông Hà', 1226], ['Xã Tây Hà', 222], ['Xã Cửa Sông', 436]]);
    expect(t.problems.map((p) => `${p.place}: ${p.message}`)).toEqual([
      'so-lieu-xa.csv, ô D10: dòng tổng cộng ghi 350 cho "teamMembers", nhưng cộng các dòng được 352; văn bản dùng tổng tính lại.',
    ]);
  });

  it('reads Windows-1258 (tones as combining marks) into NFC, and refuses another code page', () => {
    const sheet = readSheet(path.join(FIX, 'so-lieu-xa-1258.csv'), { display: 'x.csv' });
    expect(sheet.rows.map((r) => r.cells.slice(1).map((c) => c?.value))).toEqual([['Xã, phường', 'Số tổ tự quản'], ['Xã Đông Hà', '9']]);
    expect(sheet.rows[1]!.cells[1]!.value).toBe('Xã Đông Hà'.normalize('NFC'));
    // Windows-1252 "Müller; Straße": not Vietnamese text in any code page we read.
    const latin = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x0a]);
    expect(() => readSheetBytes(latin, 'x.csv')).toThrow('tệp CSV không phải UTF-8 hay Windows-1258; hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" trong Excel, hoặc chọn bảng mã Unicode (UTF-8) trong LibreOffice.');
    expect(() => readSheetBytes(Buffer.from('\ufeffa,b', 'utf16le'), 'x.csv')).toThrow('UTF-16');
  });

  it('refuses, saying what to do, a CSV in neither UTF-8 nor Windows-1258: UTF-16 with or without its mark, Shift-JIS, a NUL byte', () => {
    const utf16 = 'tệp CSV được lưu bằng UTF-16 ("Unicode Text"); hãy lưu lại bằng "CSV UTF-8 (Comma delimited)".';
    const other = 'tệp CSV không phải UTF-8 hay Windows-1258; hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" trong Excel, hoặc chọn bảng mã Unicode (UTF-8) trong LibreOffice.';
    const be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    // Without a byte-order mark, an ASCII-only UTF-16 file is valid UTF-8 with a NUL beside each letter.
    expect(() => readSheetBytes(Buffer.from('Name,Amount\nAn,3\n', 'utf16le'), 'x.csv')).toThrow(utf16);
    expect(() => readSheetBytes(be('Name,Amount\nAn,3\n'), 'x.csv')).toThrow(utf16);
    expect(() => readSheetBytes(Buffer.from('Xã,Số\nĐông Hà,3\n', 'utf16le'), 'x.csv')).toThrow(utf16);
    expect(() => readSheetBytes(be('\ufeffXã,Số\n'), 'x.csv')).toThrow(utf16);
    // "名前,数 / 東京,3" in Shift-JIS (iconv -t shift-jis): neither UTF-8 nor Vietnamese in Windows-1258.
    expect(() => readSheetBytes(Buffer.from('96bc914f2c90940a938c8b9e2c330a', 'hex'), 'x.csv')).toThrow(other);
    expect(() => readSheetBytes(Buffer.from('Xã,Số\nĐông Hà,3\u0000\n'), 'x.csv')).toThrow(other);
  });

  it('takes ";" as the separator when the export uses it', () => {
    const sheet = readSheetBytes(Buffer.from('Xã, phường;Số tổ tự quản\nXã Đông Hà;"1.250"\n'), 'x.csv');
    expect(sheetToRecords(sheet, { name: { type: 'text', column: 'Xã, phường' }, n: { type: 'integer', column: 'Số tổ tự quản' } }).records).toEqual([{ name: 'Xã Đông Hà', n: 1250 }]);
  });
});

describe('formulas and external links', () => {
  const fields = { name: { type: 'text', column: 'Xã' }, n: { type: 'integer', column: 'Số tổ' } } as Record<string, FieldSpec>;

  it('takes an XLSX formula\'s cached value as saved, never computing it, and never opens or even inflates an external link', () => {
    const bytes = makeXlsx([{ name: 'S', rows: [
      ['Xã', 'Số tổ'],
      ['Xã A', 5],
      // Saved as 7 although B2*2 is 10 (a stale value): 7 is what the clerk saw, and what is read.
      ['Xã B', { formula: 'B2*2', cached: 7 }],
      // A figure from another workbook: its value as cached in this file; the other file is never looked for.
      ['Xã C', { formula: "'[1]Tổng hợp'!C4", cached: 13 }],
      ['Xã D', { formula: 'SUM(B2:B4)' }],
    ] }]);
    const parts = fflate.unzipSync(bytes);
    const { strToU8, strFromU8 } = fflate;
    parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']!).replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rIdX"/></externalReferences>'));
    parts['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(parts['xl/_rels/workbook.xml.rels']!).replace('</Relationships>', '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'));
    // The link part is larger than the part limit below: reading it at all would refuse the file.
    parts['xl/externalLinks/externalLink1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Tổng hợp"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="4"><cell r="C4"><v>99</v></cell></row></sheetData></sheetDataSet></externalBook><!--${'x'.repeat(300_000)}--></externalLink>`);
    parts['xl/externalLinks/_rels/externalLink1.xml.rels'] = strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///khong-co/so-lieu-huyen.xlsx" TargetMode="External"/></Relationships>');
    const linked = fflate.zipSync(parts);
    expect(() => readSheetBytes(linked, 'x.xlsx', { limits: { partBytes: 200_000 } })).not.toThrow();
    const t = sheetToRecords(readSheetBytes(linked, 'x.xlsx', { limits: { partBytes: 200_000 } }), fields);
    expect(t.records).toEqual([{ name: 'Xã A', n: 5 }, { name: 'Xã B', n: 7 }, { name: 'Xã C', n: 13 }, { name: 'Xã D' }]);
    expect(t.problems.map((p) => `${p.place}: ${p.message}`)).toEqual([
      'x.xlsx, sheet S, ô B5: ô có công thức nhưng không có giá trị lưu sẵn (baocao không tính công thức); hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại.',
    ]);
  });

  it('takes an ODS formula\'s saved value, never computing it, and ignores a linked table\'s source', () => {
    const text = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
    const rows = `<table:table-row>${text('Xã')}${text('Số tổ')}</table:table-row>`
      + `<table:table-row>${text('Xã A')}<table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell></table:table-row>`
      + `<table:table-row>${text('Xã B')}<table:table-cell table:formula="of:=[.B2]*2" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell></table:table-row>`
      + `<table:table-row>${text('Xã C')}<table:table-cell table:formula="of:=['file:///khong-co/so-lieu-huyen.ods'#$Sheet1.C4]" office:value-type="float" office:value="13"><text:p>13</text:p></table:table-cell></table:table-row>`;
    const bytes = makeOds('S', `<table:table-source xlink:href="file:///khong-co/so-lieu-huyen.ods" xmlns:xlink="http://www.w3.org/1999/xlink" table:mode="copy-all"/>${rows}`);
    const t = sheetToRecords(readSheetBytes(bytes, 'x.ods'), fields);
    expect(t.records).toEqual([{ name: 'Xã A', n: 5 }, { name: 'Xã B', n: 7 }, { name: 'Xã C', n: 13 }]);
    expect(t.problems).toEqual([]);
  });
});

describe('ODS', () => {
  it('reads typed cells, spans and repeated rows without expanding the empty ones', () => {
    const cell = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
    const num = (n: number) => `<table:table-cell office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`;
    const rows =
      `<table:table-row><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>Xã, phường</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>Tổ tự quản về an ninh, trật tự</text:p></table:table-cell><table:covered-table-cell/><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>Ngày</text:p></table:table-cell></table:table-row>` +
      `<table:table-row><table:covered-table-cell/>${cell('Số tổ')}${cell('Số thành viên')}<table:covered-table-cell/></table:table-row>` +
      `<table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>ghi chú của người lập</text:p></office:annotation><text:p>Xã<text:s text:c="2"/><text:span>Đông Hà</text:span></text:p></table:table-cell>${num(9)}${num(54)}<table:table-cell office:value-type="date" office:date-value="2022-01-05T00:00:00"><text:p>05/01/2022</text:p></table:table-cell></table:table-row>` +
      `<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>`;
    const sheet = readSheetBytes(makeOds('Tổng hợp', rows), 'x.ods');
    expect(sheet.name).toBe('Tổng hợp');
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.merges).toEqual([{ r1: 1, c1: 1, r2: 2, c2: 1 }, { r1: 1, c1: 2, r2: 1, c2: 3 }, { r1: 1, c1: 4, r2: 2, c2: 4 }]);
    expect(sheet.rows[2]!.cells.slice(1)).toEqual([{ kind: 'text', value: 'Xã  Đông Hà' }, { kind: 'number', value: 9 }, { kind: 'number', value: 54 }, { kind: 'date', value: '2022-01-05' }]);
    const fields = { name: { type: 'text', column: 'Xã, phường' }, teams: { type: 'integer', column: 'Tổ tự quản về an ninh, trật tự Số tổ' }, members: { type: 'integer', column: 'Tổ tự quản về an ninh, trật tự Số thành viên' }, day: { type: 'date', column: 'Ngày' } } as Record<string, FieldSpec>;
    expect(sheetToRecords(sheet, fields, { headerRow: 2 }).records).toEqual([{ name: 'Xã Đông Hà', teams: 9, members: 54, day: '2022-01-05' }]);
  });
});

describe('limits', () => {
  it('refuses a file over the size limit, and a part that would inflate past its limit, before reading it', () => {
    const bytes = townSheet();
    expect(() => readSheetBytes(bytes, 'x.xlsx', { limits: { fileBytes: 1000 } })).toThrow(/^tệp lớn [\d,]+ MB, vượt giới hạn 0,0 MB/);
    expect(() => readSheetBytes(bytes, 'x.xlsx', { limits: { partBytes: 500 } })).toThrow(/^phần "xl\/.*" trong tệp giải nén ra quá 0,0 MB \(tệp hỏng hoặc cố ý làm phình\); không đọc tiếp\.$/);
  });

  it('reads past 200,000 empty formatted rows holding only what has content', () => {
    const tail = Array.from({ length: 200_000 }, (_v, i) => `<row r="${i + 3}" s="1" customFormat="1" ht="15"><c r="A${i + 3}" s="1"/></row>`).join('');
    const bytes = makeXlsx([{ name: 'S', rows: [['Xã, phường', 'Số tổ tự quản'], ['Xã Đông Hà', 9]], tail }]);
    const sheet = readSheetBytes(bytes, 'x.xlsx');
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[1]!.cells[2]).toEqual({ kind: 'number', value: 9 });
  });

  it('refuses entity definitions (a "billion laughs" sheet) instead of expanding them', () => {
    const bytes = makeXlsx([{ name: 'S', rows: [['Xã, phường']] }]);
    const { unzipSync, zipSync, strToU8, strFromU8 } = fflate;
    const parts = unzipSync(bytes);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet').replace('</sheetData>', '<row r="2"><c r="A2" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData>'));
    expect(() => readSheetBytes(zipSync(parts), 'x.xlsx')).toThrow(/^phần "xl\/worksheets\/sheet1\.xml" trong tệp hỏng: /);
  });

  it('refuses a sheet with more rows of data than the limit', () => {
    const rows: XCell[][] = [['Xã, phường'], ...Array.from({ length: 30 }, (_v, i) => [`Xã ${i}`])];
    expect(() => readSheetBytes(makeXlsx([{ name: 'S', rows }]), 'x.xlsx', { limits: { rows: 20 } })).toThrow('bảng có hơn 20 dòng số liệu; hãy tách bảng.');
  });

  it('refuses an old .xls and a broken zip with what to do', () => {
    expect(() => readSheetBytes(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'x.xlsx')).toThrow('đây là tệp Excel 97-2003 (.xls) hoặc tệp có đặt mật khẩu');
    expect(() => readSheetBytes(Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx')).toThrow('tệp không phải bảng tính XLSX hợp lệ (không giải nén được).');
  });
});

// Files made by LibreOffice Calc itself (Debian: libreoffice-calc-nogui), from the fixture CSV.
const calc = hasCalc();
if (!calc) {
  console.warn('[sheets] LibreOffice Calc not found (Debian: libreoffice-calc-nogui): the Calc-made XLSX/ODS tests are SKIPPED.' + (process.env.CI === 'true' ? ' CI=true: this is a failure.' : ''));
  if (process.env.CI === 'true') it('has LibreOffice Calc in CI', () => { throw new Error('libreoffice-calc-nogui missing in CI'); });
}
describe.skipIf(!calc)('files made by LibreOffice Calc', () => {
  const expected = [['Phường Bắc Sơn', 98], ['Phường Nam Sơn', 208], ['Xã Đông Hà', 1226], ['Xã Tây Hà', 222], ['Xã Cửa Sông', 436]];
  for (const to of ['xlsx', 'ods'] as const) {
    it(`reads the same records from Calc's ${to} as from the CSV, numbers typed as numbers and "1.226" kept as text`, () => {
      const dir = tmp();
      const csv = path.join(dir, 'so-lieu-xa.csv');
      copyFileSync(path.join(FIX, 'so-lieu-xa.csv'), csv);
      const file = convertWithCalc(csv, to, [7]);
      const sheet = readSheet(file, { display: `so-lieu-xa.${to}` });
      expect(sheet.rows.find((r) => r.row === 7)!.cells[7]).toEqual({ kind: 'text', value: '1.226' });
      expect(sheet.rows.find((r) => r.row === 7)!.cells[3]).toEqual({ kind: 'number', value: 9 });
      const t = sheetToRecords(sheet, communeFields(), { headerRow: 3 });
      expect(t.records.map((r) => [r.name, r.outreachParticipants])).toEqual(expected);
      expect(t.problems.map((p) => `${p.place}: ${p.message}`)).toEqual([
        `so-lieu-xa.${to}, sheet so-lieu-xa, ô D10: dòng tổng cộng ghi 350 cho "teamMembers", nhưng cộng các dòng được 352; văn bản dùng tổng tính lại.`,
      ]);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    });
  }

  // A clerk's sheet laid out in Calc: a title over the table, a two-row heading with merged cells,
  // a blank separator row, "1.250" typed as text, a totals row (one figure a formula) whose typed
  // figures disagree with the rows; saved by Calc as XLSX and as ODS.
  const clerkSheet = (g5: string) => makeFods('Tổng hợp', [
    [C.text('KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2021', { cols: 7 }), ...Array(6).fill(C.covered)],
    [C.text('TT', { rows: 2 }), C.text('Xã, phường', { rows: 2 }), C.text('Tổ tự quản về an ninh, trật tự', { cols: 2 }), C.covered, C.text('Mô hình camera giám sát, tiếng kẻng báo yên', { rows: 2 }), C.text('Tuyên truyền pháp luật', { cols: 2 }), C.covered],
    [C.covered, C.covered, C.text('Số tổ'), C.text('Số thành viên'), C.covered, C.text('Số buổi'), C.text('Số người')],
    [C.num(1), C.text('Phường Bắc Sơn'), C.num(13), C.num(78), C.num(2), C.num(2), C.num(98)],
    [C.num(2), C.text('Phường Nam Sơn'), C.num(16), C.num(80), C.num(1), C.num(2), C.text(g5)],
    Array(7).fill(C.empty),
    [C.num(3), C.text('Xã Đông Hà'), C.num(9), C.num(54), C.num(3), C.num(2), C.num(226)],
    [C.num(4), C.text('Xã Tây Hà'), C.num(14), C.num(70), C.num(1), C.num(2), C.num(222)],
    [C.num(5), C.text('Xã Cửa Sông'), C.num(10), C.num(70), C.num(2), C.num(4), C.num(436)],
    // Calc computes its formulas again when it opens the file: the sum agrees, the typed figures do not.
    [C.empty, C.text('Tổng cộng'), C.formula('of:=SUM([.C4:.C9])', 0), C.num(350), C.num(9), C.num(12), C.num(2234)],
  ]);
  for (const to of ['xlsx', 'ods'] as const) {
    it(`maps Calc's ${to} with a merged two-row heading by title, past the blank row, "1.250" as 1250, the totals row checked at its cells, "1,250" refused at its cell`, () => {
      const dir = tmp();
      const fods = path.join(dir, 'so-lieu-xa.fods');
      writeFileSync(fods, clerkSheet('1.250'));
      const file = convertFodsWithCalc(fods, to);
      const sheet = readSheet(file, { display: `so-lieu-xa.${to}`, sheet: 'Tổng hợp' });
      expect(sheet.merges).toEqual(expect.arrayContaining([{ r1: 2, c1: 3, r2: 2, c2: 4 }, { r1: 2, c1: 6, r2: 2, c2: 7 }, { r1: 2, c1: 5, r2: 3, c2: 5 }]));
      const t = sheetToRecords(sheet, communeFields()); // the heading row found by itself
      expect(t.rows).toEqual([4, 5, 7, 8, 9]);
      expect(t.records.map((r) => [r.name, r.securityTeams, r.teamMembers, r.cameraModels, r.outreachSessions, r.outreachParticipants])).toEqual([
        ['Phường Bắc Sơn', 13, 78, 2, 2, 98], ['Phường Nam Sơn', 16, 80, 1, 2, 1250], ['Xã Đông Hà', 9, 54, 3, 2, 226], ['Xã Tây Hà', 14, 70, 1, 2, 222], ['Xã Cửa Sông', 10, 70, 2, 4, 436],
      ]);
      expect(t.problems.map((p) => `${p.place}: ${p.message}`)).toEqual([
        `so-lieu-xa.${to}, sheet Tổng hợp, ô D10: dòng tổng cộng ghi 350 cho "teamMembers", nhưng cộng các dòng được 352; văn bản dùng tổng tính lại.`,
        `so-lieu-xa.${to}, sheet Tổng hợp, ô G10: dòng tổng cộng ghi 2.234 cho "outreachParticipants", nhưng cộng các dòng được 2.232; văn bản dùng tổng tính lại.`,
      ]);
      writeFileSync(fods, clerkSheet('1,250'));
      const ambiguous = sheetToRecords(readSheet(convertFodsWithCalc(fods, to), { display: `so-lieu-xa.${to}` }), communeFields());
      // Column G has a cell it could not read: its totals figure is not checked; column D's still is.
      expect(ambiguous.problems.map((p) => `${p.place}: ${p.message}`)).toEqual([
        `so-lieu-xa.${to}, sheet Tổng hợp, ô G5: "1,250" không rõ nghĩa: ghi 1.250 nếu là số nghìn, hoặc 1,25 nếu là số thập phân (cách ghi Việt Nam: dấu chấm ngăn nghìn, dấu phẩy thập phân).`,
        `so-lieu-xa.${to}, sheet Tổng hợp, ô D10: dòng tổng cộng ghi 350 cho "teamMembers", nhưng cộng các dòng được 352; văn bản dùng tổng tính lại.`,
      ]);
    });
  }

  it('reads the date cells Calc makes of a CSV\'s dd/mm/yyyy column as dates, and a date that does not exist as the text it stays', () => {
    const dir = tmp();
    const csv = path.join(dir, 'ho.csv');
    writeFileSync(csv, 'TT,Họ và tên chủ hộ,Ngày chi\n1,Nguyễn Văn An,05/01/2022\n2,Lê Thị Bình,31/12/2021\n3,Trần Văn Cường,31/02/2022\n');
    const file = convertWithCalc(csv, 'xlsx', [], [3]);
    const fields = { name: { type: 'text', column: 'Họ và tên chủ hộ' }, paidOn: { type: 'date', column: 'Ngày chi' } } as Record<string, FieldSpec>;
    const sheet = readSheet(file, { display: 'ho.xlsx' });
    expect(sheet.rows.map((r) => r.cells[3])).toEqual([{ kind: 'text', value: 'Ngày chi' }, { kind: 'date', value: '2022-01-05' }, { kind: 'date', value: '2021-12-31' }, { kind: 'text', value: '31/02/2022' }]);
    const t = sheetToRecords(sheet, fields);
    expect(t.records).toEqual([{ name: 'Nguyễn Văn An', paidOn: '2022-01-05' }, { name: 'Lê Thị Bình', paidOn: '2021-12-31' }, { name: 'Trần Văn Cường' }]);
    expect(t.problems.map((p) => `${p.place}: ${p.message}`)).toEqual(['ho.xlsx, sheet ho, ô C4: cần một ngày (ngày/tháng/năm, ví dụ 05/01/2022), nhưng nhận được "31/02/2022".']);
  });
});
