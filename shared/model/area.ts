/**
 * An area a record happened in: a gazetteer code, or a named place as free
 * text. First-level codes are ISO 3166-2 ("KZ-47"); second-level places
 * (cities and districts, ./gazetteer.ts) add one part ("KZ-47-ZHANAOZEN").
 */
import { z } from 'zod';

export const areaCodePattern = /^[A-Z]{2}-[A-Z0-9]{1,3}(-[A-Z0-9]{2,24})?$/;

export const Area = z.union([
  z.strictObject({ code: z.string().regex(areaCodePattern, { message: 'invalidAreaCode' }) }),
  z.strictObject({ place: z.string().trim().max(200).min(1) }),
]);
export type Area = z.infer<typeof Area>;
