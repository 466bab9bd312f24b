/**
 * The draft communication to UN special procedures (`data/un-communication.html`
 * of a `legal` bundle): a pure function from a bundle and a language to one
 * self-contained HTML document, laid out as special procedures ask for an
 * allegation — the alleged victims, the alleged perpetrators, the facts,
 * domestic remedies, who submits it, and each person's consent to being
 * identified — and filled from the records alone. It is a draft for a
 * lawyer to complete, never a submission by itself.
 *
 * The rule it must never break: a person is named in it only when their
 * consent allows `unNamed` as it reads now and the bundle carries who they
 * are (decided in ./unPeople.ts alone). A legal bundle names to lawyers
 * people who said no to the UN; this document must not pass them on.
 * Same head, CSP, escaping and style sheet as the report (./index.ts); no
 * clock, no environment: the same bundle and language give the same bytes.
 */
import type { Bundle } from '../model';
import { illustrativeNotice, illustrativeTitle } from './cover';
import { formatterFor, languageName, type Formatter, type ReportLanguage } from './format';
import { html, styleElement, type Html } from './html';
import { bdi, fieldList, userText } from './parts';
import { arrange } from './records';
import { reportStyles } from './styles';
import { factsPart, perpetratorsPart } from './unFacts';
import { unPeople } from './unPeople';
import { recordedRemedies } from './unRemedies';
import { consentPart, victimsPart } from './unVictims';

export interface UnCommunicationOptions {
  /**
   * Sources whose person must not be named whatever the bundle's copy of
   * their consent says: the exporter knows of another version of the record
   * (a conflict not yet resolved) that did not allow it.
   */
  notToName?: ReadonlySet<string>;
}

const u = (f: Formatter, key: string, options?: Record<string, unknown>) => f.t(`unCommunication:${key}`, options ?? {});

function remediesPart(f: Formatter, bundle: Bundle): Html {
  const remedies = bundle.submission?.remedies?.trim();
  const recorded = recordedRemedies(f, bundle);
  return html`<section id="remedies" aria-labelledby="remedies-title">
<h2 id="remedies-title">${u(f, 'sections.remedies')}</h2>
${remedies ? userText(remedies) : html`<p class="notice">${recorded ? f.t('interventions:un.notStated') : u(f, 'remedies.notStated')}</p>`}
${recorded}
</section>`;
}

/** The submitter as the submission gives them; without one, the bundle's signer, with no contact (a signer gave none for this). */
function submitterPart(f: Formatter, bundle: Bundle): Html {
  const submitter = bundle.submission?.submitter;
  const fields = submitter
    ? fieldList([
        [u(f, 'submitter.kind'), u(f, `submitter.kinds.${submitter.kind}`)],
        [u(f, 'submitter.name'), bdi(submitter.name)],
        [u(f, 'submitter.contact'), userText(submitter.contact) ?? u(f, 'submitter.noContact')],
      ])
    : html`<p class="note">${u(f, 'submitter.fromSigner')}</p>${fieldList([
        [u(f, 'submitter.name'), bdi(bundle.signer.name) ?? f.t('report:notRecorded')],
        [u(f, 'submitter.organization'), bdi(bundle.signer.organization)],
        [u(f, 'submitter.contact'), u(f, 'submitter.noContact')],
      ])}`;
  return html`<section id="submitter" aria-labelledby="submitter-title">
<h2 id="submitter-title">${u(f, 'sections.submitter')}</h2>
${fields}
</section>`;
}

export function renderUnCommunication(bundle: Bundle, language: ReportLanguage, options: UnCommunicationOptions = {}): string {
  const f = formatterFor(language);
  const data = arrange(bundle);
  const people = unPeople(data, options.notToName);
  const styles = reportStyles(u(f, 'runningHeader', { bundleId: bundle.bundleId }), f.t('report:pageNumber'));
  // SECURITY: the CSP below lets nothing load: no script, no fetch, no font or image from outside the document.
  const document = html`<!DOCTYPE html>
<html lang="${language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Dalel">
<title>${illustrativeTitle(f, bundle, u(f, 'documentTitle', { bundleId: bundle.bundleId }))}</title>
${styleElement(styles)}
</head>
<body>
<header class="cover">
<p class="kicker">Dalel</p>
<h1>${illustrativeTitle(f, bundle, u(f, 'title'))}</h1>
<p>${u(f, 'subtitle', { bundleId: bundle.bundleId })}</p>
${illustrativeNotice(f, bundle)}
${fieldList([
  [f.t('report:cover.bundleId'), html`<span class="mono">${bundle.bundleId}</span>`],
  [u(f, 'language'), languageName(f, language)],
])}
<p class="notice">${u(f, 'draft')}</p>
<p class="note">${u(f, 'freeText')}</p>
</header>
<main>
${victimsPart(f, people, data, bundle.redactions?.sourcesWithheld ?? 0)}
${perpetratorsPart(f, data)}
${factsPart(f, data, people)}
${remediesPart(f, bundle)}
${submitterPart(f, bundle)}
${consentPart(f, people)}
</main>
</body>
</html>
`;
  return document.toString();
}
