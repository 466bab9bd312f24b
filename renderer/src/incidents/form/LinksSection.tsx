/**
 * "Other records of this shutdown": links from this incident to others
 * recorded apart — the same shutdown told by another defender, a part of a
 * larger one, or its continuation (shared/model/links.ts). Linked incidents
 * count once in the overview and the exports. Closed when empty; the person
 * finds an incident by its words (the list's own search, `records:query`),
 * chooses how it relates, and adds it. The incident itself is never offered.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { incidentLinkKinds, type IncidentLink } from '../../../../shared/model';
import { dalel, unwrap } from '../../dalel';
import { currentLanguage } from '../../i18n';
import { hrefOf } from '../../router';
import { formatTimestamp } from '../format';
import { readIncident } from '../incidentRecords';
import { AuthorityGroup } from './AuthorityGroup';
import type { SectionProps } from './fieldProps';

type LinkKind = IncidentLink['kind'];

interface Found {
  recordId: string;
  title: string;
  started: string;
}

/** Incidents whose words match, this one left out. */
async function findIncidents(search: string, selfId: string | undefined): Promise<Found[]> {
  const answer = unwrap(
    await dalel().records.query({
      type: 'incident',
      query: { search, kind: '', area: '', from: '', to: '', sort: 'start', order: '', showRetracted: false },
      offset: 0,
      limit: 8,
      language: currentLanguage(),
    }),
  );
  return answer.rows.flatMap(({ summary }) => {
    const incident = readIncident(summary.data);
    if (!incident || summary.recordId === selfId) return [];
    return [{ recordId: summary.recordId, title: incident.title, started: formatTimestamp(incident.startedAt, currentLanguage()) }];
  });
}

/** The titles of the incidents linked to, read once each. */
function useTitles(ids: readonly string[]): Map<string, string> {
  const [titles, setTitles] = useState(new Map<string, string>());
  const missing = ids.filter((id) => !titles.has(id)).join(' ');
  useEffect(() => {
    if (!missing) return;
    let live = true;
    void Promise.all(
      missing.split(' ').map(async (id) => {
        const answer = await dalel().records.get({ recordId: id });
        return [id, answer.ok ? (readIncident(answer.value.summary.data)?.title ?? '') : ''] as const;
      }),
    ).then((found) => live && setTitles((known) => new Map([...known, ...found])));
    return () => {
      live = false;
    };
  }, [missing]);
  return titles;
}

export function LinksSection({ draft, update, messagesFor, selfId }: SectionProps & { selfId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<LinkKind>('same_as');
  const [found, setFound] = useState<Found[] | null>(null);
  const titles = useTitles(draft.links.map((link) => link.incident));
  const setLinks = (links: IncidentLink[]) => update('links', { links });

  async function find() {
    setFound(search.trim() ? await findIncidents(search.trim(), selfId) : null);
  }

  const linked = new Set(draft.links.map((link) => link.incident));
  return (
    <section className="form-section" aria-labelledby="section-links">
      <h2 id="section-links">{t('incidents:links.title')}</h2>
      <AuthorityGroup
        field="links"
        summary={draft.links.length > 0 ? t('incidents:links.summary', { count: draft.links.length }) : t('incidents:links.summaryNone')}
        hint={t('incidents:links.hint')}
        hasContent={draft.links.length > 0}
        messages={messagesFor('links')}
      >
        {draft.links.length > 0 && (
          <ul className="entry-rows">
            {draft.links.map((link, index) => (
              <li key={link.incident}>
                <label htmlFor={`${id}-kind-${index}`} className="visually-hidden">
                  {t('incidents:links.kindOf', { title: titles.get(link.incident) ?? '' })}
                </label>
                <select
                  id={`${id}-kind-${index}`}
                  value={link.kind}
                  onChange={(event) => setLinks(draft.links.map((other, at) => (at === index ? { ...other, kind: event.target.value as LinkKind } : other)))}
                >
                  {incidentLinkKinds.map((code) => (
                    <option key={code} value={code}>
                      {t(`taxonomy:linkKind.${code}`)}
                    </option>
                  ))}
                </select>{' '}
                <a href={hrefOf({ screen: 'incident', recordId: link.incident })}>{titles.get(link.incident) || t('incidents:links.untitled')}</a>{' '}
                <button type="button" onClick={() => setLinks(draft.links.filter((_, at) => at !== index))}>
                  {t('incidents:links.remove', { title: titles.get(link.incident) ?? '' })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="field">
          <label htmlFor={`${id}-new-kind`}>{t('incidents:links.newKind')}</label>
          <select id={`${id}-new-kind`} value={kind} onChange={(event) => setKind(event.target.value as LinkKind)}>
            {incidentLinkKinds.map((code) => (
              <option key={code} value={code}>
                {t(`taxonomy:linkKind.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('incidents:links.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              // Enter searches here; it never saves the form.
              event.preventDefault();
              void find();
            }}
          />{' '}
          <button type="button" onClick={() => void find()}>
            {t('incidents:links.find')}
          </button>
        </div>
        {found && (
          <div role="status">
            {found.length === 0 ? (
              <p>{t('incidents:links.noneFound')}</p>
            ) : (
              <ul className="entry-rows">
                {found.map((incident) => (
                  <li key={incident.recordId}>
                    <button
                      type="button"
                      disabled={linked.has(incident.recordId)}
                      onClick={() => setLinks([...draft.links, { kind, incident: incident.recordId }])}
                    >
                      {t('incidents:links.add', { kind: t(`taxonomy:linkKind.${kind}`), title: incident.title, started: incident.started })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </AuthorityGroup>
    </section>
  );
}
