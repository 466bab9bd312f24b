/**
 * Complaints, cases and communications in the report and in the UN draft,
 * read as a lawyer would: the report lists each with its body, reference,
 * dates and outcome and links the incident it is about, in en, ru and kk;
 * the UN draft's "Domestic remedies" lists the domestic ones apart from
 * UN communications and (adversarial) never carries an intervention's
 * title or summary, free text that names who asked; a bundle without
 * interventions shows no empty section.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../model';
import { almatyBundle, ids, xss } from './fixture';
import { interventionsCsv, renderReport } from './index';
import { renderUnCommunication } from './unCommunication';

const languages = ['en', 'ru', 'kk'] as const;
const complaintId = '9d2f4c1a-3b5e-4a6f-8c7d-0e1f2a3b4c5d';
const unId = '1a2b3c4d-5e6f-4a0b-9c1d-2e3f4a5b6c7d';
/** Free text that names the person who asked: it must never reach the UN draft. */
const askedBy = 'Гүлнар Әбілқызы';

function withInterventions(): Bundle {
  const bundle = almatyBundle();
  const base = { createdAt: '2022-02-01T08:00:00Z', updatedAt: '2022-03-16T08:00:00Z', retracted: false, headId: 'a'.repeat(64) };
  bundle.records.push(
    {
      ...base,
      recordId: complaintId,
      type: 'intervention',
      data: {
        kind: 'court_case',
        title: `Иск ${askedBy} к Министерству цифрового развития`,
        body: `Specialised Inter-District Administrative Court ${xss}`,
        reference: '7599-22-00-2а/31',
        filedAt: { at: '2022-02-01T10:00+06:00', precision: 'day' },
        decidedAt: { at: '2022-03-15T10:00+06:00', precision: 'day' },
        outcome: 'rejected',
        summary: `Подан ${askedBy} от имени клиники.`,
        incidents: [ids.incident],
        sources: [ids.mediaReport],
        confidential: false,
      },
    },
    {
      ...base,
      recordId: unId,
      type: 'intervention',
      data: {
        kind: 'un_communication',
        title: 'Communication to the Special Rapporteur on freedom of expression',
        body: 'Special Rapporteur on freedom of opinion and expression',
        reference: 'AL KAZ 1/2022',
        filedAt: { at: '2022-04-01T10:00+06:00', precision: 'day' },
        outcome: 'pending',
        summary: '',
        incidents: [ids.incident],
        sources: [],
        confidential: false,
      },
    },
  );
  return bundle;
}

const section = (document: string, id: string) => {
  const start = document.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  return document.slice(start, document.indexOf('</section>', start));
};

describe('the report’s complaints, cases and communications', () => {
  it.each(languages)('lists each with body, reference, dates, outcome and its incident, filed first (%s)', (language) => {
    const part = section(renderReport(withInterventions(), language), 'interventions');
    expect(part).toContain('7599-22-00-2а/31');
    expect(part).toContain('AL KAZ 1/2022');
    expect(part.indexOf('7599-22-00-2а/31')).toBeLessThan(part.indexOf('AL KAZ 1/2022'));
    expect(part).toContain('href="#incident-1"');
    expect(part).toMatch(/href="#source-\d+">\[S\d+\]/);
    // User text is escaped, never markup.
    expect(part).not.toContain(xss);
    expect(part).toContain('&lt;script&gt;');
    const outcome = { en: 'Rejected', ru: 'Отклонено', kk: 'Қанағаттандырылмады' }[language];
    expect(part).toContain(outcome);
    expect(part).not.toContain('taxonomy:');
    expect(part).not.toContain('interventions:');
  });

  it('shows no section when the bundle carries none, and no reference a public bundle left out', () => {
    expect(renderReport(almatyBundle(), 'en')).not.toContain('id="interventions"');
    const bundle = withInterventions();
    const court = bundle.records.find((record) => record.recordId === complaintId)!;
    const { reference: _reference, summary: _summary, ...rest } = court.data!;
    court.data = { ...rest, confidential: true };
    const part = section(renderReport(bundle, 'en'), 'interventions');
    expect(part).not.toContain('7599-22-00-2а/31');
    expect(part).toContain('Marked confidential');
  });
});

describe('the UN draft’s domestic remedies', () => {
  it.each(languages)('lists the recorded remedies, UN communications apart, and never who asked (%s)', (language) => {
    const document = renderUnCommunication(withInterventions(), language);
    const remedies = section(document, 'remedies');
    expect(remedies).toContain('7599-22-00-2а/31');
    expect(remedies).toContain('AL KAZ 1/2022');
    // SECURITY: the title and summary are free text; here they name who asked.
    expect(document).not.toContain(askedBy);
    expect(remedies.indexOf('7599-22-00-2а/31')).toBeLessThan(remedies.indexOf('AL KAZ 1/2022'));
    expect(remedies).not.toContain('interventions:');
  });

  it('says there is no account of remedies when none is recorded or written', () => {
    const remedies = section(renderUnCommunication(almatyBundle(), 'en'), 'remedies');
    expect(remedies).toContain('The bundle carries no account of domestic remedies');
    expect(remedies).not.toContain('Recorded in the archive');
  });
});

describe('interventions.csv', () => {
  it('has one row per intervention with its codes and labels, and is not written for a bundle with none', () => {
    expect(interventionsCsv(almatyBundle(), 'en')).toBeNull();
    const csv = interventionsCsv(withInterventions(), 'ru')!;
    const [header, first, second] = csv.trim().split(/\r?\n/);
    expect(header).toBe(
      'record_id,retracted,kind,kind_label,title,body,reference,filed_at,filed_precision,decided_at,decided_precision,outcome,outcome_label,incident_ids,source_ids,confidential,summary,updated_at',
    );
    expect(first).toContain(`${complaintId},no,court_case,Судебное дело,`);
    expect(first).toContain('rejected,Отклонено');
    expect(first).toContain(ids.incident);
    expect(second).toContain('un_communication');
  });
});
