/**
 * Saved views: a named search, filters and sort of one list, shown as links
 * to that list's address, so opening one is following a link.
 *
 * SECURITY: saved views live in memory for the session only, never in
 * localStorage or any other web storage. A view holds search words and
 * place names typed by the defender, and its name is free text; web storage
 * would keep them unencrypted outside the archive, where neither the
 * passphrase nor quick delete reaches (README: "no web storage"). Even a
 * codes-only view says what the defender was looking into. So the views sit
 * in component state above the routed screens: they survive moving between
 * screens, and end with the session (a lock or quick delete remounts
 * everything below App, and quitting ends the page).
 */
import { createContext, useContext, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf, type ListRoute } from '../router';

export interface SavedView {
  id: number;
  name: string;
  /** The list's query text (`kind=full_network&area=KZ-75`). */
  query: string;
}

type Lists = ListRoute['screen'];

interface SavedViewsState {
  views: Record<Lists, SavedView[]>;
  save: (list: Lists, name: string, query: string) => void;
  remove: (list: Lists, id: number) => void;
}

const SavedViewsContext = createContext<SavedViewsState | null>(null);

const maxNameLength = 80;

export function SavedViewsProvider({ children }: { children: ReactNode }) {
  const [views, setViews] = useState<Record<Lists, SavedView[]>>({ list: [], effects: [], sources: [] });
  const [nextId, setNextId] = useState(1);
  const state: SavedViewsState = {
    views,
    save: (list, name, query) => {
      setViews((current) => ({
        ...current,
        // A view saved again under the same name replaces the old one.
        [list]: [...current[list].filter((view) => view.name !== name), { id: nextId, name, query }],
      }));
      setNextId((id) => id + 1);
    },
    remove: (list, id) => setViews((current) => ({ ...current, [list]: current[list].filter((view) => view.id !== id) })),
  };
  return <SavedViewsContext.Provider value={state}>{children}</SavedViewsContext.Provider>;
}

interface Props {
  list: Lists;
  /** The query shown now, to save. */
  query: string;
}

/** The saved views of one list, and a form to save the one shown now under a name. */
export function SavedViews({ list, query }: Props) {
  const { t } = useTranslation();
  const state = useContext(SavedViewsContext);
  const id = useId();
  const [name, setName] = useState('');
  if (!state) return null;
  const views = state.views[list];

  function save(event: FormEvent) {
    event.preventDefault();
    const chosen = name.trim().slice(0, maxNameLength) || t('evidence:lists.views.defaultName', { number: views.length + 1 });
    state!.save(list, chosen, query);
    setName('');
  }

  return (
    <section className="saved-views" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('evidence:lists.views.title')}</h2>
      {views.length > 0 ? (
        <ul>
          {views.map((view) => (
            <li key={view.id}>
              <a href={hrefOf({ screen: list, query: view.query })} aria-current={view.query === query ? 'true' : undefined}>
                {view.name}
              </a>
              <button type="button" className="small" onClick={() => state.remove(list, view.id)} aria-label={t('evidence:lists.views.removeLabel', { name: view.name })}>
                {t('evidence:lists.views.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('evidence:lists.views.none')}</p>
      )}
      {/* Closed until wanted, so that the list's rows start near the top of the window. */}
      <details className="save-view">
        <summary>{t('evidence:lists.views.saveLabel')}</summary>
        <form onSubmit={save} aria-label={t('evidence:lists.views.saveLabel')}>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('evidence:lists.views.name')}</label>
            <input id={`${id}-name`} type="text" value={name} maxLength={maxNameLength} aria-describedby={`${id}-hint`} onChange={(event) => setName(event.target.value)} />
          </div>
          <button type="submit">{t('evidence:lists.views.save')}</button>
          <p className="hint" id={`${id}-hint`}>
            {t('evidence:lists.views.hint')}
          </p>
        </form>
      </details>
    </section>
  );
}
