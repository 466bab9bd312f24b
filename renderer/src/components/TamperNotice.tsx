/**
 * Tells the person, on every screen of an open archive, what the unlock
 * found changed while the archive was locked (electron/engine/vouched.ts):
 * someone with the folder changed the safety settings, removed the unlock
 * counter, cut the custody log, or removed the sealed record of these.
 * Each by name, with what Dalel did and what it means. Nothing when all is well.
 */
import { useTranslation } from 'react-i18next';
import type { Tampering } from '../../../shared/ipc';

export function TamperNotice({ tampering }: { tampering: readonly Tampering[] }) {
  const { t } = useTranslation();
  if (!tampering.length) return null;
  return (
    <section className="damage-notice tamper-notice" aria-labelledby="tamper-notice-title">
      <h2 id="tamper-notice-title">{t('common:tampering.title')}</h2>
      <ul>
        {tampering.map((kind) => (
          <li key={kind}>{t(`common:tampering.${kind}`)}</li>
        ))}
      </ul>
      <p>{t('common:tampering.body')}</p>
    </section>
  );
}
