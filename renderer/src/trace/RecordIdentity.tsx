/**
 * A record's page: its id and whether its current version's signature
 * verifies, as the engine checked it (`records:signature`), with who signed
 * it (this archive's key, a trusted signer by name, or an unknown key) and
 * the key's fingerprint. A record in conflict shows each version. It shows
 * the engine's finding only; it never checks a signature itself.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSignature } from '../../../shared/ipc';
import { dalel, unwrap } from '../dalel';
import './trace.css';

type Head = RecordSignature['heads'][number];

export function RecordIdentity({ recordId, headId }: { recordId: string; headId: string }) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState<RecordSignature | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    dalel()
      .records.signature({ recordId })
      .then(unwrap)
      .then(
        (value) => current && setSignature(value),
        () => current && setFailed(true),
      );
    return () => {
      current = false;
    };
  }, [recordId, headId]);

  return (
    <section className="record-identity" aria-labelledby="record-identity-title">
      <h2 id="record-identity-title">{t('common:record.title')}</h2>
      <dl>
        <div className="detail">
          <dt>{t('common:record.id')}</dt>
          <dd>
            <code className="record-id">{recordId}</code>
          </dd>
        </div>
        {failed && (
          <div className="detail">
            <dt>{t('common:record.signature')}</dt>
            <dd className="signature-bad">{t('common:record.unchecked')}</dd>
          </div>
        )}
        {signature?.heads.map((head, index) => (
          <div className="detail" key={head.revisionId}>
            <dt>
              {signature.heads.length > 1 ? t('common:record.versionSignature', { number: index + 1 }) : t('common:record.signature')}
            </dt>
            <dd>
              <HeadSignature head={head} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function HeadSignature({ head }: { head: Head }) {
  const { t } = useTranslation();
  const signer =
    head.signer.kind === 'own'
      ? t('common:record.signer.own')
      : head.signer.kind === 'trusted'
        ? t('common:record.signer.trusted', { name: head.signer.name })
        : t('common:record.signer.unknown');
  return (
    <>
      <p className={head.verified ? 'signature-ok' : 'signature-bad'}>
        <span aria-hidden="true">{head.verified ? '✓ ' : '✗ '}</span>
        <strong>{t(head.verified ? 'common:record.verified' : 'common:record.notVerified')}</strong>
        {head.verified && ` — ${signer}`}
      </p>
      <p>
        {t('common:record.fingerprint')}: <code className="fingerprint">{head.fingerprint}</code>
      </p>
    </>
  );
}
