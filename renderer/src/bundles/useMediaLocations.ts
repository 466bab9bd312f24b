/**
 * Which photos and videos a legal bundle would carry record where they were
 * made, in their own metadata: asked of the engine once per file (it reads
 * the stored bytes and judges them, not the name), so the export preview
 * can warn before the originals leave. Recordings and other media Dalel
 * cannot read are counted as not checked.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { dalel } from '../dalel';
import type { PreviewFile } from './profilePreview';

type Location = 'present' | 'absent' | 'unchecked';

export interface MediaLocations {
  /** Some file is still being read. */
  checking: boolean;
  located: PreviewFile[];
  unchecked: PreviewFile[];
}

export function useMediaLocations(files: readonly PreviewFile[]): MediaLocations {
  const [known, setKnown] = useState<ReadonlyMap<string, Location>>(() => new Map());
  const asked = useRef(new Set<string>());
  // Every file is asked: the engine judges by the bytes, so a photo under another name is found too.
  const media = useMemo(() => [...files], [files]);

  useEffect(() => {
    const wanted = media.filter((file) => !asked.current.has(file.sha256));
    if (wanted.length === 0) return;
    for (const file of wanted) asked.current.add(file.sha256);
    void dalel()
      .bundle.locations({ files: wanted.map(({ sha256, mediaType }) => ({ sha256, mediaType })) })
      .then((result) => {
        // A file that could not be read is counted as not checked: the warning errs towards caution.
        const answers = result.ok ? result.value.files : wanted.map(({ sha256 }) => ({ sha256, location: 'unchecked' as const }));
        setKnown((current) => new Map([...current, ...answers.map(({ sha256, location }) => [sha256, location] as const)]));
      });
  }, [media]);

  return {
    checking: media.some((file) => !known.has(file.sha256)),
    located: media.filter((file) => known.get(file.sha256) === 'present'),
    unchecked: media.filter((file) => known.get(file.sha256) === 'unchecked'),
  };
}
