/**
 * The state of every record form (incident, effect, source): the draft,
 * checked with its schema as the user types (a field's problems show once
 * touched, all once a save was tried), the engine's problems mapped onto the
 * fields, and the save (a toast says it was saved, whatever screen follows).
 * Ctrl/Cmd+Enter saves from anywhere on the screen.
 * The draft is also kept in the archive as the person types, and leaving
 * the changed form asks first (drafts/useFormDraft.ts): `dirty` says whether
 * it differs from what it opened with, `draftNotice` is for DraftNotice.
 * It renders nothing: each form lays out its own fields.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../shared/model';
import type { DalelError, Result } from '../dalel';
import { useFormDraft } from '../drafts/useFormDraft';
import { useToast } from './ToastRegion';

type ProblemsByField<K> = Map<K, FieldProblem[]>;
type Checked<T, K> = { ok: true; data: T } | { ok: false; problems: ProblemsByField<K> };

interface Options<D, T, K extends string> {
  initial: D;
  check: (draft: D) => Checked<T, K>;
  /** Groups the engine's problems by form field, as `check` does. */
  group: (problems: readonly FieldProblem[]) => ProblemsByField<K>;
  /** A field's place in the error summary: the form's order, top to bottom. */
  rank: (field: K) => number;
  save: (data: T) => Promise<Result<{ recordId: string }>>;
  onSaved: (recordId: string) => void;
}

export function useRecordForm<D, T, K extends string>({ initial, check, group, rank, save, onSaved }: Options<D, T, K>) {
  const { t } = useTranslation();
  const toast = useToast();
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<K>>(new Set());
  const [triedSave, setTriedSave] = useState(false);
  const [serverError, setServerError] = useState<DalelError | null>(null);
  const [serverProblems, setServerProblems] = useState<ProblemsByField<K>>(new Map());
  const [saving, setSaving] = useState(false);
  const [focusSummary, setFocusSummary] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const checked = useMemo(() => check(draft), [check, draft]);
  const kept = useFormDraft(draft, initial, setDraft);

  useEffect(() => {
    if (focusSummary > 0) summaryRef.current?.focus();
  }, [focusSummary]);

  const submitRef = useRef<() => void>(() => {});
  submitRef.current = () => void submit();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Ctrl/Cmd+Enter, and Ctrl/Cmd+S as in any editor (by key position, so a Russian layout's "Ы" works too).
      const saveKey = event.key === 'Enter' || event.code === 'KeyS';
      if (saveKey && (event.ctrlKey || event.metaKey) && !event.altKey && !event.defaultPrevented) {
        event.preventDefault();
        submitRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function update(field: K, change: (previous: D) => D) {
    setDraft(change);
    setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field)));
    setServerProblems((previous) => {
      if (!previous.has(field)) return previous;
      const next = new Map(previous);
      next.delete(field);
      return next;
    });
  }

  function messagesFor(field: K): string[] {
    const local = !checked.ok && (triedSave || touched.has(field)) ? (checked.problems.get(field) ?? []) : [];
    const problems = [...local, ...(serverProblems.get(field) ?? [])];
    return [...new Set(problems.map((problem) => t(`validation:${problem.key}`, problem.params)))];
  }

  async function submit() {
    if (saving) return;
    setTriedSave(true);
    setServerError(null);
    if (!checked.ok) return setFocusSummary((n) => n + 1);
    setSaving(true);
    const result = await save(checked.data);
    setSaving(false);
    if (result.ok) {
      // Saved as a record: the draft goes first, so that the next screen's "leave?" and a restart find none.
      await kept.saved().catch(() => undefined);
      toast.result((tr) => tr('common:toast.saved'));
      return onSaved(result.value.recordId);
    }
    setServerError(result.error);
    setServerProblems(group(result.error.problems ?? []));
    setFocusSummary((n) => n + 1);
  }

  const fields = new Set<K>([...(checked.ok ? [] : checked.problems.keys()), ...serverProblems.keys()]);
  const entries = triedSave
    ? [...fields]
        .map((field) => ({ field, messages: messagesFor(field) }))
        .filter((entry) => entry.messages.length > 0)
        .sort((a, b) => rank(a.field) - rank(b.field))
    : [];
  return { draft, update, messagesFor, submit, entries, serverError, saving, summaryRef, dirty: kept.dirty, draftNotice: kept.notice };
}
