import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadReport } from '../../src/pipeline/index.js';
import { findKind } from '../../src/model/index.js';
import type { Quantity } from '../../src/model/index.js';

/** The fields these tests read; the kind's schema lives in templates/qp-an/kind.yaml. */
interface QpAnReport {
  year: number;
  frame: { number: number | null; signer: { name: string | null } };
  meeting?: { date: string };
  police: {
    trafficSafetyBulletins: Quantity;
    fireRescueTraining: { classes: Quantity; participants: Quantity };
    trafficSafetyOutreach: { sessions: Quantity; participants: Quantity };
  };
  borderGuard: { legalOutreachProgramme: { from: number; to: number } };
  securityMovement: { cameraAlarmModels: { models: Quantity; communes: Quantity }; selfManagedSecurityTeams: Quantity; safeFishingBoatTeams: Quantity };
}

const FIX = 'test/fixtures/data';

describe('the qp-an kind', () => {
  it('validates the bundled sample with every figure of the article as a number with its unit', async () => {
    const r = await loadReport('data/nghi-son-qp-an-2020.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    const q = r.report as unknown as QpAnReport;
    expect(q.year).toBe(2020);
    expect(q.police.trafficSafetyBulletins).toEqual({ value: 94, unit: 'bản tin' });
    expect(q.police.fireRescueTraining.classes).toEqual({ value: 15, unit: 'lớp' });
    expect(q.police.fireRescueTraining.participants).toEqual({ value: 2130, unit: 'người' });
    expect(q.police.trafficSafetyOutreach.sessions).toEqual({ value: 7, unit: 'buổi' });
    expect(q.police.trafficSafetyOutreach.participants).toEqual({ value: 4300, unit: 'người', qualifier: 'trên' });
    expect(q.securityMovement.cameraAlarmModels.models.value).toBe(6);
    expect(q.securityMovement.cameraAlarmModels.communes.value).toBe(6);
    expect(q.securityMovement.selfManagedSecurityTeams.value).toBe(136);
    expect(q.securityMovement.safeFishingBoatTeams.value).toBe(45);
    expect(q.borderGuard.legalOutreachProgramme).toMatchObject({ from: 2017, to: 2021 });
    expect(q.meeting?.date).toBe('2020-12-09');
    expect(q.frame.number).toBeNull();
    expect(q.frame.signer.name).toBeNull();
  });

  it('validates a second town with every optional part', async () => {
    const r = await loadReport(`${FIX}/song-lam-2021.yaml`);
    expect(r.ok).toBe(true);
  });

  it('names file, line, column and field for a string where a number belongs', async () => {
    const r = await loadReport(`${FIX}/bad-string-for-number.yaml`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      file: `${FIX}/bad-string-for-number.yaml`,
      line: 17,
      column: 27,
      path: ['police', 'trafficSafetyBulletins'],
      severity: 'error',
    });
    expect(r.problems[0]!.message).toContain('"police.trafficSafetyBulletins"');
    expect(r.problems[0]!.message).toContain('"94 bản tin"');
  });

  it('names a missing field', async () => {
    const r = await loadReport(`${FIX}/bad-missing-symbol.yaml`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.path.join('.'), p.code])).toEqual([[2, 'frame.symbol', 'missing']]);
    expect(r.problems[0]!.message).toBe('thiếu trường bắt buộc "frame.symbol".');
  });

  it('reports every problem of a file at once, a typo with a suggestion among them', async () => {
    const r = await loadReport(`${FIX}/bad-several.yaml`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.path.join('.'), p.code])).toEqual([
      [12, 'year', 'type'],
      [18, 'police.fireRescueTraining.participants', 'missing'],
      [20, 'police.fireRescueTraining.participant', 'unknown-field'],
    ]);
    expect(r.problems[2]!.message).toContain('có phải "participants"?');
  });

  it('warns, naming both fields, when participants are fewer than classes, and still loads', async () => {
    const r = await loadReport(`${FIX}/warn-participants.yaml`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ line: 20, path: ['police', 'fireRescueTraining', 'participants'], severity: 'warning' });
    expect(r.warnings[0]!.message).toContain('police.fireRescueTraining.classes');
  });

  it('infers its TypeScript type from the schema and exports a JSON Schema from the same source', () => {
    const json = z.toJSONSchema(findKind('qp-an')!.schema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(json.properties)).toEqual(expect.arrayContaining(['frame', 'year', 'police', 'borderGuard', 'securityMovement', 'tetSecurity']));
    // Every section is optional (issue 14 §6): only the frame and the year are required.
    expect(json.required).toEqual(['kind', 'frame', 'year', 'tasks']);
  });
});
