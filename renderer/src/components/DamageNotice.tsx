/**
 * Tells the person, on every screen of an open archive, which record files
 * (or, in an encrypted archive, which sealed packs of records) were found
 * damaged or altered when it was opened. Those records are left
 * out; the rest of the archive is usable. Says nothing when all is well.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';

type Problems = Extract<ArchiveStatus, { open: true }>['problems'];

/** records/ab/<id>.json -> <id>; other files by their path. */
const recordIdOf = (file: string) => /([0-9a-f-]{36})\.json$/.exec(file)?.[1];
/** packs/ab -> ab: a sealed pack of records (electron/engine/sealedPacks.ts). */
const packOf = (file: string) => /^packs\/([0-9a-f]{2})$/.exec(file)?.[1];

export function DamageNotice({ problems }: { problems: Problems }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <section className="damage-notice" aria-labelledby="damage-notice-title">
      <h2 id="damage-notice-title">{t('common:damage.title', { count: problems.length })}</h2>
      <p>{t('common:damage.body')}</p>
      <ul>
        {problems.map((problem) => {
          const recordId = recordIdOf(problem.file);
          const pack = packOf(problem.file);
          return (
            <li key={problem.file}>
              {recordId ? t('common:damage.record', { id: recordId }) : pack ? t('common:damage.pack', { part: parseInt(pack, 16) + 1 }) : <code>{problem.file}</code>}
              {' — '}
              {t(`common:damage.reason.${problem.reason}`)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
