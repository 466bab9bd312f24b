/**
 * A realistic `legal` bundle for the report's and the CSV's tests: the
 * January 2022 shutdown in Almaty, three effects on people (banking, medical
 * care, access for persons with disabilities), a media report and a
 * pseudonymized testimony, evidence files with Kazakh, emoji and hostile
 * names, and custody events. Test data only; nothing imports it at run time.
 */
import type { Bundle } from '../model';

export const ids = {
  incident: '4b448b84-7756-4b1f-898a-ec0ac874ef94',
  banking: '0f66eef3-b35a-4b37-93ba-a727de447d43',
  medical: 'b647b272-43f9-4508-8dc7-b5c967337246',
  disability: '3142e81c-9901-434c-ad15-d44e233f68f4',
  mediaReport: '46b7f491-5a00-4837-9bb6-0306ff2ebbb3',
  testimony: 'f640018e-0f20-4983-8837-0967b8ce62a7',
  archive: '3f35a67f-72f9-4f3a-ba9f-918ef029b27f',
} as const;

export const hashes = {
  photo: '55c64d0fcd6f9d5f7c828093857e3fdfda68478bb4e9bd24d481ef391c7804e8',
  receipt: '6f32860910ca0fb2a20c7fda143666b09dbf8db5238195c90a586fb542ff0cad',
  hostile: '8f8cbb7dcf46e0bc7d53265749a6c17d116093a6ba95e442764060c76fd4a86c',
} as const;

const revisions = [
  '386706bf1f6ba515d60d6a3e5ab8e610177f518a162849c959431cd8535ec1df',
  '5e3cf12147cca0b3d28c67be8bd1c482d2a84c03096cebbb57c83963cef60f46',
  '815aa351ae1e139bfc60fb6730f72989f82ad59671a83785e87f042d83817d77',
  '090b4212e7dc0709b4c210f47ba7c6987d51598413f3a48189ab06d3da3a2387',
  '2946ec68f4fab755ab109b7a7cfb898da9d54e989d38aa766e4687e408eb4231',
  '33112ee14ee469c3eb52fe90322ec81dd404a0093d565a6d71ce77cbc8124e3b',
] as const;

const chain = [
  'f998fe06afa0cfbe73e0449dc2b1698309e1b5714960f027b2858312b152c275',
  '97fb5f8538b89f6c1accfd19836b65a73b61fbc2e0cbf84bb858a0fffa3f1592',
  'e9590c04cea54beb769a96148583176605389b3a3809162f2fd6392b43fb8382',
  'acea77fd89c7fb586c8c7c612b53634c4571a40cf8b1bcecb002311210423f57',
  'fa37de9da4b13b3a18882ece23d6bee24a329b77d488b984d6f5587ce3f0f6cf',
] as const;

export const signerFingerprint = 'SHA256:glTDKakoUPbVOd03b0gW7idkUX2l4CNVFK9DMWRIDXo';
export const xss = '<script>alert(1)</script>';

const record = (recordId: string, type: 'incident' | 'effect' | 'source', headId: string, data: Record<string, unknown> | null) => ({
  recordId,
  type,
  headId,
  createdAt: '2022-01-12T08:00:00Z',
  updatedAt: '2022-01-15T10:30:00Z',
  retracted: data === null,
  data,
});

export function almatyBundle(): Bundle {
  return {
    format: 1,
    profile: 'legal',
    bundleId: 'dalel-20220120-1a2b3c4d',
    archiveId: ids.archive,
    createdAt: '2022-01-20T09:15:30Z',
    language: 'kk',
    signer: { name: 'Әйгерім Нұрланқызы', organization: 'Құқық қорғау бюросы «Дәлел»', fingerprint: signerFingerprint },
    records: [
      record(ids.incident, 'incident', revisions[0], {
        title: 'Алматыдағы интернетті толық өшіру, 2022 жылғы қаңтар',
        summary: 'Қаңтар оқиғалары кезінде Алматыда интернет толық өшірілді.\nБанктер, дәріханалар мен жедел жәрдем қызметі жұмыс істей алмады.',
        country: 'KZ',
        areas: [{ code: 'KZ-75' }, { place: 'Қаскелең' }],
        scope: 'regional',
        kinds: ['full_network', 'mobile_data'],
        services: ['whatsapp', 'telegram', 'Kaspi.kz'],
        operators: ['Қазақтелеком', 'Beeline Kazakhstan', 'Kcell'],
        startedAt: { at: '2022-01-05T16:00+06:00', precision: 'minute' },
        endedAt: { at: '2022-01-10T09:00+06:00', precision: 'hour' },
        ongoing: false,
        pattern: { kind: 'continuous', description: '' },
        justification: {
          codes: ['counter_terrorism', 'public_order'],
          statement: '«Интернетке қолжетімділік террористік қауіпке байланысты уақытша шектелді» — ресми мәлімдеме, 2022-01-06.',
        },
        context: ['protests', 'unrest'],
        orderedBy: 'Ұлттық қауіпсіздік комитеті',
        acknowledged: 'yes',
        legalBasis: { codes: ['kz.communications.41-1', 'kz.emergency.14-1'], other: '' },
        rights: ['iccpr.19', 'iccpr.21', 'icescr.12', 'crpd.9'],
        sources: [ids.mediaReport],
        tags: ['қаңтар-2022'],
        confidential: false,
      }),
      record(ids.banking, 'effect', revisions[1], {
        incident: ids.incident,
        category: 'banking_payments',
        description: 'Kaspi және Halyk арқылы төлемдер өтпеді; дүкендер тек қолма-қол ақша қабылдады, банкоматтар бос қалды.',
        area: { code: 'KZ-75' },
        occurredAt: { at: '2022-01-05T16:30+06:00', precision: 'minute' },
        endedAt: { at: '2022-01-08T12:00+06:00', precision: 'hour' },
        peopleAffected: { count: 1200, precision: 'estimate' },
        groups: ['small_businesses', 'older_persons'],
        severity: 'high',
        economicLoss: { amount: 45_000_000, currency: 'KZT' },
        sources: [ids.mediaReport],
      }),
      record(ids.medical, 'effect', revisions[2], {
        incident: ids.incident,
        category: 'medical_care',
        description: 'Жедел жәрдемді 103 нөмірі арқылы шақыру мүмкін болмады; үш науқас ауруханаға кешігіп жеткізілді.',
        area: { code: 'KZ-75' },
        occurredAt: { at: '2022-01-06T02:00+06:00', precision: 'hour' },
        peopleAffected: { count: 3, precision: 'exact' },
        groups: ['patients'],
        severity: 'critical',
        sources: [ids.testimony],
      }),
      record(ids.disability, 'effect', revisions[3], {
        incident: ids.incident,
        category: 'disability_access',
        description: 'Есту қабілеті нашар адамдар бейнеқоңырау арқылы ымдау тілі аудармашысына қол жеткізе алмады.',
        occurredAt: { at: '2022-01-07T00:00+06:00', precision: 'day' },
        peopleAffected: { unknown: true },
        groups: ['persons_with_disabilities'],
        severity: 'high',
        sources: [ids.mediaReport, ids.testimony],
      }),
      record(ids.mediaReport, 'source', revisions[4], {
        kind: 'media_report',
        title: `Vlast.kz: банктер мен төлем жүйелері тоқтады ${xss}`,
        content: 'Дүкендер "тек қолма-қол ақша" деп жазылған хабарландыру ілді & кезек ұзарды.',
        language: 'kk',
        collectedAt: { at: '2022-01-09T11:20+06:00', precision: 'minute' },
        url: 'https://vlast.kz/novosti/48000-almaty.html',
        sensitive: false,
      }),
      record(ids.testimony, 'source', revisions[5], {
        kind: 'testimony',
        title: 'Жедел жәрдем шақыра алмаған отбасы',
        content: 'Мы не могли вызвать скорую помощь для отца всю ночь 6 января. Телефон не работал, интернета не было.',
        language: 'ru',
        collectedAt: { at: '2022-01-11T15:00+06:00', precision: 'minute' },
        url: '',
        person: { pseudonym: 'Куә-7F3A', role: 'witness', ageGroup: '30–39' },
        consent: { keep: true, lawyersAnonymous: true, lawyersNamed: false, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt: { at: '2022-01-11T14:50+06:00', precision: 'minute' }, method: 'verbal' },
        sensitive: false,
      }),
    ],
    attachments: [
      {
        sha256: hashes.photo,
        size: 2_456_789,
        mediaType: 'image/jpeg',
        originalName: 'Алматы_көшесі_банкомат_😢.jpg',
        addedAt: '2022-01-09T06:00:00Z',
        addedBy: signerFingerprint,
        recordId: ids.mediaReport,
        description: 'Бос банкомат, Абай даңғылы',
        sensitive: false,
        photo: { takenAt: '2022-01-07T13:42:10', camera: 'Samsung SM-A515F' },
        path: `attachments/${hashes.photo}.jpg`,
      },
      {
        sha256: hashes.receipt,
        size: 48_213,
        mediaType: 'application/pdf',
        originalName: 'Төлем чегі — қайтарылды (Kaspi).pdf',
        addedAt: '2022-01-10T07:00:00Z',
        addedBy: signerFingerprint,
        recordId: ids.banking,
        description: '',
        sensitive: false,
        path: `attachments/${hashes.receipt}.pdf`,
      },
      {
        sha256: hashes.hostile,
        size: 1024,
        mediaType: 'image/png',
        originalName: `"><img src=x onerror=alert(1)>${xss}.png`,
        addedAt: '2022-01-10T07:05:00Z',
        addedBy: signerFingerprint,
        recordId: ids.incident,
        description: '',
        sensitive: false,
        path: `attachments/${hashes.hostile}.png`,
      },
    ],
    custody: [
      { seq: 12, at: '2022-01-12T08:00:00Z', actor: signerFingerprint, action: 'record_saved', recordId: ids.incident, revisionId: revisions[0], prev: chain[0], hash: chain[1] },
      { seq: 13, at: '2022-01-12T08:05:00Z', actor: signerFingerprint, action: 'record_saved', recordId: ids.banking, revisionId: revisions[1], prev: chain[1], hash: chain[2] },
      {
        seq: 14,
        at: '2022-01-12T08:06:00Z',
        actor: signerFingerprint,
        action: 'attachment_added',
        recordId: ids.banking,
        hashes: [hashes.receipt],
        prev: chain[2],
        hash: chain[3],
      },
      { seq: 15, at: '2022-01-15T10:30:00Z', actor: signerFingerprint, action: 'record_saved', recordId: ids.testimony, revisionId: revisions[5], prev: chain[3], hash: chain[4] },
    ],
    redactions: { pseudonymized: 1, sourcesWithheld: 0, attachmentsWithheld: 2, confidentialTextWithheld: 0 },
  };
}
