import { describe, expect, it } from 'vitest';
import {
  convertLegacy,
  convertLegacyDeep,
  detectLegacy,
  findLegacyStrings,
  isVietnameseSyllable,
  LegacyConversionError,
} from '../../src/legacy/index.js';

const UNICODE_PARAGRAPH =
  'Năm 2020, Ủy ban nhân dân xã Nghi Sơn đã chỉ đạo hoàn thành tốt công tác quốc phòng, an ninh. ' +
  'Lực lượng dân quân tự vệ được huấn luyện đạt 98,5% kế hoạch; tình hình chính trị ổn định, ' +
  'trật tự an toàn xã hội được giữ vững. Chào mừng các đồng chí về dự hội nghị tổng kết ở Hà Nội, ' +
  'Đà Nẵng, Thành phố Hồ Chí Minh và tỉnh Quảng Ngãi.';

// Only letters that also exist in Latin-1 (à á â ã è é ê ì í ò ó ô õ ù ú ý): the hard case,
// since every one of them is also a legacy byte.
const LATIN1_VIETNAMESE =
  'Cô giáo nói: mùa hè này nhà tôi có sáu con mèo, cây chè xanh và áo dài màu tím. ' +
  'Sông núi rì rào, mây bay qua ngõ làng. Hoàn toàn không? Không, chú ý: Tô Hoài, Lê Tú, ' +
  'Hòa Bình, Thúy, hoá, khoái, quý, yêu, xoong, coóc, gì, giá, oà.';

describe('detectLegacy true negatives', () => {
  it.each([
    ['Unicode Vietnamese', UNICODE_PARAGRAPH],
    ['Unicode Vietnamese, NFD', UNICODE_PARAGRAPH.normalize('NFD')],
    ['Latin-1-only Vietnamese words', LATIN1_VIETNAMESE],
    ['short Latin-1 Vietnamese', 'Hoàn toàn'],
    ['names', 'Tô Hoài, Lê Tú, Hà Giang, Bà Rịa, Cà Mau, Tây Ninh, Lào Cai'],
    ['English', 'The annual report was approved by the committee on 12 March; see the appendix for details.'],
    ['English with accents', 'The café served a naïve résumé of the rôle; déjà vu in São Paulo, Zürich, Málaga and Malmö.'],
    ['numbers and symbols', '1.234.567,89 € — 98,5% ± 0,2; 30°C; 5 µm; § 3; © 2020 ® ™'],
    ['empty', ''],
    ['ASCII Vietnamese without marks', 'Nghi Son, Quang Ngai, Uy ban nhan dan'],
  ])('%s', (_label, text) => {
    expect(detectLegacy(text)).toBeNull();
  });
});

describe('detectLegacy true positives', () => {
  it('reports encoding, confidence and samples', () => {
    const d = detectLegacy('Uû ban nh©n d©n tØnh Qu¶ng Ng·i');
    expect(d).not.toBeNull();
    expect(d!.encoding).toBe('tcvn3');
    expect(d!.confidence).toBeGreaterThan(0.8);
    expect(d!.confidence).toBeLessThanOrEqual(1);
    expect(d!.samples).toContain('Qu¶ng → Quảng');
  });

  it('detects VNI with marks on capitals', () => {
    expect(detectLegacy('UÛY BAN NHAÂN DAÂN TÆNH QUAÛNG NGAÕI')?.encoding).toBe('vni');
  });

  it('refuses a lone symbol in front of letters', () => {
    expect(detectLegacy('µm')).toBeNull();
  });

  it('refuses text that mixes Unicode Vietnamese letters in', () => {
    expect(detectLegacy('Qu¶ng Ng·i, Việt Nam')).toBeNull();
  });
});

describe('convertLegacy on Unicode', () => {
  it('refuses text that is already Unicode Vietnamese', () => {
    expect(() => convertLegacy(UNICODE_PARAGRAPH, 'tcvn3')).toThrow(LegacyConversionError);
    expect(() => convertLegacy(UNICODE_PARAGRAPH, 'vni')).toThrow(LegacyConversionError);
    expect(() => convertLegacy('Cộng hòa'.normalize('NFD'), 'vni')).toThrow(LegacyConversionError);
  });

  it('rejects an unknown encoding', () => {
    expect(() => convertLegacy('x', 'viscii' as never)).toThrow(TypeError);
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts real syllables', () => {
    for (const w of ['người', 'Nghiêng', 'khuỷu', 'khuya', 'xoong', 'quốc', 'gì', 'giữ', 'thuở', 'hóa', 'hoá', 'ĐỒNG', 'uỷ', 'ý', 'oanh', 'yêu', 'rượu', 'tuổi']) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
  });

  it('rejects non-syllables', () => {
    for (const w of ['hoµ', 'Vieät', 'bàt', 'café', 'người ta', 'aù', 'µm', 'Zürich', 'ngoo']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });

  it('applies the c/k/g spelling rules only when strict', () => {
    expect(isVietnameseSyllable('Kạn')).toBe(true);
    expect(isVietnameseSyllable('Kạn', true)).toBe(false);
    expect(isVietnameseSyllable('nghúa', true)).toBe(false);
    expect(isVietnameseSyllable('kiến', true)).toBe(true);
  });
});

describe('findLegacyStrings / convertLegacyDeep', () => {
  const data = {
    co_quan: 'Uû ban nh©n d©n x· Nghi S¬n',
    tieu_de: 'Báo cáo kết quả',
    nam: 2020,
    ok: true,
    khong: null,
    chi_tieu: [
      { ten: 'D©n qu©n tù vÖ', ty_le: '98,5%' },
      { ten: 'Huaán luyeän quaân söï', ty_le: 'ñaït' },
    ],
    nguoi_ky: { ho_ten: 'Nguyễn Văn A', chuc_vu: 'Chñ tÞch' },
  };

  it('reports every legacy string with its path', () => {
    const found = findLegacyStrings(data);
    expect(found.map((f) => [f.path, f.encoding])).toEqual([
      [['co_quan'], 'tcvn3'],
      [['chi_tieu', 0, 'ten'], 'tcvn3'],
      [['chi_tieu', 1, 'ten'], 'vni'],
      [['nguoi_ky', 'chuc_vu'], 'tcvn3'],
    ]);
    expect(found[0]!.sample).toBe('Uû ban nh©n d©n x· Nghi S¬n → Uỷ ban nhân dân xã Nghi Sơn');
  });

  it('finds nothing in clean data or non-string values', () => {
    expect(findLegacyStrings({ a: 'Cộng hòa', b: [1, 2, 'OK'], c: { d: 'Việt Nam' } })).toEqual([]);
    expect(findLegacyStrings(42)).toEqual([]);
    expect(findLegacyStrings(undefined)).toEqual([]);
    expect(findLegacyStrings('Qu¶ng Ng·i')).toEqual([{ path: [], encoding: 'tcvn3', sample: 'Qu¶ng Ng·i → Quảng Ngãi' }]);
  });

  it('converts every string into a new value, leaving Unicode strings and non-strings alone', () => {
    const tcvn = { a: 'Uû ban nh©n d©n', b: ['Nghi S¬n', 7, { c: 'Cộng hòa' }], d: false, e: null };
    const frozen = structuredClone(tcvn);
    const out = convertLegacyDeep(tcvn, 'tcvn3');
    expect(out).toEqual({ a: 'Uỷ ban nhân dân', b: ['Nghi Sơn', 7, { c: 'Cộng hòa' }], d: false, e: null });
    expect(tcvn).toEqual(frozen);
    expect(out).not.toBe(tcvn);
    expect(convertLegacyDeep('Quaûng Ngaõi', 'vni')).toBe('Quảng Ngãi');
  });

  it('keeps "__proto__" as an ordinary key', () => {
    const input = JSON.parse('{"__proto__": "Qu¶ng"}') as unknown;
    const out = convertLegacyDeep(input, 'tcvn3') as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('Quảng');
  });

  it('rejects cyclic values', () => {
    const a: Record<string, unknown> = { x: 'S¬n' };
    a.self = a;
    expect(() => findLegacyStrings(a)).toThrow(TypeError);
    expect(() => convertLegacyDeep(a, 'tcvn3')).toThrow(TypeError);
  });
});

describe('lone letters (issue 12 item 15)', () => {
  it('are no evidence: "â\\tâ" and "â â" are Unicode, not TCVN3', () => {
    for (const s of ['â\tâ', 'â â', 'â\nâ', 'â.â', 'a â, â']) expect(detectLegacy(s), JSON.stringify(s)).toBeNull();
  });

  it('while real TCVN3 words are still found', () => {
    expect(detectLegacy('ñy ban nh©n d©n thÞ x· Nghi S¬n')?.encoding).toBe('tcvn3');
  });
});
