/**
 * What Dalel knows about the metadata inside photos and videos, shared by
 * the export policy (which files a public bundle carries as cleaned
 * copies), the bundle schema (what a cleaned copy lists) and the engine's
 * cleaner (electron/engine/media). Kinds, never tag names: the exact list of
 * tags a file carries can point to a phone model.
 */
import { z } from 'zod';

/** Where, with what device, by whom, with which program, when, and the rest; in the order listed everywhere. */
export const metadataKindOrder = ['location', 'device', 'owner', 'software', 'time', 'other'] as const;
export const MetadataKind = z.enum(metadataKindOrder);
export type MetadataKind = z.infer<typeof MetadataKind>;

/**
 * The media types the engine makes cleaned copies of (JPEG, PNG, WebP,
 * HEIC/HEIF, MP4, MOV), as mediaTypeOf names them. Any other photo, video
 * or recording stays out of a public bundle.
 */
export const cleanableMediaTypes: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'video/mp4', 'video/quicktime'];

/** "Image/JPEG; charset=binary" as "image/jpeg". */
export const bareMediaType = (mediaType: string) => (mediaType.split(';')[0] ?? '').trim().toLowerCase();

export const isCleanable = (mediaType: string) => cleanableMediaTypes.includes(bareMediaType(mediaType));
