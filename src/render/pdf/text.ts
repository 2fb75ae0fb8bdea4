import type { Inline } from '../../document/types.js';

// pdfmake ships no types for its Node entry; the definition is plain data.
type Node = Record<string, unknown>;

/**
 * Text for pdfmake. Words of letters, digits and ordinary punctuation go as one inline per run
 * (pdfmake breaks them at spaces, as Word does); with `keepTokens`, a token with anything else in
 * it ("15-CT/TU", "PCCC/CNCH", "2017–2021") becomes its own `noWrap` inline. pdfmake would otherwise
 * break after "/" and "-" inside such tokens where Word and LibreOffice do not, and its
 * justification would add space at those breaks ("15- CT/ TU"). Fewer inlines also keep it fast.
 */
const plainToken = /^[\p{L}\p{M}\p{N}.,;:()“”"'‘’%\u00a0]+[ \t\n]*$/u;

export function runs(content: Inline[], keepTokens: boolean): Node[] {
  const out: Node[] = [];
  for (const c of content) {
    if (c.type === 'break') {
      out.push({ text: '\n' });
      continue;
    }
    const s = { ...(c.bold ? { bold: true } : {}), ...(c.italic ? { italics: true } : {}), ...(c.underline ? { decoration: 'underline' } : {}) };
    if (!keepTokens) {
      out.push({ text: c.text, ...s });
      continue;
    }
    let plain = '';
    // Break at ordinary spaces only: a no-break space (U+00A0) binds its neighbours.
    for (const token of c.text.match(/[^ \t\n]+[ \t\n]*|[ \t\n]+/g) ?? []) {
      if (plainToken.test(token) || /^[ \t\n]+$/.test(token)) {
        plain += token;
        continue;
      }
      if (plain) out.push({ text: plain, ...s });
      plain = '';
      // A token longer than any line (a URL) may still break, rather than overflow the margin.
      out.push({ text: token, ...s, ...(token.length <= 40 ? { noWrap: true } : {}) });
    }
    if (plain) out.push({ text: plain, ...s });
  }
  return out;
}
