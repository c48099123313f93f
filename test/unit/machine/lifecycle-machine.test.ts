import { describe, expect, it } from 'vitest';
import {
  GuardRejectedError,
  InvalidTransitionError,
  allowedEvents,
  can,
  checkMachine,
  initialSnapshot,
  isDone,
  snapshotAt,
  transition,
} from '../../../src/machine/index.ts';
import type { LifecycleContext } from '../../../src/domain/machines/index.ts';
import { lifecycleMachine } from '../../../src/domain/machines/index.ts';
import { lifecycleSeedConditions, lifecycleSeedEnum, lifecycleSeedRows } from './seeds.ts';

type State = keyof typeof lifecycleMachine.states;
type Event = keyof typeof lifecycleMachine.events;
const now = new Date('2026-01-05T10:00:00.000Z');
/** A context under which every guard passes. */
const open: LifecycleContext = {
  assessmentStatus: 'completed',
  goalCount: 2,
  mentorAvailable: true,
};
const rows = lifecycleSeedRows();

describe('lifecycle machine vs seed 000', () => {
  it('reads the seed table (sanity: 9 rows)', () => {
    expect(rows).toHaveLength(9);
  });

  it('passes its static checks', () => {
    expect(checkMachine(lifecycleMachine)).toEqual([]);
  });

  it('has the 11 states and 9 events of the seed enums', () => {
    expect(Object.keys(lifecycleMachine.states)).toEqual(
      expect.arrayContaining(lifecycleSeedEnum('MentorshipState')),
    );
    expect(Object.keys(lifecycleMachine.states)).toHaveLength(11);
    expect(Object.keys(lifecycleMachine.events)).toEqual(
      expect.arrayContaining(lifecycleSeedEnum('MentorshipEvent')),
    );
  });

  it("implements the seed's conditions as guards", () => {
    expect(Object.keys(lifecycleMachine.guards).sort()).toEqual(lifecycleSeedConditions().sort());
  });

  it.each(rows.map((r) => [`${r.from} --${r.event}--> ${r.to}`, r] as const))(
    'accepts seed row %s with its action',
    (_name, row) => {
      const declared = lifecycleMachine.transitions.find(
        (t) => t.from === row.from && t.event === row.event && t.to === row.to,
      );
      expect(declared).toBeDefined();
      expect(declared!.addition).toBeUndefined();
      const r = transition(
        lifecycleMachine,
        snapshotAt(lifecycleMachine, row.from as State, now),
        row.event as Event,
        open,
        undefined,
        now,
      );
      expect(r.snapshot.path).toEqual([row.to]);
      expect(r.actions).toContain(row.action);
      expect(r.steps.find((s) => s.phase === 'transition')?.action).toBe(row.action);
    },
  );

  it('marks every edge outside the seed table as an addition', () => {
    const seedKeys = new Set(rows.map((r) => `${r.from}/${r.event}/${r.to}`));
    for (const t of lifecycleMachine.transitions) {
      if (!seedKeys.has(`${t.from}/${t.event}/${t.to}`))
        expect(t.addition, `${t.from} --${t.event}-->`).toMatch(/\w{3,}/);
    }
  });
});

describe('lifecycle guards', () => {
  const pending = () => snapshotAt(lifecycleMachine, 'ASSESSMENT_PENDING', now);
  it.each<[string, State, Event, LifecycleContext, unknown, boolean]>([
    [
      'assessment_completed: completed in the database',
      'ASSESSMENT_PENDING',
      'COMPLETE_ASSESSMENT',
      { assessmentStatus: 'completed' },
      undefined,
      true,
    ],
    [
      'assessment_completed: results in the event',
      'ASSESSMENT_PENDING',
      'COMPLETE_ASSESSMENT',
      {},
      { results: { q1: 'a' } },
      true,
    ],
    [
      'assessment_completed: still pending',
      'ASSESSMENT_PENDING',
      'COMPLETE_ASSESSMENT',
      { assessmentStatus: 'pending' },
      undefined,
      false,
    ],
    ['goals_set: goals stored', 'GOAL_SETTING', 'SET_GOALS', { goalCount: 1 }, undefined, true],
    [
      'goals_set: goals in the event',
      'GOAL_SETTING',
      'SET_GOALS',
      {},
      { goals: [{ title: 'x' }] },
      true,
    ],
    ['goals_set: no goals', 'GOAL_SETTING', 'SET_GOALS', { goalCount: 0 }, { goals: [] }, false],
    [
      'mentor_available: available',
      'PROGRESS_TRACKING',
      'REQUEST_MENTOR_HELP',
      { mentorAvailable: true },
      undefined,
      true,
    ],
    [
      'mentor_available: busy',
      'PROGRESS_TRACKING',
      'REQUEST_MENTOR_HELP',
      { mentorAvailable: false },
      undefined,
      false,
    ],
  ])('%s', (_name, state, event, context, data, passes) => {
    const snapshot = snapshotAt(lifecycleMachine, state, now);
    expect(can(lifecycleMachine, snapshot, event, context, data)).toBe(passes);
    if (passes) {
      expect(() => transition(lifecycleMachine, snapshot, event, context, data, now)).not.toThrow();
      return;
    }
    let caught: unknown;
    try {
      transition(lifecycleMachine, snapshot, event, context, data, now);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GuardRejectedError);
    expect((caught as GuardRejectedError).code).toBe('GUARD_REJECTED');
    expect((caught as GuardRejectedError).details).toMatchObject({
      state,
      event,
      guard: expect.stringMatching(/_/),
    });
  });

  it('names the guard in the error message', () => {
    expect(() =>
      transition(lifecycleMachine, pending(), 'COMPLETE_ASSESSMENT', {}, undefined, now),
    ).toThrow(/assessment_completed/);
  });
});

describe('lifecycle additions', () => {
  it('CANCEL leads from every non-final state to CANCELLED, and final states accept nothing', () => {
    for (const [state, config] of Object.entries(lifecycleMachine.states) as [
      State,
      { final?: boolean },
    ][]) {
      const snapshot = snapshotAt(lifecycleMachine, state, now);
      if (config.final) {
        expect(allowedEvents(lifecycleMachine, snapshot)).toEqual([]);
        expect(() => transition(lifecycleMachine, snapshot, 'CANCEL', {}, undefined, now)).toThrow(
          InvalidTransitionError,
        );
        continue;
      }
      const r = transition(lifecycleMachine, snapshot, 'CANCEL', {}, undefined, now);
      expect(r.snapshot.path).toEqual(['CANCELLED']);
      expect(r.actions).toEqual(['cancelMentorship']);
      expect(isDone(lifecycleMachine, r.snapshot)).toBe(true);
    }
  });

  it('enters and leaves ASSESSMENT_IN_PROGRESS and CHECK_IN_REQUIRED', () => {
    let s = initialSnapshot(lifecycleMachine, now);
    const go = (event: Event, data?: unknown) => {
      s = transition(lifecycleMachine, s, event, {}, data, now).snapshot;
      return s.path[0];
    };
    expect(go('START')).toBe('ASSESSMENT_PENDING');
    expect(go('BEGIN_ASSESSMENT')).toBe('ASSESSMENT_IN_PROGRESS');
    expect(go('COMPLETE_ASSESSMENT', { results: {} })).toBe('GOAL_SETTING');
    expect(go('SET_GOALS', { goals: [{ title: 'ship it' }] })).toBe('ACTIVE');
    expect(go('CHECK_IN_DUE')).toBe('CHECK_IN_REQUIRED');
    expect(go('SUBMIT_PROGRESS')).toBe('PROGRESS_TRACKING');
    expect(go('PAUSE')).toBe('PAUSED');
    expect(go('RESUME')).toBe('ACTIVE');
    expect(go('SUBMIT_PROGRESS')).toBe('PROGRESS_TRACKING');
    expect(go('COMPLETE_GOAL')).toBe('COMPLETION');
    expect(s.history.map((h) => h.to)).toEqual([
      'ASSESSMENT_PENDING',
      'ASSESSMENT_IN_PROGRESS',
      'GOAL_SETTING',
      'ACTIVE',
      'CHECK_IN_REQUIRED',
      'PROGRESS_TRACKING',
      'PAUSED',
      'ACTIVE',
      'PROGRESS_TRACKING',
      'COMPLETION',
    ]);
    expect(s.history[0]!.digest).toBe('assessment=-;goals=0;mentor=no');
  });

  it('returns entry actions of the seed timers when entering ASSESSMENT_PENDING and ACTIVE', () => {
    const r = transition(
      lifecycleMachine,
      initialSnapshot(lifecycleMachine, now),
      'START',
      {},
      undefined,
      now,
    );
    expect(r.actions).toEqual(['sendInitialAssessment', 'scheduleAssessmentCheck']);
    const active = transition(
      lifecycleMachine,
      snapshotAt(lifecycleMachine, 'PAUSED', now),
      'RESUME',
      {},
      undefined,
      now,
    );
    expect(active.actions).toEqual(['resumeTracking', 'scheduleStagnationCheck']);
  });

  it.each<[State, string]>([
    ['INITIALIZING', 'COMPLETE_GOAL'],
    ['ASSESSMENT_PENDING', 'SET_GOALS'],
    ['GOAL_SETTING', 'START'],
    ['ACTIVE', 'RESUME'],
    ['PAUSED', 'SUBMIT_PROGRESS'],
    ['MENTOR_INTERVENTION', 'COMPLETE_GOAL'],
    ['ACTIVE', 'complete_goal'],
  ])('rejects %s + %s listing the allowed events', (state, event) => {
    const snapshot = snapshotAt(lifecycleMachine, state, now);
    const allowed = allowedEvents(lifecycleMachine, snapshot);
    expect(() =>
      transition(lifecycleMachine, snapshot, event as Event, open, undefined, now),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        details: { state, event, allowedEvents: allowed },
      }),
    );
    expect(allowed).toContain('CANCEL');
  });
});
