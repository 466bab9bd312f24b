/**
 * The operators offered as a defender types one: those already named by the
 * archive's incidents (records:list, summaries only), then the country's
 * main operators that the app knows. Only suggestions: any name can be typed.
 */
import { useEffect, useState } from 'react';
import { dalel } from '../../dalel';

/** Kazakhstan's main mobile and fixed operators, as they name themselves. */
export const knownOperators = ['Kazakhtelecom', 'Kcell', 'Activ', 'Beeline', 'Tele2', 'Altel', 'Transtelecom'] as const;

export function mergeOperators(fromArchive: readonly string[], known: readonly string[] = knownOperators): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const name of [...[...fromArchive].sort((a, b) => a.localeCompare(b)), ...known]) {
    const trimmed = name.trim();
    const key = trimmed.toLocaleLowerCase();
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    merged.push(trimmed);
  }
  return merged;
}

export function useOperatorSuggestions(): string[] {
  const [names, setNames] = useState<string[]>(() => mergeOperators([]));
  useEffect(() => {
    let current = true;
    void dalel()
      .records.list({ type: 'incident' })
      .then((result) => {
        if (!current || !result.ok) return;
        const named = result.value.records.flatMap((record) => {
          const operators = (record.data as { operators?: unknown } | null)?.operators;
          return Array.isArray(operators) ? operators.filter((name): name is string => typeof name === 'string') : [];
        });
        setNames(mergeOperators(named));
      });
    return () => {
      current = false;
    };
  }, []);
  return names;
}
