/**
 * The recorded remedies of the UN communication draft's "Domestic remedies"
 * part: the complaints, court cases and ombudsman petitions the bundle
 * carries, each by its kind, the body it went to, its reference, its dates
 * and its outcome, so that a lawyer can show what was tried and exhausted;
 * then any communication already sent to a UN body about the same facts
 * (admissibility asks whether the matter is before another procedure).
 * Only what is recorded, and only those fields: never an intervention's
 * title or summary, free text that may name who asked or on whose behalf.
 */
import { confidentialFreeText, type Bundle } from '../model';
import type { Formatter } from './format';
import { html, type Html } from './html';
import { fieldList } from './parts';
import { interventionFacts, interventionViews, type InterventionFields, type InterventionView } from './interventions';

/**
 * SECURITY: a confidential intervention's free text stays out of the draft, as it does from a public
 * bundle (its reference too: a case number names who filed it): the draft goes on to the government.
 */
function shownFacts(data: InterventionFields): InterventionFields {
  if (data.confidential !== true) return data;
  const shown: Record<string, unknown> = { ...data };
  for (const field of confidentialFreeText.intervention) delete shown[field];
  return shown as InterventionFields;
}

const listOf = (f: Formatter, views: readonly InterventionView[]) =>
  html`<ol class="remedies">${views.map((view) => html`<li>${fieldList(interventionFacts(f, shownFacts(view.data!)))}</li>`)}</ol>`;

/** Empty when the bundle records none. */
export function recordedRemedies(f: Formatter, bundle: Bundle): Html | '' {
  const live = interventionViews(bundle).filter((view) => view.data !== null && view.data.kind !== undefined);
  if (live.length === 0) return '';
  const domestic = live.filter((view) => view.data!.kind !== 'un_communication');
  const international = live.filter((view) => view.data!.kind === 'un_communication');
  return html`<h3>${f.t('interventions:un.recorded')}</h3>
${domestic.length ? listOf(f, domestic) : html`<p class="note">${f.t('interventions:un.noDomestic')}</p>`}
${international.length ? html`<h3>${f.t('interventions:un.international')}</h3>${listOf(f, international)}` : ''}
<p class="note">${f.t('interventions:un.onlyRecorded')}</p>`;
}
