/**
 * "Times it was off": the incident's intervals, for a shutdown cut and
 * restored several times (Nur-Sultan's nightly cut-offs of January 2022).
 * Closed by default so the form does not grow for those who do not need it;
 * open when the record has intervals or they have problems. Shows the
 * duration computed from what is valid so far, and "curfew style" when the
 * cut-offs repeat at the same hours.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Interval, durationOf, instantOf, type FieldProblem } from '../../../../shared/model';
import { DurationNote } from '../DurationNote';
import type { SectionProps } from './fieldProps';
import { IntervalFieldset, type IntervalMessages } from './IntervalFieldset';
import { emptyInterval, intervalInputOf, intervalProblems, type IntervalDraft } from './intervalDraft';
import { fieldAnchorId } from './validation';

/** The intervals that are whole and valid, for a duration shown while the rest is still being typed. */
function validIntervals(drafts: readonly IntervalDraft[]): Interval[] {
  return drafts.flatMap((draft) => {
    const parsed = Interval.safeParse(intervalInputOf(draft));
    if (!parsed.success) return [];
    const { start, end } = parsed.data;
    return end && instantOf(end) < instantOf(start) ? [] : [parsed.data];
  });
}

export function IntervalsSection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  const shown = messagesFor('intervals').length > 0;
  const [open, setOpen] = useState(draft.intervals.length > 0);
  const problems = useMemo(() => (shown ? intervalProblems(draft) : new Map<number, FieldProblem[]>()), [draft, shown]);
  const valid = useMemo(() => validIntervals(draft.intervals), [draft.intervals]);
  const setIntervals = (intervals: IntervalDraft[]) => update('intervals', { intervals });

  function messagesOf(index: number): IntervalMessages {
    const messages: IntervalMessages = { start: [], end: [], other: [] };
    for (const problem of problems.get(index) ?? []) {
      const part = problem.path.split('.')[2];
      const text = t(`validation:${problem.key}`, problem.params);
      const list = part === 'start' || part === 'end' ? messages[part] : messages.other;
      if (!list.includes(text)) list.push(text);
    }
    return messages;
  }

  return (
    <section className="form-section" aria-labelledby="section-intervals">
      <details
        className="intervals"
        id={fieldAnchorId('intervals')}
        open={open || shown}
        onToggle={(event) => setOpen(event.currentTarget.open)}
      >
        <summary>
          <h2 id="section-intervals">
            {t('incidents:intervals.title')}
            {draft.intervals.length > 0 && ` (${draft.intervals.length})`}
          </h2>
        </summary>
        <p className="hint">{t('incidents:intervals.hint')}</p>
        {draft.intervals.map((interval, index) => (
          <IntervalFieldset
            // Intervals have no ids of their own; a removal re-numbers those after it.
            key={index}
            index={index}
            value={interval}
            areaCodes={draft.areaCodes}
            places={draft.places}
            operators={draft.operators}
            messages={messagesOf(index)}
            onChange={(next) => setIntervals(draft.intervals.map((known, i) => (i === index ? next : known)))}
            onRemove={() => setIntervals(draft.intervals.filter((_, i) => i !== index))}
          />
        ))}
        <button type="button" onClick={() => setIntervals([...draft.intervals, emptyInterval(draft.startedAt.offset)])}>
          {t('incidents:intervals.add')}
        </button>
        <div role="status">
          {valid.length > 0 && <DurationNote id="incident-intervals-duration" duration={durationOf({ startedAt: valid[0]!.start, intervals: valid })} />}
        </div>
      </details>
    </section>
  );
}
