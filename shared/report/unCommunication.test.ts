/**
 * The draft communication to UN special procedures, read as the person who
 * gave a statement would read it: are they named to the UN only when they
 * said yes to that, as it reads now, and only with what the bundle carries?
 * Then as a lawyer would: is every part filled from the records, in en, ru
 * and kk, and does it say plainly what is missing?
 */
import { describe, expect, it } from 'vitest';
import type { Bundle, Submission } from '../model';
import { almatyBundle, ids, xss } from './fixture';
import { renderUnCommunication } from './unCommunication';

const languages = ['en', 'ru', 'kk'] as const;

/** Everything that identifies the person in the variants below; found nowhere else in the fixture. */
const identity = {
  name: 'Гүлназ Мұратқызы',
  contact: '+7 777 123 45 67',
  address: 'Абай даңғылы 48, пәтер 9',
  ageGroup: '40–49 жас',
  gender: 'әйел адам',
  disability: 'көру қабілеті нашар',
};
/** A title that describes the person as surely as a name. */
const revealingTitle = 'Гүлназдың айғағы, Абай даңғылы, 48-үй';
const askedAt = { at: '2022-01-11T14:50+06:00', precision: 'minute' as const };
const consent = (answers: { lawyersNamed: boolean; unNamed: boolean }, extra: Record<string, unknown> = {}) => ({
  keep: true,
  lawyersAnonymous: true,
  publishAnonymous: false,
  askedBy: 'Сұраған: Ә. Н.',
  askedIn: 'kk',
  givenAt: askedAt,
  method: 'written',
  ...answers,
  ...extra,
});

/** The fixture with its testimony's person and consent replaced, as a legal bundle could carry them. */
function withTestimony(person: Record<string, unknown>, consentValue: unknown, title = revealingTitle): Bundle {
  const bundle = almatyBundle();
  const testimony = bundle.records.find((record) => record.recordId === ids.testimony)!;
  testimony.data = { ...testimony.data, title, person, consent: consentValue };
  return bundle;
}

const named = { ...identity, role: 'victim' };

const section = (document: string, id: string) => {
  const start = document.indexOf(`<section id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  return document.slice(start, document.indexOf('</section>', start));
};

function expectNotIdentified(document: string, label: string) {
  for (const value of [...Object.values(identity), revealingTitle]) expect(document, `${label}: ${value}`).not.toContain(value);
}

describe('who the UN draft names (adversarial)', () => {
  it.each(languages)('never names a person who told lawyers who they are but said no to the UN, nor shows the title that describes them (%s)', (language) => {
    // A legal bundle names this person to lawyers: every identifying field is in it.
    const bundle = withTestimony(named, consent({ lawyersNamed: true, unNamed: false }));
    const document = renderUnCommunication(bundle, language);
    expectNotIdentified(document, language);
    const victims = section(document, 'victims');
    expect(victims).toMatch(/data-disclosure="notConsented"/);
    expect(victims).not.toMatch(/data-disclosure="named"/);
  });

  it.each(languages)('never names a person whose yes to the UN was taken back (%s)', (language) => {
    const withdrawal = { uses: ['unNamed'], at: { at: '2022-01-14T09:00+06:00', precision: 'minute' }, method: 'written' };
    // As the app saves a withdrawal: the answer turned to no, the withdrawal kept.
    const saved = withTestimony(named, consent({ lawyersNamed: true, unNamed: false }, { withdrawals: [withdrawal] }));
    // As a hostile or hand-made bundle could still carry it: the yes left standing beside a later withdrawal.
    const standing = withTestimony(named, consent({ lawyersNamed: true, unNamed: true }, { withdrawals: [withdrawal] }));
    for (const bundle of [saved, standing]) {
      const document = renderUnCommunication(bundle, language);
      expectNotIdentified(document, language);
      expect(section(document, 'victims')).toMatch(/data-disclosure="notConsented"/);
      // The consent part says it was withdrawn, and when.
      expect(section(document, 'consent')).toContain('2022');
      expect(section(document, 'consent')).toMatch(/data-now="no"/);
    }
  });

  it('never names a person whose consent cannot be read, or who was asked only the earlier questions', () => {
    const unreadable = withTestimony(named, { keep: true, unNamed: true });
    const migrated = withTestimony(named, { store: true, shareWithLawyers: true, publish: true, givenAt: askedAt, method: 'verbal' });
    const missing = withTestimony(named, undefined);
    for (const bundle of [unreadable, migrated, missing]) expectNotIdentified(renderUnCommunication(bundle, 'en'), 'en');
    expect(renderUnCommunication(migrated, 'en')).toContain('Not asked (answers from an earlier form of the questions)');
  });

  it('shows a person the bundle names by a pseudonym by that pseudonym and role alone, even with a yes to the UN', () => {
    const person = { pseudonym: 'P-1A2B3C4D', role: 'witness', ageGroup: identity.ageGroup, gender: identity.gender };
    for (const answer of [false, true]) {
      const document = renderUnCommunication(withTestimony(person, consent({ lawyersNamed: false, unNamed: answer })), 'en');
      expectNotIdentified(document, `unNamed ${answer}`);
      const victims = section(document, 'victims');
      expect(victims).toContain('P-1A2B3C4D');
      expect(victims).toContain('Witness');
      expect(victims).toMatch(answer ? /data-disclosure="identityNotCarried"/ : /data-disclosure="notConsented"/);
      expect(victims).toContain('Special procedures do not take up an individual case without the victim&#39;s identity.');
    }
  });

  it("names a person who said yes to the UN, as it reads now, with what the bundle carries of them, and nothing it does not", () => {
    const bundle = withTestimony({ name: identity.name, contact: identity.contact, address: '', role: 'victim' }, consent({ lawyersNamed: true, unNamed: true }));
    const document = renderUnCommunication(bundle, 'en');
    const victims = section(document, 'victims');
    expect(victims).toMatch(/data-disclosure="named"/);
    for (const value of [identity.name, identity.contact, revealingTitle, 'Affected person']) expect(victims).toContain(value);
    for (const value of [identity.address, identity.ageGroup, identity.gender, identity.disability]) expect(document).not.toContain(value);
    expect(victims).not.toContain('Special procedures do not take up an individual case without the victim&#39;s identity.');
    expect(section(document, 'consent')).toMatch(/data-now="yes"/);
  });

  it.each(languages)('never names the defender who asked, even of a person who agreed to be named to the UN (%s)', (language) => {
    // A communication is sent on to the government: the person who collected the answer is a defender.
    for (const answer of [false, true]) {
      const document = renderUnCommunication(withTestimony(named, consent({ lawyersNamed: true, unNamed: answer })), language);
      expect(document).not.toContain('Сұраған: Ә. Н.');
    }
  });

  it('names a person asked again after taking the UN use back', () => {
    const withdrawal = { uses: ['unNamed'], at: { at: '2022-01-10T00:00+06:00', precision: 'day' }, method: 'verbal' };
    const bundle = withTestimony(named, consent({ lawyersNamed: true, unNamed: true }, { withdrawals: [withdrawal] }));
    expect(section(renderUnCommunication(bundle, 'en'), 'victims')).toContain(identity.name);
  });
});

describe('the UN draft filled from the fixture', () => {
  it.each(languages)('is one self-contained, escaped, deterministic document with every part (%s)', (language) => {
    const document = renderUnCommunication(almatyBundle(), language);
    expect(renderUnCommunication(almatyBundle(), language)).toBe(document);
    expect(document).toMatch(/^<!DOCTYPE html>\n<html lang="(en|ru|kk)" dir="ltr">/);
    expect(document).toContain(`<html lang="${language}"`);
    expect(document).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(document).not.toMatch(/<script|<img|<link|https?:\/\/(?!vlast)/i);
    expect(document).not.toContain(xss);
    for (const id of ['victims', 'perpetrators', 'facts', 'remedies', 'submitter', 'consent']) section(document, id);
    // Every element that is opened is closed (an escape that failed would show here too).
    for (const tag of ['section', 'article', 'table', 'tr', 'dl', 'ul', 'li', 'p', 'div', 'bdi', 'blockquote']) {
      expect(document.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0, tag).toBe(document.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0);
    }
    // Perpetrators as recorded: who ordered it and the operators.
    const perpetrators = section(document, 'perpetrators');
    for (const value of ['Ұлттық қауіпсіздік комитеті', 'Қазақтелеком', 'Beeline Kazakhstan', 'Kcell']) expect(perpetrators).toContain(value);
    // Facts: times as recorded with their offset, places, what was cut, effects, sources by title.
    const facts = section(document, 'facts');
    expect(facts).toContain('16:00');
    expect(facts).toContain('+06:00');
    expect(facts).toContain('Қаскелең');
    expect(facts).toContain('[S1]');
    expect(facts).toContain('Vlast.kz: банктер мен төлем жүйелері тоқтады &lt;script&gt;');
    expect(facts).toContain('Kaspi.kz');
    // The fixture's person is a pseudonym: shown as such, their age group never.
    const victims = section(document, 'victims');
    expect(victims).toContain('Куә-7F3A');
    expect(document).not.toContain('30–39');
    expect(victims).toMatch(/data-disclosure="notConsented"/);
    // In which language the person was asked, but never who asked.
    expect(document).not.toContain('A. N.');
  });

  it('labels every part in real Russian and Kazakh', () => {
    const ru = renderUnCommunication(almatyBundle(), 'ru');
    for (const text of ['Предполагаемые жертвы', 'Предполагаемые нарушители', 'специальные процедуры', 'Внутренние средства правовой защиты', 'Не указано']) {
      expect(ru).toContain(text);
    }
    const kk = renderUnCommunication(almatyBundle(), 'kk');
    for (const text of ['Болжамды жәбірленушілер', 'Болжамды құқық бұзушылар', 'арнайы рәсімдер', 'жәбірленушінің', 'Көрсетілмеген']) expect(kk).toContain(text);
    const en = renderUnCommunication(almatyBundle(), 'en');
    expect(en).toContain('The alleged victims');
    expect(en).toContain('The alleged perpetrators');
  });

  it('gives the groups affected from the effects: category, area and numbers as recorded', () => {
    const groups = section(renderUnCommunication(almatyBundle(), 'en'), 'victims');
    expect(groups).toContain('Banking and payments');
    expect(groups).toContain('about 1,200 people (estimate)');
    expect(groups).toContain('3 people (exact)');
    expect(groups).toContain('Number unknown');
    expect(groups).toContain('Almaty');
  });

  it('says domestic remedies are not stated, and gives the signer with no contact, when the bundle carries no submission', () => {
    const document = renderUnCommunication(almatyBundle(), 'en');
    expect(section(document, 'remedies')).toContain('Not stated.');
    const submitter = section(document, 'submitter');
    expect(submitter).toContain('Әйгерім Нұрланқызы');
    expect(submitter).toContain('Құқық қорғау бюросы «Дәлел»');
    expect(submitter).toContain('No contact given');
  });

  it("takes the submitter and the domestic remedies from the bundle's submission", () => {
    const submission: Submission = {
      submitter: { kind: 'organization', name: 'Қорғау алаңы қоғамдық қоры', contact: 'un-desk@example.org' },
      declaration: { by: 'Ә. Нұрланқызы', text: 'I collected these records myself.', date: '2022-01-20' },
      methodology: { collection: '', definition: '', verification: '', limits: '' },
      remedies: 'A complaint to the prosecutor of Almaty, 15 February 2022: no answer.',
    };
    const bundle = { ...almatyBundle(), format: 2 as const, submission };
    const document = renderUnCommunication(bundle, 'en');
    expect(section(document, 'remedies')).toContain(submission.remedies);
    expect(section(document, 'submitter')).toContain('un-desk@example.org');
    expect(section(document, 'submitter')).toContain('An organization');
    const noContact = renderUnCommunication({ ...bundle, submission: { ...submission, submitter: { ...submission.submitter, contact: '' }, remedies: '' } }, 'en');
    expect(section(noContact, 'submitter')).toContain('No contact given');
    expect(section(noContact, 'remedies')).toContain('Not stated.');
  });

  it('leaves the free text of a confidential incident out, saying so: a communication goes on to the government', () => {
    const bundle = almatyBundle();
    const incident = bundle.records.find((record) => record.recordId === ids.incident)!;
    incident.data = { ...incident.data, confidential: true };
    const document = renderUnCommunication(bundle, 'en');
    for (const value of ['Ұлттық қауіпсіздік комитеті', 'Kcell', 'Банктер, дәріханалар', 'қаңтар-2022']) expect(document).not.toContain(value);
    expect(document).toContain('This incident is marked confidential.');
  });

  it('says how many accounts the bundle left out', () => {
    const bundle = almatyBundle();
    bundle.redactions.sourcesWithheld = 2;
    expect(section(renderUnCommunication(bundle, 'en'), 'victims')).toContain('2 accounts were left out of this bundle');
  });
});
