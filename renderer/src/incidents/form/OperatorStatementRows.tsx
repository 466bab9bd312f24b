/**
 * What each operator told its users or the public about the shutdown, one
 * row each, in the incident form: the operator, when, and the words as
 * given.
 */
import { useTranslation } from 'react-i18next';
import { AuthorityGroup } from './AuthorityGroup';
import { emptyStatement, type StatementDraft } from './authorityDraft';
import type { SectionProps } from './fieldProps';
import { withoutEntry } from './removeEntry';
import { TimestampField } from './TimestampField';

export function OperatorStatementRows({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  const rows = draft.authority.operatorStatements;
  const messages = messagesFor('operatorStatements');
  const setRows = (operatorStatements: StatementDraft[]) => update('operatorStatements', { authority: { ...draft.authority, operatorStatements } });
  const set = (index: number, change: Partial<StatementDraft>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <AuthorityGroup
      field="operatorStatements"
      summary={t('incidents:fields.operatorStatements')}
      hint={t('incidents:form.authority.statementsHint')}
      hasContent={rows.length > 0}
      messages={messages}
    >
      {rows.map((row, index) => {
        const id = `incident-operatorStatements-${index}`;
        const number = index + 1;
        return (
          <fieldset className="entry-block" key={index}>
            <legend>{t('incidents:form.authority.statement', { number })}</legend>
            <div className="field">
              <label htmlFor={`${id}-operator`}>{t('incidents:form.authority.operator')}</label>
              <input
                id={`${id}-operator`}
                type="text"
                maxLength={200}
                aria-invalid={(messages.length > 0 && !row.operator.trim()) || undefined}
                value={row.operator}
                onChange={(event) => set(index, { operator: event.target.value })}
              />
            </div>
            <TimestampField
              field="operatorStatements"
              ids={{ base: `${id}-madeAt`, anchor: `${id}-madeAt-anchor`, error: `${id}-madeAt-error` }}
              legend={t('incidents:form.authority.madeAt')}
              value={row.madeAt}
              onChange={(madeAt) => set(index, { madeAt })}
              messages={[]}
            />
            <div className="field">
              <label htmlFor={`${id}-text`}>{t('incidents:form.authority.statementText')}</label>
              <textarea id={`${id}-text`} rows={4} value={row.statement} onChange={(event) => set(index, { statement: event.target.value })} />
            </div>
            <button type="button" className="small" onClick={() => update('operatorStatements', withoutEntry(draft, 'operatorStatements', index))}>
              {t('incidents:form.remove')}
              <span className="visually-hidden"> {t('incidents:form.authority.statement', { number })}</span>
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => setRows([...rows, emptyStatement(draft.startedAt.offset)])}>
        {t('incidents:form.authority.addStatement')}
      </button>
    </AuthorityGroup>
  );
}
