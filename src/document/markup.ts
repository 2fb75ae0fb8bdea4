/**
 * The body markup vocabulary: a small HTML subset that templates write and the parser turns into
 * Document blocks. Anything else is an error, reported with the template's line.
 *
 *   <h1>…</h1> <h2>…</h2> <h3>…</h3>   headings, numbered "I.", "1.", "a)" (number="none" to omit)
 *   <p align="center|left|right|justify" indent="no">…</p>
 *   <b>/<strong> <i>/<em> <u> <br>     inline styles and a forced line break
 *   <ul class="dash|plus"><li>…</li></ul>   "- " and "+ " lists (nested lists default to "+")
 *   <table widths="3,1,1" header-rows="1"> <thead> <tbody> <tr> <th>/<td colspan rowspan align>
 *   <pagebreak>                        a page break
 */
export const markupTags: ReadonlySet<string> = new Set([
  'h1', 'h2', 'h3', 'p', 'b', 'strong', 'i', 'em', 'u', 'br', 'ul', 'li',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pagebreak',
]);
