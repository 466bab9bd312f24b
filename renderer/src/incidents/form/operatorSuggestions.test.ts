import { describe, expect, it } from 'vitest';
import { knownOperators, mergeOperators } from './operatorSuggestions';

describe('operator suggestions', () => {
  it('offers the archive operators first, then the known ones, each name once whatever its case', () => {
    const merged = mergeOperators(['Tele2', 'kcell', ' Jusan Mobile ', '']);
    expect(merged.slice(0, 3)).toEqual(['Jusan Mobile', 'kcell', 'Tele2']);
    expect(merged.filter((name) => name.toLowerCase() === 'kcell')).toHaveLength(1);
    expect(merged).toContain('Kazakhtelecom');
    expect(merged).toHaveLength(3 + knownOperators.length - 2);
  });
});
