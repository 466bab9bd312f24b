/**
 * On an incident's page, the other records of the same shutdown: the links
 * this incident makes (stored on it) and those other incidents make to it
 * (`records:references`), each under words that read the right way round
 * ("Parts of this incident", "This incident is part of"). Shown only when
 * there is a link on either side.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reference } from '../../../shared/ipc';
import { incidentLinkKinds, type IncidentLink } from '../../../shared/model';
import { dalel, unwrap } from '../dalel';
import { hrefOf } from '../router';
import { readIncident } from './incidentRecords';

interface Linked {
  recordId: string;
  title: string;
}

/** Titles of the incidents this one links to, and the incidents that link to it. */
function useLinked(recordId: string, links: readonly IncidentLink[]) {
  const [answer, setAnswer] = useState<{ outgoing: Map<string, string>; incoming: Reference[] } | null>(null);
  const ids = links.map((link) => link.incident).join(' ');
  useEffect(() => {
    let live = true;
    void (async () => {
      const { references } = unwrap(await dalel().records.references({ recordId }));
      const titles = await Promise.all(
        (ids ? ids.split(' ') : []).map(async (id) => {
          const got = await dalel().records.get({ recordId: id });
          return [id, got.ok ? (readIncident(got.value.summary.data)?.title ?? '') : ''] as const;
        }),
      );
      if (live) setAnswer({ outgoing: new Map(titles), incoming: references.filter((reference) => reference.via === 'link') });
    })();
    return () => {
      live = false;
    };
  }, [recordId, ids]);
  return answer;
}

function LinkList({ heading, items }: { heading: string; items: Linked[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul>
        {items.map((item) => (
          <li key={item.recordId}>
            <a href={hrefOf({ screen: 'incident', recordId: item.recordId })}>{item.title || t('incidents:links.untitled')}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function LinkedIncidents({ recordId, links }: { recordId: string; links: readonly IncidentLink[] }) {
  const { t } = useTranslation();
  const linked = useLinked(recordId, links);
  if (!linked || (links.length === 0 && linked.incoming.length === 0)) return null;
  return (
    <section className="detail-group linked-incidents" aria-labelledby="linked-incidents-title">
      <h2 id="linked-incidents-title">{t('incidents:links.pageTitle')}</h2>
      <p className="hint">{t('incidents:links.counted')}</p>
      {incidentLinkKinds.map((kind) => (
        <div key={kind}>
          <LinkList
            heading={t(`incidents:links.outgoing.${kind}`)}
            items={links.filter((link) => link.kind === kind).map((link) => ({ recordId: link.incident, title: linked.outgoing.get(link.incident) ?? '' }))}
          />
          <LinkList heading={t(`incidents:links.incoming.${kind}`)} items={linked.incoming.filter((reference) => reference.kind === kind)} />
        </div>
      ))}
    </section>
  );
}
