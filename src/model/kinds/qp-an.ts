import { z } from 'zod';
import { documentFields, prose, proseList, quantity, text, year } from '../common.js';
import { frameSchema } from '../frame.js';
import type { Finding } from '../../load/index.js';
import type { KindDefinition } from '../kind.js';

/**
 * Annual report of a local People's Committee on defence and security work (báo cáo tổng kết
 * công tác quốc phòng - an ninh): results of the year by force, limitations, forecast and tasks
 * for the next year, and the plan for order and security around the Lunar New Year.
 */

const documentRef = (description: string) =>
  z
    .strictObject({
      issuer: text('Cơ quan ban hành, ví dụ "Ban Thường vụ Thị ủy"'),
      number: z.number().int().positive().optional().describe('Số văn bản, nếu đã có'),
      symbol: text('Ký hiệu, ví dụ "CT/TU"').optional(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'cần một ngày dạng YYYY-MM-DD' }).optional()
        .describe('Ngày ban hành, nếu đã có'),
      subject: text('Trích yếu, viết thường, ví dụ "về việc tăng cường …"'),
    })
    .describe(description);

export const qpAnSchema = z
  .strictObject({
    ...documentFields,
    kind: z.literal('qp-an').describe('Loại văn bản: "qp-an"'),
    frame: frameSchema,
    year: year('Năm báo cáo'),
    meeting: z
      .strictObject({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'cần một ngày dạng YYYY-MM-DD' })
          .describe('Ngày tổ chức hội nghị tổng kết'),
        name: text('Tên hội nghị, ví dụ "Hội nghị tổng kết công tác quốc phòng - an ninh năm 2020"'),
      })
      .optional()
      .describe('Hội nghị tổng kết, nếu báo cáo được trình bày tại hội nghị'),
    leadership: z
      .strictObject({
        summary: prose('Đánh giá chung về công tác lãnh đạo, chỉ đạo'),
        points: proseList('Các kết quả cụ thể của công tác lãnh đạo, chỉ đạo').default([]),
      })
      .describe('I.1. Công tác lãnh đạo, chỉ đạo'),
    police: z
      .strictObject({
        unit: text('Tên lực lượng, ví dụ "Công an thị xã"'),
        trafficSafetyBulletins: quantity('bản tin', 'Số bản tin an toàn giao thông đã xây dựng'),
        fireRescueTraining: z
          .strictObject({
            classes: quantity('lớp', 'Số lớp huấn luyện nghiệp vụ PCCC và CNCH'),
            participants: quantity('người', 'Số người tham gia'),
          })
          .describe('Huấn luyện nghiệp vụ phòng cháy, chữa cháy và cứu nạn, cứu hộ'),
        trafficSafetyOutreach: z
          .strictObject({
            sessions: quantity('buổi', 'Số buổi tuyên truyền'),
            participants: quantity('người', 'Số người tham gia'),
            audience: text('Đối tượng, ví dụ "công nhân và chủ tàu thuyền"'),
          })
          .describe('Tuyên truyền kiến thức về trật tự an toàn giao thông'),
        otherResults: proseList('Kết quả khác của lực lượng Công an').default([]),
      })
      .describe('Kết quả của lực lượng Công an'),
    borderGuard: z
      .strictObject({
        unit: text('Tên lực lượng, ví dụ "Lực lượng Biên phòng đứng chân trên địa bàn"'),
        legalOutreachProgramme: z
          .strictObject({
            title: text('Tên đề án (không cần ngoặc kép)'),
            from: year('Năm bắt đầu'),
            to: year('Năm kết thúc'),
          })
          .describe('Đề án tuyên truyền, phổ biến, giáo dục pháp luật'),
        otherResults: proseList('Kết quả khác của lực lượng Biên phòng').default([]),
      })
      .describe('Kết quả của lực lượng Biên phòng'),
    military: z
      .strictObject({
        unit: text('Tên lực lượng, ví dụ "Ban Chỉ huy quân sự thị xã"'),
        results: proseList('Các kết quả'),
      })
      .optional()
      .describe('Kết quả của lực lượng Quân sự, nếu có'),
    securityMovement: z
      .strictObject({
        focus: prose('Phạm vi, trọng tâm của phong trào, ví dụ "nhất là ở các địa bàn trọng điểm …"'),
        cameraAlarmModels: z
          .strictObject({
            models: quantity('mô hình', 'Số mô hình camera giám sát, tiếng kẻng báo yên'),
            communes: quantity('xã, phường', 'Số xã, phường có mô hình'),
            totalCommunes: z.number().int().positive().optional()
              .describe('Tổng số xã, phường của địa phương, để ghi tỷ lệ "6/31 xã, phường"'),
          })
          .describe('Mô hình camera giám sát, tiếng kẻng báo yên'),
        selfManagedSecurityTeams: quantity('tổ', 'Số tổ tự quản về an ninh, trật tự được củng cố'),
        safeFishingBoatTeams: quantity('tổ', 'Số tổ tàu thuyền an toàn'),
        otherResults: proseList('Kết quả khác của phong trào').default([]),
      })
      .describe('Phong trào "Toàn dân bảo vệ an ninh Tổ quốc"'),
    limitations: proseList('II. Tồn tại, hạn chế (bỏ trống nếu không có)').default([]),
    forecast: prose('Dự báo tình hình năm tới'),
    tasks: z.array(prose('Một nhiệm vụ')).min(1, { message: 'cần ít nhất một nhiệm vụ' })
      .describe('Nhiệm vụ trọng tâm năm tới'),
    tetSecurity: z
      .strictObject({
        occasion: text('Dịp Tết, ví dụ "Tết Nguyên đán Tân Sửu 2021"'),
        directive: documentRef('Chỉ thị của cấp ủy mà kế hoạch triển khai'),
        plan: z
          .strictObject({
            title: text('Tên kế hoạch, ví dụ "Kế hoạch đảm bảo an ninh, trật tự trước, trong và sau Tết …"'),
            number: z.number().int().positive().optional().describe('Số kế hoạch, nếu đã có'),
            symbol: text('Ký hiệu kế hoạch, ví dụ "KH-UBND"').optional(),
          })
          .describe('Kế hoạch đảm bảo an ninh, trật tự dịp Tết'),
        tasks: proseList('Các việc cụ thể dịp Tết').default([]),
      })
      .describe('Đảm bảo an ninh, trật tự dịp Tết'),
  })
  .superRefine((r, ctx) => {
    const prog = r.borderGuard.legalOutreachProgramme;
    if (prog.from > prog.to) {
      ctx.addIssue({ code: 'custom', path: ['borderGuard', 'legalOutreachProgramme', 'to'],
        message: `năm kết thúc (${prog.to}) trước năm bắt đầu "borderGuard.legalOutreachProgramme.from" (${prog.from})` });
    }
  })
  .describe('Báo cáo tổng kết công tác quốc phòng - an ninh năm');

export type QpAnReport = z.output<typeof qpAnSchema>;

/** Figures that are possible but unlikely: warnings naming both fields; the clerk decides. */
function consistency(r: QpAnReport): Finding[] {
  const findings: Finding[] = [];
  const perEvent: [number, number, string[], string][] = [
    [r.police.fireRescueTraining.participants.value, r.police.fireRescueTraining.classes.value,
      ['police', 'fireRescueTraining', 'participants'], 'police.fireRescueTraining.classes'],
    [r.police.trafficSafetyOutreach.participants.value, r.police.trafficSafetyOutreach.sessions.value,
      ['police', 'trafficSafetyOutreach', 'participants'], 'police.trafficSafetyOutreach.sessions'],
  ];
  for (const [participants, events, path, other] of perEvent) {
    if (participants < events) {
      findings.push({ path, message: `số người tham gia (${participants}) ít hơn số lớp/buổi (${events}) ở "${other}"` });
    }
  }
  const cam = r.securityMovement.cameraAlarmModels;
  if (cam.totalCommunes !== undefined && cam.communes.value > cam.totalCommunes) {
    findings.push({ path: ['securityMovement', 'cameraAlarmModels', 'communes'],
      message: `số xã, phường có mô hình (${cam.communes.value}) lớn hơn tổng số "securityMovement.cameraAlarmModels.totalCommunes" (${cam.totalCommunes})` });
  }
  if (r.frame.date && Number(r.frame.date.slice(0, 4)) < r.year) {
    findings.push({ path: ['frame', 'date'], message: `ngày ban hành (${r.frame.date}) trước năm báo cáo "year" (${r.year})` });
  }
  return findings;
}

export const qpAn: KindDefinition<typeof qpAnSchema> = {
  id: 'qp-an',
  title: 'Báo cáo tổng kết công tác quốc phòng - an ninh năm',
  typeName: 'Báo cáo',
  typeAbbreviation: 'BC',
  profile: 'nd30',
  template: 'qp-an',
  sample: 'nghi-son-qp-an-2020.yaml',
  schema: qpAnSchema,
  consistency,
  keywords: (r) => ['quốc phòng', 'an ninh', `năm ${r.year}`, r.tetSecurity.occasion],
  fileStem: (r) => `qp-an-${r.year}`,
};
