/**
 * The archive's live sources, loaded once for a form or a page that names
 * them (the citations' source choice, a cited source's title). Null while
 * loading; an archive that cannot be listed gives an empty list, so a form
 * still saves (the engine checks every cited source again).
 */
import { useEffect, useState } from 'react';
import { loadSources, type SourceRow } from '../evidence/evidenceRecords';

export function useArchiveSources(): SourceRow[] | null {
  const [sources, setSources] = useState<SourceRow[] | null>(null);
  useEffect(() => {
    let current = true;
    loadSources().then(
      (rows) => current && setSources(rows),
      () => current && setSources([]),
    );
    return () => {
      current = false;
    };
  }, []);
  return sources;
}
