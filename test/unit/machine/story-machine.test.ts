import { describe, expect, it } from 'vitest';
import {
  FINAL,
  InvalidTransitionError,
  allowedEvents,
  checkMachine,
  diagramOf,
  diffEdges,
  edgeKey,
  parseMermaid,
  snapshotAt,
  transition,
} from '../../../src/machine/index.ts';
import type { StoryState } from '../../../src/domain/machines/index.ts';
import { storyMachine, storyPolicies } from '../../../src/domain/machines/index.ts';
import { readFixture, storySeedFile } from './seeds.ts';

const seed = parseMermaid(readFixture(storySeedFile));
const now = new Date('2026-01-05T10:00:00.000Z');

describe('story machine vs seed 001', () => {
  it('parses the seed diagram (sanity: 64 edges, 3 substate blocks)', () => {
    expect(seed.edges).toHaveLength(64);
    expect(seed.initial).toBe('INIT_STORY_PROCESSING');
    expect(seed.initials).toEqual({
      MONITOR_PROGRESS: 'CONTINUE_MONITORING',
      QUALITY_GATE_CHECK: 'RUN_CHECKS',
      DIAGNOSE_BLOCKER: 'ANALYZE_STATE',
    });
  });

  it('passes its static checks', () => {
    expect(checkMachine(storyMachine)).toEqual([]);
  });

  it('declares every seed edge verbatim, none of them marked as an addition', () => {
    const { missing } = diffEdges(seed.edges, diagramOf(storyMachine).edges);
    expect(missing.map(edgeKey)).toEqual([]);
    for (const edge of seed.edges) {
      const declared = storyMachine.transitions.find(
        (t) => t.from === edge.from && t.event === edge.event && t.to === edge.to,
      );
      expect(declared?.addition, edgeKey(edge)).toBeUndefined();
    }
  });

  it('marks every edge that is not in the seed as an addition with a reason', () => {
    const { extra } = diffEdges(seed.edges, diagramOf(storyMachine).edges);
    expect(extra.length).toBeGreaterThan(0);
    for (const edge of extra) {
      const declared = storyMachine.transitions.find(
        (t) => t.from === edge.from && t.event === edge.event && t.to === edge.to,
      );
      expect(declared?.addition, edgeKey(edge)).toMatch(/\w{3,}/);
    }
    for (const t of storyMachine.anyState ?? []) expect(t.addition).toMatch(/\w{3,}/);
  });

  it('keeps the seed initial state and the seed substate blocks as composite states', () => {
    expect(storyMachine.initial).toBe(seed.initial);
    expect(diagramOf(storyMachine).parents).toEqual(seed.parents);
    expect(diagramOf(storyMachine).initials).toEqual(seed.initials);
  });

  it('has the states the prose names', () => {
    for (const state of ['GIVE_ANSWER', 'ESCALATE_TO_HUMAN', 'STORY_TIMEOUT'])
      expect(Object.keys(storyMachine.states)).toContain(state);
  });

  describe.each(seed.edges.map((e) => [edgeKey(e), e] as const))('seed edge %s', (_key, edge) => {
    it('is accepted by the engine and lands in the same target', () => {
      const start = snapshotAt(storyMachine, edge.from as StoryState, now);
      const result = transition(storyMachine, start, edge.event as never, {}, undefined, now);
      if (edge.to === FINAL) expect(result.snapshot.path).toEqual([FINAL]);
      else expect(result.snapshot.path).toContain(edge.to);
      expect(result.snapshot.history.at(-1)).toMatchObject({ event: edge.event });
    });
  });
});

describe('story machine behaviour', () => {
  it('enters a composite through its initial child and runs parent then child entry actions', () => {
    const r = transition(
      storyMachine,
      snapshotAt(storyMachine, 'START_IMPLEMENTATION', now),
      'timeout',
      {},
      undefined,
      now,
    );
    expect(r.snapshot.path).toEqual(['DIAGNOSE_BLOCKER', 'ANALYZE_STATE']);
    expect(r.actions).toEqual(['clearTimeout', 'diagnoseBlocker', 'analyzeState']);
  });

  it('handles a parent event in a child state (bubbling) and exits child then parent', () => {
    const inside = snapshotAt(storyMachine, 'CATEGORIZE_ISSUE', now);
    const r = transition(storyMachine, inside, 'technicalError', {}, undefined, now);
    expect(r.exited).toEqual(['CATEGORIZE_ISSUE', 'DIAGNOSE_BLOCKER']);
    expect(r.snapshot.path).toEqual(['FIX_TECHNICAL_ISSUE']);
    expect(r.actions).toEqual(['fixTechnicalIssue']);
  });

  it('sends each timeout policy event to its target from a working state', () => {
    for (const policy of storyPolicies.timeouts) {
      const r = transition(
        storyMachine,
        snapshotAt(storyMachine, 'START_IMPLEMENTATION', now),
        policy.event,
        {},
        undefined,
        now,
      );
      expect(r.snapshot.path, policy.kind).toContain(policy.target);
    }
  });

  it('reaches escalation and timeout from deep states, and cancel ends anywhere', () => {
    const deep = snapshotAt(storyMachine, 'DETERMINE_OUTCOME', now);
    expect(transition(storyMachine, deep, 'escalate', {}, undefined, now).snapshot.path).toEqual([
      'ESCALATE_TO_HUMAN',
    ]);
    expect(
      transition(storyMachine, deep, 'noProgressTimeout', {}, undefined, now).snapshot.path,
    ).toEqual(['STORY_TIMEOUT']);
    expect(transition(storyMachine, deep, 'cancel', {}, undefined, now).snapshot.path).toEqual([
      FINAL,
    ]);
  });

  it('lists the allowed events of a child state including inherited and any-state ones', () => {
    const events = allowedEvents(storyMachine, snapshotAt(storyMachine, 'ENCOURAGE_SPEED', now));
    expect(events).toEqual(
      expect.arrayContaining([
        'steadyProgress',
        'circularActivity',
        'taskCompleted',
        'stuckTimeout',
        'escalate',
        'cancel',
      ]),
    );
    expect(events).not.toContain('storyLoaded');
  });

  const invalid: [StoryState, string][] = [
    ['INIT_STORY_PROCESSING', 'goodPlan'],
    ['ASSESS_JUNIOR_CAPABILITY', 'storyLoaded'],
    ['PLAN_DECOMPOSITION', 'taskCompleted'],
    ['VERIFY_FIX', 'approved'],
    ['ANALYZE_STATE', 'categorized'],
    ['MONITOR_REVIEW', 'allPass'],
    ['STORY_COMPLETE', 'escalate'],
    ['ESCALATE_TO_HUMAN', 'stuckTimeout'],
    ['QUALITY_GATE_CHECK', 'nosuchEvent'],
  ];
  it.each(invalid)('rejects %s + %s naming the allowed events', (state, event) => {
    const snapshot = snapshotAt(storyMachine, state, now);
    const expected = allowedEvents(storyMachine, snapshot);
    expect(expected.length).toBeGreaterThan(0);
    let caught: unknown;
    try {
      transition(storyMachine, snapshot, event as never, {}, undefined, now);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidTransitionError);
    const error = caught as InvalidTransitionError;
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({ state: snapshot.path.at(-1), event, allowedEvents: expected });
    expect(error.message).toContain(expected[0]!);
  });

  it('rejects everything once finished', () => {
    const done = transition(
      storyMachine,
      snapshotAt(storyMachine, 'STORY_COMPLETE', now),
      'end',
      {},
      undefined,
      now,
    ).snapshot;
    expect(allowedEvents(storyMachine, done)).toEqual([]);
    expect(() => transition(storyMachine, done, 'cancel', {}, undefined, now)).toThrow(
      /not allowed in state '\[\*\]'.*none/,
    );
  });
});
