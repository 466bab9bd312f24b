/**
 * The keys a screen needs to name authors and signers: this archive's own
 * (`key:show`), the trusted signers (`trust:list`), and the fingerprint of
 * each author line, computed with the browser's digest. Loaded once per
 * screen; names are only ever shown, never used to decide anything.
 */
import { useEffect, useMemo, useState } from 'react';
import type { TrustedSigner } from '../../../shared/model';
import { dalel } from '../dalel';
import { keyFingerprint } from '../incidents/history';
import { authorOf, type Author, type KnownKeys } from './authors';

export interface Keys {
  authorOf: (line: string) => Author;
}

export function useKnownKeys(authorLines: readonly string[]): Keys | null {
  const [owners, setOwners] = useState<Pick<KnownKeys, 'own' | 'trusted'> | null>(null);
  const [fingerprints, setFingerprints] = useState<ReadonlyMap<string, string> | null>(null);
  const lines = [...new Set(authorLines)].sort().join('\n');

  useEffect(() => {
    let current = true;
    void Promise.all([dalel().key.show({}), dalel().trust.list({})]).then(([own, trust]) => {
      // Either may fail (say, the archive was just locked): then authors show as unknown keys, with their fingerprints.
      if (current) setOwners({ own: own.ok ? own.value : null, trusted: trust.ok ? trust.value.signers : ([] as TrustedSigner[]) });
    });
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    const wanted = lines ? lines.split('\n') : [];
    void Promise.all(wanted.map(async (line) => [line, await keyFingerprint(line).catch(() => null)] as const)).then((pairs) => {
      if (current) setFingerprints(new Map(pairs.filter((pair): pair is [string, string] => pair[1] !== null)));
    });
    return () => {
      current = false;
    };
  }, [lines]);

  return useMemo(() => {
    if (!owners || !fingerprints) return null;
    const known: KnownKeys = { ...owners, fingerprints };
    return { authorOf: (line: string) => authorOf(line, known) };
  }, [owners, fingerprints]);
}
