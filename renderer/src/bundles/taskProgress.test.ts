import { describe, expect, it } from 'vitest';
import { progressFacts, timeLeft } from './taskProgress';

describe('progress of a long task', () => {
  const startedAt = 1_000_000;

  it('knows nothing before the task has a size', () => {
    expect(progressFacts(null, startedAt)).toEqual({ fraction: null, percent: null, secondsLeft: null });
    expect(progressFacts({ task: 'export', done: 0, total: 0, startedAt }, startedAt + 10)).toMatchObject({ percent: null });
  });

  it('gives the percent done and the time left at the pace so far', () => {
    // A quarter done in 10 s: 30 s to go.
    expect(progressFacts({ task: 'export', done: 250, total: 1000, startedAt }, startedAt + 10_000)).toEqual({
      fraction: 0.25,
      percent: 25,
      secondsLeft: 30,
    });
    // 99.9 % is not yet done.
    expect(progressFacts({ task: 'verify', done: 999, total: 1000, startedAt }, startedAt + 10_000).percent).toBe(99);
    expect(progressFacts({ task: 'verify', done: 1000, total: 1000, startedAt }, startedAt + 10_000)).toMatchObject({ percent: 100, secondsLeft: 0 });
  });

  it('promises no time in the first moments', () => {
    expect(progressFacts({ task: 'export', done: 10, total: 1000, startedAt }, startedAt + 100).secondsLeft).toBeNull();
  });

  it('says seconds under a minute and whole minutes above', () => {
    expect(timeLeft(0.2)).toEqual({ unit: 'seconds', count: 1 });
    expect(timeLeft(42)).toEqual({ unit: 'seconds', count: 42 });
    expect(timeLeft(61)).toEqual({ unit: 'minutes', count: 2 });
  });
});
