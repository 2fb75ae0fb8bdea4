import { z } from 'zod';
import { InvalidDataError } from '../messages/errors.js';
import { signMessages as m } from '../messages/sign.js';
import { say } from '../messages/types.js';

/**
 * The signature areas `baocao render --sign-layout` writes beside the PDF (`<name>.sign.json`):
 * page, rectangle in PDF points (user space, origin bottom-left) and in millimetres (origin
 * top-left), and role. `baocao sign --visible` places its appearance in one of them.
 */

const rect = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite().nonnegative(), height: z.number().finite().nonnegative() });

export const signLayoutSchema = z.object({
  version: z.literal(1),
  pdf: z.string(),
  areas: z.array(z.object({ role: z.enum(['signer', 'seal', 'issuer-stamp']), page: z.number().int().positive(), rect, mm: rect.optional() })),
});

export type SignLayout = z.infer<typeof signLayoutSchema>;
export type SignRole = SignLayout['areas'][number]['role'];

export function parseSignLayout(file: string, text: string): SignLayout {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InvalidDataError((l) => say(l, m.badLayout, file, (e as Error).message));
  }
  const parsed = signLayoutSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidDataError((l) => say(l, m.badLayout, file, `${issue.path.join('.') || '/'}: ${issue.message}`));
  }
  return parsed.data;
}

export function areaOf(file: string, layout: SignLayout, role: SignRole): SignLayout['areas'][number] {
  const area = layout.areas.find((a) => a.role === role);
  if (!area) throw new InvalidDataError((l) => say(l, m.noArea, file, role));
  return area;
}
