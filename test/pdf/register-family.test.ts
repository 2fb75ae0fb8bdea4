import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerFontFamily } from '../../src/fonts/index.js';
import { layoutDocument } from '../../src/layout/index.js';
import { CREATOR } from '../../src/pipeline/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { sampleDocument } from '../docx/helpers.js';
import { readPdf } from '../support/pdf.js';

/**
 * Issue 12 item 17: a family registered (or registered again) after a first PDF render in the
 * same process is the one the next render embeds. The family "Thử" is Tinos with the regular
 * and bold faces swapped, so the body text, regular in the layout, comes out in Tinos-Bold.
 */
const FONTS = path.resolve('fonts');
const face = (f: string) => path.join(FONTS, `Tinos-${f}.ttf`);

describe('registerFontFamily after a first PDF render', async () => {
  const { doc, profile } = await sampleDocument();
  const fontsOf = async (family: string) => {
    const pdf = await readPdf(await renderPdf(layoutDocument(doc, { ...profile, fontFamily: family }), { creator: CREATOR }));
    const body = pdf.pages[0]!.items.filter((i) => i.str.includes('Ủy ban nhân dân thị xã Nghi Sơn báo cáo') || i.str === 'Ủy');
    return [...new Set(body.map((i) => i.font))];
  };

  it('embeds the faces of the family as registered at the time of the render', async () => {
    expect(await fontsOf('Tinos')).toEqual(['Tinos']);
    registerFontFamily('Thử', { regular: face('Bold'), bold: face('Regular'), italic: face('Italic'), boldItalic: face('BoldItalic') });
    expect(await fontsOf('Thử')).toEqual(['Tinos-Bold']);
    // Registered again under the same name, with the faces in their places: the next render follows.
    registerFontFamily('Thử', { regular: face('Regular'), bold: face('Bold'), italic: face('Italic'), boldItalic: face('BoldItalic') });
    expect(await fontsOf('Thử')).toEqual(['Tinos']);
  });
});
