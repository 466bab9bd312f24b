/**
 * "Edit a merge": the record's fields that differ between its versions, to
 * merge by hand. A text is written in a box prefilled with version 1's words,
 * each version's own text beside it with a button that copies it in; any
 * other field is chosen whole from one version. Fields every version agrees
 * on are kept as they are and named. Saving hands the merged record to the
 * caller, which resolves the conflict with it (a revision whose parents are
 * every version); nothing is saved before the person presses Save.
 */
import i18next from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedRevision } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import type { DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { formatList } from '../incidents/format';
import { valueFormatter } from '../incidents/revisionValues';
import { holdsIdentity, IdentityToggle } from '../evidence/IdentityToggle';
import '../trace/trace.css';
import { differingFields, versionFields } from './conflictVersions';
import { mergedData, startMerge, type Data, type MergeChoice, type MergeDraft } from './mergeDraft';
import { fieldsOfType } from './recordFields';

interface Props {
  versions: readonly SignedRevision[];
  saving: boolean;
  error: DalelError | null;
  onSave: (data: Data) => void;
  onCancel: () => void;
}

export function MergeEditor({ versions, saving, error, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const { order, labels } = fieldsOfType(versions[0]?.revision.type ?? '');
  const [draft, setDraft] = useState<MergeDraft | null>(() => startMerge(versions, order));
  const [showIdentity, setShowIdentity] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const label = (field: string) => (labels && i18next.exists(`${labels}.${field}`) ? t(`${labels}.${field}`) : field);
  if (!draft) return null;
  const filled = versionFields(versions, order);
  const agreed = filled.filter((field) => !differingFields(versions, filled).includes(field));
  const choose = (field: string, choice: MergeChoice) => setDraft({ ...draft, choices: new Map(draft.choices).set(field, choice) });

  return (
    <section className="merge-editor" aria-labelledby="merge-title">
      <h2 id="merge-title" ref={title} tabIndex={-1}>
        {t('conflicts:merge.title')}
      </h2>
      <p>{t('conflicts:merge.intro', { count: versions.length })}</p>
      {agreed.length > 0 && <p>{t('conflicts:merge.agreed', { fields: formatList(agreed.map(label), t) })}</p>}
      {draft.choices.has('person') && holdsIdentity(draft.versions.map((data) => data.person)) && (
        <IdentityToggle shown={showIdentity} onToggle={() => setShowIdentity((was) => !was)} controls="merge-person" />
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave(mergedData(draft));
        }}
      >
        {[...draft.choices].map(([field, choice]) =>
          choice.kind === 'text' ? (
            <TextMerge key={field} field={field} label={label(field)} text={choice.text} values={draft.versions.map((data) => data[field])} onChange={(text) => choose(field, { kind: 'text', text })} />
          ) : (
            <VersionChoice key={field} field={field} showIdentity={showIdentity} label={label(field)} index={choice.index} values={draft.versions.map((data) => data[field])} onChange={(index) => choose(field, { kind: 'version', index })} />
          ),
        )}
        <ErrorMessage error={error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {t('conflicts:merge.save', { count: versions.length })}
          </button>
          <button type="button" disabled={saving} onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
          <span role="status">{saving ? t('conflicts:resolve.working') : ''}</span>
        </div>
      </form>
    </section>
  );
}

function TextMerge({ field, label, text, values, onChange }: { field: string; label: string; text: string; values: unknown[]; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  const id = `merge-${field}`;
  return (
    <div className="merge-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={text} onChange={(event) => onChange(event.target.value)} />
      {values.map((value, index) => (
        <div className="merge-other" key={index}>
          <p>
            <strong>{t('conflicts:merge.versionSaid', { number: index + 1 })}</strong>
          </p>
          <p>{typeof value === 'string' && value ? value : <span className="change-empty">{t('conflicts:resolve.empty')}</span>}</p>
          <button type="button" onClick={() => onChange(typeof value === 'string' ? value : '')}>
            {t('conflicts:merge.useText', { number: index + 1, field: label })}
          </button>
        </div>
      ))}
    </div>
  );
}

function VersionChoice({ field, label, index, values, showIdentity, onChange }: { field: string; label: string; index: number; values: unknown[]; showIdentity: boolean; onChange: (index: number) => void }) {
  const { t } = useTranslation();
  const valueText = valueFormatter(t, currentLanguage(), { showIdentity });
  return (
    <fieldset className="merge-field" id={`merge-${field}`}>
      <legend>{label}</legend>
      {values.map((value, number) => (
        <div className="checkbox-field" key={number}>
          <input type="radio" id={`merge-${field}-${number}`} name={`merge-${field}`} checked={index === number} onChange={() => onChange(number)} />
          <label htmlFor={`merge-${field}-${number}`}>
            {t('conflicts:merge.versionValue', { number: number + 1, value: valueText(field, value) ?? t('conflicts:resolve.empty') })}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
