/**
 * The custody log's proofs of time as the engine lists them, oldest line
 * first, each checked again against the log as it is now: the line it
 * covers, the time the authority gave (in the UI language and this
 * computer's zone, and in UTC), the authority's name, and whether it still
 * holds (or why not). It only shows what the engine reported.
 */
import { useTranslation } from 'react-i18next';
import { utcText } from '../bundles/proofOfTime';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import type { AnchorStanding } from './custodyProof';

export function CustodyAnchorTable({ anchors }: { anchors: readonly AnchorStanding[] }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  if (anchors.length === 0) return <p className="custody-proof-none">{t('common:custody.proof.none')}</p>;
  return (
    <table className="custody-table custody-anchors">
      <caption className="visually-hidden">{t('common:custody.proof.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common:custody.proof.columns.line')}</th>
          <th scope="col">{t('common:custody.proof.columns.time')}</th>
          <th scope="col">{t('common:custody.proof.columns.authority')}</th>
          <th scope="col">{t('common:custody.proof.columns.check')}</th>
        </tr>
      </thead>
      <tbody>
        {anchors.map((anchor) => (
          <tr key={anchor.seq} data-seq={anchor.seq}>
            <th scope="row">{anchor.seq}</th>
            {anchor.holds ? (
              <>
                <td>
                  <time className="custody-anchor-time" dateTime={anchor.time}>
                    {formatInstant(anchor.time, lng)}
                  </time>
                  <br />
                  <code className="custody-anchor-utc">{utcText(anchor.time)}</code>
                </td>
                <td>
                  <bdi className="custody-anchor-authority">{anchor.authority}</bdi>
                </td>
                <td>
                  <span className="custody-anchor-check trust-known">
                    <span aria-hidden="true">✓</span> {t('common:custody.proof.holds')}
                  </span>
                </td>
              </>
            ) : (
              <>
                <td>–</td>
                <td>–</td>
                <td>
                  <span className="custody-anchor-check trust-unknown">
                    <span aria-hidden="true">!</span> {t(`common:custody.proof.problem.${anchor.problem}`)}
                  </span>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
