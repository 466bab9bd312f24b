/**
 * The app-wide keyboard shortcuts of an open archive: Alt+N opens a new
 * incident; Ctrl/Cmd+F, or "/" outside a text field, puts the cursor in the
 * list's search (going to the incident list first on a screen without one,
 * unless the person is typing in a field there).
 * Saving a form (Ctrl/Cmd+S, Ctrl/Cmd+Enter) belongs to the form itself
 * (components/useRecordForm.ts). The list shown in Settings comes from here.
 */
import { useEffect } from 'react';
import { navigate } from '../router';

/** What Settings lists: the keys (as aria-keyshortcuts spells them) and the i18n key of what they do. */
export const shortcutList = [
  { keys: ['Alt+N'], action: 'newRecord' },
  { keys: ['Control+F', '/'], action: 'search' },
  { keys: ['Control+S', 'Control+Enter'], action: 'save' },
  { keys: ['Control+L'], action: 'lock' },
  { keys: ['Escape'], action: 'closeMenu' },
] as const;

const searchSelector = 'main form[role="search"] input[type="search"]';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/** Focuses the list's search field, waiting a little for a list that is still rendering. */
function focusSearch(triesLeft = 20): void {
  const field = document.querySelector<HTMLInputElement>(searchSelector);
  if (field) {
    field.focus();
    field.select();
  } else if (triesLeft > 0) {
    window.setTimeout(() => focusSearch(triesLeft - 1), 50);
  }
}

export function useAppShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // event.code, not key: Alt+N types a character on some layouts (macOS), and "N" is "Т" on a Russian one.
      if (event.altKey && !mod && !event.shiftKey && event.code === 'KeyN') {
        event.preventDefault();
        navigate({ screen: 'new' });
      } else if ((mod && !event.altKey && (event.code === 'KeyF' || key === 'f')) || (key === '/' && !mod && !event.altKey && !typingIn(event.target))) {
        const here = document.querySelector(searchSelector);
        // From a form being filled in, Ctrl+F does not leave it: only a screen with a search, or none being typed in, goes.
        if (!here && typingIn(event.target)) return;
        event.preventDefault();
        if (!here) navigate({ screen: 'list' });
        focusSearch();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
