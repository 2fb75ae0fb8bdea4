import { AlignmentType, HorizontalPositionRelativeFrom, ImageRun, LineRuleType, Paragraph, TextRun, TextWrappingType, VerticalPositionRelativeFrom } from 'docx';
import type { IParagraphOptions } from 'docx';
import type { LaidSignArea, LaidStamp } from '../../layout/index.js';
import { halfPt, twips } from './styles.js';

/**
 * The signature area of an electronic document in Word: an empty paragraph exactly as tall as the
 * area, holding the signer's image and the seal as pictures anchored to it, placed from the cell's
 * left edge and the paragraph's top, so the seal covers the signature's left third and the title
 * lines as it does in the PDF. A place only reserved (no image) stays empty space.
 */

const EMU_PER_PT = 12700;
const PX_PER_PT = 96 / 72;

export function signAreaParagraph(a: LaidSignArea): IParagraphOptions {
  const pictures = a.images.flatMap((img, i) =>
    img.png
      ? [
          new ImageRun({
            type: 'png',
            data: img.png,
            // docx takes pixels at 96 per inch and writes EMUs: pt × 4/3 × 9525 = pt × 12700.
            transformation: { width: img.width * PX_PER_PT, height: img.height * PX_PER_PT },
            floating: {
              horizontalPosition: { relative: HorizontalPositionRelativeFrom.COLUMN, offset: Math.round(img.x * EMU_PER_PT) },
              verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: Math.round(img.y * EMU_PER_PT) },
              wrap: { type: TextWrappingType.NONE },
              allowOverlap: true,
              layoutInCell: true,
              behindDocument: false,
              // The seal is the agency's signature, made after the signer's: drawn over it.
              zIndex: i + 1,
            },
            altText: { name: img.role === 'signer' ? 'Chữ ký' : 'Con dấu', description: img.role === 'signer' ? 'Chữ ký của người ký' : 'Dấu của cơ quan', title: img.role },
          }),
        ]
      : [],
  );
  return {
    spacing: { before: 0, after: 0, line: Math.max(1, twips(a.height)), lineRule: LineRuleType.EXACT },
    run: { size: 2 },
    children: pictures,
  };
}

/** An appendix file's stamp: the first page's header, right-aligned, 10 pt upright black, one paragraph a line. */
export function stampParagraphs(s: LaidStamp): Paragraph[] {
  return s.lines.map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: line, size: halfPt(s.style.size), sizeComplexScript: halfPt(s.style.size), bold: false, italics: false, color: '000000' })],
      }),
  );
}
