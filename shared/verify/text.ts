/**
 * Strict UTF-8 for the verifier's checks. TextDecoder is in Node and every
 * browser; shared/ is compiled without either's typings, so its shape is
 * declared here, as far as the checks use it.
 */
declare const TextDecoder: new (label: 'utf-8', options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes?: Uint8Array): string };

/** Throws on bytes that are not UTF-8; keeps a byte order mark as a character, so that it is judged, not hidden. */
export const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
