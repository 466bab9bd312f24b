/**
 * The source form's draft: the statement, the person's identifying fields
 * (kept apart, sent only when something was entered) and the consent answers
 * ('' until answered: there is no default answer). Turns into the data the
 * Source schema checks; a testimony always carries its consent, so every
 * unanswered question is named. Pure: no React, no IPC.
 */
import { Source, describeIssues, type SourceInput } from '../../../shared/model';
import { emptyTime, localOffset, timeDraftOf, timestampOf, type TimeDraft } from '../incidents/form/draft';
import { groupByField, type Checked } from './draftParts';

export type SourceKind = Source['kind'];
export type PersonRole = NonNullable<Source['person']>['role'];
export type ConsentMethod = NonNullable<Source['consent']>['method'];
export type Answer = '' | 'yes' | 'no';

export interface SourceDraft {
  kind: SourceKind | '';
  title: string;
  content: string;
  language: string;
  collectedAt: TimeDraft;
  url: string;
  sensitive: boolean;
  person: { name: string; contact: string; address: string; role: PersonRole | ''; ageGroup: string; gender: string; disability: string };
  consent: { store: Answer; shareWithLawyers: Answer; publish: Answer; givenAt: TimeDraft; method: ConsentMethod | '' };
}

export const consentQuestions = ['store', 'shareWithLawyers', 'publish'] as const;
export type ConsentQuestion = (typeof consentQuestions)[number];

export const sourceFieldOrder = [
  'kind',
  'title',
  'content',
  'language',
  'collectedAt',
  'url',
  'sensitive',
  'person.name',
  'person.contact',
  'person.address',
  'person.role',
  'person.ageGroup',
  'person.gender',
  'person.disability',
  'consent',
  'consent.store',
  'consent.shareWithLawyers',
  'consent.publish',
  'consent.givenAt',
  'consent.method',
] as const;

export function emptySourceDraft(): SourceDraft {
  return {
    kind: '',
    title: '',
    content: '',
    language: '',
    collectedAt: emptyTime(),
    url: '',
    sensitive: false,
    person: { name: '', contact: '', address: '', role: '', ageGroup: '', gender: '', disability: '' },
    consent: { store: '', shareWithLawyers: '', publish: '', givenAt: emptyTime(), method: '' },
  };
}

const answerOf = (value: boolean | undefined): Answer => (value === undefined ? '' : value ? 'yes' : 'no');

export function sourceDraftOf(source: Source): SourceDraft {
  const person = source.person;
  const consent = source.consent;
  return {
    kind: source.kind,
    title: source.title,
    content: source.content,
    language: source.language ?? '',
    collectedAt: timeDraftOf(source.collectedAt, localOffset()),
    url: source.url,
    sensitive: source.sensitive,
    person: {
      name: person?.name ?? '',
      contact: person?.contact ?? '',
      address: person?.address ?? '',
      role: person?.role ?? '',
      ageGroup: person?.ageGroup ?? '',
      gender: person?.gender ?? '',
      disability: person?.disability ?? '',
    },
    consent: {
      store: answerOf(consent?.store),
      shareWithLawyers: answerOf(consent?.shareWithLawyers),
      publish: answerOf(consent?.publish),
      givenAt: timeDraftOf(consent?.givenAt, localOffset()),
      method: consent?.method ?? '',
    },
  };
}

/** Whether the consent fieldset is part of the record: always for a testimony, else once anything in it is answered. */
export function asksConsent(draft: SourceDraft): boolean {
  const c = draft.consent;
  return draft.kind === 'testimony' || consentQuestions.some((q) => c[q] !== '') || c.method !== '' || c.givenAt.date !== '';
}

const optionalText = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});

export function sourceInputOf(draft: SourceDraft): SourceInput {
  const p = draft.person;
  const hasPerson = Object.values(p).some((value) => value.trim() !== '');
  const collectedAt = timestampOf(draft.collectedAt);
  const givenAt = timestampOf(draft.consent.givenAt);
  const c = draft.consent;
  const consent = {
    ...Object.fromEntries(consentQuestions.filter((q) => c[q] !== '').map((q) => [q, c[q] === 'yes'])),
    ...(givenAt ? { givenAt } : {}),
    ...(c.method ? { method: c.method } : {}),
  };
  return {
    ...(draft.kind ? { kind: draft.kind } : {}),
    title: draft.title,
    content: draft.content,
    ...optionalText('language', draft.language),
    ...(collectedAt ? { collectedAt } : {}),
    url: draft.url,
    sensitive: draft.sensitive,
    ...(hasPerson
      ? {
          person: {
            name: p.name,
            contact: p.contact,
            address: p.address,
            ...(p.role ? { role: p.role } : {}),
            ...optionalText('ageGroup', p.ageGroup),
            ...optionalText('gender', p.gender),
            ...optionalText('disability', p.disability),
          },
        }
      : {}),
    ...(asksConsent(draft) ? { consent } : {}),
  } as SourceInput;
}

export function checkSource(draft: SourceDraft): Checked<Source> {
  const input = sourceInputOf(draft);
  const parsed = Source.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: groupByField(describeIssues(parsed.error, input)) };
}
