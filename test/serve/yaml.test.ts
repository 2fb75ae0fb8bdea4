import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { dataToText } from '../../src/serve/yaml.js';

/** What the desk's save writes: the file's own text with the form's values, comments and order kept. */

const base = readFileSync('data/nghi-son-qp-an-2020.yaml', 'utf8');
const read = (text: string) => parse(text, { version: '1.2', schema: 'core' }) as Record<string, any>;

describe('saving form data into a YAML file', () => {
  it('writes the file unchanged when nothing changed', () => {
    expect(dataToText(base, read(base), 'bao-cao.yaml')).toBe(base);
  });

  it('changes only the edited values, keeping comments, order and flow style', () => {
    const data = read(base);
    data.police.trafficSafetyBulletins = 95;
    data.frame.number = 12;
    data.police.trafficSafetyOutreach.participants = { value: 4400, qualifier: 'trên' };
    const text = dataToText(base, data, 'bao-cao.yaml');
    expect(read(text)).toEqual(data);
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual(base.split('\n').slice(0, 4));
    expect(lines).toContain('  number: 12 # DỰ THẢO: chưa vào sổ, số để trống');
    expect(lines).toContain('    # Bài báo in "4.3000" (lỗi đánh máy); số đúng là trên 4.300 người.');
    expect(lines).toContain('    participants: { value: 4400, qualifier: trên }');
    expect(lines).toContain('  archive: [ VT ]');
    expect(Object.keys(read(text))).toEqual(Object.keys(read(base)));
  });

  it('puts a new field after its neighbour in the form\'s order and drops a removed one', () => {
    const data = read(base);
    delete data.meeting;
    // The form's order: police.otherResults follows trafficSafetyOutreach.
    const police = data.police;
    data.police = { unit: police.unit, trafficSafetyBulletins: police.trafficSafetyBulletins, fireRescueTraining: police.fireRescueTraining, trafficSafetyOutreach: police.trafficSafetyOutreach, otherResults: ['Bắt giữ 3 vụ'] };
    const text = dataToText(base, data, 'bao-cao.yaml');
    expect(text).not.toContain('meeting:');
    expect(text).toContain('    audience: công nhân và chủ tàu thuyền\n  otherResults:\n    - Bắt giữ 3 vụ\n\nborderGuard:');
    expect(read(text)).toEqual(data);
  });

  it('writes a JSON data file as JSON', () => {
    const json = JSON.stringify({ kind: 'qp-an', year: 2020 }, null, 2) + '\n';
    expect(dataToText(json, { kind: 'qp-an', year: 2020 }, 'a.json')).toBe(json);
    expect(dataToText(json, { kind: 'qp-an', year: 2021 }, 'a.json')).toBe('{\n  "kind": "qp-an",\n  "year": 2021\n}\n');
  });
});
