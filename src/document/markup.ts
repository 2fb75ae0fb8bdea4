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
 *   <part>Title</part>                 a Phần above the Mục: "Phần I" / "Phần thứ nhất" line, then the title in caps
 *   <bases end="." italic="no"><basis>Căn cứ …</basis>…</bases>
 *                                      legal bases or "Thực hiện …" lines: one per line, each ending ";"
 *                                      and the last with `end` (default "."); italic unless italic="no"
 *   <numbering part="roman|ordinal|ORDINAL" h1="I.|I-|A.|A-" h2="1.|1-|1.1." h3="a)|a-" restart="parts" />
 *                                      how headings are numbered from here on (defaults: roman, I., 1., a));
 *                                      restart="parts" numbers I./1./a) afresh inside each Phần
 *
 * A dash list (<ul class="dash"> or a top-level <ul>) is punctuated by the parser: each item ends
 * with ";" and the last with "." (an item ending with ":" keeps it); punct="none" leaves it as written.
 *
 * Appendices (Phụ lục) follow the main body, at the top level, one element each:
 *
 *   <appendix title="DANH SÁCH …" orientation="portrait|landscape">  …body blocks…  </appendix>
 *   <appendix orientation="landscape"><appendix-title>DANH SÁCH …<br>NĂM 2020</appendix-title> … </appendix>
 *
 * The title is the `title` attribute (one line; the renderer wraps it if it is too long) or, for
 * lines broken by the author, an <appendix-title> first in the appendix (text and <br> only).
 * It is written in caps by the parser. Not `<title>`: HTML parses its content as raw text.
 * Orientation defaults to portrait. The label ("Phụ lục", or "Phụ lục I", "Phụ lục II" … when
 * there are two or more) and the attribution line are written by baocao, not by the template.
 * Each appendix numbers its headings from "I." again. Body content after an appendix is an error.
 */
export const markupTags: ReadonlySet<string> = new Set([
  'h1', 'h2', 'h3', 'p', 'b', 'strong', 'i', 'em', 'u', 'br', 'ul', 'li',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pagebreak', 'appendix', 'appendix-title',
  'part', 'bases', 'basis', 'numbering',
]);
