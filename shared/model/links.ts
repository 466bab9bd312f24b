/**
 * Incidents recorded apart that are one shutdown (docs/spec/data-model.md,
 * "Links between incidents"): one incident is the same as another (two
 * defenders recorded it), part of a larger one, or continues as a later one.
 * A link is stored on the incident that makes it and shown on both sides.
 * For counting, linked incidents are one shutdown (`shutdownGroups`).
 */
import { z } from 'zod';
import { RecordId } from './ids';
import { incidentLinkKinds } from './taxonomy';

export const IncidentLink = z.strictObject({
  kind: z.enum(incidentLinkKinds),
  incident: RecordId,
});
export type IncidentLink = z.infer<typeof IncidentLink>;

interface LinkedIncident {
  recordId: string;
  links?: readonly IncidentLink[] | undefined;
}

/**
 * The incidents that count as one shutdown: those joined by any link, in
 * either direction, through any chain. Each group lists its members in the
 * order given; a link to an incident not among them is ignored.
 */
export function shutdownGroups(incidents: readonly LinkedIncident[]): string[][] {
  const parent = new Map(incidents.map((incident) => [incident.recordId, incident.recordId]));
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at)!;
    parent.set(id, at);
    return at;
  };
  for (const incident of incidents) {
    for (const link of incident.links ?? []) {
      if (!parent.has(link.incident)) continue;
      const [a, b] = [root(incident.recordId), root(link.incident)];
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<string, string[]>();
  for (const incident of incidents) {
    const key = root(incident.recordId);
    groups.set(key, [...(groups.get(key) ?? []), incident.recordId]);
  }
  return [...groups.values()];
}

/** The links that point at `recordId` from other incidents: what its page shows as "linked from". */
export function linksTo(recordId: string, incidents: readonly LinkedIncident[]): { from: string; kind: IncidentLink['kind'] }[] {
  return incidents.flatMap((incident) =>
    (incident.links ?? []).filter((link) => link.incident === recordId).map((link) => ({ from: incident.recordId, kind: link.kind })),
  );
}
