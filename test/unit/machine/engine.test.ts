import { describe, expect, it } from 'vitest';
import {
  FINAL,
  GuardRejectedError,
  InvalidTransitionError,
  allowedEvents,
  checkMachine,
  defineMachine,
  historyTail,
  initialSnapshot,
  parseSnapshot,
  serializeSnapshot,
  snapshotAt,
  transition,
} from '../../../src/machine/index.ts';
import type { AnyMachine, MachineProblemKind } from '../../../src/machine/index.ts';

interface Ctx {
  readonly level: number;
}

/** A small machine with two levels of nesting and hooks everywhere. */
const nested = defineMachine({
  id: 'nested',
  description: 'test machine',
  initial: 'A',
  states: {
    A: { description: 'outer', initial: 'A1', entry: ['enterA'], exit: ['exitA'] },
    A1: { description: 'first child', parent: 'A', entry: ['enterA1'], exit: ['exitA1'] },
    A2: {
      description: 'second child, composite',
      parent: 'A',
      initial: 'A2a',
      entry: ['enterA2'],
      exit: ['exitA2'],
    },
    A2a: { description: 'grandchild', parent: 'A2', entry: ['enterA2a'], exit: ['exitA2a'] },
    A2b: { description: 'grandchild', parent: 'A2', entry: ['enterA2b'], exit: ['exitA2b'] },
    B: { description: 'outside', entry: ['enterB'], exit: ['exitB'] },
    DONE: { description: 'final', final: true, entry: ['enterDone'] },
  },
  events: { next: '', go: '', back: '', reset: '', pick: '', finish: '', abort: '', over: '' },
  transitions: [
    { from: 'A1', event: 'next', to: 'A2', actions: ['onNext'] },
    { from: 'A2a', event: 'next', to: 'A2b' },
    { from: 'A', event: 'next', to: 'B', actions: ['parentNext'] },
    { from: 'A', event: 'go', to: 'B', actions: ['onGo'] },
    { from: 'A', event: 'reset', to: 'A', actions: ['onReset'] },
    { from: 'B', event: 'back', to: 'A2', actions: ['onBack'] },
    { from: 'B', event: 'pick', to: 'A1', guard: 'high', actions: ['pickHigh'] },
    { from: 'B', event: 'pick', to: 'A2b', guard: 'low', actions: ['pickLow'] },
    { from: 'B', event: 'over', to: 'A1', guard: 'high' },
    { from: 'B', event: 'over', to: 'A2', guard: 'low' },
    { from: 'B', event: 'finish', to: 'DONE', guard: 'high' },
    { from: 'B', event: 'finish', to: FINAL },
  ],
  anyState: [{ event: 'abort', to: FINAL, actions: ['onAbort'], except: ['A2'] }],
  guards: {
    high: (c: Ctx) => c.level > 5,
    low: (c: Ctx, data: unknown) => c.level < 0 || data === 'force-low',
  },
  digest: (c: Ctx) => `level=${c.level}`,
});

const t0 = new Date('2026-01-05T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const mid: Ctx = { level: 3 };

describe('transition: hierarchy and hooks', () => {
  it('starts in the initial leaf of the initial composite', () => {
    expect(initialSnapshot(nested, t0).path).toEqual(['A', 'A1']);
  });

  it('between siblings: exits only the child, then edge actions, then enters the new branch down to its initial leaf', () => {
    const r = transition(nested, initialSnapshot(nested, t0), 'next', mid, undefined, t0);
    expect(r.snapshot.path).toEqual(['A', 'A2', 'A2a']);
    expect(r.actions).toEqual(['exitA1', 'onNext', 'enterA2', 'enterA2a']);
    expect(r.steps[1]).toEqual({ phase: 'transition', state: 'A1', action: 'onNext' });
  });

  it('a child handles an event before its parent', () => {
    const r = transition(nested, snapshotAt(nested, 'A2a', t0), 'next', mid, undefined, t0);
    expect(r.snapshot.path).toEqual(['A', 'A2', 'A2b']);
    expect(r.transition.source).toBe('A2a');
  });

  it('an unhandled event bubbles to the ancestor; exit order is innermost first, across two boundaries', () => {
    const r = transition(nested, snapshotAt(nested, 'A2b', t0), 'go', mid, undefined, t0);
    expect(r.transition.source).toBe('A');
    expect(r.exited).toEqual(['A2b', 'A2', 'A']);
    expect(r.actions).toEqual(['exitA2b', 'exitA2', 'exitA', 'onGo', 'enterB']);
  });

  it('entering a nested composite from outside enters every level outermost first', () => {
    const r = transition(nested, snapshotAt(nested, 'B', t0), 'back', mid, undefined, t0);
    expect(r.entered).toEqual(['A', 'A2', 'A2a']);
    expect(r.actions).toEqual(['exitB', 'onBack', 'enterA', 'enterA2', 'enterA2a']);
  });

  it('a transition to an ancestor exits and re-enters it', () => {
    const r = transition(nested, snapshotAt(nested, 'A2b', t0), 'reset', mid, undefined, t0);
    expect(r.snapshot.path).toEqual(['A', 'A1']);
    expect(r.actions).toEqual(['exitA2b', 'exitA2', 'exitA', 'onReset', 'enterA', 'enterA1']);
  });

  it('an any-state edge applies in every non-excepted state and the final pseudo-state exits everything', () => {
    const r = transition(nested, snapshotAt(nested, 'A1', t0), 'abort', mid, undefined, t0);
    expect(r.snapshot.path).toEqual([FINAL]);
    expect(r.transition.source).toBe('*');
    expect(r.actions).toEqual(['exitA1', 'exitA', 'onAbort']);
    expect(allowedEvents(nested, r.snapshot)).toEqual([]);
    expect(() =>
      transition(nested, snapshotAt(nested, 'A2a', t0), 'abort', mid, undefined, t0),
    ).toThrow(InvalidTransitionError);
  });
});

describe('transition: guards', () => {
  it('takes the first edge whose guard passes', () => {
    const high = transition(
      nested,
      snapshotAt(nested, 'B', t0),
      'pick',
      { level: 9 },
      undefined,
      t0,
    );
    expect(high.snapshot.path).toEqual(['A', 'A1']);
    expect(high.actions).toContain('pickHigh');
    const low = transition(
      nested,
      snapshotAt(nested, 'B', t0),
      'pick',
      { level: -1 },
      undefined,
      t0,
    );
    expect(low.snapshot.path).toEqual(['A', 'A2', 'A2b']);
    expect(low.actions).toContain('pickLow');
  });

  it('passes the event data to guards', () => {
    const r = transition(nested, snapshotAt(nested, 'B', t0), 'pick', mid, 'force-low', t0);
    expect(r.transition.guard).toBe('low');
  });

  it('falls back to an unguarded edge after a rejected guard', () => {
    expect(
      transition(nested, snapshotAt(nested, 'B', t0), 'finish', mid, undefined, t0).snapshot.path,
    ).toEqual([FINAL]);
    expect(
      transition(nested, snapshotAt(nested, 'B', t0), 'finish', { level: 7 }, undefined, t0)
        .snapshot.path,
    ).toEqual(['DONE']);
  });

  it('throws GUARD_REJECTED naming every guard tried when none passes', () => {
    const attempt = () =>
      transition(nested, snapshotAt(nested, 'B', t0), 'over', mid, undefined, t0);
    expect(attempt).toThrow(GuardRejectedError);
    expect(attempt).toThrow(/'high', 'low'/);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'GUARD_REJECTED',
        details: { state: 'B', event: 'over', guard: 'high', guards: ['high', 'low'] },
      }),
    );
  });

  it('a named final state accepts no event', () => {
    const done = transition(
      nested,
      snapshotAt(nested, 'B', t0),
      'finish',
      { level: 7 },
      undefined,
      t0,
    );
    expect(done.actions).toEqual(['exitB', 'enterDone']);
    expect(() => transition(nested, done.snapshot, 'abort', mid, undefined, t0)).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        details: { state: 'DONE', event: 'abort', allowedEvents: [] },
      }),
    );
  });

  it('refuses a snapshot of another machine', () => {
    const foreign = { ...snapshotAt(nested, 'B', t0), machine: 'other' };
    expect(() => transition(nested, foreign, 'go', mid, undefined, t0)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR' }),
    );
  });
});

describe('snapshots and history', () => {
  it('records from, event, to, time, duration in the previous state and the context digest', () => {
    const first = transition(nested, initialSnapshot(nested, t0), 'go', mid, undefined, at(1_500));
    const second = transition(nested, first.snapshot, 'back', { level: 4 }, undefined, at(4_000));
    expect(second.snapshot.history).toEqual([
      {
        from: 'A1',
        event: 'go',
        to: 'B',
        at: at(1_500).toISOString(),
        durationMs: 1_500,
        digest: 'level=3',
      },
      {
        from: 'B',
        event: 'back',
        to: 'A2a',
        at: at(4_000).toISOString(),
        durationMs: 2_500,
        digest: 'level=4',
      },
    ]);
    expect(second.snapshot.enteredAt).toBe(at(4_000).toISOString());
  });

  it('defaults to 1,000 entries of retention and keeps only the newest entries', () => {
    expect(initialSnapshot(nested, t0).historyLimit).toBe(1000);
    let s = initialSnapshot(nested, t0, { historyLimit: 3 });
    for (let i = 1; i <= 10; i++)
      s = transition(nested, s, i % 2 ? 'go' : 'back', mid, undefined, at(i * 1000)).snapshot;
    expect(s.history).toHaveLength(3);
    expect(s.history.map((h) => h.at)).toEqual(
      [at(8000), at(9000), at(10_000)].map((d) => d.toISOString()),
    );
    expect(historyTail(s, 2)).toEqual(s.history.slice(1));
    expect(historyTail(s, 50)).toEqual(s.history);
    expect(historyTail(s, 0)).toEqual([]);
  });

  it('rejects a non-positive retention', () => {
    expect(() => initialSnapshot(nested, t0, { historyLimit: 0 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR' }),
    );
  });

  it('round-trips through JSON without loss', () => {
    let s = initialSnapshot(nested, t0, { historyLimit: 5 });
    for (let i = 1; i <= 7; i++)
      s = transition(nested, s, i % 2 ? 'go' : 'back', mid, undefined, at(i * 333)).snapshot;
    const text = serializeSnapshot(s);
    const back = parseSnapshot(nested, text);
    expect(back).toEqual(s);
    expect(parseSnapshot(nested, JSON.parse(text))).toEqual(s);
    expect(serializeSnapshot(back)).toBe(text);
    // A restored snapshot keeps working.
    expect(transition(nested, back, 'back', mid, undefined, at(9_999)).snapshot.path).toEqual([
      'A',
      'A2',
      'A2a',
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    ['not JSON', '{oops', /not valid JSON/],
    ['another machine', { ...snapshotAt(nested, 'B', t0), machine: 'story' }, /snapshot.machine/],
    ['an unknown state', { ...snapshotAt(nested, 'B', t0), path: ['Z'] }, /snapshot.path/],
    ['a composite as leaf', { ...snapshotAt(nested, 'B', t0), path: ['A'] }, /snapshot.path/],
    [
      'a path that is not the chain',
      { ...snapshotAt(nested, 'B', t0), path: ['A2', 'A2a'] },
      /snapshot.path/,
    ],
    [
      'a bad time',
      { ...snapshotAt(nested, 'B', t0), enteredAt: 'yesterday' },
      /snapshot.enteredAt/,
    ],
    ['an empty path', { ...snapshotAt(nested, 'B', t0), path: [] }, /snapshot.path/],
  ])('parseSnapshot rejects %s', (_name, value, message) => {
    expect(() => parseSnapshot(nested, value)).toThrow(message);
    expect(() => parseSnapshot(nested, value)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR' }),
    );
  });
});

describe('allowedEvents', () => {
  it('lists own, inherited and any-state events in declaration order', () => {
    expect(allowedEvents(nested, snapshotAt(nested, 'A2a', t0))).toEqual(['next', 'go', 'reset']);
    expect(allowedEvents(nested, snapshotAt(nested, 'A1', t0))).toEqual([
      'next',
      'go',
      'reset',
      'abort',
    ]);
    expect(allowedEvents(nested, snapshotAt(nested, 'B', t0))).toEqual([
      'back',
      'pick',
      'finish',
      'abort',
      'over',
    ]);
  });
});

/** A minimal valid machine to break one way at a time. */
function base(): AnyMachine {
  return {
    id: 'broken',
    description: '',
    initial: 'S',
    states: {
      S: { description: '' },
      T: { description: '' },
      END: { description: '', final: true },
    },
    events: { e: '', f: '' },
    transitions: [
      { from: 'S', event: 'e', to: 'T' },
      { from: 'T', event: 'f', to: 'END' },
    ],
    guards: { g: () => true },
  };
}

describe('checkMachine', () => {
  it('finds nothing wrong in a sound machine', () => {
    expect(checkMachine(base())).toEqual([]);
    expect(checkMachine(nested)).toEqual([]);
  });

  const cases: [string, (m: AnyMachine) => AnyMachine, MachineProblemKind, RegExp][] = [
    [
      'an unknown target',
      (m) => ({ ...m, transitions: [...m.transitions, { from: 'S', event: 'f', to: 'NOWHERE' }] }),
      'unknownTarget',
      /NOWHERE/,
    ],
    [
      'an unknown source',
      (m) => ({ ...m, transitions: [...m.transitions, { from: 'GHOST', event: 'f', to: 'T' }] }),
      'unknownState',
      /GHOST/,
    ],
    [
      'an unknown event',
      (m) => ({ ...m, transitions: [...m.transitions, { from: 'S', event: 'zzz', to: 'T' }] }),
      'unknownEvent',
      /zzz/,
    ],
    [
      'an unknown guard',
      (m) => ({
        ...m,
        transitions: [...m.transitions, { from: 'S', event: 'f', to: 'T', guard: 'nope' }],
      }),
      'unknownGuard',
      /nope/,
    ],
    [
      'a duplicate (from, event) without guards',
      (m) => ({ ...m, transitions: [...m.transitions, { from: 'S', event: 'e', to: 'END' }] }),
      'duplicateTransition',
      /S --e-->/,
    ],
    [
      'an edge out of a final state',
      (m) => ({ ...m, transitions: [...m.transitions, { from: 'END', event: 'e', to: 'S' }] }),
      'transitionFromFinal',
      /END/,
    ],
    [
      'an unreachable state',
      (m) => ({
        ...m,
        states: { ...m.states, LOST: { description: '' } },
        transitions: [...m.transitions, { from: 'LOST', event: 'e', to: 'END' }],
      }),
      'unreachable',
      /LOST/,
    ],
    [
      'a state with no path to a final state',
      (m) => ({
        ...m,
        states: { ...m.states, LOOP: { description: '' } },
        transitions: [
          ...m.transitions,
          { from: 'S', event: 'f', to: 'LOOP' },
          { from: 'LOOP', event: 'e', to: 'LOOP' },
        ],
      }),
      'noPathToFinal',
      /LOOP/,
    ],
    [
      'a dead end (only any-state exits)',
      (m) => ({
        ...m,
        states: { ...m.states, STUCK: { description: '' } },
        transitions: [...m.transitions, { from: 'S', event: 'f', to: 'STUCK' }],
        anyState: [{ event: 'f', to: 'END', except: ['S', 'T'] }],
      }),
      'deadEnd',
      /STUCK/,
    ],
    [
      'a composite without an initial child',
      (m) => ({ ...m, states: { ...m.states, KID: { description: '', parent: 'T' } } }),
      'badHierarchy',
      /initial child/,
    ],
    [
      'a parent cycle',
      (m) => ({
        ...m,
        states: {
          ...m.states,
          P: { description: '', parent: 'Q', initial: 'Q' },
          Q: { description: '', parent: 'P', initial: 'P' },
        },
      }),
      'badHierarchy',
      /cycle/,
    ],
  ];
  it.each(cases)('reports %s', (_name, breakIt, kind, message) => {
    const problems = checkMachine(breakIt(base()));
    const found = problems.find((p) => p.kind === kind);
    expect(found, JSON.stringify(problems)).toBeDefined();
    expect(found!.message).toMatch(message);
  });

  it('accepts duplicate (from, event) pairs told apart by guards', () => {
    const m = base();
    expect(
      checkMachine({
        ...m,
        transitions: [...m.transitions, { from: 'S', event: 'e', to: 'END', guard: 'g' }],
      }),
    ).toEqual([]);
  });
});
