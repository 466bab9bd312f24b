/**
 * What the custody section says about the lines of the archive's log that a
 * bundle does not carry. A lawyer must never take a silent gap for a whole
 * log: every gap is stated where it is (before the first line, between two
 * lines, and after the last where `redactions.custodyWithheld` counts more
 * lines than the gaps in numbering account for), and one sentence at the top
 * gives the total withheld and why. A format 2 public bundle numbers its
 * lines from 0 so that neither the archive's size nor its other records show;
 * it shows no gap by design, and the section says so. Pure; never guesses a
 * number the bundle does not give.
 */
import type { Bundle } from '../model';
import type { Formatter } from './format';
import { html, type Html } from './html';

export interface CustodyGaps {
  /** For each line, how many lines of the log stand between it and the line before it (or the log's start). */
  before: number[];
  /** Withheld lines of the exported records that the gaps before and between cannot hold: they come after the last line. */
  after: number;
}

/** A public format 2 bundle's lines are numbered from 0, not as in the archive's log. */
export const renumbered = (bundle: Bundle) => bundle.format === 2 && bundle.profile === 'public';

export function custodyGaps(bundle: Bundle): CustodyGaps {
  if (renumbered(bundle)) return { before: bundle.custody.map(() => 0), after: 0 };
  const before = bundle.custody.map((event, index) => Math.max(0, index === 0 ? event.seq : event.seq - bundle.custody[index - 1]!.seq - 1));
  const visible = before.reduce((sum, count) => sum + count, 0);
  // The gaps hold lines of other records as well as withheld ones, so this is the least number after the last line.
  const after = Math.max(0, (bundle.redactions.custodyWithheld ?? 0) - visible);
  return { before, after };
}

/** The row after the last line: withheld lines of these records that no gap in numbering can hold. */
export function afterLastRow(f: Formatter, count: number): Html {
  return html`<tr class="custody-gap custody-after"><td class="number">…</td><td colspan="5" class="note">${f.t('report:custody.gapAfter', { count })}</td></tr>`;
}

/**
 * The sentences at the top of the section: how many lines of the exported
 * records were withheld and why, how the lines are numbered, and that the
 * revision ids of signed heads can be recomputed from the bundle.
 */
export function custodyNotice(f: Formatter, bundle: Bundle): Html {
  const withheld = bundle.redactions.custodyWithheld;
  const total =
    withheld !== undefined
      ? f.t(renumbered(bundle) ? 'report:custody.withheldTotalPublic' : 'report:custody.withheldTotal', { count: withheld })
      : bundle.profile === 'internal'
        ? f.t('report:custody.nothingWithheld')
        : f.t('report:custody.withheldUnknown');
  const numbering = renumbered(bundle) ? f.t('report:custody.renumbered') : f.t('report:custody.numbered');
  const signed = bundle.records.filter((record) => record.signedHead).length;
  return html`<p class="custody-withheld">${total}</p>
<p class="${renumbered(bundle) ? 'custody-renumbered' : 'custody-numbered'}">${numbering}</p>
${signed ? html`<p class="custody-recomputable">${f.t('report:custody.recomputable', { count: signed })}</p>` : ''}`;
}
