/**
 * The order and the law in words, the same on the incident page, in the
 * report, in the UN draft and in the command's printout: a body as "name
 * (kind)", a legal citation as a sentence that says who named which
 * provision, in what role and when ("Kcell (an operator) invoked … on 4
 * January 2022"), an operator's statement as "operator, date". Pure: the
 * caller passes its translator and the date already written its own way.
 * Says only what the entry records: no name, no date, nothing added.
 */
import type { TFunction } from 'i18next';
import type { Actor, LegalCitation, OperatorStatement } from '../model';

/** Any of the app's translators: the report's, the page's, the command's. */
type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);
const say = (t: Translate, key: string, options?: Record<string, unknown>): string => String((t as (key: string, options?: Record<string, unknown>) => unknown)(key, options ?? {}));

/** "КНБ (Security service)", or the kind alone when no name was given. */
export function actorText(t: Translate, actor: Pick<Actor, 'code' | 'name'>): string {
  const kind = say(t, `taxonomy:actor.${actor.code}`);
  return actor.name.trim() ? say(t, 'report:order.actor', { name: actor.name.trim(), kind }) : kind;
}

/** "Kcell (an operator)", or "An operator" when no name was given. */
export function citerText(t: Translate, citation: Pick<LegalCitation, 'citedBy' | 'citedByName'>): string {
  const name = citation.citedByName.trim();
  return name ? say(t, 'report:order.citer', { name, kind: say(t, `report:order.citerKind.${citation.citedBy}`) }) : say(t, `taxonomy:citer.${citation.citedBy}`);
}

/** The provision as it reads in a sentence; "Other" reads "another provision". */
export function provisionText(t: Translate, code: LegalCitation['code']): string {
  return code === 'other' ? say(t, 'report:order.otherProvision') : say(t, `taxonomy:legalBasis.${code}`);
}

/** Who named which provision, in which role, and when if recorded. */
export function legalCitationSentence(t: Translate, citation: LegalCitation, date: string | undefined): string {
  const key = `report:order.${citation.role}${date ? 'On' : ''}`;
  return say(t, key, { who: citerText(t, citation), law: provisionText(t, citation.code), ...(date ? { date } : {}) });
}

/** "Kcell, 4 January 2022", or the operator alone. */
export function statementHeading(t: Translate, statement: Pick<OperatorStatement, 'operator'>, date: string | undefined): string {
  return date ? say(t, 'report:order.statementBy', { operator: statement.operator, date }) : statement.operator;
}
