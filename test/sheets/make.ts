import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';

/**
 * Spreadsheet files for the tests, written part by part as the formats specify (ECMA-376
 * SpreadsheetML, OpenDocument 1.3) and zipped with fflate: shared strings, inline strings, date
 * styles, formulas with cached values, merged cells, repeated rows. LibreOffice Calc makes the
 * other half of the test files (convertWithCalc).
 */

export type XCell =
  | string // a shared string
  | number
  | boolean
  | { date: number; style?: 'builtin' | 'custom' } // a serial day with a date style
  | { formula: string; cached?: number }
  | { inline: string }
  | { error: string }
  | null;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function col(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface XSheet {
  name: string;
  /** Rows from row 1; a row may be given with its row number to leave gaps. */
  rows: (XCell[] | { row: number; cells: XCell[] })[];
  merges?: string[];
  /** Extra XML appended inside <sheetData> (hostile rows …). */
  tail?: string;
}

export function makeXlsx(sheets: XSheet[], options: { date1904?: boolean } = {}): Uint8Array {
  const strings: string[] = [];
  const sst = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, si) => {
    let rowNumber = 0;
    const rows = sheet.rows.map((r) => {
      const { row, cells } = Array.isArray(r) ? { row: rowNumber + 1, cells: r } : r;
      rowNumber = row;
      const cs = cells.map((c, ci) => {
        const ref = `${col(ci + 1)}${row}`;
        if (c === null) return '';
        if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${sst(c)}</v></c>`;
        if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
        if (typeof c === 'boolean') return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
        if ('date' in c) return `<c r="${ref}" s="${c.style === 'custom' ? 2 : 1}"><v>${c.date}</v></c>`;
        if ('formula' in c) return `<c r="${ref}"><f>${esc(c.formula)}</f>${c.cached === undefined ? '' : `<v>${c.cached}</v>`}</c>`;
        if ('inline' in c) return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
        return `<c r="${ref}" t="e"><v>${esc(c.error)}</v></c>`;
      });
      return `<row r="${row}">${cs.join('')}</row>`;
    });
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    files[`xl/worksheets/sheet${si + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows.join('')}${sheet.tail ?? ''}</sheetData>${merges}</worksheet>`,
    );
  });
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  // Style 0: General; 1: built-in date format 14; 2: custom "dd/mm/yyyy" (id 164).
  files['xl/styles.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
  );
  return zipSync(files);
}

/** An ODS with one table; `rowsXml` is the table's rows as written in content.xml. */
export function makeOds(name: string, rowsXml: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="${esc(name)}"><table:table-column table:number-columns-repeated="6"/>${rowsXml}</table:table></office:spreadsheet></office:body></office:document-content>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`),
  });
}

/** Whether LibreOffice Calc (not only Writer) is installed: the Debian package libreoffice-calc-nogui. */
export function hasCalc(): boolean {
  try {
    return readdirSync('/usr/lib/libreoffice/program').some((f) => f === 'libsclo.so');
  } catch {
    return false;
  }
}

/**
 * Convert a CSV (UTF-8, comma-separated) to xlsx or ods with LibreOffice Calc in a fresh profile;
 * `textColumns` are imported as text (1-based), so "1.250" stays the text a clerk typed;
 * `dateColumns` as dates written day/month/year, as a clerk in Vietnam types them.
 */
export function convertWithCalc(csv: string, to: 'xlsx' | 'ods', textColumns: number[] = [], dateColumns: number[] = []): string {
  const dir = path.dirname(csv);
  // Calc's CSV column formats: 2 = text, 4 = date day/month/year.
  const formats = [...textColumns.map((c) => `${c}/2`), ...dateColumns.map((c) => `${c}/4`)].join('/');
  execFileSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, `lo-profile-${to}`)).href}`,
      `--infilter=CSV:44,34,76,1,${formats}`, '--convert-to', to, '--outdir', path.join(dir, to), csv],
    { stdio: 'pipe', timeout: 85_000 },
  );
  return path.join(dir, to, `${path.basename(csv, '.csv')}.${to}`);
}

/** Convert a flat ODS (.fods, Calc's own format in one XML file: merged cells, typed cells, formulas) to xlsx or ods with Calc. */
export function convertFodsWithCalc(fods: string, to: 'xlsx' | 'ods'): string {
  const dir = path.dirname(fods);
  execFileSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, `lo-profile-${to}`)).href}`, '--convert-to', to, '--outdir', path.join(dir, to), fods],
    { stdio: 'pipe', timeout: 85_000 },
  );
  return path.join(dir, to, `${path.basename(fods, '.fods')}.${to}`);
}

/** A flat ODS of one table; each row is a list of cells written as content.xml writes them (see fodsCell). */
export function makeFods(name: string, rows: string[][]): string {
  const body = rows.map((r) => `<table:table-row>${r.join('')}</table:table-row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet><table:table table:name="${esc(name)}"><table:table-column table:number-columns-repeated="7"/>${body}</table:table></office:spreadsheet></office:body></office:document>`;
}

export const fodsCell = {
  text: (t: string, span: { cols?: number; rows?: number } = {}) => `<table:table-cell office:value-type="string"${span.cols ? ` table:number-columns-spanned="${span.cols}"` : ''}${span.rows ? ` table:number-rows-spanned="${span.rows}"` : ''}><text:p>${esc(t)}</text:p></table:table-cell>`,
  num: (n: number) => `<table:table-cell office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`,
  date: (iso: string) => `<table:table-cell office:value-type="date" office:date-value="${iso}"><text:p>${iso}</text:p></table:table-cell>`,
  /** A formula with the value saved beside it (what Calc would have computed when it saved). */
  formula: (f: string, saved: number) => `<table:table-cell table:formula="${esc(f)}" office:value-type="float" office:value="${saved}"><text:p>${saved}</text:p></table:table-cell>`,
  covered: '<table:covered-table-cell/>',
  empty: '<table:table-cell/>',
};
