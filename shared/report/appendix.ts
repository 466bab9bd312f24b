/**
 * The closing parts of the report: records not linked to any incident, the
 * index of every evidence file with its full sha256 and path in the bag, the
 * chain of custody, and how to verify the bundle with standard tools.
 */
import { standardToolsCheck } from '../bagit';
import type { Bundle, BundleRecord } from '../model';
import { formatSize, formatUtc, label, list, type Formatter } from './format';
import { html, type Html } from './html';
import { afterLastRow, custodyGaps, custodyNotice } from './custodyGaps';
import { shortId } from './parts';
import type { ReportData } from './records';
import { effectsPart } from './incident';
import { sourceBlock } from './source';

/** What a record is called in the report: "Incident: <title>", "Effect 3: Medical care", "Source [S2]: <title>". */
function recordName(f: Formatter, record: BundleRecord | undefined, data: ReportData): Html {
  if (!record) return html``;
  const type = label(f, 'recordType', record.type);
  const fields = record.data ?? {};
  if (record.type === 'effect') {
    const n = data.effectNumbers.get(record.recordId);
    const category = typeof fields.category === 'string' ? label(f, 'category', fields.category) : '';
    return html`${f.t('report:effect.heading', { number: n })}${category ? `: ${category}` : ''}`;
  }
  const title = typeof fields.title === 'string' ? fields.title : '';
  const ref = record.type === 'source' && data.sourceNumbers.has(record.recordId) ? ` [S${data.sourceNumbers.get(record.recordId)}]` : '';
  return html`${type}${ref}${title ? html`: <bdi>${title}</bdi>` : ''}`;
}

export function otherRecords(f: Formatter, data: ReportData): Html {
  if (!data.otherEffects.length && !data.otherSources.length) return html``;
  return html`<section class="appendix new-page" id="other" aria-labelledby="other-title">
<h2 id="other-title">${f.t('report:other.heading')}</h2>
<p class="note">${f.t('report:other.intro')}</p>
${data.otherEffects.length ? html`<h3>${f.t('report:other.effects')}</h3>${effectsPart(f, data.otherEffects, data, 'other')}` : ''}
${
  data.otherSources.length
    ? html`<h3>${f.t('report:other.sources')}</h3>${data.otherSources.map((source) =>
        sourceBlock(f, source, data.sourceNumbers.get(source.record.recordId), data.attachmentsOf.get(source.record.recordId)),
      )}`
    : ''
}
</section>`;
}

/** What a file's own metadata says or lost: a cleaned copy's removed kinds, an original's location. */
function metadataNote(f: Formatter, file: Bundle['attachments'][number]): Html | string {
  if (file.cleaned) {
    const kinds = list(f, file.cleaned.removed.map((kind) => f.t(`report:metadataKind.${kind}`)));
    return html`<div class="note">${f.t('report:attachments.cleaned', { kinds: kinds || '—' })}</div>`;
  }
  if (file.metadataLocation === 'present') return html`<div class="note notice">${f.t('report:attachments.locationPresent')}</div>`;
  if (file.metadataLocation === 'unchecked') return html`<div class="note">${f.t('report:attachments.locationUnchecked')}</div>`;
  return '';
}

export function attachmentIndex(f: Formatter, bundle: Bundle, data: ReportData): Html {
  const rows = bundle.attachments.map(
    (file, index) => html`<tr>
<td class="number">${index + 1}</td>
<td><bdi class="text">${file.originalName}</bdi>${file.sensitive ? html` <span class="tag">${f.t('report:attachments.sensitive')}</span>` : ''}
<div class="note">${f.t('report:attachments.mediaType')}: <span class="mono">${file.mediaType}</span></div>
<div class="note">${f.t('report:attachments.size')}: ${formatSize(f, file.size)}</div>
${file.photo?.takenAt ? html`<div class="note">${f.t('report:attachments.takenAt')}: <span class="mono">${file.photo.takenAt}</span></div>` : ''}
${file.photo?.camera ? html`<div class="note">${f.t('report:attachments.camera')}: <bdi>${file.photo.camera}</bdi></div>` : ''}
${file.description?.trim() ? html`<div class="note text" dir="auto">${file.description}</div>` : ''}${metadataNote(f, file)}</td>
<td>${recordName(f, data.records.get(file.recordId), data)}<div class="mono hash">${shortId(file.recordId)}</div></td>
<td><div class="mono hash sha256">${file.sha256}</div><div class="mono hash path">data/${file.path}</div></td>
</tr>`,
  );
  const located = bundle.attachments.filter((file) => file.metadataLocation === 'present').length;
  return html`<section class="appendix new-page" id="attachments" aria-labelledby="attachments-title">
<h2 id="attachments-title">${f.t('report:attachments.heading')}</h2>
<p>${f.t('report:attachments.intro')}</p>
${bundle.attachments.some((file) => file.cleaned) ? html`<p>${f.t('report:attachments.cleanedNote')}</p>` : ''}
${located ? html`<p class="notice">${f.t('report:attachments.locationWarning', { count: located })}</p>` : ''}
${
  rows.length
    ? html`<table class="attachments">
<colgroup><col class="number"><col class="name"><col class="record"><col class="hashes"></colgroup>
<thead><tr><th scope="col" class="number">${f.t('report:attachments.number')}</th><th scope="col">${f.t('report:attachments.name')}</th><th scope="col">${f.t('report:attachments.record')}</th><th scope="col">${f.t('report:attachments.sha256')} / ${f.t('report:attachments.path')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : html`<p class="note">${f.t('report:attachments.none')}</p>`
}
</section>`;
}

/** A row saying how many lines of the archive's log stand between two lines of the bundle: nothing is skipped silently. */
function gapRow(f: Formatter, count: number): Html {
  return html`<tr class="custody-gap"><td class="number">…</td><td colspan="5" class="note">${f.t('report:custody.gap', { count })}</td></tr>`;
}

export function custodyLog(f: Formatter, bundle: Bundle, data: ReportData): Html {
  const gaps = custodyGaps(bundle);
  const rows = bundle.custody.flatMap((event, index) => {
    const before = gaps.before[index]!;
    return [...(before > 0 ? [gapRow(f, before)] : []), custodyRow(f, event, data)];
  });
  if (gaps.after > 0) rows.push(afterLastRow(f, gaps.after));
  return custodySection(f, rows, custodyNotice(f, bundle));
}

function custodyRow(f: Formatter, event: Bundle['custody'][number], data: ReportData): Html {
  return html`<tr>
<td class="number">${event.seq}</td>
<td>${formatUtc(f, event.at)}</td>
<td>${label(f, 'custodyAction', event.action)}${event.note?.trim() ? html`<div class="note text" dir="auto">${event.note}</div>` : ''}</td>
<td>${event.recordId ? html`${recordName(f, data.records.get(event.recordId), data)}<div class="mono hash">${shortId(event.recordId)}</div>` : ''}</td>
<td class="mono hash">${shortId(event.revisionId, 12)}</td>
<td class="mono hash">${event.actor}</td>
</tr>`;
}

function custodySection(f: Formatter, rows: Html[], notice: Html): Html {
  return html`<section class="appendix" id="custody" aria-labelledby="custody-title">
<h2 id="custody-title">${f.t('report:custody.heading')}</h2>
<p>${f.t('report:custody.intro')}</p>
${notice}
${
  rows.length
    ? html`<table class="custody">
<colgroup><col class="number"><col class="at"><col class="action"><col class="record"><col class="revision"><col class="actor"></colgroup>
<thead><tr><th scope="col" class="number">${f.t('report:custody.seq')}</th><th scope="col">${f.t('report:custody.at')}</th><th scope="col">${f.t('report:custody.action')}</th><th scope="col">${f.t('report:custody.record')}</th><th scope="col">${f.t('report:custody.revision')}</th><th scope="col">${f.t('report:custody.actor')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : html`<p class="note">${f.t('report:custody.none')}</p>`
}
</section>`;
}

/** The same check in PowerShell, from the same source as VERIFY.txt's. */
const windowsCommands = [standardToolsCheck.powershell.manifests, standardToolsCheck.powershell.fingerprint, standardToolsCheck.powershell.signature].join('\n');

export function verifySection(f: Formatter, bundle: Bundle, verifyText: string | undefined): Html {
  return html`<section class="appendix" id="verify" aria-labelledby="verify-title">
<h2 id="verify-title">${f.t('report:verify.heading')}</h2>
<p>${f.t('report:verify.intro')}</p>
<ol class="steps">
<li><p>${f.t('report:verify.step1', { bundleId: bundle.bundleId })}</p></li>
<li><p>${f.t('report:verify.step2')}</p><pre><code>${standardToolsCheck.manifests}</code></pre></li>
<li><p>${f.t('report:verify.step3', { fingerprint: bundle.signer?.fingerprint ?? '' })}</p><pre><code>${standardToolsCheck.fingerprint}</code></pre></li>
<li><p>${f.t('report:verify.step4')}</p><pre><code>${standardToolsCheck.signature}</code></pre></li>
</ol>
<h3>${f.t('report:verify.windowsHeading')}</h3>
<p>${f.t('report:verify.windows', { bundleId: bundle.bundleId })}</p>
<pre><code>${windowsCommands}</code></pre>
<p class="note">${f.t('report:verify.paperNote')}</p>
${verifyText?.trim() ? html`<h3>${f.t('report:verify.notes')}</h3><pre class="verify-text">${verifyText}</pre>` : ''}
</section>`;
}
