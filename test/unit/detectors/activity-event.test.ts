import { describe, expect, it } from 'vitest';
import {
  currentTaskEvents,
  normalizeEvents,
  recentActivity,
} from '../../../src/sessions/detectors/activity-event.ts';
import { parseBuildOutput } from '../../../tools/parse-build-output.ts';
import { parseTestReport } from '../../../tools/parse-test-report.ts';
import { fixture } from '../tools/report-fixtures.ts';
import { ev, time } from './event-builders.ts';

describe('normalizeEvents', () => {
  it('sorts by time, keeping the given order for equal times', () => {
    const a = ev.research(5, 'a');
    const b = ev.research(1, 'b');
    const c = ev.research(5, 'c');
    expect(
      normalizeEvents([a, b, c]).map((e) => (e.type === 'research' ? e.data.query : '')),
    ).toEqual(['b', 'a', 'c']);
  });

  it('drops events that do not match the shape instead of failing', () => {
    const good = ev.build(1, null);
    const junk = [
      null,
      'build',
      { type: 'build', at: time(2) },
      { type: 'build', at: 'yesterday', data: { success: true } },
      { type: 'unknown-kind', at: time(3), data: {} },
      { type: 'test-run', at: time(4), data: { failures: [{ file: 'x' }] } },
      { type: 'learner-message', at: time(5), data: { text: 7 } },
    ];
    expect(normalizeEvents([...junk, good])).toEqual([good]);
  });

  it('accepts parser output as data, extra fields included', () => {
    const testRun = {
      type: 'test-run',
      at: time(1),
      data: parseTestReport(fixture('junit-vitest.xml')),
    };
    const build = {
      type: 'build',
      at: time(2),
      data: parseBuildOutput(fixture('build-tsc.txt'), 2),
    };
    const [t, b] = normalizeEvents([testRun, build]);
    expect(t).toEqual(testRun);
    expect(b).toEqual(build);
  });
});

describe('recentActivity', () => {
  it('keeps the last N events, chat messages excluded', () => {
    const events = [
      ev.research(1, 'a'),
      ev.message(2, 'hi'),
      ev.research(3, 'b'),
      ev.message(4, 'hello'),
      ev.research(5, 'c'),
    ];
    expect(recentActivity(events, 2).map((e) => e.at)).toEqual([time(3), time(5)]);
    expect(recentActivity(events, 0)).toEqual([]);
    expect(recentActivity(events, 100)).toHaveLength(3);
  });
});

describe('currentTaskEvents', () => {
  it('starts after the last task marker', () => {
    const events = [
      ev.help(1, 'a'),
      ev.taskCompleted(2),
      ev.help(3, 'b'),
      ev.taskStarted(4),
      ev.help(5, 'c'),
    ];
    expect(currentTaskEvents(events)).toEqual([ev.help(5, 'c')]);
  });

  it("keeps only the latest task's events when events carry task ids", () => {
    const events = [
      ev.help(1, 'a', 't1'),
      ev.help(2, 'b', 't2'),
      ev.research(3, 'no id'),
      ev.help(4, 'c', 't2'),
    ];
    expect(currentTaskEvents(events).map((e) => e.at)).toEqual([time(2), time(3), time(4)]);
  });

  it('returns everything without markers or ids, and nothing for no events', () => {
    const events = [ev.help(1, 'a'), ev.research(2, 'b')];
    expect(currentTaskEvents(events)).toEqual(events);
    expect(currentTaskEvents([])).toEqual([]);
  });
});
