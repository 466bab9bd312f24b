/**
 * The working copy of an incident's order, legal citations and operator
 * statements (docs/spec/data-model.md, "The order and the law"), and its
 * conversions to and from the record. Rows left wholly blank are dropped;
 * a row with anything in it goes to the schema as typed, so a half-filled
 * row is refused with a message rather than silently lost. Carrying an old
 * record's `orderedBy` and `legalBasis` codes into the new fields moves each
 * value once and loses none. Pure.
 */
import type {
  Actor,
  Citation,
  Incident,
  IncidentInput,
  LegalBasis,
  LegalCitation,
  Order,
  OperatorStatement,
  Timestamp,
} from '../../../../shared/model';
import { emptyTime, timeDraftOf, timestampOf, type TimeDraft } from './draft';

export type ActorCode = Actor['code'];
export type Citer = LegalCitation['citedBy'];
export type Answer = Order['published'];

export interface ActorDraft {
  code: ActorCode | '';
  name: string;
}

export interface OrderDraft {
  orderedBy: ActorDraft[];
  implementedBy: ActorDraft[];
  document: string;
  issuedAt: TimeDraft;
  published: Answer;
  courtReview: Answer;
  noticeToUsers: Answer;
}

export interface LegalCitationDraft {
  code: LegalBasis | '';
  role: LegalCitation['role'];
  citedBy: Citer | '';
  citedByName: string;
  citedAt: TimeDraft;
}

export interface StatementDraft {
  operator: string;
  madeAt: TimeDraft;
  statement: string;
}

export interface AuthorityDraft {
  order: OrderDraft;
  legalCitations: LegalCitationDraft[];
  operatorStatements: StatementDraft[];
}

/** The list fields of the draft whose entries citations may name ("legalCitations/1"). */
export type EntryList = 'legalCitations' | 'operatorStatements';

export const emptyActor = (): ActorDraft => ({ code: '', name: '' });
/** Dates of orders and statements are most often known to the day. */
const emptyDay = (offset?: string): TimeDraft => ({ ...emptyTime(offset), precision: 'day' });
export const emptyLegalCitation = (offset?: string): LegalCitationDraft => ({ code: '', role: 'invoked', citedBy: '', citedByName: '', citedAt: emptyDay(offset) });
export const emptyStatement = (offset?: string): StatementDraft => ({ operator: '', madeAt: emptyDay(offset), statement: '' });

export function emptyAuthority(offset?: string): AuthorityDraft {
  return {
    order: { orderedBy: [], implementedBy: [], document: '', issuedAt: emptyDay(offset), published: 'unknown', courtReview: 'unknown', noticeToUsers: 'unknown' },
    legalCitations: [],
    operatorStatements: [],
  };
}

const dayOr = (timestamp: Timestamp | undefined, offset: string) => (timestamp ? timeDraftOf(timestamp, offset) : emptyDay(offset));

export function authorityDraftOf(incident: Incident, offset: string): AuthorityDraft {
  const empty = emptyAuthority(offset);
  const order = incident.order;
  return {
    order: order
      ? {
          orderedBy: order.orderedBy.map((actor) => ({ ...actor })),
          implementedBy: order.implementedBy.map((actor) => ({ ...actor })),
          document: order.document,
          issuedAt: dayOr(order.issuedAt, offset),
          published: order.published,
          courtReview: order.courtReview,
          noticeToUsers: order.noticeToUsers,
        }
      : empty.order,
    legalCitations: (incident.legalCitations ?? []).map((entry) => ({
      code: entry.code,
      role: entry.role,
      citedBy: entry.citedBy,
      citedByName: entry.citedByName,
      citedAt: dayOr(entry.citedAt, offset),
    })),
    operatorStatements: (incident.operatorStatements ?? []).map((entry) => ({
      operator: entry.operator,
      madeAt: dayOr(entry.madeAt, offset),
      statement: entry.statement,
    })),
  };
}

const blankActor = (actor: ActorDraft) => !actor.code && !actor.name.trim();
const blankCitation = (entry: LegalCitationDraft) => !entry.code && !entry.citedBy && !entry.citedByName.trim() && !entry.citedAt.date;
const blankStatement = (entry: StatementDraft) => !entry.operator.trim() && !entry.statement.trim() && !entry.madeAt.date;

/** Whether the order says anything: an actor, a document, a date, or an answer other than "not known". */
export function orderHasContent(order: OrderDraft): boolean {
  return (
    order.orderedBy.some((actor) => !blankActor(actor)) ||
    order.implementedBy.some((actor) => !blankActor(actor)) ||
    order.document.trim() !== '' ||
    order.issuedAt.date !== '' ||
    [order.published, order.courtReview, order.noticeToUsers].some((answer) => answer !== 'unknown')
  );
}

const at = (key: string, time: TimeDraft) => {
  const timestamp = timestampOf(time);
  return timestamp ? { [key]: timestamp } : {};
};

/**
 * The fields to save. Absent stays absent: an incident that never had an
 * order, legal citations or statements gets none of these keys. Blank rows
 * are left out only at the end of a list, so the index a citation names
 * ("legalCitations/1") still points at the same entry.
 */
export function authorityInputOf(draft: AuthorityDraft): Partial<IncidentInput> {
  const { order } = draft;
  const legalCitations = withoutTrailing(draft.legalCitations, blankCitation);
  const operatorStatements = withoutTrailing(draft.operatorStatements, blankStatement);
  return {
    ...(orderHasContent(order)
      ? {
          order: {
            orderedBy: order.orderedBy.filter((actor) => !blankActor(actor)) as Actor[],
            implementedBy: order.implementedBy.filter((actor) => !blankActor(actor)) as Actor[],
            document: order.document,
            ...at('issuedAt', order.issuedAt),
            published: order.published,
            courtReview: order.courtReview,
            noticeToUsers: order.noticeToUsers,
          },
        }
      : {}),
    ...(legalCitations.length
      ? {
          legalCitations: legalCitations.map((entry) => ({
            code: entry.code,
            role: entry.role,
            citedBy: entry.citedBy,
            citedByName: entry.citedByName,
            ...at('citedAt', entry.citedAt),
          })) as LegalCitation[],
        }
      : {}),
    ...(operatorStatements.length
      ? {
          operatorStatements: operatorStatements.map((entry) => ({
            operator: entry.operator,
            ...at('madeAt', entry.madeAt),
            statement: entry.statement,
          })) as OperatorStatement[],
        }
      : {}),
  };
}

function withoutTrailing<T>(rows: readonly T[], blank: (row: T) => boolean): T[] {
  let end = rows.length;
  while (end > 0 && blank(rows[end - 1]!)) end -= 1;
  return rows.slice(0, end);
}

/**
 * The citations once entry `index` of a list is removed: the removed entry's
 * own citations go with it, later entries' citations move down by one, so
 * that no source is left supporting a statement it never made.
 */
export function citationsWithout<C extends Pick<Citation, 'field'>>(citations: readonly C[] | undefined, list: EntryList, index: number): C[] | undefined {
  if (!citations) return undefined;
  return citations.flatMap((citation) => {
    const [field, entry] = citation.field.split('/');
    if (field !== list || entry === undefined) return [citation];
    const position = Number(entry);
    if (position === index) return [];
    return [position > index ? { ...citation, field: `${list}/${position - 1}` } : citation];
  });
}

/** Whether a record made before the new fields holds an old "ordered by" text or legal basis codes to carry over. */
export function hasLegacyAuthority(orderedBy: string, legalBasisCodes: readonly LegalBasis[]): boolean {
  return orderedBy.trim() !== '' || legalBasisCodes.some(isCarriedCode);
}

/** "None cited" and "Other" are not provisions anyone cited: they stay in the old field. */
const isCarriedCode = (code: LegalBasis) => code !== 'none_cited' && code !== 'other';

/**
 * The old fields moved into the new ones. The old "ordered by" text named
 * the authority that gave the order, of a kind not recorded: it becomes an
 * actor of kind "not known" with that name. The old legal basis codes were
 * "the laws the authorities relied on": each becomes a citation invoked by
 * the authorities. "None cited", "Other" and the other text stay where they are.
 */
export function carryLegacy(
  authority: AuthorityDraft,
  orderedBy: string,
  legalBasisCodes: readonly LegalBasis[],
): { authority: AuthorityDraft; orderedBy: string; legalBasisCodes: LegalBasis[] } {
  const name = orderedBy.trim();
  const carried = legalBasisCodes.filter(isCarriedCode);
  const known = new Set(authority.legalCitations.filter((entry) => entry.citedBy === 'authority' && entry.role === 'invoked').map((entry) => entry.code));
  return {
    authority: {
      ...authority,
      order: name ? { ...authority.order, orderedBy: [...authority.order.orderedBy, { code: 'unknown', name }] } : authority.order,
      legalCitations: [
        ...authority.legalCitations,
        ...carried
          .filter((code) => !known.has(code))
          .map((code) => ({ ...emptyLegalCitation(authority.order.issuedAt.offset), code, citedBy: 'authority' as const })),
      ],
    },
    orderedBy: '',
    legalBasisCodes: legalBasisCodes.filter((code) => !isCarriedCode(code)),
  };
}
