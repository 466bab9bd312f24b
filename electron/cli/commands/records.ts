/**
 * The commands on records: add, edit, list and show them, and attach evidence files.
 */
import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import type { RecordDetail, RecordSummary } from '../../../shared/ipc';
import { areaNameOn, recordSchemas, recordTypes, type Area, type RecordType, type SavableType } from '../../../shared/model';
import { fingerprintOfLine } from '../../engine/signingKey';
import { CommandFailure, InputFailure } from '../failures';
import { applyMergePatch } from '../mergePatch';
import { printable } from '../terminalText';
import { citationLines, gradeLines } from './citationText';
import { linkLines } from './linkText';
import { orderLines } from './orderText';
import { type Command, type CommandContext, isObject, json, openArchive, readJsonInput, requireOption } from './context';

export const recordCommands: Record<string, Command> = {
  add: {
    options: { type: { type: 'string' }, parent: { type: 'string' }, json: { type: 'string' } },
    positionals: ['DIR'],
    async run(context) {
      const type = requireOption(context, 'type');
      if (!Object.hasOwn(recordSchemas, type)) throw new InputFailure(badType(context, type, Object.keys(recordSchemas)));
      let data = await readJsonInput(context, requireOption(context, 'json'));
      const parent = context.values.parent as string | undefined;
      // Said before zod's "incident: Required", which would not say how to give it.
      if (type === 'effect' && !parent && isObject(data) && data.incident === undefined) throw new InputFailure(context.t('cli:effectNeedsIncident'));
      // An effect's parent is its incident.
      if (type === 'effect' && parent && isObject(data) && data.incident === undefined) data = { ...data, incident: parent };
      // An intervention is about one incident or more: its parent is the first, unless the JSON lists them.
      if (type === 'intervention' && isObject(data) && data.incidents === undefined) {
        if (!parent) throw new InputFailure(context.t('cli:interventionNeedsIncident'));
        data = { ...data, incidents: [parent] };
      }
      await openArchive(context);
      // The record a source supports is looked up first: a missing one is refused before anything is saved.
      const target = type === 'source' && parent ? await context.call('records:get', { recordId: parent }) : null;
      const saved = await context.call('records:save', { type: type as SavableType, data });
      // A source's parent is the record it supports: the source joins that record's sources.
      if (target && parent) {
        const fields = target.summary.data ?? {};
        const sources = Array.isArray(fields.sources) ? (fields.sources as string[]) : [];
        await context.call('records:save', {
          type: target.summary.type as SavableType,
          recordId: parent,
          parent: target.summary.headId,
          data: { ...fields, sources: [...sources, saved.recordId] },
        });
      }
      context.say(saved.recordId);
    },
  },

  /**
   * A new revision from the current one and a JSON merge patch (RFC 7396):
   * what the patch names changes, every other field stays. `--replace`
   * saves the JSON as the whole record instead.
   */
  edit: {
    options: { json: { type: 'string' }, replace: { type: 'boolean' } },
    positionals: ['DIR', 'ID'],
    async run(context) {
      const file = requireOption(context, 'json');
      const input = await readJsonInput(context, file);
      const replace = context.values.replace === true;
      // A record is an object: a patch that is not one would replace it whole with something no schema takes.
      if (!replace && !isObject(input)) throw new InputFailure(context.t('cli:patchNotObject', { file: file === '-' ? 'stdin' : file }));
      await openArchive(context);
      const recordId = context.positionals[1]!;
      const current = await context.call('records:get', { recordId });
      // A retracted record has no fields to patch: said as such, not as the fields an empty record lacks.
      if (current.summary.retracted) throw new CommandFailure({ code: 'recordRetracted' });
      const saved = await context.call('records:save', {
        type: current.summary.type as SavableType,
        recordId,
        parent: current.summary.headId,
        data: replace ? input : applyMergePatch(current.summary.data ?? {}, input),
      });
      context.say(saved.revisionId);
    },
  },

  list: {
    options: { type: { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['DIR'],
    readOnly: true,
    async run(context) {
      const type = context.values.type as string | undefined;
      if (type !== undefined && !(recordTypes as readonly string[]).includes(type)) throw new InputFailure(badType(context, type, recordTypes));
      const status = await openArchive(context);
      const types = type ? [type] : [...recordTypes];
      const records: RecordSummary[] = [];
      for (const each of types) records.push(...(await context.call('records:list', { type: each as RecordType })).records);
      records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.recordId.localeCompare(b.recordId));
      if (context.values.json) return json(context, records);
      if (status.open && !status.encrypted) context.warn(context.t('cli:unencryptedArchive'));
      if (!records.length) return context.say(context.t('cli:noRecords'));
      for (const record of records) context.say(printable(listLine(context.t, record)));
    },
  },

  show: {
    options: { history: { type: 'boolean' }, json: { type: 'boolean' } },
    positionals: ['DIR', 'ID'],
    readOnly: true,
    async run(context) {
      await openArchive(context);
      const detail = await context.call('records:get', { recordId: context.positionals[1]! });
      if (context.values.json) {
        const { history: _history, ...withoutHistory } = detail;
        return json(context, context.values.history ? detail : withoutHistory);
      }
      const titles = await citedSourceTitles(context, detail.summary.data);
      const { references } = detail.summary.type === 'incident' ? await context.call('records:references', { recordId: detail.summary.recordId }) : { references: [] };
      const linked = linkLines(context.t, detail.summary.data ?? {}, references);
      for (const line of describeRecord(context, detail, Boolean(context.values.history), titles, linked)) context.say(printable(line));
    },
  },

  /** As the app's "Add files": `--description` and `--sensitive` (never in a public bundle) apply to every file given. */
  attach: {
    options: { description: { type: 'string' }, sensitive: { type: 'boolean' } },
    positionals: ['DIR', 'ID', 'FILE'],
    variadic: true,
    async run(context) {
      await openArchive(context);
      const [, recordId, ...files] = context.positionals;
      const description = typeof context.values.description === 'string' ? context.values.description.trim() : '';
      const sensitive = context.values.sensitive === true;
      const result = await context.call('attachments:add', {
        recordId: recordId!,
        paths: files.map((file) => resolve(file)),
        ...(description ? { description } : {}),
        ...(sensitive ? { sensitive } : {}),
      });
      result.attachments.forEach((entry, index) => {
        context.say(`${entry.sha256}  ${files[index]}`);
        // A file the record already listed keeps what it was first given: say so rather than seem to have changed it.
        if ((description && entry.description !== description) || (sensitive && !entry.sensitive)) context.warn(context.t('cli:attachKept', { file: files[index] }));
      });
    },
  },
};

/** "Unknown record type “person”. Use one of: incident, effect, source." */
const badType = (context: CommandContext, type: string, types: readonly string[]) => context.t('cli:badType', { type, types: types.join(', ') });

function incidentFields(record: RecordSummary) {
  return (record.data ?? {}) as {
    title?: string;
    startedAt?: { at: string };
    endedAt?: { at: string };
    ongoing?: boolean;
    scope?: string;
    kinds?: string[];
    areas?: Area[];
  };
}

function listLine(t: TFunction, record: RecordSummary): string {
  const fields = (record.data ?? {}) as Record<string, unknown> & ReturnType<typeof incidentFields>;
  const dateOf = (field: string) => (fields[field] as { at?: string } | undefined)?.at;
  const when = fields.startedAt?.at ?? dateOf('occurredAt') ?? dateOf('collectedAt') ?? dateOf('filedAt') ?? '';
  const what =
    record.type === 'effect'
      ? `${t(`taxonomy:category.${String(fields.category)}`)}: ${String(fields.description ?? '').slice(0, 80)}`
      : (fields.title ?? '');
  const mark = `${record.retracted ? ` [${t('cli:retracted')}]` : ''}${record.conflict ? ` [${t('cli:inConflict', { count: record.heads.length })}]` : ''}`;
  return `${record.recordId}  ${record.type.padEnd(8)}  ${when.padEnd(22)}  ${what}${mark}`;
}

/** The titles of the sources a record cites, by id; a source the archive no longer has is left out. */
async function citedSourceTitles(context: CommandContext, data: Record<string, unknown> | null): Promise<Map<string, string>> {
  const cited = Array.isArray(data?.citations) ? data.citations.map((citation: { source?: unknown }) => String(citation?.source)) : [];
  const titles = new Map<string, string>();
  for (const id of new Set(cited)) {
    const source = await context.call('records:get', { recordId: id }).catch(() => null);
    const title = source?.summary.data?.title;
    if (typeof title === 'string') titles.set(id, title);
  }
  return titles;
}

function describeRecord(
  { t, language }: CommandContext,
  detail: RecordDetail,
  withHistory: boolean,
  titles: ReadonlyMap<string, string> = new Map(),
  linked: readonly string[] = [],
): string[] {
  const { summary } = detail;
  const fields = incidentFields(summary);
  // A code is named as it was on the incident's day: Nur-Sultan in January 2022, Astana today.
  const areaName = (area: Area) => ('code' in area ? areaNameOn(area.code, fields.startedAt?.at, language) : area.place);
  const end = fields.ongoing ? t('cli:ongoing') : (fields.endedAt?.at ?? '…');
  const lines = [`${summary.recordId} (${t(`taxonomy:recordType.${summary.type}`)})`];
  // A conflict first: the fields below are only those of the version made last.
  if (summary.conflict) lines.push(`[${t('cli:inConflict', { count: summary.heads.length })}] ${summary.heads.join(' ')}`);
  if (summary.retracted) lines.push(`[${t('cli:retracted')}]`);
  else if (summary.type !== 'incident') {
    // Effects and sources: their fields as stored, one per line.
    for (const [key, value] of Object.entries(summary.data ?? {})) lines.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    if (summary.type === 'effect') lines.push(...citationLines(t, 'effect', summary.data ?? {}, (id) => titles.get(id)));
    if (summary.type === 'source') lines.push(...gradeLines(t, summary.data ?? {}));
  } else {
    lines.push(`${t('cli:fieldTitle')}: ${fields.title ?? ''}`);
    lines.push(`${t('cli:fieldPeriod')}: ${fields.startedAt?.at ?? ''} — ${end}`);
    if (fields.scope) lines.push(`${t('cli:fieldScope')}: ${t(`taxonomy:scope.${fields.scope}`)}`);
    if (fields.kinds?.length) lines.push(`${t('cli:fieldKinds')}: ${fields.kinds.map((k) => t(`taxonomy:kind.${k}`)).join(', ')}`);
    if (fields.areas?.length) lines.push(`${t('cli:fieldAreas')}: ${fields.areas.map(areaName).join(', ')}`);
    lines.push(...orderLines(t, summary.data ?? {}));
    lines.push(...linked);
    lines.push(...citationLines(t, 'incident', summary.data ?? {}, (id) => titles.get(id)));
  }
  lines.push(t('cli:revisions', { count: summary.revisionCount }));
  if (detail.attachments.length) {
    lines.push(t('cli:attachmentsHeading'));
    for (const entry of detail.attachments) lines.push(`  ${entry.sha256}  ${entry.size}  ${entry.originalName}`);
  }
  if (withHistory) {
    lines.push(t('cli:historyHeading'));
    for (const signed of detail.history) {
      lines.push(`  ${signed.revision.createdAt}  ${signed.id}  ${fingerprintOfLine(signed.revision.author)}`);
    }
  }
  return lines;
}
