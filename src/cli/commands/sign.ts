import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../../load/index.js';
import { writeFileAtomic } from '../../output/index.js';
import { ExistsError, IoError, UsageError } from '../../messages/errors.js';
import { signMessages as m } from '../../messages/sign.js';
import { say } from '../../messages/types.js';
import { EXIT } from '../exit.js';
import { invocation } from '../invocation.js';

export interface SignArgs {
  pdf: string;
  p12: string;
  passwordFile?: string;
  reason?: string;
  location?: string;
  visible: boolean;
  signLayout?: string;
  image?: string;
  role: 'signer' | 'seal' | 'issuer-stamp';
  out?: string;
  force: boolean;
  lang: Lang;
}

async function read(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new IoError((l) => say(l, m.cannotRead, file, code));
  }
}

/** `<stem>.sign.json` beside the PDF; for an already signed `<stem>.signed.pdf`, the original's too. */
function defaultLayout(pdf: string): string {
  const dir = path.dirname(pdf);
  const stem = path.basename(pdf).replace(/\.pdf$/i, '');
  const candidates = [stem, stem.replace(/\.signed(\.\d+)?$/i, '')].map((s) => path.join(dir, `${s}.sign.json`));
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

/**
 * `baocao sign <pdf> --p12 FILE`: one more signature, written to `<name>.signed.pdf` (or --out),
 * never over an existing file without --force, atomically.
 */
export async function signCommand(a: SignArgs): Promise<number> {
  const { lang } = a;
  let password = process.env.BAOCAO_P12_PASSWORD;
  if (a.passwordFile !== undefined) password = (await read(a.passwordFile)).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (password === undefined) throw new UsageError((l) => say(l, m.noPassword));

  const out = a.out ?? path.join(path.dirname(a.pdf), `${path.basename(a.pdf).replace(/\.pdf$/i, '')}.signed.pdf`);
  if (!a.force && existsSync(out)) throw new ExistsError((l) => say(l, m.outputExists, out));

  const { parseSignLayout, signPdf } = await import('../../sign/index.js');
  let visible;
  if (a.visible) {
    const layoutFile = a.signLayout ?? defaultLayout(a.pdf);
    if (!existsSync(layoutFile)) throw new UsageError((l) => say(l, m.visibleNeedsLayout, layoutFile, invocation()));
    const layout = parseSignLayout(layoutFile, (await read(layoutFile)).toString('utf8'));
    let image: Buffer | undefined;
    if (a.image !== undefined) {
      image = await read(a.image);
      if (!image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
        throw new UsageError((l) => say(l, m.badImage, a.image!));
      }
    }
    visible = { layout, layoutFile, role: a.role, ...(image ? { image } : {}) };
  }

  const pdf = await read(a.pdf);
  const p12 = await read(a.p12);
  const result = await signPdf(pdf, {
    file: a.pdf,
    p12: { file: a.p12, bytes: p12, password },
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.location ? { location: a.location } : {}),
    ...(visible ? { visible } : {}),
  });
  if (!result.madeByBaocao) process.stderr.write(`${say(lang, m.notBaocao, a.pdf)}\n`);
  if (result.existing > 0) process.stderr.write(`${say(lang, m.alreadySigned, a.pdf, result.existing)}\n`);
  try {
    await writeFileAtomic(out, result.bytes, { replace: a.force });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ExistsError((l) => say(l, m.outputExists, out));
    throw new IoError((l) => say(l, m.cannotWrite, out, (e as Error).message));
  }
  const { isoVietnam } = await import('../../sign/index.js');
  process.stdout.write(`${say(lang, m.signed, out, result.signer, isoVietnam(result.time))}\n`);
  return EXIT.ok;
}
