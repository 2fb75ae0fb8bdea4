import { describe, expect, it } from 'vitest';
import { kindForm, splitDescription } from '../../src/serve/form.js';
import type { FormField } from '../../src/serve/protocol.js';

/** The form of a kind comes from its JSON Schema and kind.yaml: no front-end code per kind. */

const form = kindForm('qp-an')!;
const at = (path: string): FormField => {
  let fields = form.fields;
  let found: FormField | undefined;
  for (const key of path.split('.')) {
    found = fields.find((f) => f.key === key);
    if (!found) throw new Error(`no field ${path}`);
    fields = found.fields ?? found.items?.fields ?? [];
  }
  return found!;
};

describe('the form of a kind', () => {
  it('puts the frame first, then the kind\'s fields in kind.yaml order, then the document settings', () => {
    expect(form.fields.map((f) => f.key)).toEqual(['frame', 'year', 'meeting', 'leadership', 'situation', 'police', 'borderGuard', 'military', 'recruitment', 'militiaTraining', 'defenceEducation', 'securityMovement', 'communes', 'limitations', 'forecast', 'tasks', 'tetSecurity', '']);
    expect(form.fields.at(-1)!.fields!.map((f) => f.key)).toEqual(['tonePlacement', 'legacyEncoding']);
  });

  it('gives every field type its input, with the Vietnamese description as label and hint', () => {
    expect(at('frame.issuingAgency')).toEqual({ key: 'issuingAgency', type: 'text', label: 'Tên cơ quan ban hành (ô 2)', hint: 'Ví dụ "Ủy ban nhân dân thị xã Nghi Sơn"', required: true, nullable: false });
    expect(at('frame.number')).toMatchObject({ type: 'integer', required: false, nullable: true, label: 'Số văn bản (ô 3)', hint: 'Để trống (null) khi chưa vào sổ' });
    expect(at('frame.date')).toMatchObject({ type: 'date', required: true, nullable: true });
    expect(at('frame.signer.authority')).toMatchObject({ type: 'enum', values: ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'], required: false, label: 'Quyền hạn ký' });
    expect(at('frame.recipients')).toMatchObject({ type: 'list', items: { type: 'text' } });
    expect(at('year')).toMatchObject({ type: 'year', label: 'Năm báo cáo', required: true });
    expect(at('meeting')).toMatchObject({ type: 'object', required: false });
    expect(at('meeting.date')).toMatchObject({ type: 'date', label: 'Ngày tổ chức hội nghị tổng kết' });
    expect(at('leadership.summary')).toMatchObject({ type: 'prose', required: true });
    expect(at('leadership.points')).toMatchObject({ type: 'list', required: false, items: { type: 'prose' } });
    expect(at('police.trafficSafetyBulletins')).toMatchObject({ type: 'quantity', unit: 'bản tin', label: 'Số bản tin an toàn giao thông đã xây dựng' });
    expect(at('securityMovement.cameraAlarmModels.totalCommunes')).toMatchObject({ type: 'integer', min: 1, required: false });
    expect(at('tasks')).toMatchObject({ type: 'list', min: 1, required: true });
    expect(at('communes').items!.fields!.map((f) => [f.key, f.type])).toEqual([
      ['name', 'text'], ['securityTeams', 'integer'], ['teamMembers', 'integer'], ['cameraModels', 'integer'], ['outreachSessions', 'integer'], ['outreachParticipants', 'integer'],
    ]);
  });

  it('splits a description into label and hint at "ví dụ", ";" or ":"', () => {
    expect(splitDescription('Tên lực lượng, ví dụ "Công an thị xã"', 'unit')).toEqual({ label: 'Tên lực lượng', hint: 'Ví dụ "Công an thị xã"' });
    expect(splitDescription('Dòng "Lưu:" (ô 9b), ví dụ ["VT", "CA"]', 'archive')).toEqual({ label: 'Dòng "Lưu:" (ô 9b)', hint: 'Ví dụ ["VT", "CA"]' });
    expect(splitDescription(undefined, 'year')).toEqual({ label: 'year' });
  });

  it('has no form for an unknown kind', () => {
    expect(kindForm('khong-co')).toBeUndefined();
  });
});
