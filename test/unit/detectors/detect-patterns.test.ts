import { describe, expect, it } from 'vitest';
import { detectPatterns, patternEvents } from '../../../src/sessions/detectors/index.ts';
import { storyEvents } from '../../../src/domain/machines/story-events.ts';
import { storyPolicies } from '../../../src/domain/machines/story-policies.ts';
import { ev, series } from './event-builders.ts';

const policy = storyPolicies.patterns;

describe('detectPatterns', () => {
  it('maps every pattern to an event of the story machine', () => {
    expect(Object.keys(patternEvents).sort()).toEqual(
      Object.keys(policy)
        .filter((k) => k !== 'windowSize')
        .sort(),
    );
    for (const event of Object.values(patternEvents)) expect(storyEvents).toHaveProperty(event);
  });

  it('finds nothing in steady progress', () => {
    const events = series(10, 0, (m, i) =>
      i % 2 ? ev.change(m, { diffHash: `d${i}` }) : ev.testRun(m, i < 6 ? [`t${i}`] : []),
    );
    expect(detectPatterns(events)).toEqual([]);
    expect(detectPatterns([])).toEqual([]);
  });

  it('uses the story policy thresholds by default', () => {
    const atLimit = series(policy.sameBuildError, 0, (m) => ev.build(m, 'error x'));
    expect(detectPatterns(atLimit).map((r) => r.pattern)).toEqual(['sameBuildError']);
    expect(detectPatterns(atLimit.slice(1))).toEqual([]);
  });

  it('accepts other thresholds', () => {
    const events = series(2, 0, (m) => ev.build(m, 'error x'));
    expect(detectPatterns(events, { ...policy, sameBuildError: 2 })).toHaveLength(1);
    expect(detectPatterns(events, { ...policy, sameBuildError: 3 })).toHaveLength(0);
    // A threshold of 0 still needs one occurrence.
    expect(detectPatterns([ev.change(0)], { ...policy, researchLoop: 0 })).toEqual([]);
  });

  it('looks only at the last windowSize activity events, chat messages not counted', () => {
    const research = series(policy.researchLoop, 0, (m, i) => ev.research(m, `q${i}`));
    const chatter = series(50, 100, (m) => ev.message(m, 'still reading the docs'));
    expect(detectPatterns([...research, ...chatter]).map((r) => r.pattern)).toEqual([
      'researchLoop',
    ]);
    const otherActivity = series(policy.windowSize, 200, (m, i) =>
      ev.testRun(m, i % 2 ? ['x'] : []),
    );
    const pushedOut = [
      ...series(policy.sameBuildError, 0, (m) => ev.build(m, 'error x')),
      ...otherActivity,
    ];
    expect(detectPatterns(pushedOut).map((r) => r.pattern)).not.toContain('sameBuildError');
  });

  it('orders several patterns strongest first (count relative to threshold), ties by detector order', () => {
    const thresholds = {
      ...policy,
      sameBuildError: 2,
      sameTestFailing: 2,
      repeatedHelpRequests: 2,
      researchLoop: 2,
    };
    const events = [
      ev.build(0, 'error x'),
      ev.build(1, 'error x'),
      ev.testRun(2, ['a']),
      ev.testRun(3, ['a']),
      ev.testRun(4, ['a']),
      ev.testRun(5, ['a']),
      ev.help(6, 'h'),
      ev.help(7, 'h'),
    ];
    expect(detectPatterns(events, thresholds).map((r) => [r.pattern, r.count])).toEqual([
      ['sameTestFailing', 4],
      ['sameBuildError', 2],
      ['repeatedHelpRequests', 2],
    ]);
  });

  it('ignores malformed events and sorts unordered input by time', () => {
    const builds = series(policy.sameBuildError, 0, (m) => ev.build(m, 'error x')).reverse();
    const junk = [
      null,
      { type: 'build' },
      { type: 'build', at: 'soon', data: { success: false, signature: 'error x' } },
      42,
    ];
    expect(detectPatterns([...junk, ...builds])[0]).toMatchObject({
      pattern: 'sameBuildError',
      count: policy.sameBuildError,
    });
    const passedLast = [ev.build(99, null), ...builds];
    expect(detectPatterns(passedLast)).toEqual([]);
  });
});
