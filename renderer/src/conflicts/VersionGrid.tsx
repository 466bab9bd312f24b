/**
 * The versions of a record in conflict side by side (stacked on a narrow
 * window): which fields differ, said in words first, a switch to show only
 * those, and one column per version.
 */
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedRevision } from '../../../shared/model';
import { currentLanguage } from '../i18n';
import { holdsIdentity, IdentityToggle } from '../evidence/IdentityToggle';
import { formatList } from '../incidents/format';
import { valueFormatter } from '../incidents/revisionValues';
import { describeAuthor } from './authors';
import { differingFields, versionFields } from './conflictVersions';
import { describeProvenance } from './provenance';
import { fieldsOfType } from './recordFields';
import type { Keys } from './useKnownKeys';
import type { Origins } from './useProvenance';
import { VersionCard } from './VersionCard';

interface Props {
  versions: readonly SignedRevision[];
  keys: Keys | null;
  origins: Origins | null;
  chosen: string | null;
  onKeep: ((revisionId: string) => void) | null;
}

export function VersionGrid({ versions, keys, origins, chosen, onKeep }: Props) {
  const { t } = useTranslation();
  const [onlyDiffering, setOnlyDiffering] = useState(false);
  const { order, labels } = fieldsOfType(versions[0]?.revision.type ?? '');
  const [showIdentity, setShowIdentity] = useState(false);
  const valueText = valueFormatter(t, currentLanguage());
  const filled = versionFields(versions, order);
  const differing = differingFields(versions, filled);
  // A field that reads as nothing in every version (an empty statement, say) is left out unless it differs.
  const fields = filled.filter(
    (field) => differing.includes(field) || versions.some(({ revision }) => revision.data && valueText(field, revision.data[field]) !== null),
  );
  const label = (field: string) => (labels && i18next.exists(`${labels}.${field}`) ? t(`${labels}.${field}`) : field);

  return (
    <section className="conflict-versions" aria-labelledby="versions-title">
      <h2 id="versions-title" tabIndex={-1}>
        {t('conflicts:resolve.versionsTitle')}
      </h2>
      <p className="differing-summary">
        {differing.length > 0
          ? t('conflicts:resolve.differ', { count: differing.length, fields: formatList(differing.map(label), t) })
          : t('conflicts:resolve.same')}
      </p>
      {differing.length > 0 && (
        <div className="checkbox-field only-differing">
          <input id="only-differing" type="checkbox" checked={onlyDiffering} onChange={(event) => setOnlyDiffering(event.target.checked)} />
          <label htmlFor="only-differing">{t('conflicts:resolve.onlyDiffering')}</label>
        </div>
      )}
      {holdsIdentity(versions.map(({ revision }) => revision.data?.person)) && (
        <IdentityToggle shown={showIdentity} onToggle={() => setShowIdentity((was) => !was)} controls="version-grid" />
      )}
      <div className="version-grid" id="version-grid">
        {versions.map((signed, index) => (
          <VersionCard
            key={signed.id}
            signed={signed}
            number={index + 1}
            count={versions.length}
            fields={onlyDiffering ? differing : fields}
            differing={new Set(differing)}
            labels={labels}
            author={keys && describeAuthor(keys.authorOf(signed.revision.author), t)}
            origin={origins && describeProvenance(origins.byRevision.get(signed.id) ?? { kind: 'unrecorded' }, t, origins.trustedNames)}
            chosen={chosen === signed.id}
            onKeep={onKeep && (() => onKeep(signed.id))}
            showIdentity={showIdentity}
          />
        ))}
      </div>
    </section>
  );
}
