import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/check/index.js';
import { listKinds } from '../../src/model/index.js';
import { loadReport } from '../../src/pipeline/index.js';
import { rendered, summarise } from './helpers.js';
import { readdirSync } from 'node:fs';

// baocao's own output is the reference: every sample in data/, as DOCX and as PDF, has no
// format error, and the checker finds every frame element it checks (a checker that found
// nothing would also report nothing).
const samples = readdirSync('data').filter((f) => f.endsWith('.yaml')).map((f) => path.join('data', f));

describe.each(samples)('%s', (sample) => {
  it('has no error and no note, as DOCX and as PDF, each element found where the frame put it', async () => {
    const loaded = await loadReport(sample);
    if (!loaded.ok) throw new Error('sample invalid');
    const kind = listKinds().find((k) => k.id === loaded.kind.id)!;
    const { docx, pdf } = await rendered(sample);
    for (const [format, bytes] of [['docx', docx], ['pdf', pdf]] as const) {
      const r = await checkBytes(bytes, { name: sample });
      expect(summarise(r), `${sample} ${format}`).toEqual([]);
      expect(r.format).toBe(format);
      expect(r.profile).toBe(kind.profile);
      const f = loaded.report.frame;
      const party = kind.profile === 'dang';
      expect(r.located[party ? 'partyTitle' : 'nationalTitle']).toEqual([party ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
      if (!party) expect(r.located.motto).toEqual(['Độc lập - Tự do - Hạnh phúc']);
      expect(r.located.number?.[0]).toMatch(party ? /^Số [\d ]*-[A-Z]+\/[A-Z]+$/ : /^Số: [\d ]*\/[A-Z]+-[A-Z]+$/);
      expect(r.located.placeDate?.[0]).toMatch(/, ngày /);
      expect(r.located.typeName).toEqual([kind.id === 'chi-thi' ? 'CHỈ THỊ' : kind.id === 'ke-hoach' ? 'KẾ HOẠCH' : 'BÁO CÁO']);
      expect(r.located.summary?.length).toBeGreaterThan(0);
      expect(r.located.recipientsLabel).toEqual(['Nơi nhận:']);
      expect(r.located.authority?.[0]).toMatch(party ? /^T\/M / : /^(TM|KT|TL|TUQ|Q)\. /);
      if (f.signer?.name) expect(r.located.signerName).toEqual([f.signer.name]);
      expect(r.located.bodyParagraphs).toBeGreaterThan(3);
      expect(r.located.headings?.length).toBeGreaterThan(2);
    }
  });
});
