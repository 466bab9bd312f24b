/**
 * `dalel show` of an incident: the other records of the same shutdown, each
 * way round — the links it makes, and the incidents that link to it
 * (`records:references`) — in the words the app's page uses.
 */
import type { TFunction } from 'i18next';
import type { Reference } from '../../../shared/ipc';
import type { IncidentLink } from '../../../shared/model';

export function linkLines(t: TFunction, data: Record<string, unknown>, references: readonly Reference[]): string[] {
  const links = Array.isArray(data.links) ? (data.links as IncidentLink[]) : [];
  return [
    ...links.map((link) => `${t(`incidents:links.outgoing.${link.kind}`)} ${link.incident}`),
    ...references
      .filter((reference) => reference.via === 'link' && reference.kind)
      .map((reference) => `${t(`incidents:links.incoming.${reference.kind!}`)} ${reference.recordId} ${reference.title}`),
  ];
}
