import { describe, expect, it } from 'vitest';
import { detectSameTestFailing } from '../../../src/sessions/detectors/same-test-failing.ts';
import { storyPolicies } from '../../../src/domain/machines/story-policies.ts';
import { ev, series, time } from './event-builders.ts';

const limit = storyPolicies.patterns.sameTestFailing;

describe('detectSameTestFailing', () => {
  it('fires exactly at the threshold of consecutive failing runs', () => {
    const below = series(limit - 1, 0, (m) => ev.testRun(m, ['adds tax']));
    expect(detectSameTestFailing(below, limit)).toBeNull();
    const at = series(limit, 0, (m) => ev.testRun(m, ['adds tax']));
    expect(detectSameTestFailing(at, limit)).toMatchObject({
      pattern: 'sameTestFailing',
      event: 'sameTestFailing',
      count: limit,
      threshold: limit,
      subject: `test "adds tax" (test/cart.test.ts) failed in ${limit} consecutive runs`,
    });
    const above = series(limit + 2, 0, (m) => ev.testRun(m, ['adds tax']));
    expect(detectSameTestFailing(above, limit)?.count).toBe(limit + 2);
  });

  it('gives the failing runs as evidence, oldest first', () => {
    const runs = series(limit, 10, (m) => ev.testRun(m, ['adds tax']));
    expect(detectSameTestFailing(runs, limit)?.evidence).toEqual(
      runs.map((r) => ({ at: r.at, detail: 'failed: adds tax broke' })),
    );
  });

  it('a passing run breaks the streak, and the latest run decides', () => {
    const fixedInBetween = [
      ...series(limit - 1, 0, (m) => ev.testRun(m, ['adds tax'])),
      ev.testRun(50, []),
      ev.testRun(51, ['adds tax']),
    ];
    expect(detectSameTestFailing(fixedInBetween, limit)).toBeNull();
    const fixedNow = [
      ...series(limit + 1, 0, (m) => ev.testRun(m, ['adds tax'])),
      ev.testRun(50, []),
    ];
    expect(detectSameTestFailing(fixedNow, limit)).toBeNull();
  });

  it('follows one test across runs where other tests come and go, and picks the longest streak', () => {
    const runs = [
      ev.testRun(1, ['a']),
      ev.testRun(2, ['a', 'b']),
      ev.testRun(3, ['b', 'a']),
      ev.testRun(4, ['c', 'b', 'a']),
    ];
    const result = detectSameTestFailing(runs, 3);
    expect(result).toMatchObject({ count: 4, subject: expect.stringContaining('"a"') });
  });

  it('tells apart tests with the same name in different files', () => {
    const runs = [
      ev.testRun(1, ['works'], { file: 'a.test.ts' }),
      ev.testRun(2, ['works'], { file: 'b.test.ts' }),
      ev.testRun(3, ['works'], { file: 'a.test.ts' }),
    ];
    expect(detectSameTestFailing(runs, 2)).toBeNull();
  });

  it('ignores other activity between runs and handles no runs or unnamed failures', () => {
    const runs = [
      ev.testRun(1, ['a']),
      ev.research(2, 'docs'),
      ev.build(3, 'x'),
      ev.testRun(4, ['a']),
    ];
    expect(detectSameTestFailing(runs, 2)?.count).toBe(2);
    expect(detectSameTestFailing([], 1)).toBeNull();
    expect(
      detectSameTestFailing([{ type: 'test-run', at: time(1), data: { failed: 3 } }], 1),
    ).toBeNull();
  });
});
