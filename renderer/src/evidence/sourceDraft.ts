/**
 * The source form's draft: the statement, the person's identifying fields
 * (kept apart, sent only when something was entered) and the consent answers
 * ('' until answered: there is no default answer), who asked them, in which
 * language, and a withdrawal being recorded. Turns into the data the Source
 * schema checks; a testimony always carries its consent, so every
 * unanswered question is named. Pure: no React, no IPC.
 */
import { Source, consentUses, describeIssues, sharingUses, type SharingUse, type SourceInput, type Withdrawal } from '../../../shared/model';
import { emptyTime, localOffset, timeDraftOf, timestampOf, type TimeDraft } from '../incidents/form/draft';
import { gradeDraftOf, gradeInputOf, type GradeDraft } from '../citations/gradeDraft';
import { keptFields } from '../components/keptFields';
import { kazakhstanOffsetToday } from '../incidents/form/offsetDefaults';
import { groupByField, type Checked } from './draftParts';
import { translationDraftOf, translationInputOf, type TranslationDraft } from './translationDraft';

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
  consent: ConsentDraft;
  /** Translations of the content, each with its translator, day and whether it is certified. */
  translations: TranslationDraft[];
  /** How far the source can be relied on (../citations/gradeDraft.ts); absent until graded or loaded with a grade. */
  grade?: GradeDraft;
  /** The loaded source's fields this form does not manage, saved back unchanged. */
  kept: Record<string, unknown>;
}

/**
 * The source fields this draft maps to controls; any other passes through an
 * edit unchanged. `collectedBy` is not kept: the archive names the collector
 * (electron/engine/archive.ts).
 */
export const managedSourceFields = ['kind', 'title', 'content', 'language', 'collectedAt', 'collectedBy', 'url', 'sensitive', 'person', 'consent', 'translations', 'grade'];

export const consentQuestions = consentUses;
export type ConsentQuestion = (typeof consentQuestions)[number];

/** A withdrawal being recorded: the uses taken back, when and how. */
export interface WithdrawalDraft {
  uses: SharingUse[];
  at: TimeDraft;
  method: ConsentMethod | '';
}

export type ConsentDraft = Record<ConsentQuestion, Answer> & {
  askedBy: string;
  askedIn: string;
  givenAt: TimeDraft;
  method: ConsentMethod | '';
  /** Withdrawals saved before, kept as they are. */
  withdrawals: Withdrawal[];
  /** Answers read from the earlier three questions; cleared once any answer, its time or its way is changed. */
  migrated: boolean;
  withdrawal: WithdrawalDraft | null;
};

export const sourceFieldOrder = [
  'kind',
  'title',
  'content',
  'language',
  'collectedAt',
  'url',
  'sensitive',
  'grade',
  // Consent before the person's identifying fields, as the form asks them.
  'consent',
  ...consentQuestions.map((question) => `consent.${question}` as const),
  'consent.askedBy',
  'consent.askedIn',
  'consent.givenAt',
  'consent.method',
  'consent.withdrawal.uses',
  'consent.withdrawal.at',
  'consent.withdrawal.method',
  'person.name',
  'person.contact',
  'person.address',
  'person.role',
  'person.ageGroup',
  'person.gender',
  'person.disability',
] as const;

const emptyConsent = (): ConsentDraft => ({
  keep: '',
  lawyersAnonymous: '',
  lawyersNamed: '',
  unNamed: '',
  publishAnonymous: '',
  askedBy: '',
  askedIn: '',
  givenAt: emptyTime(),
  method: '',
  withdrawals: [],
  migrated: false,
  withdrawal: null,
});

export function emptySourceDraft(): SourceDraft {
  return {
    kind: '',
    title: '',
    content: '',
    language: '',
    collectedAt: emptyTime(kazakhstanOffsetToday()),
    url: '',
    sensitive: false,
    person: { name: '', contact: '', address: '', role: '', ageGroup: '', gender: '', disability: '' },
    consent: emptyConsent(),
    translations: [],
    kept: {},
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
    consent: consent
      ? {
          ...(Object.fromEntries(consentQuestions.map((question) => [question, answerOf(consent[question])])) as Record<ConsentQuestion, Answer>),
          askedBy: consent.askedBy ?? '',
          askedIn: consent.askedIn ?? '',
          givenAt: timeDraftOf(consent.givenAt, localOffset()),
          method: consent.method,
          withdrawals: consent.withdrawals ?? [],
          migrated: consent.migrated === true,
          withdrawal: null,
        }
      : emptyConsent(),
    translations: (source.translations ?? []).map(translationDraftOf),
    ...(source.grade ? { grade: gradeDraftOf(source.grade) } : {}),
    kept: keptFields(source, managedSourceFields),
  };
}

/** Whether the consent fieldset is part of the record: always for a testimony, else once anything in it is answered. */
export function asksConsent(draft: SourceDraft): boolean {
  const c = draft.consent;
  return draft.kind === 'testimony' || consentQuestions.some((q) => c[q] !== '') || c.method !== '' || c.givenAt.date !== '' || c.askedBy.trim() !== '';
}

/**
 * Whether the person's identifying fields wait for consent: a testimony's
 * (or a source whose kind is not chosen yet), until the person agrees that
 * we keep it.
 */
export function identityLocked(draft: Pick<SourceDraft, 'kind' | 'consent'>): boolean {
  return (draft.kind === 'testimony' || draft.kind === '') && draft.consent.keep !== 'yes';
}

/**
 * SECURITY: once the identifying fields lock again (a "Yes" to keeping it
 * changed to "No", or the kind undone), what was typed in them goes: a "No"
 * keeps nothing that identifies the person, not even in the sealed draft.
 */
export function withoutLockedIdentity(draft: SourceDraft): SourceDraft {
  if (!identityLocked(draft) || Object.values(draft.person).every((value) => value === '')) return draft;
  return { ...draft, person: { name: '', contact: '', address: '', role: '', ageGroup: '', gender: '', disability: '' } };
}

/**
 * The uses a withdrawal takes back: as ticked, and the name with the
 * reading, since lawyers who know who the person is read the statement too.
 */
export function withdrawnUses(ticked: readonly SharingUse[], consent: Pick<ConsentDraft, SharingUse>): SharingUse[] {
  const name = ticked.includes('lawyersAnonymous') && consent.lawyersNamed === 'yes';
  return sharingUses.filter((use) => ticked.includes(use) || (use === 'lawyersNamed' && name));
}

/**
 * The consent as saved: a withdrawal being recorded is added to the earlier
 * ones and turns each use it takes back to "no".
 */
function consentInputOf(c: ConsentDraft): Record<string, unknown> {
  const givenAt = timestampOf(c.givenAt);
  const withdrawal = c.withdrawal;
  const uses = withdrawal ? withdrawnUses(withdrawal.uses, c) : [];
  const taken = new Set<string>(uses);
  const at = withdrawal ? timestampOf(withdrawal.at) : null;
  const added = withdrawal ? [{ uses, ...(at ? { at } : {}), ...(withdrawal.method ? { method: withdrawal.method } : {}) }] : [];
  const withdrawals = [...c.withdrawals, ...added];
  return {
    ...Object.fromEntries(consentQuestions.filter((q) => c[q] !== '').map((q) => [q, c[q] === 'yes' && !taken.has(q)])),
    ...optionalText('askedBy', c.askedBy),
    ...optionalText('askedIn', c.askedIn),
    ...(givenAt ? { givenAt } : {}),
    ...(c.method ? { method: c.method } : {}),
    ...(withdrawals.length ? { withdrawals } : {}),
    ...(c.migrated ? { migrated: true } : {}),
  };
}

const optionalText = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});

export function sourceInputOf(draft: SourceDraft): SourceInput {
  const p = draft.person;
  // SECURITY: a locked person (no "Yes" to keeping it) is never handed to the engine, whatever a restored draft held.
  const hasPerson = !identityLocked(draft) && Object.values(p).some((value) => value.trim() !== '');
  const collectedAt = timestampOf(draft.collectedAt);
  const consent = consentInputOf(draft.consent);
  return {
    ...draft.kept,
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
    ...(draft.translations.length ? { translations: draft.translations.map(translationInputOf) } : {}),
    ...gradeInputOf(draft.grade),
  } as SourceInput;
}

export function checkSource(draft: SourceDraft): Checked<Source> {
  const input = sourceInputOf(draft);
  const parsed = Source.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  // The withdrawal being recorded is the last one saved; its problems belong to its own fields.
  const recording = `consent.withdrawals.${draft.consent.withdrawals.length}.`;
  const problems = describeIssues(parsed.error, input).map((problem) =>
    draft.consent.withdrawal && problem.path.startsWith(recording) ? { ...problem, path: `consent.withdrawal.${problem.path.slice(recording.length)}` } : problem,
  );
  return { ok: false, problems: groupByField(problems) };
}
