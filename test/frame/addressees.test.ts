import { describe, expect, it } from 'vitest';
import { addresseeLines } from '../../src/frame/index.js';

// "Kính gửi" is worded in the frame (Decree 30 §6), so both renderers print the same lines.
describe('addresseeLines', () => {
  it('puts one recipient on the label line and several under it, ";" then "."', () => {
    expect(addresseeLines([])).toEqual([]);
    expect(addresseeLines(['Ủy ban nhân dân tỉnh'])).toEqual([{ text: 'Kính gửi: Ủy ban nhân dân tỉnh', item: false }]);
    expect(addresseeLines(['Ủy ban nhân dân tỉnh', 'Bộ Chỉ huy Quân sự tỉnh'])).toEqual([
      { text: 'Kính gửi:', item: false },
      { text: '- Ủy ban nhân dân tỉnh;', item: true },
      { text: '- Bộ Chỉ huy Quân sự tỉnh.', item: true },
    ]);
  });
});
