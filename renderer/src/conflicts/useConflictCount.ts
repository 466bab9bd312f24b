/**
 * How many records are in conflict, for the navigation's badge: asked again
 * on every change of screen and whenever a screen says the conflicts changed
 * (a resolution, an import), so the count never lags behind what the list
 * would show.
 */
import { useEffect, useState } from 'react';
import { dalel } from '../dalel';

const changed = 'dalel:conflicts-changed';

/** For any screen that adds or resolves conflicts (resolve, import, merge). */
export function announceConflictsChanged(): void {
  window.dispatchEvent(new Event(changed));
}

export function useConflictCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let current = true;
    const load = () => {
      void dalel()
        .records.conflicts({})
        .then((result) => {
          // A failed call (say, while locking) keeps the last count: the badge is a hint, the screen is the truth.
          if (current && result.ok) setCount(result.value.records.length);
        });
    };
    load();
    window.addEventListener('hashchange', load);
    window.addEventListener(changed, load);
    return () => {
      current = false;
      window.removeEventListener('hashchange', load);
      window.removeEventListener(changed, load);
    };
  }, []);
  return count;
}
