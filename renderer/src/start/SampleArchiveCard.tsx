/**
 * "Open the sample archive" for people who want to look around first: makes
 * a new, unencrypted archive in a folder of its own next to the default one
 * and saves the illustrative records of Kazakhstan, January 2022 into it
 * (its sources, then the incidents citing them) through the ordinary
 * contract (`archive:create`, `records:save`); if that
 * folder already holds the sample, it opens it. Its name says, on every
 * screen, that it is illustrative and not a verified case file.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { sampleFolderSuffix, sampleSteps, withRecordIds } from '../../../shared/sample/kzJanuary2022';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';

export function SampleArchiveCard({ defaultPath, onOpened }: { defaultPath: string; onOpened: (status: ArchiveStatus) => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `${defaultPath.replace(/[\\/]+$/, '')}${sampleFolderSuffix}`;

  async function openSample() {
    setBusy(true);
    setError(null);
    const status = await buildOrOpen(path, t('welcome:sample.archiveName'));
    setBusy(false);
    if (status.ok) onOpened(status.value);
    else setError(status.error);
  }

  return (
    <section className="card sample-card" aria-labelledby="sample-archive-title">
      <h2 id="sample-archive-title">{t('welcome:sample.title')}</h2>
      <p>{t('welcome:sample.text')}</p>
      <p className="notice">{t('welcome:sample.illustrative')}</p>
      {/* The sample's records are written in English only: say so in the other languages. */}
      {i18n.resolvedLanguage !== 'en' && <p className="hint">{t('welcome:sample.language')}</p>}
      <p className="hint">
        {t('welcome:sample.folder')} <code className="path">{path}</code>
      </p>
      <ErrorMessage error={error} />
      <button type="button" onClick={() => void openSample()} disabled={busy} aria-describedby="sample-archive-title">
        {busy ? t('welcome:sample.busy') : t('welcome:sample.button')}
      </button>
    </section>
  );
}

type Outcome = { ok: true; value: ArchiveStatus } | { ok: false; error: DalelError };

async function buildOrOpen(path: string, name: string): Promise<Outcome> {
  const created = await dalel().archive.create({ path, name, organization: '', protection: { kind: 'none' } });
  if (!created.ok) {
    // Made on an earlier visit: open it as it is (the person may have added to it).
    return created.error.code === 'archiveExists' ? dalel().archive.open({ path }) : created;
  }
  // Sources first, then the incidents citing them, each naming the records saved before it by the ids they were given.
  const ids = new Map<string, string>();
  for (const { type, placeholder, data } of sampleSteps) {
    const saved = await dalel().records.save({ type, data: withRecordIds(data, ids) });
    if (!saved.ok) return saved;
    ids.set(placeholder, saved.value.recordId);
  }
  return created;
}
