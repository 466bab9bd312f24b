/**
 * Who the draft UN communication (./unCommunication.ts) may name, decided
 * in one place so that an auditor reads the whole rule here: a person is
 * named to the UN only when their consent says yes to `unNamed` as it reads
 * now (a use taken back, a consent that cannot be read, answers from the
 * earlier questions: all "no") and the bundle carries who they are. Anyone
 * else is a document-local label, the pseudonym the bundle gives, and a
 * role: nothing a lawyer was told in confidence, not even the title of
 * their account, which can describe a person as surely as a name. Pure; it
 * never infers or adds anything the bundle does not carry.
 */
import { allows, readConsent, Timestamp, Withdrawal, type Consent, type Person } from '../model';
import { readSource, type ReportData, type SourceView } from './records';

/** `named`: identified to the UN; `notConsented`: no yes to the UN as it reads now; `identityNotCarried`: yes, but the bundle holds no identity. */
export type Disclosure = 'named' | 'notConsented' | 'identityNotCarried';

/** The consent answer as the bundle records it, read field by field so that even an unreadable consent shows what it says. */
export interface UnAnswer {
  /** The stored answer; `notAsked` for answers from the earlier three questions; undefined when there is none. */
  recorded: boolean | 'notAsked' | undefined;
  /** Whether it allows identification to the UN now. */
  allowsNow: boolean;
  /** The consent is there but is not valid consent: it reads as no. */
  unreadable: boolean;
  askedIn?: string;
  givenAt?: Timestamp;
  /** The withdrawals of the UN use, as recorded. */
  withdrawals: Withdrawal[];
}

export interface UnPerson {
  /** "Person 1": the draft's own label, in the order the report numbers their sources. */
  number: number;
  sourceId: string;
  /** The source's number in the report ("S3"). */
  sourceNumber: number | undefined;
  disclosure: Disclosure;
  role?: Person['role'];
  /** As the bundle gives it, where it does not name the person. */
  pseudonym?: string;
  /** SECURITY: only when `disclosure` is `named`; never set otherwise. */
  identity?: Omit<Person, 'role'>;
  /** SECURITY: the account's title, only when `named`. */
  title?: string;
  answer: UnAnswer;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function answerOf(raw: unknown, read: Consent | null): UnAnswer {
  const stored = isObject(raw) ? raw : {};
  const givenAt = Timestamp.safeParse(stored.givenAt);
  const withdrawals = (Array.isArray(stored.withdrawals) ? stored.withdrawals : []).flatMap((item) => {
    const parsed = Withdrawal.safeParse(item);
    return parsed.success && parsed.data.uses.includes('unNamed') ? [parsed.data] : [];
  });
  const recorded = typeof stored.unNamed === 'boolean' ? stored.unNamed : read?.migrated ? 'notAsked' : undefined;
  return {
    recorded,
    allowsNow: allows(read, 'unNamed'),
    unreadable: isObject(raw) && read === null,
    askedIn: typeof stored.askedIn === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(stored.askedIn) ? stored.askedIn : undefined,
    givenAt: givenAt.success ? givenAt.data : undefined,
    withdrawals,
  };
}

/**
 * The person behind one source, as the draft may show them. `notToName`:
 * sources the exporter knows must not be named whatever this version says
 * (a version in conflict that took the UN use back).
 */
function personOf(view: SourceView, number: number, sourceNumber: number | undefined, notToName: ReadonlySet<string>): UnPerson | null {
  const raw = view.record.data;
  const person = view.data?.person;
  if (!raw || !person) return null;
  const read = readConsent(raw.consent);
  const answer = answerOf(raw.consent, read);
  if (notToName.has(view.record.recordId)) answer.allowsNow = false;
  // The bundle carries who they are only as a name and no pseudonym in its place.
  const carried = person.pseudonym === undefined && !!person.name?.trim();
  const disclosure: Disclosure = !answer.allowsNow ? 'notConsented' : carried ? 'named' : 'identityNotCarried';
  const base = { number, sourceId: view.record.recordId, sourceNumber, disclosure, role: person.role, answer };
  // SECURITY: the only place a name, contact, address, age group, gender, disability or title goes into the draft.
  if (disclosure === 'named') {
    const { role: _role, pseudonym: _pseudonym, ...identity } = person;
    return { ...base, identity: { name: '', contact: '', address: '', ...identity }, title: view.data?.title };
  }
  return { ...base, pseudonym: person.pseudonym };
}

/** Every person of the bundle's sources, in the order the report numbers those sources. */
export function unPeople(data: ReportData, notToName: ReadonlySet<string> = new Set()): UnPerson[] {
  const sources = [...data.records.values()]
    .filter((record) => record.type === 'source' && record.data !== null)
    .map((record) => ({ view: { record, data: readSource(record.data) }, number: data.sourceNumbers.get(record.recordId) }))
    .sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER));
  const people: UnPerson[] = [];
  for (const { view, number } of sources) {
    const person = personOf(view, people.length + 1, number, notToName);
    if (person) people.push(person);
  }
  return people;
}
