import type { Inline } from '../../document/types.js';

// pdfmake ships no types for its Node entry; the definition is plain data.
type Node = Record<string, unknown>;

/**
 * Text for pdfmake. Words of letters, digits and ordinary punctuation go as one inline per run
 * (pdfmake breaks them at spaces, as Word does); with `keepTokens`, a token with anything else in
 * it ("15-CT/TU", "PCCC/CNCH", "2017–2021") becomes its own `noWrap` inline. pdfmake would otherwise
 * break after "/" and "-" inside such tokens, and its justification would add space at those
 * breaks ("15- CT/ TU"). Fewer inlines also keep it fast. Word and LibreOffice do break after a
 * "-" followed by a letter (Unicode line breaking): there the DOCX may end a line with "KH-" where
 * the PDF keeps "210/KH-UBND" whole (seen in the Sông Lam sample, page 2, through LibreOffice).
 */
import './linear-lines.js';

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
      out.push({ text: breakLongTokens(c.text), ...s });
      continue;
    }
    let plain = '';
    // Break at ordinary spaces only: a no-break space (U+00A0) binds its neighbours.
    for (const token of c.text.match(/[^ \t\n]+[ \t\n]*|[ \t\n]+/g) ?? []) {
      const long = token.length > 40;
      if (!long && (plainToken.test(token) || /^[ \t\n]+$/.test(token))) {
        plain += token;
        continue;
      }
      if (plain) out.push({ text: plain, ...s });
      plain = '';
      // A token longer than any line (a URL, base64, an ID) may still break, rather than overflow
      // the margin: it gets break opportunities as a word processor does.
      out.push(long ? { text: breakable(token), ...s } : { text: token, ...s, noWrap: true });
    }
    if (plain) out.push({ text: plain, ...s });
  }
  return out;
}

/** The text with every token longer than 40 characters made breakable (see below). */
export function breakLongTokens(text: string): string {
  return text.replace(/[^ \t\n]{41,}/g, breakable);
}

const ZWSP = '\u200b';
const STEP = 8;

/**
 * A long token with a zero-width space (Tinos has the glyph, zero wide) after every few
 * characters, never before a combining mark or inside a surrogate pair: pdfmake breaks there
 * like at a space, in linear time. Without them it cut the token by measuring ever longer
 * prefixes at every line, quadratic in the token (20,000 characters took 30-42 s and 2 GB).
 */
export function breakable(token: string): string {
  let out = '';
  let run = 0;
  for (const ch of token) {
    if (run >= STEP && !/^[\p{M}\s]$/u.test(ch)) {
      out += ZWSP;
      run = 0;
    }
    out += ch;
    run++;
  }
  return out;
}
