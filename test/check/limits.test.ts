import { describe, expect, it } from 'vitest';
import { limitsFor, ND30_RANGES } from '../../src/check/limits.js';
import { dang, nd30 } from '../../src/profile/index.js';

// One source of truth: the checker's thresholds come from the profiles baocao renders with,
// widened to the decree's ranges; a profile value outside the decree would be a renderer bug.
describe('the checker reads its thresholds from the profiles', () => {
  it('nd30: every rendered size and margin lies inside the Decree 30 range the checker accepts', () => {
    const L = limitsFor(nd30);
    const inside = (v: number, r: readonly [number, number]) => v >= r[0] && v <= r[1];
    expect(L.margin).toEqual({ top: ND30_RANGES.marginTop, bottom: ND30_RANGES.marginBottom, left: ND30_RANGES.marginLeft, right: ND30_RANGES.marginRight });
    for (const side of ['top', 'bottom', 'left', 'right'] as const) expect(inside(nd30.page.margin[side], L.margin[side]), side).toBe(true);
    expect(L.body).toEqual([13, 14]);
    expect(inside(nd30.body.size, L.body)).toBe(true);
    expect(L.nationalTitle).toEqual([12, 13]);
    expect(L.number).toEqual([13, 13]);
    expect(L.recipientsLabel).toEqual([12, 12]);
    expect(L.recipient).toEqual([11, 11]);
    for (const [k, v] of [['nationalTitle', nd30.header.nationalTitle.size], ['motto', nd30.header.motto.size], ['placeDate', nd30.header.placeDate.size], ['typeName', nd30.title.typeName.size], ['authority', nd30.signature.authority.size], ['pageNumber', nd30.pageNumber.size]] as const) {
      expect(inside(v, L[k]), k).toBe(true);
    }
  });

  it('dang: the Party sizes of HD 36 (title 15, type 15–16, body 14–15, recipients 12)', () => {
    const L = limitsFor(dang);
    expect(L.party).toBe(true);
    expect(L.nationalTitle).toEqual([15, 15]);
    expect(L.typeName).toEqual([15, 16]);
    expect(L.body).toEqual([14, 15]);
    expect(L.recipientsLabel).toEqual([14, 14]);
    expect(L.recipient).toEqual([12, 12]);
    expect(L.margin.left[0]).toBeLessThanOrEqual(dang.page.margin.left);
  });
});
