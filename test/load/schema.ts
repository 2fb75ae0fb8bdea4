import { z } from 'zod';

/** Small schema shaped like the real report data, used by the load tests. */
export const TestSchema = z
  .strictObject({
    frame: z.strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải viết dạng YYYY-MM-DD'),
      signing: z.enum(['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.']),
      agency: z.string().min(1),
    }),
    police: z.strictObject({
      trafficBulletins: z.number().int().min(0),
    }),
    tags: z.array(z.string()).optional(),
  });
