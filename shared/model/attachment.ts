/**
 * Attachments: evidence files kept byte for byte in the archive's
 * content-addressed blob store, and what is known about each
 * (docs/spec/data-model.md, "Attachment"). The sha256 is computed while the file
 * is stored; the stored bytes are the bytes received.
 */
import { z } from 'zod';
import { RecordId, Sha256Hex } from './ids';

export const Attachment = z.strictObject({
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
  mediaType: z.string().max(200),
  /** The file's name as it was given, kept exactly (any script, any emoji). */
  originalName: z.string().max(1000),
  addedAt: z.iso.datetime(),
  /** The fingerprint of the key that added it. */
  addedBy: z.string(),
  recordId: RecordId,
  description: z.string().max(20_000).default(''),
  /** Never goes into a public bundle. */
  sensitive: z.boolean().default(false),
  /**
   * Read from a photo's own metadata (EXIF) when it was added; shown, never
   * written back. `takenAt` is the camera's clock as it recorded it
   * ("2022-01-05T14:03:22", with "+06:00" only when the camera noted its
   * offset), never converted: the zone it was taken in is not known.
   */
  photo: z
    .strictObject({ takenAt: z.string().max(40).optional(), camera: z.string().max(200).optional() })
    .optional(),
});
export type Attachment = z.infer<typeof Attachment>;
