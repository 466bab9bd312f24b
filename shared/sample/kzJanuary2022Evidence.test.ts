import { describe, expect, it } from 'vitest';
import { allows, Effect, Incident, Source } from '../model';
import { sampleIncidents } from './kzJanuary2022';
import { sampleEffects, sampleEvidenceFiles, sampleIncidentIndex, sampleTestimony } from './kzJanuary2022Evidence';

const incidentId = '00000000-0000-4000-8000-000000000000';

describe('the sample archive beyond its incidents', () => {
  it('names the incidents by their place in the sample', () => {
    expect(Object.values(sampleIncidentIndex).map((index) => sampleIncidents[index]!.title)).toEqual(sampleIncidents.map((incident) => incident.title));
    for (const incident of sampleIncidents) expect(Incident.safeParse(incident).error).toBeUndefined();
  });

  it('holds only effects and a testimony that the app and the command would save, each linked to a sample incident', () => {
    for (const { incident, effect } of sampleEffects) {
      expect(sampleIncidents[incident], effect.description).toBeDefined();
      expect(Effect.safeParse({ ...effect, incident: incidentId }).error).toBeUndefined();
      expect(effect.description).toMatch(/^\[Illustrative sample\] /);
    }
    expect(sampleIncidents[sampleTestimony.incident]).toBeDefined();
    const testimony = Source.parse(sampleTestimony.source);
    expect(testimony.title).toMatch(/^\[Illustrative sample\] /);
    // What the screenshots show of the person's answers: kept, shared with lawyers, not published.
    expect(allows(testimony.consent!, 'lawyersNamed')).toBe(true);
    expect(allows(testimony.consent!, 'publishAnonymous')).toBe(false);
  });

  it('attaches each evidence file to a sample record, under a name a folder can hold, saying that it is illustrative', () => {
    for (const file of sampleEvidenceFiles) {
      if (file.attachedTo !== 'testimony') expect(sampleIncidents[file.attachedTo], file.name).toBeDefined();
      expect(file.name).not.toMatch(/[/\\\0]/);
      expect(file.text.toLowerCase()).toContain('illustrative sample');
    }
    expect(new Set(sampleEvidenceFiles.map((file) => file.name)).size).toBe(sampleEvidenceFiles.length);
  });
});
