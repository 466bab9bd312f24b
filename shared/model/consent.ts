/**
 * A person's consent (docs/spec/data-model.md, "Consent"): one answer per
 * use, asked on behalf of the person collecting, in the words the person
 * was asked in, with who asked, in which language, when and how, and every
 * later withdrawal.
 *
 * The uses, from the least to the most exposed:
 * - `keep`: the organization may keep it (required: without it nothing is kept);
 * - `lawyersAnonymous`: lawyers may read the statement without the person's name;
 * - `lawyersNamed`: lawyers may know who the person is;
 * - `unNamed`: a UN procedure may receive it with the person's identity
 *   (special procedures take no anonymous case, and pass the allegation to the government);
 * - `publishAnonymous`: it may be published without the person's name.
 *
 * Answers saved before these five questions (store, shareWithLawyers,
 * publish) are read at their safest meaning: an old "yes" to lawyers lets
 * lawyers read the statement without the name, never more; nothing was
 * asked about the UN, so that answer is "no". Such consent is marked
 * `migrated` until it is asked again.
 */
import { z } from 'zod';
import { consentMethods } from './taxonomy';
import { instantOf, Timestamp } from './time';

export const sharingUses = ['lawyersAnonymous', 'lawyersNamed', 'unNamed', 'publishAnonymous'] as const;
export type SharingUse = (typeof sharingUses)[number];
export const consentUses = ['keep', ...sharingUses] as const;
export type ConsentUse = (typeof consentUses)[number];

const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'invalidLanguage' });

/** Uses the person took back, when and how: saved as a new revision, so the earlier answers stay in the history. */
export const Withdrawal = z.strictObject({
  uses: z.array(z.enum(sharingUses)).min(1).max(sharingUses.length),
  at: Timestamp,
  method: z.enum(consentMethods),
});
export type Withdrawal = z.infer<typeof Withdrawal>;

const CurrentConsent = z
  .strictObject({
    keep: z.boolean(),
    lawyersAnonymous: z.boolean(),
    lawyersNamed: z.boolean(),
    unNamed: z.boolean(),
    publishAnonymous: z.boolean(),
    /** Who asked, as the person collecting chooses to be named to lawyers. */
    askedBy: z.string().trim().max(300).optional(),
    /** The language the questions were asked in (BCP 47). */
    askedIn: LanguageCode.optional(),
    givenAt: Timestamp,
    method: z.enum(consentMethods),
    withdrawals: z.array(Withdrawal).max(100).optional(),
    /** Read from the earlier three questions, at their safest meaning; not asked again since. */
    migrated: z.literal(true).optional(),
  })
  .superRefine(
    (consent, ctx) => {
      // Answers asked with these questions say who asked and in which language; migrated ones cannot.
      if (!consent.migrated && !consent.askedBy) ctx.addIssue({ code: 'custom', path: ['askedBy'], message: 'consentAskedByRequired' });
      if (!consent.migrated && !consent.askedIn) ctx.addIssue({ code: 'custom', path: ['askedIn'], message: 'consentLanguageRequired' });
      // A use taken back stays "no" until the person is asked again, which moves `givenAt` past the withdrawal.
      for (const use of sharingUses) {
        if (consent[use] === true && withdrawnSinceAsked(consent, use)) ctx.addIssue({ code: 'custom', path: [use], message: 'consentWithdrawn' });
      }
      // Lawyers who know who the person is read the statement too: a "yes" to the name needs a "yes" to reading.
      if (consent.lawyersNamed === true && consent.lawyersAnonymous !== true) {
        ctx.addIssue({ code: 'custom', path: ['lawyersNamed'], message: 'consentNamedNeedsReading' });
      }
      // The earlier questions never named a person to lawyers nor asked about the UN.
      if (consent.migrated && (consent.lawyersNamed === true || consent.unNamed === true)) {
        ctx.addIssue({ code: 'custom', path: ['migrated'], message: 'consentMigratedNamed' });
      }
    },
    // Checked with the rest, so that a form names every missing answer at once.
    { when: () => true },
  );

/** How long a time given to this precision may stand for: "5 January" is any moment of that day. */
const spanOf = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * Whether the person took a use back after they were last asked. A
 * withdrawal counts unless it surely came before: its latest possible
 * moment (the end of its day, for a date alone) is before `givenAt`.
 */
function withdrawnSinceAsked(consent: Pick<Consent, 'givenAt' | 'withdrawals'>, use: ConsentUse): boolean {
  if (!Array.isArray(consent.withdrawals) || typeof consent.givenAt?.at !== 'string') return false;
  const givenAt = consent.givenAt;
  return consent.withdrawals.some((withdrawal) => {
    if (!(withdrawal?.uses as readonly string[] | undefined)?.includes(use) || typeof withdrawal.at?.at !== 'string') return false;
    return !askedAgainAfter(givenAt, withdrawal);
  });
}

/**
 * Whether consent given at `givenAt` surely came after the withdrawal: the
 * withdrawal's latest possible moment is not after it. A time that cannot be
 * read never counts as asked again.
 */
export function askedAgainAfter(givenAt: Timestamp, withdrawal: Pick<Withdrawal, 'at'>): boolean {
  const asked = instantOf(givenAt);
  const latest = instantOf(withdrawal.at) + (spanOf[withdrawal.at.precision] ?? spanOf.day);
  return Number.isFinite(asked) && Number.isFinite(latest) && latest <= asked;
}

/** The answers of the earlier three questions, as they were saved. */
const LegacyConsent = z.strictObject({
  store: z.boolean(),
  shareWithLawyers: z.boolean(),
  publish: z.boolean(),
  givenAt: z.unknown(),
  method: z.unknown(),
});

/** Earlier answers at their safest meaning; anything else as it is (and so checked as current consent). */
function fromLegacy(value: unknown): unknown {
  const legacy = LegacyConsent.safeParse(value);
  if (!legacy.success) return value;
  const { store, shareWithLawyers, publish, givenAt, method } = legacy.data;
  return { keep: store, lawyersAnonymous: shareWithLawyers, lawyersNamed: false, unNamed: false, publishAnonymous: publish, givenAt, method, migrated: true };
}

export const Consent = z.preprocess(fromLegacy, CurrentConsent);
export type Consent = z.output<typeof CurrentConsent>;

/** A stored consent, current or earlier, as its answers; null when there is none or it cannot be read. */
export function readConsent(value: unknown): Consent | null {
  if (value === undefined || value === null) return null;
  const parsed = Consent.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Whether the consent allows a use now: answered yes and not taken back
 * since the person was last asked. No consent, or one that cannot be read,
 * allows nothing.
 */
export function allows(consent: Consent | null, use: ConsentUse): boolean {
  // A consent that does not allow keeping allows nothing else either (the schema refuses it; this is the second guard).
  return !!consent && consent.keep === true && consent[use] === true && !withdrawnSinceAsked(consent, use);
}
