import { describe, expect, it } from 'vitest';
import { detectRepeatedHelpRequests } from '../../../src/sessions/detectors/repeated-help-requests.ts';
import { storyPolicies } from '../../../src/domain/machines/story-policies.ts';
import { ev, series } from './event-builders.ts';

const limit = storyPolicies.patterns.repeatedHelpRequests;

describe('detectRepeatedHelpRequests', () => {
  it('fires at the threshold of help requests on the current task', () => {
    const make = (n: number) => series(n, 0, (m, i) => ev.help(m, `question ${i}`, 'task-2'));
    expect(detectRepeatedHelpRequests(make(limit - 1), limit)).toBeNull();
    expect(detectRepeatedHelpRequests(make(limit), limit)).toMatchObject({
      pattern: 'repeatedHelpRequests',
      event: 'helpRequests',
      count: limit,
      subject: `${limit} help requests on task task-2`,
    });
    expect(detectRepeatedHelpRequests(make(limit + 1), limit)?.count).toBe(limit + 1);
  });

  it('does not count requests on earlier tasks', () => {
    const byId = [
      ...series(limit - 1, 0, (m) => ev.help(m, 'old', 'task-1')),
      ...series(limit - 1, 10, (m) => ev.help(m, 'new', 'task-2')),
    ];
    expect(detectRepeatedHelpRequests(byId, limit)).toBeNull();
    const byMarker = [
      ...series(limit, 0, (m) => ev.help(m, 'old')),
      ev.taskCompleted(10),
      ev.help(11, 'new'),
    ];
    expect(detectRepeatedHelpRequests(byMarker, limit)).toBeNull();
  });

  it('names the current task generically without ids', () => {
    expect(
      detectRepeatedHelpRequests(
        series(limit, 0, (m) => ev.help(m, 'how')),
        limit,
      )?.subject,
    ).toBe(`${limit} help requests on the current task`);
  });
});
