import type { JobResult, JobStatus } from '../batch/index.js';
import { formatProblems } from '../load/index.js';
import type { Lang } from '../load/index.js';
import { translator } from './i18n.js';

/** Printing results: problems as they come (stderr), a summary table or JSON at the end (stdout). */

export function statusWord(status: JobStatus, lang: Lang): string {
  const t = translator(lang);
  switch (status) {
    case 'ok': return t('xong', 'done');
    case 'invalid': return t('lỗi dữ liệu', 'invalid data');
    case 'template': return t('lỗi mẫu', 'template error');
    case 'io': return t('lỗi đọc/ghi', 'I/O error');
    case 'exists': return t('giữ tệp cũ', 'kept existing');
    case 'internal': return t('lỗi hệ thống', 'internal error');
  }
}

/** Everything the clerk must read about one input: problems, warnings, errors, kept files. */
export function describeProblems(r: JobResult, lang: Lang): string {
  const t = translator(lang);
  const parts: string[] = [];
  if (r.problems.length > 0) parts.push(formatProblems(r.problems, lang));
  if (r.warnings.length > 0) parts.push(formatProblems(r.warnings, lang));
  if (r.error) parts.push(r.status === 'internal' ? `${r.input}: ${t('lỗi không mong đợi', 'unexpected error')}: ${r.error}` : r.error);
  for (const o of r.outputs.filter((x) => x.status === 'kept')) {
    parts.push(t(`${o.path}: đã có tệp khác nội dung, giữ nguyên; dùng --force để ghi đè.`, `${o.path}: a different file exists and was kept; use --force to overwrite.`));
  }
  if (r.status === 'invalid' || r.status === 'template' || (r.status === 'io' && r.outputs.length === 0)) {
    parts.push(t(`${r.input}: không dựng văn bản; không ghi tệp nào.`, `${r.input}: not rendered; no file written.`));
  }
  return parts.join('\n');
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
}

/** A plain-text table: file, result, outputs, pages, size of each output, time. */
export function summaryTable(results: JobResult[], lang: Lang, totalMs: number): string {
  const t = translator(lang);
  const head = [t('Tệp', 'File'), t('Kết quả', 'Result'), t('Đầu ra', 'Outputs'), t('Trang', 'Pages'), t('Dung lượng', 'Size'), t('Thời gian', 'Time')];
  const rows = results.map((r) => [
    r.input,
    statusWord(r.status, lang),
    r.outputs.map((o) => o.path + (o.status === 'unchanged' ? t(' (không đổi)', ' (unchanged)') : o.status === 'kept' ? t(' (giữ cũ)', ' (kept)') : '')).join(', ') || '-',
    r.pages === undefined ? '-' : String(r.pages),
    // One size per output, in the order of the outputs column (e-mail limits are per file).
    r.outputs.length ? r.outputs.map((o) => kb(o.bytes)).join('; ') : '-',
    `${r.ms} ms`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const ok = results.filter((r) => r.status === 'ok').length;
  const total = t(
    `${results.length} tệp: ${ok} xong, ${results.length - ok} lỗi · ${(totalMs / 1000).toFixed(1).replace('.', ',')} s`,
    `${results.length} files: ${ok} done, ${results.length - ok} failed · ${(totalMs / 1000).toFixed(1)} s`,
  );
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), total].join('\n');
}

/** The machine-readable summary of `--json`. */
export function summaryJson(results: JobResult[], totalMs: number, interrupted = false): string {
  return JSON.stringify(
    {
      ok: results.every((r) => r.status === 'ok') && !interrupted,
      interrupted,
      total: results.length,
      failed: results.filter((r) => r.status !== 'ok').length,
      ms: Math.round(totalMs),
      files: results,
    },
    null,
    2,
  );
}
