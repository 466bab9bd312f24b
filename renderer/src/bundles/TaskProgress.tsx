/**
 * The progress bar of a long task (an export, a check, an import, a merge,
 * evidence files being added)
 * while it runs: polls `tasks:progress` every quarter second, draws a
 * <progress> with the percent done and the time left, and offers Cancel
 * (`tasks:cancel`; the running call then ends as cancelled and the engine
 * removes what it wrote). Screen readers hear the percent in steps of ten,
 * not every poll.
 */
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { dalel } from '../dalel';
import { progressFacts, timeLeft, type TaskProgress as Progress } from './taskProgress';

interface Props {
  task: NonNullable<Progress['task']>;
  /** What is running, in words ("Exporting the bundle…"). */
  label: string;
  /** The Cancel button, for the screen to move focus to when the task starts. */
  ref?: Ref<HTMLButtonElement>;
}

const pollMs = 250;

export function TaskProgress({ task, label, ref }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [cancelling, setCancelling] = useState(false);
  const cancelWanted = useRef(false);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    async function poll() {
      const result = await dalel().tasks.progress({});
      if (stopped) return;
      if (result.ok && (result.value.task === task || result.value.task === null)) {
        setProgress(result.value);
        setNow(Date.now());
        // A cancel asked for before the engine had started the task reaches it now.
        if (cancelWanted.current && result.value.task === task) void dalel().tasks.cancel({});
      }
      timer = window.setTimeout(() => void poll(), pollMs);
    }
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [task]);

  function cancel() {
    cancelWanted.current = true;
    setCancelling(true);
    void dalel().tasks.cancel({});
  }

  const { percent, secondsLeft } = progressFacts(progress, now);
  const left = secondsLeft === null || secondsLeft === 0 ? null : timeLeft(secondsLeft);
  const status =
    percent === null
      ? t('verify:progress.starting')
      : [t('verify:progress.percent', { percent }), left && t(`verify:progress.${left.unit}Left`, { count: left.count })].filter(Boolean).join(' · ');
  const announced = percent === null ? '' : t('verify:progress.percent', { percent: Math.floor(percent / 10) * 10 });

  return (
    <div className="task-progress">
      <p id={`${id}-label`} className="task-progress-label">
        {label}
      </p>
      <progress aria-labelledby={`${id}-label`} aria-describedby={`${id}-status`} max={100} value={percent ?? undefined} />
      <p id={`${id}-status`} className="task-progress-status">
        {status}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announced}
      </p>
      <button ref={ref} type="button" onClick={cancel} disabled={cancelling}>
        {t(cancelling ? 'verify:progress.cancelling' : 'verify:progress.cancel')}
      </button>
    </div>
  );
}
