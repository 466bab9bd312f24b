/**
 * The "Effects on people" section of an incident page: the incident's live
 * effects grouped by their (translated) category, each with its severity,
 * people affected, groups, area, period and economic loss (in its own
 * currency, formatted by Intl), a link to its page, and the "Add effect"
 * action. Shows only what it is given; loads nothing.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { effectCategories, type Effect } from '../../../shared/model';
import { ConflictListMark } from '../conflicts/ConflictMark';
import { currentLanguage } from '../i18n';
import { areaName, formatList, formatTimestamp } from '../incidents/format';
import { hrefOf } from '../router';
import type { EffectRow } from './evidenceRecords';

export function peopleText(effect: Pick<Effect, 'peopleAffected'>, t: TFunction, lng: string): string {
  const people = effect.peopleAffected;
  if ('unknown' in people) return t('evidence:effect.peopleUnknown');
  const count = new Intl.NumberFormat(lng).format(people.count);
  return people.precision === 'exact' ? t('evidence:effect.peopleExact', { count: people.count, number: count }) : t('evidence:effect.peopleEstimate', { count: people.count, number: count });
}

export function moneyText(loss: NonNullable<Effect['economicLoss']>, lng: string): string {
  try {
    return new Intl.NumberFormat(lng, { style: 'currency', currency: loss.currency }).format(loss.amount);
  } catch {
    return `${new Intl.NumberFormat(lng).format(loss.amount)} ${loss.currency}`;
  }
}

export function periodText(effect: Effect, lng: ReturnType<typeof currentLanguage>): string | null {
  if (!effect.occurredAt) return null;
  const start = formatTimestamp(effect.occurredAt, lng);
  return effect.endedAt ? `${start} – ${formatTimestamp(effect.endedAt, lng)}` : start;
}

/** The facts of one effect as label/value pairs; absent values are left out. */
export function effectFacts(effect: Effect, t: TFunction): [string, string][] {
  const lng = currentLanguage();
  const facts: [string, string | null][] = [
    [t('evidence:effect.fields.severity'), t(`taxonomy:severity.${effect.severity}`)],
    [t('evidence:effect.fields.peopleAffected'), peopleText(effect, t, lng)],
    [t('evidence:effect.fields.groups'), effect.groups.length > 0 ? formatList(effect.groups.map((g) => t(`taxonomy:group.${g}`)), t) : null],
    [t('evidence:effect.fields.area'), effect.area ? areaName(effect.area, lng, effect.occurredAt?.at) : null],
    [t('evidence:effect.fields.occurredAt'), periodText(effect, lng)],
    [t('evidence:effect.fields.economicLoss'), effect.economicLoss ? moneyText(effect.economicLoss, lng) : null],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== null);
}

export function EffectsSection({ incidentId, effects, canAdd }: { incidentId: string; effects: readonly EffectRow[]; canAdd: boolean }) {
  const { t } = useTranslation();
  const categories = effectCategories.filter((category) => effects.some((row) => row.effect.category === category));
  return (
    <section className="evidence-section" aria-labelledby="effects-title">
      <h2 id="effects-title">{t('evidence:effects.title')}</h2>
      {effects.length === 0 && <p>{t('evidence:effects.empty')}</p>}
      {categories.map((category) => (
        <section key={category} className="effect-category" aria-labelledby={`effects-${category}`}>
          <h3 id={`effects-${category}`}>{t(`taxonomy:category.${category}`)}</h3>
          <ul className="evidence-list">
            {effects
              .filter((row) => row.effect.category === category)
              .map(({ summary, effect }) => (
                <li key={summary.recordId} className="evidence-item">
                  <p>
                    <a href={hrefOf({ screen: 'effect', recordId: summary.recordId })}>
                      {effect.description.split('\n')[0] || t('evidence:effect.untitled')}
                    </a>
                    <ConflictListMark summary={summary} />
                  </p>
                  <dl className="evidence-facts">
                    {effectFacts(effect, t).map(([label, value]) => (
                      <div key={label}>
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                    {effect.sources.length > 0 && (
                      <div>
                        <dt>{t('evidence:effect.fields.sources')}</dt>
                        <dd>{t('evidence:effect.sourceCount', { count: effect.sources.length })}</dd>
                      </div>
                    )}
                  </dl>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {canAdd && (
        <p>
          <a className="button" href={hrefOf({ screen: 'newEffect', incidentId })}>
            {t('evidence:effects.add')}
          </a>
        </p>
      )}
    </section>
  );
}
