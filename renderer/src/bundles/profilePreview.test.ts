/**
 * The export screen's preview against the cases of
 * electron/engine/bundle/export.test.ts: the same archive (one confidential
 * incident, three effects, a testimony whose person refused everything, one
 * who consented to lawyers and publication, files on each, one sensitive)
 * and the same expected outcome per profile, down to the redaction counts
 * the engine writes into bundle.json. Both apply shared/model/exportPolicy.ts;
 * these cases check what the preview counts and lists from it.
 */
import { describe, expect, it } from 'vitest';
import { previewProfile, selectRecords, type PreviewFile, type PreviewRecord } from './profilePreview';

const ids = {
  refusing: '00000000-0000-4000-8000-00000000000a',
  lawyersOnly: '00000000-0000-4000-8000-00000000000b',
  incident: '00000000-0000-4000-8000-000000000001',
  banking: '00000000-0000-4000-8000-000000000002',
  medical: '00000000-0000-4000-8000-000000000003',
  disability: '00000000-0000-4000-8000-000000000004',
  other: '00000000-0000-4000-8000-000000000005',
  retracted: '00000000-0000-4000-8000-000000000006',
};

const givenAt = { at: '2022-01-12T11:00+06:00', precision: 'hour' };
const record = (recordId: string, type: PreviewRecord['type'], data: Record<string, unknown> | null): PreviewRecord => ({
  recordId,
  type,
  retracted: data === null,
  data,
});

/** The sample archive of export.test.ts, as records:list and records:get give it. */
function sampleArchive(): { records: PreviewRecord[]; files: PreviewFile[] } {
  const person = (name: string, contact: string, address: string) => ({ name, contact, address, role: 'victim' });
  const records = [
    record(ids.refusing, 'source', {
      kind: 'testimony',
      title: 'Deaf family, Almaty',
      content: 'Біз жедел жәрдем шақыра алмадық',
      person: { ...person('Айгүл Серікқызы', '+7 701 111 22 33', 'Абай даңғылы 150, пәтер 12'), disability: 'deaf' },
      consent: { keep: true, lawyersAnonymous: false, lawyersNamed: false, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt, method: 'recorded' },
      sensitive: false,
    }),
    record(ids.lawyersOnly, 'source', {
      kind: 'testimony',
      title: 'Pharmacist, Medeu district',
      content: 'Card payments stopped on 5 January.',
      person: person('Ержан Тұрсынұлы', 'erzhan@example.kz', 'Сәтпаев көшесі 7'),
      consent: { keep: true, lawyersAnonymous: true, lawyersNamed: true, unNamed: false, publishAnonymous: true, askedBy: 'A. N.', askedIn: 'kk', givenAt, method: 'written' },
      sensitive: false,
    }),
    record(ids.incident, 'incident', { title: 'Nationwide shutdown', summary: 'Құпия', confidential: true, sources: [ids.lawyersOnly] }),
    record(ids.banking, 'effect', { incident: ids.incident, category: 'banking_payments', sources: [ids.lawyersOnly] }),
    record(ids.medical, 'effect', { incident: ids.incident, category: 'medical_care', sources: [ids.lawyersOnly] }),
    record(ids.disability, 'effect', { incident: ids.incident, category: 'disability_access', sources: [ids.refusing] }),
  ];
  const mediaTypes: Record<string, string> = { jpg: 'image/jpeg', pdf: 'application/pdf', m4a: 'audio/mp4', png: 'image/png' };
  const file = (recordId: string, originalName: string, digit: string, sensitive = false): PreviewFile => ({
    recordId,
    sha256: digit.repeat(64),
    originalName,
    sensitive,
    mediaType: mediaTypes[originalName.split('.').pop()!]!,
  });
  const files = [
    file(ids.incident, 'Банк жабық 📵.jpg', '1'),
    file(ids.incident, 'list of detainees.pdf', '2', true),
    file(ids.refusing, 'Айгүлдің дауысы.m4a', '3'),
    file(ids.lawyersOnly, 'pharmacy receipt.png', '4'),
  ];
  return { records, files };
}

const titleOf = (record: PreviewRecord) => String(record.data?.title ?? record.data?.category);

describe('the profile preview', () => {
  it('internal carries everything and leaves nothing out', () => {
    const { records, files } = sampleArchive();
    const preview = previewProfile('internal', selectRecords(records, null, 'internal'), files);
    expect(preview.counts).toEqual({ incidents: 1, effects: 3, sources: 2, interventions: 0, files: 4 });
    expect(preview.redactions).toEqual({ pseudonymized: 0, sourcesWithheld: 0, attachmentsWithheld: 0, confidentialTextWithheld: 0 });
  });

  it('legal carries only the person who consented to lawyers: the other testimony and its recording stay out whole', () => {
    const { records, files } = sampleArchive();
    const preview = previewProfile('legal', selectRecords(records, null, 'legal'), files);
    expect(preview.pseudonymized).toEqual([]);
    expect(preview.filesWithheld.map((file) => [file.originalName, file.reason])).toEqual([['Айгүлдің дауысы.m4a', 'sourceWithheld']]);
    expect(preview.sourcesWithheld.map(titleOf)).toEqual(['Deaf family, Almaty']);
    // Confidential text is left out of public bundles only.
    expect(preview.confidentialText).toEqual([]);
    expect(preview.redactions).toMatchObject({ pseudonymized: 0, attachmentsWithheld: 1, sourcesWithheld: 1 });
    expect(preview.counts).toEqual({ incidents: 1, effects: 3, sources: 1, interventions: 0, files: 3 });
  });

  it('public names nobody, leaves out the unpublished testimony, sensitive files and confidential text, and cleans photos', () => {
    const { records, files } = sampleArchive();
    const preview = previewProfile('public', selectRecords(records, null, 'public'), files);
    expect(preview.redactions).toEqual({ pseudonymized: 1, sourcesWithheld: 1, attachmentsWithheld: 3, confidentialTextWithheld: 1 });
    expect(preview.sourcesWithheld.map(titleOf)).toEqual(['Deaf family, Almaty']);
    expect(preview.pseudonymized.map(titleOf)).toEqual(['Pharmacist, Medeu district']);
    expect(preview.confidentialText.map(titleOf)).toEqual(['Nationwide shutdown']);
    expect(Object.fromEntries(preview.filesWithheld.map((file) => [file.originalName, file.reason]))).toEqual({
      'list of detainees.pdf': 'sensitive',
      'Айгүлдің дауысы.m4a': 'sourceWithheld',
      'pharmacy receipt.png': 'personNotNamed',
    });
    // A photo may say where it was taken and on what device: it goes as a cleaned copy, if the engine can clean it.
    expect(preview.filesCleaned.map((file) => file.originalName)).toEqual(['Банк жабық 📵.jpg']);
    expect(preview.counts).toEqual({ incidents: 1, effects: 3, sources: 1, interventions: 0, files: 1 });
  });

  it('a sensitive source keeps its files out of a public bundle even when its person may be named elsewhere', () => {
    const { records, files } = sampleArchive();
    const photos = record('00000000-0000-4000-8000-0000000000c0', 'source', { kind: 'photo_video', title: 'Checkpoint photos', sensitive: true });
    const withPhotos = [...records, photos];
    const allFiles = [...files, { recordId: photos.recordId, sha256: '5'.repeat(64), originalName: 'checkpoint.jpg', sensitive: false, mediaType: 'image/jpeg' }];
    const preview = previewProfile('public', selectRecords(withPhotos, null, 'public'), allFiles);
    expect(preview.filesWithheld.find((file) => file.originalName === 'checkpoint.jpg')?.reason).toBe('sensitive');
    expect(previewProfile('legal', selectRecords(withPhotos, null, 'legal'), allFiles).filesWithheld.map((file) => file.originalName)).toEqual([
      'Айгүлдің дауысы.m4a',
    ]);
  });

  it('an incident chosen alone brings its effects, their sources and their files, and nothing else', () => {
    const { records, files } = sampleArchive();
    const other = record(ids.other, 'incident', { title: 'another shutdown', sources: [] });
    const chosen = selectRecords([...records, other], [ids.incident], 'internal');
    expect(chosen.map((record) => record.type).sort()).toEqual(['effect', 'effect', 'effect', 'incident', 'source', 'source']);
    expect(chosen.some((record) => record.recordId === ids.other)).toBe(false);
    expect(previewProfile('internal', chosen, files).counts.files).toBe(4);
    // The other incident alone brings only itself.
    expect(selectRecords([...records, other], [ids.other], 'legal').map((record) => record.recordId)).toEqual([ids.other]);
  });

  it('an incident chosen alone brings the complaints and cases about it, counted; a confidential one keeps its reference out of a public bundle', () => {
    const { records, files } = sampleArchive();
    const other = record(ids.other, 'incident', { title: 'another shutdown', sources: [] });
    const complaint = (recordId: string, incidents: string[], confidential: boolean) =>
      record(recordId, 'intervention', { kind: 'court_case', title: 'Appeal', body: 'Court', reference: '7599/31', summary: 'Filed by A. K.', incidents, sources: [], confidential });
    const about = complaint('00000000-0000-4000-8000-0000000000d1', [ids.incident, ids.other], true);
    const unrelated = complaint('00000000-0000-4000-8000-0000000000d2', [ids.other], false);
    const chosen = selectRecords([...records, other, about, unrelated], [ids.incident], 'public');
    expect(chosen.filter((record) => record.type === 'intervention').map((record) => record.recordId)).toEqual([about.recordId]);
    const preview = previewProfile('public', chosen, files);
    expect(preview.counts.interventions).toBe(1);
    expect(preview.confidentialText.map((record) => record.recordId)).toContain(about.recordId);
  });

  it('a retracted record goes only into an internal bundle', () => {
    const { records } = sampleArchive();
    const withRetracted = [...records, record(ids.retracted, 'effect', null)];
    expect(selectRecords(withRetracted, null, 'internal')).toHaveLength(7);
    expect(selectRecords(withRetracted, null, 'legal')).toHaveLength(6);
    expect(selectRecords(withRetracted, null, 'public')).toHaveLength(6);
  });

  it('flags what could still point to someone withheld: a claim resting only on her testimony, her name or phone in text or a file name', () => {
    const { records, files } = sampleArchive();
    const named = records.map((record) =>
      record.type === 'incident'
        ? { ...record, data: { ...record.data, summary: 'Айгүл Серікқызы said the clinic was unreachable; call +7 (701) 111-22-33.' } }
        : record,
    );
    const withName = [...files, { ...files[0]!, sha256: '6'.repeat(64), originalName: 'айгүл серікқызы, street.pdf', mediaType: 'application/pdf' }];
    const legal = previewProfile('legal', selectRecords(named, null, 'legal'), withName);
    // The disability effect cites only her testimony, which a legal bundle leaves out.
    expect(legal.warnings.onlyWithheldSupport.map((record) => record.data?.category)).toEqual(['disability_access']);
    expect(legal.warnings.namesInText.map((warning) => [warning.record.data?.title, warning.value, warning.where])).toEqual([
      ['Nationwide shutdown', 'Айгүл Серікқызы', 'text'],
      ['Nationwide shutdown', '+7 701 111 22 33', 'text'],
      ['Nationwide shutdown', 'Айгүл Серікқызы', 'fileName'],
    ]);
    // A first name alone, and the phone written the local way, are found too.
    const local = records.map((record) =>
      record.data?.category === 'banking_payments' ? { ...record, data: { ...record.data, description: 'Айгүлдің анасы 8-701-111-22-33 нөмірінен қоңырау шалды.' } } : record,
    );
    const found = previewProfile('legal', selectRecords(local, null, 'legal'), files).warnings.namesInText;
    expect(found.map((warning) => [warning.record.data?.category, warning.value])).toEqual([
      ['banking_payments', 'Айгүл Серікқызы'],
      ['banking_payments', '+7 701 111 22 33'],
    ]);
    // Internal withholds nothing, so nothing is flagged.
    expect(previewProfile('internal', selectRecords(named, null, 'internal'), withName).warnings).toEqual({ onlyWithheldSupport: [], namesInText: [] });
  });
});
