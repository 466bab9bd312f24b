/**
 * The legal bases of a shutdown as someone named them, one row each, in the
 * incident form: the provision (to the paragraph, for Kazakhstan), whether
 * it was invoked as this shutdown's ground or named as a provision that
 * permits shutdowns, who named it and when. "None cited" is not offered: a
 * row is a provision that someone did cite.
 */
import { useTranslation } from 'react-i18next';
import { citers, legalBases, legalBasisRoles, type LegalBasis } from '../../../../shared/model';
import { AuthorityGroup } from './AuthorityGroup';
import { emptyLegalCitation, type Citer, type LegalCitationDraft } from './authorityDraft';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { withoutEntry } from './removeEntry';
import { TimestampField } from './TimestampField';

const provisions = legalBases.filter((code) => code !== 'none_cited');

export function LegalCitationRows({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  const rows = draft.authority.legalCitations;
  const messages = messagesFor('legalCitations');
  const setRows = (legalCitations: LegalCitationDraft[]) => update('legalCitations', { authority: { ...draft.authority, legalCitations } });
  const set = (index: number, change: Partial<LegalCitationDraft>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <AuthorityGroup
      field="legalCitations"
      summary={t('incidents:fields.legalCitations')}
      hint={t('incidents:form.authority.legalCitationsHint')}
      hasContent={rows.length > 0}
      messages={messages}
    >
      {rows.map((row, index) => {
        const id = `incident-legalCitations-${index}`;
        const number = index + 1;
        const invalid = messages.length > 0;
        return (
          <fieldset className="entry-block" key={index}>
            <legend>{t('incidents:form.authority.legalCitation', { number })}</legend>
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('incidents:form.authority.provision')}</label>
              <select
                id={`${id}-code`}
                value={row.code}
                aria-invalid={(invalid && !row.code) || undefined}
                onChange={(event) => set(index, { code: event.target.value as LegalBasis | '' })}
              >
                <option value="">{t('common:actions.choose')}</option>
                {provisions.map((code) => (
                  <option key={code} value={code}>
                    {t(`taxonomy:legalBasis.${code}`)}
                  </option>
                ))}
              </select>
            </div>
            <ChoiceGroup
              type="radio"
              columns={1}
              ids={{ base: `${id}-role`, anchor: undefined, error: `${id}-role-error` }}
              legend={t('incidents:form.authority.role')}
              options={legalBasisRoles.map((code) => ({ value: code, label: t(`taxonomy:legalBasisRole.${code}`) }))}
              selected={row.role}
              onChange={(role) => set(index, { role })}
              messages={[]}
            />
            <div className="field">
              <label htmlFor={`${id}-citedBy`}>{t('incidents:form.authority.citedBy')}</label>
              <select
                id={`${id}-citedBy`}
                value={row.citedBy}
                aria-invalid={(invalid && !row.citedBy) || undefined}
                onChange={(event) => set(index, { citedBy: event.target.value as Citer | '' })}
              >
                <option value="">{t('common:actions.choose')}</option>
                {citers.map((code) => (
                  <option key={code} value={code}>
                    {t(`taxonomy:citer.${code}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-citedByName`}>{t('incidents:form.authority.citedByName')}</label>
              <input id={`${id}-citedByName`} type="text" maxLength={300} value={row.citedByName} onChange={(event) => set(index, { citedByName: event.target.value })} />
            </div>
            <TimestampField
              field="legalCitations"
              ids={{ base: `${id}-citedAt`, anchor: `${id}-citedAt-anchor`, error: `${id}-citedAt-error` }}
              legend={t('incidents:form.authority.citedAt')}
              value={row.citedAt}
              onChange={(citedAt) => set(index, { citedAt })}
              messages={[]}
            />
            <button type="button" className="small" onClick={() => update('legalCitations', withoutEntry(draft, 'legalCitations', index))}>
              {t('incidents:form.remove')}
              <span className="visually-hidden"> {t('incidents:form.authority.legalCitation', { number })}</span>
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => setRows([...rows, emptyLegalCitation(draft.startedAt.offset)])}>
        {t('incidents:form.authority.addLegalCitation')}
      </button>
    </AuthorityGroup>
  );
}
