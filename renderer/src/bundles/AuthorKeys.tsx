/**
 * The keys that signed the records of a legal bundle (format 2), as the
 * check found them: how many records each signed and whether the receiver
 * trusts it. A record's signature proves what that key signed; only its
 * fingerprint, compared through another channel, says whose key it is.
 * Records not counted here are covered by the bundle's signature alone.
 */
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/bagit';

interface Props {
  authors: NonNullable<VerifyReport['authors']>;
  records: number;
}

export function AuthorKeys({ authors, records }: Props) {
  const { t } = useTranslation();
  const signed = authors.reduce((sum, author) => sum + author.records, 0);
  return (
    <section className="author-keys" aria-labelledby="author-keys-title">
      <h3 id="author-keys-title">{t('verify:screen.authorsTitle')}</h3>
      <p className="author-count">{t('verify:screen.authorsCount', { signed, count: records })}</p>
      <ul className="plain">
        {authors.map((author) => (
          <li key={author.fingerprint}>
            <code className="fingerprint">{author.fingerprint}</code>{' '}
            {t('verify:screen.authorRecords', { count: author.records })}
            {' — '}
            {author.trustedAs === null ? t('verify:screen.authorUntrusted') : t('verify:screen.authorTrusted', { name: author.trustedAs })}
          </li>
        ))}
      </ul>
    </section>
  );
}
