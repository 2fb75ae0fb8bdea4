import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { upperVi, setTonePlacement } from '../../src/format/index.js';

describe('upperVi', () => {
  it('upper-cases Vietnamese to NFC, old tone style by default', () => {
    expect(upperVi('Ủy ban nhân dân thị xã Nghi Sơn')).toBe('ỦY BAN NHÂN DÂN THỊ XÃ NGHI SƠN');
    expect(upperVi('Uỷ ban nhân dân thị xã Nghi Sơn')).toBe('ỦY BAN NHÂN DÂN THỊ XÃ NGHI SƠN');
    expect(upperVi('Cộng hòa xã hội chủ nghĩa Việt Nam')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(upperVi('đảng ủy quân sự')).toBe('ĐẢNG ỦY QUÂN SỰ');
  });

  it('new tone style and keep', () => {
    expect(upperVi('Ủy ban', { tone: 'new' })).toBe('UỶ BAN');
    expect(upperVi('Uỷ ban', { tone: 'keep' })).toBe('UỶ BAN');
  });

  it('normalises decomposed input to NFC', () => {
    const nfd = 'Ủy ban'.normalize('NFD');
    const out = upperVi(nfd);
    expect(out).toBe('ỦY BAN');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('rejects non-strings and bad styles', () => {
    expect(() => upperVi(5 as unknown as string)).toThrow(TypeError);
    expect(() => upperVi('a', { tone: 'mid' as 'old' })).toThrow(RangeError);
  });
});

describe('setTonePlacement', () => {
  // [old, new]
  const pairs: Array<[string, string]> = [
    ['hòa', 'hoà'],
    ['hóa', 'hoá'],
    ['họa', 'hoạ'],
    ['thỏa', 'thoả'],
    ['khỏe', 'khoẻ'],
    ['hỏe', 'hoẻ'],
    ['xòe', 'xoè'],
    ['ủy', 'uỷ'],
    ['thủy', 'thuỷ'],
    ['lũy', 'luỹ'],
    ['tùy', 'tuỳ'],
    ['thụy', 'thuỵ'],
    ['òa', 'oà'],
    ['Hòa', 'Hoà'],
    ['HÒA', 'HOÀ'],
    ['ỦY', 'UỶ'],
    ['Thủy', 'Thuỷ'],
    ['nhòe', 'nhoè'],
    ['ngóa', 'ngoá'],
  ];

  it.each(pairs)('%s ↔ %s', (oldForm, newForm) => {
    expect(setTonePlacement(newForm, 'old')).toBe(oldForm);
    expect(setTonePlacement(oldForm, 'old')).toBe(oldForm);
    expect(setTonePlacement(oldForm, 'new')).toBe(newForm);
    expect(setTonePlacement(newForm, 'new')).toBe(newForm);
  });

  it.each([
    'hoàng', 'thuyền', 'khoảng', 'toán', 'loét', 'hoặc', 'ngoài', 'xoáy', 'khuya', 'khuỷu',
    'quý', 'quỳ', 'quỹ', 'QUÝ', 'quà', 'huy', 'hoa', 'thuế', 'chuyện', 'của', 'mùa', 'giá',
  ])('leaves %s unchanged in both styles', (w) => {
    expect(setTonePlacement(w, 'old')).toBe(w);
    expect(setTonePlacement(w, 'new')).toBe(w);
  });

  it('rewrites inside sentences, keeping punctuation and spacing', () => {
    const oldText = 'Hòa bình, khỏe mạnh; Ủy ban (thủy lợi) quý hoàng.';
    const newText = 'Hoà bình, khoẻ mạnh; Uỷ ban (thuỷ lợi) quý hoàng.';
    expect(setTonePlacement(oldText, 'new')).toBe(newText);
    expect(setTonePlacement(newText, 'old')).toBe(oldText);
  });

  it('output is NFC even for NFD input', () => {
    const out = setTonePlacement('hoà'.normalize('NFD'), 'old');
    expect(out).toBe('hòa');
    expect(out.normalize('NFC')).toBe(out);
  });

  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const onsets = ['', 'b', 'ch', 'đ', 'h', 'kh', 'l', 'ng', 'nh', 'q', 's', 't', 'th', 'tr', 'x', 'gi'];
  const nuclei = ['oa', 'oe', 'uy', 'ua', 'ai', 'oi'];
  const codas = ['', '', '', 'n', 'ng', 'c', 't'];
  const syllable = fc
    .record({
      onset: fc.constantFrom(...onsets),
      nucleus: fc.constantFrom(...nuclei),
      tone: fc.constantFrom(...tones),
      onFirst: fc.boolean(),
      coda: fc.constantFrom(...codas),
      upper: fc.boolean(),
    })
    .map(({ onset, nucleus, tone, onFirst, coda, upper }) => {
      const n = onFirst ? nucleus[0] + tone + nucleus.slice(1) : nucleus + tone;
      const s = (onset + n + coda).normalize('NFC');
      return upper ? s.toUpperCase() : s;
    });
  const stripTones = (s: string) => s.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '');

  it('old(new(x)) = old(x), new(old(x)) = new(x), and only tone marks move', () => {
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 5 }), (words) => {
        const x = words.join(' ');
        const o = setTonePlacement(x, 'old');
        const n = setTonePlacement(x, 'new');
        expect(setTonePlacement(n, 'old')).toBe(o);
        expect(setTonePlacement(o, 'new')).toBe(n);
        expect(setTonePlacement(o, 'old')).toBe(o);
        expect(stripTones(o)).toBe(stripTones(x));
        expect(stripTones(n)).toBe(stripTones(x));
        expect(o).toBe(o.normalize('NFC'));
      }),
    );
  });

  it('never changes text without oa/oe/uy', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/[oOuU]/.test(s.normalize('NFD')));
        expect(setTonePlacement(s, 'new')).toBe(s.normalize('NFC'));
      }),
    );
  });
});
