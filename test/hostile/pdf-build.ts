import { deflateSync } from 'node:zlib';

/**
 * A minimal PDF with one embedded file, written by hand so a test can choose what a hostile
 * author would: the stored name, and a stream that inflates to far more than it weighs.
 */
export function pdfWithAttachment(opts: { name: string; content: Buffer; deflate?: boolean; description?: string }): Buffer {
  const data = opts.deflate === false ? opts.content : deflateSync(opts.content, { level: 9 });
  const filter = opts.deflate === false ? '' : ' /Filter /FlateDecode';
  const str = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a) 5 0 R] >> >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
    `<< /Type /Filespec /F ${str(opts.name)} /UF ${str(opts.name)}${opts.description ? ` /Desc ${str(opts.description)}` : ''} /EF << /F 6 0 R >> >>`,
    Buffer.concat([Buffer.from(`<< /Type /EmbeddedFile /Length ${data.length}${filter} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(body);
    at += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
