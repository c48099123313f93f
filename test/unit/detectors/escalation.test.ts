import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import { evaluateEscalation, lastProgressAt } from '../../../src/sessions/escalation.ts';
import { storyPolicies } from '../../../src/domain/machines/story-policies.ts';
import { ev, series, time } from './event-builders.ts';

const policy = storyPolicies.escalation;
const noProgressMinutes = policy.noProgressMs / 60_000;
const triggers = (events: readonly unknown[], nowMinute = 0) =>
  evaluateEscalation(events, { now: time(nowMinute) }).reasons.map((r) => r.trigger);

describe('evaluateEscalation', () => {
  it('does not escalate a calm session or an empty one', () => {
    const events = [
      ev.taskStarted(0, 't1'),
      ev.change(5, { diffHash: 'a' }),
      ev.testRun(6, []),
      ev.message(7, 'done, what next?'),
    ];
    expect(evaluateEscalation(events, { now: time(30) })).toEqual({ escalate: false, reasons: [] });
    expect(evaluateEscalation([], { now: time(0) })).toEqual({ escalate: false, reasons: [] });
  });

  describe('timeouts on the same task', () => {
    const make = (n: number) => [
      ev.taskStarted(0, 't1'),
      ...series(n, 1, (m) => ev.timeout(m, 't1')),
    ];

    it('fires at the policy count, not below', () => {
      expect(triggers(make(policy.timeoutsPerTask - 1), 10)).toEqual([]);
      const decision = evaluateEscalation(make(policy.timeoutsPerTask), { now: time(10) });
      expect(decision.escalate).toBe(true);
      expect(decision.reasons[0]).toMatchObject({
        trigger: 'timeoutsPerTask',
        actual: policy.timeoutsPerTask,
        limit: policy.timeoutsPerTask,
      });
      expect(triggers(make(policy.timeoutsPerTask + 1), 10)).toEqual(['timeoutsPerTask']);
    });

    it('counts only the current task', () => {
      const events = [
        ...series(policy.timeoutsPerTask - 1, 0, (m) => ev.timeout(m, 't1')),
        ev.taskStarted(10, 't2'),
        ev.timeout(11, 't2'),
      ];
      expect(triggers(events, 12)).toEqual([]);
    });
  });

  describe('the same error repeated', () => {
    it('fires at the policy count of consecutive identical errors, for builds, tests or type checks', () => {
      const n = policy.sameErrorRepeats;
      expect(
        triggers(
          series(n - 1, 0, (m) => ev.build(m, 'error x')),
          10,
        ),
      ).toEqual([]);
      expect(
        triggers(
          series(n, 0, (m) => ev.build(m, 'error x')),
          10,
        ),
      ).toEqual(['sameErrorRepeats']);
      expect(
        triggers(
          series(n + 1, 0, (m) => ev.testRun(m, ['adds tax'])),
          10,
        ),
      ).toEqual(['sameErrorRepeats']);
      expect(
        triggers(
          series(n, 0, (m) => ev.typecheck(m, 'TS2322')),
          10,
        ),
      ).toEqual(['sameErrorRepeats']);
      const reason = evaluateEscalation(
        series(n, 0, (m) => ev.typecheck(m, 'TS2322')),
        { now: time(10) },
      ).reasons[0];
      expect(reason).toMatchObject({
        actual: n,
        limit: n,
        detail: expect.stringContaining('typecheck error'),
      });
    });

    it('a fix in between resets the count', () => {
      const n = policy.sameErrorRepeats;
      const events = [
        ...series(n - 1, 0, (m) => ev.build(m, 'error x')),
        ev.build(20, null),
        ...series(n - 1, 21, (m) => ev.build(m, 'error x')),
      ];
      expect(triggers(events, 40)).toEqual([]);
    });
  });

  describe('no progress', () => {
    it('fires when the last progress is the policy time ago or more', () => {
      const events = [
        ev.change(0, { diffHash: 'a' }),
        ev.research(10, 'docs'),
        ev.testRun(20, ['a']),
        ev.testRun(30, ['a']),
      ];
      expect(triggers(events, noProgressMinutes - 1)).toEqual([]);
      expect(triggers(events, noProgressMinutes)).toEqual(['noProgress']);
      const reason = evaluateEscalation(events, { now: time(noProgressMinutes + 30) }).reasons[0];
      expect(reason).toMatchObject({
        trigger: 'noProgress',
        actual: (noProgressMinutes + 30) * 60_000,
        limit: policy.noProgressMs,
      });
    });

    it('accepts the time as a Date or epoch ms and rejects an invalid one', () => {
      const events = [ev.research(0, 'docs')];
      const later = Date.parse(time(noProgressMinutes));
      expect(evaluateEscalation(events, { now: new Date(later) }).escalate).toBe(true);
      expect(evaluateEscalation(events, { now: later }).escalate).toBe(true);
      expect(() => evaluateEscalation(events, { now: 'not a time' })).toThrow(AppError);
    });
  });

  describe('frustration', () => {
    it("fires on the learner's latest message only", () => {
      expect(triggers([ev.message(0, 'I give up, this is hopeless')], 1)).toEqual(['frustration']);
      expect(
        triggers([ev.message(0, 'I give up'), ev.message(5, 'oh wait, found it, thanks')], 6),
      ).toEqual([]);
      const reason = evaluateEscalation([ev.message(0, "you're useless")], { now: time(1) })
        .reasons[0];
      expect(reason?.detail).toBe('the learner sounds abusive: "you\'re useless"');
    });

    it('is off when the policy says so', () => {
      const decision = evaluateEscalation([ev.message(0, 'I give up')], {
        now: time(1),
        policy: { ...policy, onFrustration: false },
      });
      expect(decision.escalate).toBe(false);
    });
  });

  describe('undiagnosable', () => {
    it("fires when the current task's latest diagnosis failed", () => {
      expect(triggers([ev.diagnosis(0, false, 'unknownIssue')], 1)).toEqual(['undiagnosable']);
      expect(
        evaluateEscalation([ev.diagnosis(0, false, 'unknownIssue')], { now: time(1) }).reasons[0]
          ?.detail,
      ).toBe('the blocker could not be diagnosed (unknownIssue)');
      expect(
        triggers([ev.diagnosis(0, false), ev.diagnosis(1, true, 'technicalError')], 2),
      ).toEqual([]);
      expect(triggers([ev.diagnosis(0, false), ev.taskStarted(1)], 2)).toEqual([]);
      expect(
        evaluateEscalation([ev.diagnosis(0, false)], {
          now: time(1),
          policy: { ...policy, onUndiagnosable: false },
        }).escalate,
      ).toBe(false);
    });
  });

  it('lists every trigger that fired', () => {
    const events = [
      ev.taskStarted(0, 't1'),
      ...series(policy.timeoutsPerTask, 1, (m) => ev.timeout(m, 't1')),
      ...series(policy.sameErrorRepeats, 10, (m) => ev.build(m, 'error x')),
      ev.diagnosis(20, false),
      ev.message(21, 'this is so frustrating'),
    ];
    expect(triggers(events, 10 + noProgressMinutes).sort()).toEqual([
      'frustration',
      'noProgress',
      'sameErrorRepeats',
      'timeoutsPerTask',
      'undiagnosable',
    ]);
  });

  it('ignores malformed events', () => {
    expect(
      evaluateEscalation(
        [null, { type: 'timeout' }, { type: 'learner-message', at: time(0), data: {} }],
        { now: time(1) },
      ).escalate,
    ).toBe(false);
  });
});

describe('lastProgressAt', () => {
  it('counts code changes, finished tasks, passing builds and fewer failing tests as progress', () => {
    expect(lastProgressAt([])).toBeUndefined();
    expect(lastProgressAt([ev.research(3, 'x'), ev.help(4, 'y')])).toBe(Date.parse(time(3)));
    expect(lastProgressAt([ev.research(0, 'x'), ev.commit(5), ev.research(9, 'y')])).toBe(
      Date.parse(time(5)),
    );
    expect(
      lastProgressAt([ev.research(0, 'x'), ev.build(2, 'e'), ev.build(4, null), ev.build(6, 'e')]),
    ).toBe(Date.parse(time(4)));
    expect(
      lastProgressAt([ev.testRun(0, ['a', 'b']), ev.testRun(2, ['a']), ev.testRun(4, ['a'])]),
    ).toBe(Date.parse(time(2)));
    expect(
      lastProgressAt([ev.testRun(0, ['a']), ev.taskCompleted(3, 't1'), ev.testRun(5, ['a', 'b'])]),
    ).toBe(Date.parse(time(3)));
  });
});
