/**
 * The first page of the report: which bundle this is, what its profile put
 * in and left out, who signed it and with which key, when, and what it
 * holds; then the table of contents.
 */
import { isIllustrative, redactionKinds, type Bundle, type Redactions } from '../model';
import { formatUtc, type Formatter } from './format';
import { html, type Html } from './html';
import { bdi, fieldList, mono } from './parts';
import type { ReportData } from './records';
import { submitterOnCover } from './submission';

function leftOut(f: Formatter, redactions: Partial<Redactions> | undefined): Html {
  const lines = redactionKinds.flatMap((kind) => {
    const count = redactions?.[kind];
    return typeof count === 'number' && count > 0 ? [f.t(`report:redactions.${kind}`, { count })] : [];
  });
  return lines.length ? html`<ul class="plain">${lines.map((line) => html`<li>${line}</li>`)}</ul>` : html`${f.t('report:cover.nothingLeftOut')}`;
}

/** How many of the bundle's records carry the illustrative mark (sample records, not evidence). */
const illustrativeCount = (bundle: Bundle) => bundle.records.filter((record) => isIllustrative(record.data)).length;

/** A title, said to be illustrative, not evidence, when any record of the bundle is. */
export function illustrativeTitle(f: Formatter, bundle: Bundle, title: string): string {
  return illustrativeCount(bundle) > 0 ? f.t('report:illustrativeTitle', { title }) : title;
}

/** SECURITY: sample records must never read as evidence: the cover says so before anything else. */
export function illustrativeNotice(f: Formatter, bundle: Bundle): Html | null {
  const illustrative = illustrativeCount(bundle);
  if (illustrative === 0) return null;
  return html`<p class="notice illustrative-notice" role="note"><strong>${f.t('report:illustrativeNotice', { illustrative, records: bundle.records.length })}</strong></p>`;
}

export function coverPage(f: Formatter, bundle: Bundle, data: ReportData): Html {
  const profile = ['internal', 'legal', 'public'].includes(bundle.profile) ? bundle.profile : null;
  const counts = [
    f.t('report:counts.incidents', { count: data.counts.incidents }),
    f.t('report:counts.effects', { count: data.counts.effects }),
    f.t('report:counts.sources', { count: data.counts.sources }),
    f.t('report:counts.files', { count: bundle.attachments.length }),
  ];
  return html`<header class="cover">
<p class="kicker">Dalel</p>
<h1>${illustrativeTitle(f, bundle, f.t('report:title'))}</h1>
<p class="mono">${bundle.bundleId}</p>
${illustrativeNotice(f, bundle)}
${submitterOnCover(f, bundle)}
${fieldList([
  [f.t('report:cover.bundleId'), mono(bundle.bundleId)],
  [
    f.t('report:cover.profile'),
    profile
      ? html`<strong>${f.t(`report:profile.${profile}.name`)}</strong> (${profile}). ${f.t(`report:profile.${profile}.explanation`)}`
      : bundle.profile,
  ],
  [f.t('report:cover.leftOut'), leftOut(f, bundle.redactions)],
  [f.t('report:cover.exportedAt'), formatUtc(f, bundle.createdAt)],
  [f.t('report:cover.signer'), bdi(bundle.signer?.name)],
  [f.t('report:cover.organization'), bdi(bundle.signer?.organization)],
  [
    f.t('report:cover.fingerprint'),
    bundle.signer?.fingerprint ? html`<span class="mono">${bundle.signer.fingerprint}</span><br><span class="note">${f.t('report:cover.fingerprintNote')}</span>` : null,
  ],
  [f.t('report:cover.archiveId'), mono(bundle.archiveId)],
  [f.t('report:cover.contains'), html`<ul class="plain">${counts.map((line) => html`<li>${line}</li>`)}</ul>`],
])}
<p class="note">${f.t('report:producedBy')}</p>
</header>`;
}

/** `submission`: the lines of a submission's sections (./submission.ts), which come first. */
export function contents(f: Formatter, data: ReportData, hasOther: boolean, submission: Html = html``): Html {
  return html`<nav class="contents" aria-labelledby="contents-title">
<h2 id="contents-title">${f.t('report:contents')}</h2>
<ol>
${submission}
<li><a href="#summary">${f.t('report:summary.heading')}</a></li>
${data.incidents.map(
  (view, index) => html`<li><a href="#incident-${index + 1}"><bdi>${view.data?.title?.trim() || f.t('report:untitled')}</bdi></a></li>`,
)}
${hasOther ? html`<li><a href="#other">${f.t('report:other.heading')}</a></li>` : ''}
<li><a href="#attachments">${f.t('report:attachments.heading')}</a></li>
<li><a href="#custody">${f.t('report:custody.heading')}</a></li>
<li><a href="#verify">${f.t('report:verify.heading')}</a></li>
</ol>
</nav>`;
}
