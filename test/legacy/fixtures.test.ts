import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertLegacy, detectLegacy } from '../../src/legacy/index.js';

const fixture = (name: string): string[] =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').split('\n').filter((l) => l !== '');

describe.each(['tcvn3', 'vni'] as const)('%s fixtures', (enc) => {
  const legacy = fixture(`${enc}.txt`);
  const expected = fixture(`${enc}.expected.txt`);

  it('pairs every line with its expected Unicode', () => {
    expect(legacy.length).toBe(expected.length);
    expect(legacy.length).toBeGreaterThanOrEqual(12);
  });

  it('converts each line to the expected NFC Unicode', () => {
    legacy.forEach((line, i) => {
      const out = convertLegacy(line, enc);
      expect(out, line).toBe(expected[i]);
      expect(out.normalize('NFC')).toBe(out);
    });
  });

  it('detects the whole file with high confidence', () => {
    const d = detectLegacy(legacy.join('\n'));
    expect(d?.encoding).toBe(enc);
    expect(d!.confidence).toBeGreaterThan(0.9);
    expect(d!.samples.length).toBeGreaterThan(0);
  });

  it('detects each line that has a tell-tale word, never as the other encoding', () => {
    let detected = 0;
    for (const line of legacy) {
      const d = detectLegacy(line);
      if (d) {
        detected++;
        expect(d.encoding, line).toBe(enc);
      }
    }
    // Lines without any legacy character ("Số: 15/BC-UBND" is "Sè:" / "Soá:") may be missed,
    // as may VNI "Nghi Sôn" (Sôn is also a valid Unicode word).
    expect(detected).toBeGreaterThanOrEqual(legacy.length - 3);
  });

  it('does not detect the expected Unicode', () => {
    for (const line of expected) expect(detectLegacy(line), line).toBeNull();
    expect(detectLegacy(expected.join('\n'))).toBeNull();
  });
});

it('detects the examples that clerks paste', () => {
  for (const s of ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', '§éc lËp - Tù do - H¹nh phóc', 'Uû ban nh©n d©n', 'Quèc phßng - An ninh', 'Nghi S¬n', 'Qu¶ng Ng·i']) {
    expect(detectLegacy(s)?.encoding, s).toBe('tcvn3');
  }
  for (const s of ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Ñoäc laäp - Töï do - Haïnh phuùc', 'Uyû ban nhaân daân', 'Quoác phoøng - An ninh', 'Vieät Nam', 'Quaûng Ngaõi']) {
    expect(detectLegacy(s)?.encoding, s).toBe('vni');
  }
});
