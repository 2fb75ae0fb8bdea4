/**
 * Code tables for the legacy Vietnamese 8-bit encodings, kept as data so they can be
 * reviewed against the published charts (and inverted by tests).
 *
 * Bytes are given as the code the legacy font used. Text pasted from those documents
 * into a UTF-8 file shows the byte as its Windows-1252 (or Latin-1) character, which is
 * the glyph noted in each comment.
 */

/**
 * TCVN3 = TCVN 5712:1993 part VN3 (VSCII-3, "ABC", fonts .VnTime, .VnArial, ...).
 *
 * Source: the TCVN 5712:1993 VN3 code table: ASCII plus 75 assignments, i.e. NBSP,
 * the 7 capitals Ă Â Ê Ô Ơ Ư Đ, the 7 matching lower-case letters and the 60 lower-case
 * vowels with tone marks. Cross-checked entry by entry against GNU libiconv's TCVN-5712
 * (VN1) table restricted to that repertoire, and against UniKey's vnconv TCVN3 table.
 *
 * VN3 has no capitals with tone marks and nothing in 0x80-0x9F: documents used the
 * all-capitals fonts (.VnTimeH, ...), which draw the lower-case codes as capitals. Such
 * text therefore converts to lower-case letters; the caller may upper-case it.
 * The VN1/VN2-only codes (C0 capitals, 0x80-0x9F capitals, 0xAF, 0xB0-0xB4 combining
 * tones, 0xFF) are deliberately absent: .VnTime files don't use them, and 0xB0-0xB4
 * (° ± ² ³ ´) are far more often real symbols.
 */
export const TCVN3_TABLE: readonly (readonly [byte: number, letter: string])[] = [
  [0xa0, '\u00a0'], // NBSP
  [0xa1, 'Ă'], // ¡
  [0xa2, 'Â'], // ¢
  [0xa3, 'Ê'], // £
  [0xa4, 'Ô'], // ¤
  [0xa5, 'Ơ'], // ¥
  [0xa6, 'Ư'], // ¦
  [0xa7, 'Đ'], // §
  [0xa8, 'ă'], // ¨
  [0xa9, 'â'], // ©
  [0xaa, 'ê'], // ª
  [0xab, 'ô'], // «
  [0xac, 'ơ'], // ¬
  [0xad, 'ư'], // SOFT HYPHEN
  [0xae, 'đ'], // ®
  [0xb5, 'à'], // µ
  [0xb6, 'ả'], // ¶
  [0xb7, 'ã'], // ·
  [0xb8, 'á'], // ¸
  [0xb9, 'ạ'], // ¹
  [0xbb, 'ằ'], // »
  [0xbc, 'ẳ'], // ¼
  [0xbd, 'ẵ'], // ½
  [0xbe, 'ắ'], // ¾
  [0xc6, 'ặ'], // Æ
  [0xc7, 'ầ'], // Ç
  [0xc8, 'ẩ'], // È
  [0xc9, 'ẫ'], // É
  [0xca, 'ấ'], // Ê
  [0xcb, 'ậ'], // Ë
  [0xcc, 'è'], // Ì
  [0xce, 'ẻ'], // Î
  [0xcf, 'ẽ'], // Ï
  [0xd0, 'é'], // Ð
  [0xd1, 'ẹ'], // Ñ
  [0xd2, 'ề'], // Ò
  [0xd3, 'ể'], // Ó
  [0xd4, 'ễ'], // Ô
  [0xd5, 'ế'], // Õ
  [0xd6, 'ệ'], // Ö
  [0xd7, 'ì'], // ×
  [0xd8, 'ỉ'], // Ø
  [0xdc, 'ĩ'], // Ü
  [0xdd, 'í'], // Ý
  [0xde, 'ị'], // Þ
  [0xdf, 'ò'], // ß
  [0xe1, 'ỏ'], // á
  [0xe2, 'õ'], // â
  [0xe3, 'ó'], // ã
  [0xe4, 'ọ'], // ä
  [0xe5, 'ồ'], // å
  [0xe6, 'ổ'], // æ
  [0xe7, 'ỗ'], // ç
  [0xe8, 'ố'], // è
  [0xe9, 'ộ'], // é
  [0xea, 'ờ'], // ê
  [0xeb, 'ở'], // ë
  [0xec, 'ỡ'], // ì
  [0xed, 'ớ'], // í
  [0xee, 'ợ'], // î
  [0xef, 'ù'], // ï
  [0xf1, 'ủ'], // ñ
  [0xf2, 'ũ'], // ò
  [0xf3, 'ú'], // ó
  [0xf4, 'ụ'], // ô
  [0xf5, 'ừ'], // õ
  [0xf6, 'ử'], // ö
  [0xf7, 'ữ'], // ÷
  [0xf8, 'ứ'], // ø
  [0xf9, 'ự'], // ù
  [0xfa, 'ỳ'], // ú
  [0xfb, 'ỷ'], // û
  [0xfc, 'ỹ'], // ü
  [0xfd, 'ý'], // ý
  [0xfe, 'ỵ'], // þ
];

/**
 * VNI-Windows (VNI Software's encoding for the VNI-Times, VNI-Helve, ... fonts): a base
 * letter followed by one mark byte; ơ ư đ and the i/ỵ forms are single bytes.
 *
 * Source: the VNI-Windows character table as published for the VNI fonts; cross-checked
 * entry by entry between UniKey's vnconv VNI-WIN table and xvnkb's VNI table (all 146
 * letters agree). Plain ASCII vowels (and í ì, which VNI encodes as the Latin-1 byte
 * of the same letter) map to themselves and are not listed.
 *
 * Note: "aâ" is â and "aê" is ă (the circumflex marks are â á à å ã ä, the breve marks
 * are ê é è ú ü ë).
 */
export const VNI_TABLE: readonly (readonly [legacy: string, letter: string])[] = [
  ['AÙ', 'Á'], ['AØ', 'À'], ['AÛ', 'Ả'], ['AÕ', 'Ã'], ['AÏ', 'Ạ'],
  ['AÂ', 'Â'], ['AÁ', 'Ấ'], ['AÀ', 'Ầ'], ['AÅ', 'Ẩ'], ['AÃ', 'Ẫ'], ['AÄ', 'Ậ'],
  ['AÊ', 'Ă'], ['AÉ', 'Ắ'], ['AÈ', 'Ằ'], ['AÚ', 'Ẳ'], ['AÜ', 'Ẵ'], ['AË', 'Ặ'],
  ['EÙ', 'É'], ['EØ', 'È'], ['EÛ', 'Ẻ'], ['EÕ', 'Ẽ'], ['EÏ', 'Ẹ'],
  ['EÂ', 'Ê'], ['EÁ', 'Ế'], ['EÀ', 'Ề'], ['EÅ', 'Ể'], ['EÃ', 'Ễ'], ['EÄ', 'Ệ'],
  ['OÙ', 'Ó'], ['OØ', 'Ò'], ['OÛ', 'Ỏ'], ['OÕ', 'Õ'], ['OÏ', 'Ọ'],
  ['OÂ', 'Ô'], ['OÁ', 'Ố'], ['OÀ', 'Ồ'], ['OÅ', 'Ổ'], ['OÃ', 'Ỗ'], ['OÄ', 'Ộ'],
  ['Ô', 'Ơ'], ['ÔÙ', 'Ớ'], ['ÔØ', 'Ờ'], ['ÔÛ', 'Ở'], ['ÔÕ', 'Ỡ'], ['ÔÏ', 'Ợ'],
  ['UÙ', 'Ú'], ['UØ', 'Ù'], ['UÛ', 'Ủ'], ['UÕ', 'Ũ'], ['UÏ', 'Ụ'],
  ['Ö', 'Ư'], ['ÖÙ', 'Ứ'], ['ÖØ', 'Ừ'], ['ÖÛ', 'Ử'], ['ÖÕ', 'Ữ'], ['ÖÏ', 'Ự'],
  ['Æ', 'Ỉ'], ['Ó', 'Ĩ'], ['Ò', 'Ị'],
  ['YÙ', 'Ý'], ['YØ', 'Ỳ'], ['YÛ', 'Ỷ'], ['YÕ', 'Ỹ'], ['Î', 'Ỵ'],
  ['Ñ', 'Đ'],
  ['aù', 'á'], ['aø', 'à'], ['aû', 'ả'], ['aõ', 'ã'], ['aï', 'ạ'],
  ['aâ', 'â'], ['aá', 'ấ'], ['aà', 'ầ'], ['aå', 'ẩ'], ['aã', 'ẫ'], ['aä', 'ậ'],
  ['aê', 'ă'], ['aé', 'ắ'], ['aè', 'ằ'], ['aú', 'ẳ'], ['aü', 'ẵ'], ['aë', 'ặ'],
  ['eù', 'é'], ['eø', 'è'], ['eû', 'ẻ'], ['eõ', 'ẽ'], ['eï', 'ẹ'],
  ['eâ', 'ê'], ['eá', 'ế'], ['eà', 'ề'], ['eå', 'ể'], ['eã', 'ễ'], ['eä', 'ệ'],
  ['où', 'ó'], ['oø', 'ò'], ['oû', 'ỏ'], ['oõ', 'õ'], ['oï', 'ọ'],
  ['oâ', 'ô'], ['oá', 'ố'], ['oà', 'ồ'], ['oå', 'ổ'], ['oã', 'ỗ'], ['oä', 'ộ'],
  ['ô', 'ơ'], ['ôù', 'ớ'], ['ôø', 'ờ'], ['ôû', 'ở'], ['ôõ', 'ỡ'], ['ôï', 'ợ'],
  ['uù', 'ú'], ['uø', 'ù'], ['uû', 'ủ'], ['uõ', 'ũ'], ['uï', 'ụ'],
  ['ö', 'ư'], ['öù', 'ứ'], ['öø', 'ừ'], ['öû', 'ử'], ['öõ', 'ữ'], ['öï', 'ự'],
  ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'],
  ['yù', 'ý'], ['yø', 'ỳ'], ['yû', 'ỷ'], ['yõ', 'ỹ'], ['î', 'ỵ'],
  ['ñ', 'đ'],
];

/**
 * Windows-1252 characters at 0x80-0x9F (source: the Unicode consortium's CP1252 mapping;
 * 0x81 0x8D 0x8F 0x90 0x9D are undefined). Latin-1 readers give C1 controls U+0080-U+009F
 * instead; both readings map back to the same byte.
 */
export const CP1252_HIGH: readonly (readonly [byte: number, char: string])[] = [
  [0x80, '\u20ac'], // €
  [0x82, '\u201a'], // ‚
  [0x83, '\u0192'], // ƒ
  [0x84, '\u201e'], // „
  [0x85, '\u2026'], // …
  [0x86, '\u2020'], // †
  [0x87, '\u2021'], // ‡
  [0x88, '\u02c6'], // ˆ
  [0x89, '\u2030'], // ‰
  [0x8a, '\u0160'], // Š
  [0x8b, '\u2039'], // ‹
  [0x8c, '\u0152'], // Œ
  [0x8e, '\u017d'], // Ž
  [0x91, '\u2018'], // ‘
  [0x92, '\u2019'], // ’
  [0x93, '\u201c'], // “
  [0x94, '\u201d'], // ”
  [0x95, '\u2022'], // •
  [0x96, '\u2013'], // –
  [0x97, '\u2014'], // —
  [0x98, '\u02dc'], // ˜
  [0x99, '\u2122'], // ™
  [0x9a, '\u0161'], // š
  [0x9b, '\u203a'], // ›
  [0x9c, '\u0153'], // œ
  [0x9e, '\u017e'], // ž
  [0x9f, '\u0178'], // Ÿ
];
