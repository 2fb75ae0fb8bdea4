import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../src/index.js';
import { startDesk } from '../../src/serve/index.js';
import type { Desk } from '../../src/serve/index.js';
import { convertWithCalc, hasCalc, makeXlsx } from '../sheets/make.js';
import { browsers, launch, pasteInto, previewAllDrawn, previewAtSwap, previewText, previewVersion, shot, waitForPreview, watchPreview } from './browser.js';

/**
 * The desk in a real browser, as a clerk uses it: start a report from the qp-an starter, type
 * figures, watch a problem appear at its field and go, read the preview's text change, paste rows
 * from a spreadsheet, save, and take away files identical to what `baocao render` writes. The same
 * scenario runs in every browser found (Debian's Chromium and Firefox ESR).
 */

const cli = path.resolve('dist/cli/main.js');

describe.skipIf(browsers.length === 0).each(browsers)('the desk in %s', (name) => {
  let dir: string;
  let desk: Desk;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  let answer = false;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-desk-'));
    writeFileSync(path.join(dir, 'nghi-son-qp-an-2020.yaml'), readFileSync('data/nghi-son-qp-an-2020.yaml'));
    writeFileSync(path.join(dir, 'go-nham.yaml'), readFileSync('data/nghi-son-qp-an-2020.yaml', 'utf8')
      .replace('  trafficSafetyBulletins: 94\n', '  trafficSafetyBulletins: 94\n  trafficSafetyBulletin: 3   # gõ nhầm tên trường\n'));
    // A cold first render on a loaded machine may take long: the limit is the server tests' subject, not these.
    desk = await startDesk({ folder: dir, lang: 'vi', renderTimeoutMs: 180_000 });
    browser = await launch(name, path.join(dir, 'downloads'));
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void (answer ? d.accept() : d.dismiss());
    });
    // DESK_DEBUG=1: the page's console and errors on stderr, to see why a step waits.
    if (process.env.DESK_DEBUG) {
      page.on('console', (m) => process.stderr.write(`[${name} console] ${m.type()} ${m.text()}\n`));
      page.on('pageerror', (e) => process.stderr.write(`[${name} pageerror] ${(e as Error).message}\n`));
      page.on('response', (r) => process.stderr.write(`[${name} response] ${r.status()} ${r.url().slice(0, 100)}\n`));
    }
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const input = (p: string) => `[data-input="${p}"]`;

  async function typeInto(selector: string, text: string): Promise<void> {
    await page.$eval(selector, (el) => {
      (el as HTMLInputElement).focus();
      (el as HTMLInputElement).select();
    });
    await page.keyboard.type(text);
  }

  it('shows the folder\'s data files with their kind, date and state, and the kinds to start from', async () => {
    await page.goto(desk.url);
    await page.waitForSelector('table.files');
    const row = await page.$eval('table.files tbody tr:has(a[href*="nghi-son"])', (tr) => [...tr.children].map((c) => (c.textContent ?? '').trim()));
    expect(row.slice(0, 5)).toEqual([
      'nghi-son-qp-an-2020.yaml', 'qp-an', '09/12/2020',
      'Tổng kết công tác quốc phòng - an ninh năm 2020, phương hướng, nhiệm vụ năm 2021', 'Hợp lệ',
    ]);
    const kinds = await page.$$eval('.kinds li strong', (els) => els.map((e) => e.textContent));
    expect(kinds).toContain('Báo cáo tổng kết công tác quốc phòng - an ninh năm');
    expect(await page.$eval('html', (e) => e.lang)).toBe('vi');
    await shot(page, `${name}-start-page`);
  });

  it('starts a report from the qp-an starter and shows its pages in the preview', async () => {
    await page.click('a[href="#/new/qp-an"]');
    await page.waitForSelector(input('police.trafficSafetyBulletins.value'));
    // The frame comes first in the form.
    const legends = await page.$$eval('.form > fieldset > legend', (els) => els.map((e) => e.textContent));
    expect(legends[0]).toBe('Thể thức văn bản theo Nghị định 30/2020/NĐ-CP');
    // The starter is the next report (issue 12 item 1): the sample's texts, its figures zero.
    const { text } = await waitForPreview(page, 0, (t) => t.includes('BÁO CÁO'));
    expect(text).toContain('QUỐC PHÒNG');
    expect(await page.$eval('#file-path', (e) => (e as HTMLInputElement).value)).toBe('qp-an.yaml');
  }, 120_000);

  it('re-renders the preview with a typed figure: the page in view first, then every page', async () => {
    await watchPreview(page);
    const before = await previewVersion(page);
    await typeInto(input('police.trafficSafetyBulletins.value'), '123');
    const { version } = await waitForPreview(page, before, (t) => t.includes('Xây dựng được 123 bản tin'));
    // The moment that version came on screen, the page in view was its own, drawn.
    const shown = await previewAtSwap(page, version);
    expect(shown.inView.length).toBeGreaterThan(0);
    for (const p of shown.inView) {
      expect(p.version).toBe(shown.version);
      expect(p.drawn).toBe(true);
    }
    // No page shows an older version meanwhile: the others are the new version's, blank until drawn.
    expect(shown.pages.map((p) => p.version)).toEqual(shown.pages.map(() => shown.version));
    expect(shown.pages.length).toBeGreaterThan(1);
    // Then its text, and the other pages, without scrolling to them.
    const pages = await previewAllDrawn(page, shown.version);
    expect(pages.map((p) => p.page)).toEqual(pages.map((_p, i) => i + 1));
    expect(pages.filter((p) => shown.inView.some((q) => q.page === p.page)).map((p) => p.text).join('\n')).toContain('Xây dựng được 123 bản tin');
    const text = pages.map((p) => p.text).join('\n');
    expect(text).not.toContain('94 bản tin');
    expect(pages.at(-1)!.text).not.toBe('');
  });

  it('shows a problem at its field and in the list at the top, keeps the last good preview, and clears both when fixed', async () => {
    const field = '[data-path="police.trafficSafetyBulletins"]';
    await typeInto(input('police.trafficSafetyBulletins.value'), '12a');
    await page.waitForSelector(`${field} .problems li.error`);
    expect(await page.$eval(`${field} .problems li.error`, (e) => e.textContent)).toBe(
      'Cần một số hoặc một đối tượng, nhưng nhận được chuỗi "12a".');
    expect(await page.$eval('#problem-summary .notice.error li', (e) => e.textContent)).toBe(
      'Số bản tin an toàn giao thông đã xây dựng: Cần một số hoặc một đối tượng, nhưng nhận được chuỗi "12a".');
    expect(await page.$eval(input('police.trafficSafetyBulletins.previous'), (e) => e.getAttribute('aria-invalid'))).toBeNull();
    expect(await page.$eval(input('police.trafficSafetyBulletins.value'), (e) => e.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval('#problem-summary .notice.error h2', (e) => e.textContent)).toBe('Số liệu còn 1 lỗi cần sửa');
    expect(await page.$eval('.count-badge', (e) => [(e as HTMLButtonElement).hidden, e.textContent])).toEqual([false, '1 lỗi']);
    expect(await page.$eval('.preview-status', (e) => e.textContent)).toBe('Số liệu còn lỗi: đang giữ bản xem trước hợp lệ gần nhất.');
    expect(await previewText(page)).toContain('Xây dựng được 123 bản tin');
    await shot(page, `${name}-form-with-error`);

    // The link in the list at the top takes the keyboard to the field.
    await page.click('#problem-summary .notice.error a');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-input'))).toBe('police.trafficSafetyBulletins.value');

    const before = await previewVersion(page);
    await typeInto(input('police.trafficSafetyBulletins.value'), '125');
    await page.waitForFunction((sel) => !document.querySelector(`${sel} .problems li.error`), {}, field);
    await waitForPreview(page, before, (t) => t.includes('Xây dựng được 125 bản tin'));
    expect(await page.$('#problem-summary .notice.error')).toBeNull();
    expect(await page.$eval('.count-badge', (e) => (e as HTMLButtonElement).hidden)).toBe(true);
    expect(await page.$eval(input('police.trafficSafetyBulletins.value'), (e) => e.getAttribute('aria-invalid'))).toBeNull();
  });

  it('fills the per-commune grid from three rows pasted from a spreadsheet', async () => {
    const grid = '[data-path="communes"]';
    await page.$eval(`${grid} > button.add`, (b) => (b as HTMLButtonElement).click());
    await page.waitForSelector(input('communes.0.name'));
    const before = await previewVersion(page);
    const tsv = 'Phường Hải Hòa\t12\t96\t2\t5\t640\r\nXã Hải Nhân\t9\t1.072\t1\t3\t410\r\nPhường Bình Minh\t7\t55\t0\t2\t215\r\n';
    await pasteInto(page, input('communes.0.name'), tsv);
    await page.waitForSelector(input('communes.2.outreachParticipants'));
    const cells = await page.$$eval(`${grid} tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('input')].map((i) => i.value)));
    expect(cells).toEqual([
      ['Phường Hải Hòa', '12', '96', '2', '5', '640'],
      ['Xã Hải Nhân', '9', '1072', '1', '3', '410'],
      ['Phường Bình Minh', '7', '55', '0', '2', '215'],
    ]);
    // The appendix table appears in the preview with the pasted rows and their totals.
    const { text } = await waitForPreview(page, before, (t) => t.includes('Phường Bình Minh'));
    expect(text).toContain('Phường Hải Hòa');
    expect(text).toContain('1.072');
    expect(text).toContain('1.223'); // 96 + 1072 + 55 members
    await page.$eval('.pages', (e) => {
      e.scrollTop = (e.lastElementChild as HTMLElement).offsetTop - 16;
    });
    // The last page's picture, drawn after the page in view (or at once when scrolled to).
    await page.waitForSelector('.pages > .page:last-child canvas[data-drawn]');
    await shot(page, `${name}-preview`);
  });

  it('saves the file (Ctrl+S) keeping the starter\'s comments, and the saved file validates', async () => {
    await page.$eval('#file-path', (e) => {
      (e as HTMLInputElement).value = 'bao-cao-2021.yaml';
    });
    await page.focus(input('police.trafficSafetyBulletins.value'));
    await page.keyboard.down('Control');
    await page.keyboard.press('s');
    await page.keyboard.up('Control');
    const file = path.join(dir, 'bao-cao-2021.yaml');
    await page.waitForFunction(() => document.getElementById('flash')?.textContent === 'Đã lưu bao-cao-2021.yaml.');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# Tệp số liệu: Báo cáo tổng kết công tác quốc phòng - an ninh năm (loại "qp-an").');
    expect(text).toContain('trafficSafetyBulletins: 125');
    expect(text).toContain('  - name: Xã Hải Nhân\n    securityTeams: 9\n    teamMembers: 1072\n');
    const loaded = await validateFile(file);
    expect(loaded.ok).toBe(true);
    expect(await page.$eval('.save-state', (e) => e.textContent)).toBe('Đã lưu');
    expect(existsSync(path.join(dir, 'qp-an.schema.json'))).toBe(true);
  });

  it('downloads PDF, DOCX and the e-mail draft with the names and bytes `baocao render` gives', async () => {
    const downloads = path.join(dir, 'downloads');
    const out = path.join(dir, 'cli-out');
    execFileSync(process.execPath, [cli, 'render', path.join(dir, 'bao-cao-2021.yaml'), '--out', out, '--eml'], { stdio: 'pipe' });
    const expected = readdirSync(out).sort();
    // An undated draft of this year's report, started from the starter (issue 12 item 1).
    expect(expected).toHaveLength(3);
    for (const [i, ext] of ['docx', 'eml', 'pdf'].entries()) expect(expected[i]).toMatch(new RegExp(`^du-thao_BC-UBND_nghi-son_qp-an-\\d{4}\\.${ext}$`));
    for (const format of ['pdf', 'docx', 'eml']) {
      await page.click(`[data-download="${format}"]`);
      const name = expected.find((n) => n.endsWith(`.${format}`))!;
      const target = path.join(downloads, name);
      for (let i = 0; i < 1800 && !(existsSync(target) && !readdirSync(downloads).some((n) => /\.(crdownload|part)$/.test(n))); i++) await new Promise((r) => setTimeout(r, 50));
      // If it never came, say what the page and the folder show (a failed render flashes its message).
      const flash = await page.$eval('#flash', (e) => `${e.className}: ${e.textContent}`).catch(() => '(no flash)');
      expect(existsSync(target), `${name} not downloaded; the page says ${flash}; the folder holds ${existsSync(downloads) ? readdirSync(downloads).join(', ') : '(nothing)'}`).toBe(true);
      expect(readFileSync(target).equals(readFileSync(path.join(out, name))), name).toBe(true);
    }
    await page.bringToFront();
  }, 180_000);

  it('asks before overwriting a file changed on disk since it was opened', async () => {
    const file = path.join(dir, 'bao-cao-2021.yaml');
    const changed = readFileSync(file, 'utf8') + '# sửa bằng tay ở nơi khác\n';
    writeFileSync(file, changed);
    await typeInto(input('police.trafficSafetyBulletins.value'), '126');
    answer = false;
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('flash')?.textContent === 'Chưa lưu: tệp trên đĩa được giữ nguyên.');
    expect(dialogs.at(-1)).toBe('bao-cao-2021.yaml đã bị sửa ở nơi khác từ lúc mở trên bàn làm việc. Ghi đè sẽ làm mất những thay đổi đó.\n\nVẫn ghi đè?');
    expect(readFileSync(file, 'utf8')).toBe(changed);
    answer = true;
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('flash')?.textContent === 'Đã lưu bao-cao-2021.yaml.');
    expect(readFileSync(file, 'utf8')).toContain('trafficSafetyBulletins: 126');
  });

  it('can be used from the keyboard: Tab reaches the actions and the form, Enter adds a list item and focuses it', async () => {
    await page.focus('#save');
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      // Firefox also stops on a scrolling pane (so the keyboard can scroll it): not a control, pass it.
      if (await page.evaluate(() => !!document.activeElement?.matches('.form-pane, .pages'))) await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('data-download') ?? document.activeElement?.getAttribute('data-input') ?? `remove ${document.activeElement?.getAttribute('data-remove')}`));
    }
    expect(order).toEqual(['pdf', 'docx', 'eml', 'zip', 'frame.parentAgency', 'remove frame.parentAgency']);
    const before = await page.$$eval('[data-path="limitations"] ol.rows > li', (l) => l.length);
    await page.focus('[data-path="limitations"] > button.add');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-input') === 'limitations.0');
    expect(await page.$$eval('[data-path="limitations"] ol.rows > li', (l) => l.length)).toBe(before + 1);
    expect(await page.$eval('[data-input="limitations.0"]', (e) => e.getAttribute('aria-label'))).toBe('II. Tồn tại, hạn chế (bỏ trống nếu không có) — Mục 1');
    await page.keyboard.type('Một số xã chưa duy trì tổ tự quản');
    await waitForPreview(page, await previewVersion(page), (t) => t.includes('Một số xã chưa duy trì tổ tự quản'));
  });

  it('switches to English on the page', async () => {
    await page.click('button[lang="en"]');
    await page.waitForFunction(() => document.getElementById('save')?.textContent === 'Save');
    expect(await page.$eval('html', (e) => e.lang)).toBe('en');
    expect(await page.$eval('.back', (e) => e.textContent)).toBe('← Start page');
    await page.click('button[lang="vi"]');
    await page.waitForFunction(() => document.getElementById('save')?.textContent === 'Lưu');
  });

  it('removes a misspelt field the kind does not have ("Xóa trường") and an optional one, keeping the file\'s comments', async () => {
    answer = true; // leave the unsaved edit of the previous test
    await page.evaluate(() => {
      location.hash = '#/open/go-nham.yaml';
    });
    const stray = '[data-path="police.trafficSafetyBulletin"]';
    await page.waitForSelector(`${stray} .problems li.error`);
    expect(await page.$eval(`${stray} .problems li.error`, (e) => e.textContent)).toBe('trường "police.trafficSafetyBulletin" không có trong mẫu.');
    expect(await page.$eval(`${stray} .label`, (e) => e.textContent)).toBe('trafficSafetyBulletin');
    expect(await page.$eval(input('police.trafficSafetyBulletin'), (e) => [(e as HTMLInputElement).value, e.getAttribute('aria-label'), (e as HTMLInputElement).readOnly])).toEqual(
      ['3', 'Giá trị của trường “trafficSafetyBulletin”', true]);
    expect(await page.$eval('#problem-summary .notice.error li', (e) => e.textContent)).toBe('trường "police.trafficSafetyBulletin" không có trong mẫu.');
    // Reached from the keyboard like any button, named for what it removes.
    await page.focus(input('police.trafficSafetyBulletin'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => [document.activeElement?.textContent, document.activeElement?.getAttribute('aria-label')])).toEqual(
      ['Xóa trường', 'Xóa trường “trafficSafetyBulletin” khỏi tệp số liệu']);
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => !document.querySelector(sel), {}, stray);
    await page.waitForSelector('#problem-summary .notice.ok');
    // An optional field the file has: the same button takes it out of the file.
    const optional = '[data-path="frame.parentAgency"]';
    expect(await page.$eval(`${optional} [data-remove]`, (e) => e.textContent)).toBe('Xóa trường');
    await page.click(`${optional} [data-remove]`);
    await page.waitForFunction((sel) => !document.querySelector(`${sel} [data-remove]`), {}, optional);
    expect(await page.$eval(input('frame.parentAgency'), (e) => (e as HTMLInputElement).value)).toBe('');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('flash')?.textContent === 'Đã lưu go-nham.yaml.');
    const file = path.join(dir, 'go-nham.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('trafficSafetyBulletin:');
    expect(text).not.toContain('parentAgency');
    expect(text).toContain('frame:\n  issuingAgency: Ủy ban nhân dân thị xã Nghi Sơn\n');
    expect(text).toContain('  trafficSafetyBulletins: 94\n  fireRescueTraining:\n');
    expect(text).toMatch(/\n {2}number: null +# DỰ THẢO: chưa vào sổ, số để trống\n/);
    expect(text.split('\n')[0]).toBe('# Báo cáo tổng kết công tác quốc phòng - an ninh năm 2020 của UBND thị xã Nghi Sơn (Thanh Hóa).');
    expect((await validateFile(file)).ok).toBe(true);
  });

  it('fills a list\'s grid from an uploaded sheet, read with the CLI\'s column mapping, and shows its cell errors at the grid', async () => {
    // The file open is go-nham.yaml (no communes yet). First a sheet with a bad figure and a name typed in TCVN3.
    const sheets = path.join(dir, 'sheets');
    mkdirSync(sheets, { recursive: true });
    const bad = path.join(sheets, 'so-lieu-xa.xlsx');
    writeFileSync(bad, makeXlsx([{ name: 'Tổng hợp', rows: [
      ['Xã, phường', 'Số tổ tự quản', 'Số thành viên', 'Mô hình camera', 'Số buổi tuyên truyền', 'Số người tham gia tuyên truyền'],
      ['Phường Hải Hòa', 12, 96, 2, 5, 640],
      ['X· H¶i Nh©n', 'ba tổ', 1072, 1, 3, 410],
    ] }]));
    const grid = '[data-path="communes"]';
    const upload = async (file: string) => {
      const chooser = await page.$(`${grid} .sheet-in input[type="file"]`);
      await (chooser as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(file);
    };
    expect(await page.$eval(`${grid} [data-sheet]`, (e) => e.textContent)).toBe('Lấy các dòng từ bảng tính…');
    await upload(bad);
    await page.waitForSelector(`${grid} .sheet-problems li.error`);
    expect(await page.$$eval(`${grid} .sheet-problems li`, (l) => l.map((e) => e.textContent))).toEqual([
      'so-lieu-xa.xlsx, sheet Tổng hợp, ô B3: cần một số nguyên, nhưng nhận được "ba tổ".',
      'so-lieu-xa.xlsx, sheet Tổng hợp, ô A3: chữ trong ô có vẻ được gõ bằng bảng mã TCVN3 (ABC, .VnTime) (X· H¶i Nh©n → Xã Hải Nhân); dựng lại với --legacy tcvn3 hoặc ghi "legacyEncoding: tcvn3" trong tệp số liệu để chuyển sang Unicode.',
    ]);
    expect(await page.$$(`${grid} tbody tr`)).toHaveLength(0);

    // Then the clerk's sheet saved by LibreOffice Calc (or, without Calc here, written by the test), with a totals row.
    const rows: (string | number)[][] = [
      ['Xã, phường', 'Số tổ tự quản', 'Số thành viên', 'Mô hình camera', 'Số buổi tuyên truyền', 'Số người tham gia tuyên truyền'],
      ['Phường Hải Hòa', 12, 96, 2, 5, 640], ['Xã Hải Nhân', 9, 1072, 1, 3, 410], ['Phường Bình Minh', 7, 55, 0, 2, 215],
      ['Tổng cộng', 28, 1220, 3, 10, 1265],
    ];
    const csv = path.join(sheets, 'xa.csv');
    writeFileSync(csv, rows.map((r) => r.map((c) => (typeof c === 'string' ? `"${c}"` : String(c))).join(',')).join('\n') + '\n');
    const good = hasCalc() ? convertWithCalc(csv, 'xlsx') : path.join(sheets, 'xa.xlsx');
    if (!hasCalc()) writeFileSync(good, makeXlsx([{ name: 'xa', rows }]));
    const before = await previewVersion(page);
    await upload(good);
    await page.waitForSelector(input('communes.2.outreachParticipants'));
    expect(await page.$$eval(`${grid} tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('input')].map((i) => i.value)))).toEqual([
      ['Phường Hải Hòa', '12', '96', '2', '5', '640'],
      ['Xã Hải Nhân', '9', '1072', '1', '3', '410'],
      ['Phường Bình Minh', '7', '55', '0', '2', '215'],
    ]);
    // The totals row is checked, not read as a commune: 96 + 1072 + 55 = 1223, not 1220.
    expect(await page.$$eval(`${grid} .sheet-problems li`, (l) => l.map((e) => e.textContent))).toEqual([
      'xa.xlsx, sheet xa, ô C5: dòng tổng cộng ghi 1.220 cho "teamMembers", nhưng cộng các dòng được 1.223; văn bản dùng tổng tính lại.',
    ]);
    await page.waitForFunction(() => document.getElementById('flash')?.textContent === 'Đã lấy 3 dòng từ xa.xlsx.');
    const { text } = await waitForPreview(page, before, (t) => t.includes('Phường Bình Minh'));
    expect(text).toContain('1.223');
  }, 180_000);
});
