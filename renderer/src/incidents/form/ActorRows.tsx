/**
 * The authorities, bodies or companies behind an order, one row each: what
 * kind of body it is (a code) and its name as given. Rows are added and
 * removed with buttons; a row left blank is not saved.
 */
import { useTranslation } from 'react-i18next';
import { actors } from '../../../../shared/model';
import { emptyActor, type ActorCode, type ActorDraft } from './authorityDraft';

interface Props {
  /** Prefix of the rows' ids: "incident-order-orderedBy". */
  id: string;
  legend: string;
  addLabel: string;
  rows: readonly ActorDraft[];
  onChange: (rows: ActorDraft[]) => void;
  invalid: boolean;
}

export function ActorRows({ id, legend, addLabel, rows, onChange, invalid }: Props) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<ActorDraft>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="entry-rows">
      <legend>{legend}</legend>
      {rows.map((row, index) => {
        const rowId = `${id}-${index}`;
        const number = index + 1;
        return (
          <div className="entry-row" key={index}>
            <div className="field">
              <label htmlFor={`${rowId}-code`}>{t('incidents:form.authority.actorKind', { number })}</label>
              <select
                id={`${rowId}-code`}
                value={row.code}
                aria-invalid={(invalid && !row.code) || undefined}
                onChange={(event) => set(index, { code: event.target.value as ActorCode | '' })}
              >
                <option value="">{t('common:actions.choose')}</option>
                {actors.map((code) => (
                  <option key={code} value={code}>
                    {t(`taxonomy:actor.${code}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${rowId}-name`}>{t('incidents:form.authority.actorName', { number })}</label>
              <input id={`${rowId}-name`} type="text" maxLength={300} value={row.name} onChange={(event) => set(index, { name: event.target.value })} />
            </div>
            <button type="button" className="small" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              {t('incidents:form.remove')}
              <span className="visually-hidden"> {t('incidents:form.authority.actorRow', { legend, number })}</span>
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, emptyActor()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
