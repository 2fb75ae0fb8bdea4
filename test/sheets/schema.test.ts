import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findKind, kindJsonSchema } from '../../src/model/index.js';

/**
 * The JSON Schema `init` writes beside a data file (and the desk's form reads) knows that a list of
 * records may be written as its source, so an editor checking the file does not flag
 * `communes: { from: so-lieu-xa.xlsx … }` or `{ from-reports: xa/*.yaml … }`. Checked with zod's
 * own JSON Schema reader (z.fromJSONSchema), the validator the project already depends on.
 */

const schema = kindJsonSchema(findKind('qp-an')!);
// The list's own schema with the definitions it refers to (zod reads "\\p{L}" patterns elsewhere in
// the schema without the Unicode flag that editors use, so the whole file is not its test).
const communesSchema = { $defs: schema.$defs, ...(schema.properties as Record<string, object>).communes };
const validator = z.fromJSONSchema(communesSchema as never);
const withCommunes = (communes: unknown) => communes;
const accepts = (data: unknown) => validator.safeParse(data).success;

describe('the kind\'s JSON Schema and list sources', () => {
  it('offers the array first, then a sheet and the units\' reports, for a list of records', () => {
    const communes = (schema.properties as Record<string, Record<string, unknown>>).communes!;
    const branches = communes.anyOf as Record<string, unknown>[];
    expect(branches.map((b) => b.type ?? b.$ref)).toEqual(['array', '#/$defs/sheetSource', '#/$defs/reportsSource']);
    expect(communes.description).toMatch(/^Kết quả theo từng xã, phường/);
    const defs = schema.$defs as Record<string, { required: string[]; properties: Record<string, unknown> }>;
    expect(Object.keys(defs.sheetSource!.properties)).toEqual(['from', 'sheet', 'header-row', 'encoding']);
    expect(defs.sheetSource!.required).toEqual(['from']);
    expect(Object.keys(defs.reportsSource!.properties)).toEqual(['from-reports', 'kind', 'units', 'sort']);
    // A list of plain text (the tasks) has no source form: it cannot come from a sheet.
    expect((schema.properties as Record<string, Record<string, unknown>>).tasks!.type).toBe('array');
  });

  it('accepts the rows, a sheet and a roll-up, and still flags what is wrong with either form', () => {
    expect(accepts(withCommunes([{ name: 'Xã Hải Nhân', securityTeams: 9, teamMembers: 1072, cameraModels: 1, outreachSessions: 3, outreachParticipants: 410 }]))).toBe(true);
    expect(accepts(withCommunes({ from: 'so-lieu-xa.xlsx', sheet: 'Tổng hợp', 'header-row': 3 }))).toBe(true);
    expect(accepts(withCommunes({ from: 'so-lieu-xa.csv', sheet: 1, encoding: 'windows-1258' }))).toBe(true);
    expect(accepts(withCommunes({ 'from-reports': 'xa/*.yaml', kind: 'qp-an-xa', units: ['Xã Hải Nhân'], sort: '-teamMembers' }))).toBe(true);
    expect(accepts(withCommunes({ from: 'so-lieu-xa.xlsx', 'header-rows': 3 }))).toBe(false); // misspelt key
    expect(accepts(withCommunes({ sheet: 'Tổng hợp' }))).toBe(false); // no file
    expect(accepts(withCommunes({ from: 'a.xlsx', 'header-row': 0 }))).toBe(false);
    expect(accepts(withCommunes({ 'from-reports': 'xa/*.yaml', units: 'Xã Hải Nhân' }))).toBe(false);
    expect(accepts(withCommunes('so-lieu-xa.xlsx'))).toBe(false);
  });
});
