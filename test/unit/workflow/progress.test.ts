import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeProgress,
  expectedPhaseMs,
  seedPhaseMs,
  type ProgressInput,
} from '../../../workflows/implementation/progress.ts';
import { phases, runStatuses, type Phase } from '../../../workflows/implementation/schemas.ts';

const now = new Date('2026-11-21T12:00:00Z');
const minutes = (n: number) => new Date(now.getTime() - n * 60_000);

function input(overrides: Partial<ProgressInput>): ProgressInput {
  return {
    status: 'in_progress',
    currentPhase: 'plan',
    phaseStartedAt: now,
    completed: new Set(),
    reviewScore: null,
    refinementsDone: 0,
    maxRefinements: 3,
    passScore: 80,
    lastActivityAt: now,
    now,
    expectedMs: seedPhaseMs,
    ...overrides,
  };
}

describe('computeProgress', () => {
  it('weights phases by the seed figures (5 + 3 + 4 + 15 minutes)', () => {
    // Review running 1 minute in, plan done: (5 + 1) of 27 minutes.
    const p = computeProgress(
      input({ currentPhase: 'review', phaseStartedAt: minutes(1), completed: new Set(['plan']) }),
    );
    expect(p.progress).toBe(Math.floor((6 / 27) * 100));
    expect(p.estimatedCompletion).toBe(new Date(now.getTime() + 21 * 60_000).toISOString());
  });

  it('drops refinement from the estimate once the review passes', () => {
    const p = computeProgress(
      input({
        currentPhase: 'implement',
        phaseStartedAt: now,
        completed: new Set<Phase>(['plan', 'review', 'refine', 'approval']),
        reviewScore: 90,
      }),
    );
    expect(p.progress).toBe(Math.floor((8 / 23) * 100));
    expect(p.estimatedCompletion).toBe(new Date(now.getTime() + 15 * 60_000).toISOString());
  });

  it('caps a phase that overruns its estimate at 90 % of its share', () => {
    const p = computeProgress(input({ currentPhase: 'plan', phaseStartedAt: minutes(60) }));
    expect(p.progress).toBe(Math.floor(((5 * 0.9) / 27) * 100));
  });

  it('is 100 once completed, and has no estimate once ended or while waiting on a human', () => {
    const completed = computeProgress(input({ status: 'completed' }));
    expect(completed).toEqual({ progress: 100, estimatedCompletion: null });
    expect(
      computeProgress(
        input({
          status: 'awaiting_approval',
          currentPhase: 'approval',
          completed: new Set<Phase>(['plan', 'review', 'refine']),
        }),
      ).estimatedCompletion,
    ).toBeNull();
    expect(computeProgress(input({ status: 'failed' })).estimatedCompletion).toBeNull();
    expect(computeProgress(input({ status: 'rejected' })).estimatedCompletion).toBeNull();
  });

  it('stays within 0–99 for an unfinished run, with an estimate the clock does not move', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...runStatuses.filter((s) => s !== 'completed')),
        fc.constantFrom(...phases),
        fc.subarray([...phases]),
        fc.option(fc.integer({ min: 0, max: 100 })),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 600 }),
        (status, currentPhase, completed, reviewScore, refinementsDone, elapsedMin) => {
          const since = minutes(elapsedMin);
          const run = {
            ...{ status, currentPhase, completed: new Set(completed), reviewScore },
            ...{ refinementsDone, phaseStartedAt: since, lastActivityAt: since },
          };
          const p = computeProgress(input(run));
          expect(p.progress).toBeGreaterThanOrEqual(0);
          expect(p.progress).toBeLessThanOrEqual(99);
          const anHourLater = new Date(now.getTime() + 3_600_000);
          const later = computeProgress(input({ ...run, now: anHourLater }));
          expect(later.estimatedCompletion).toBe(p.estimatedCompletion);
        },
      ),
    );
  });

  it('keeps the estimate of a run whose process died where it was, poll after poll', () => {
    // Implementation started 3 hours ago, nothing happened since: due 15 minutes after its start.
    const dead = {
      currentPhase: 'implement' as const,
      phaseStartedAt: minutes(180),
      lastActivityAt: minutes(180),
      completed: new Set<Phase>(['plan', 'review', 'refine', 'approval']),
      reviewScore: 90,
    };
    const due = new Date(minutes(180).getTime() + 15 * 60_000).toISOString();
    const polls = [0, 1, 60].map((later) => {
      const at = new Date(now.getTime() + later * 60_000);
      return computeProgress(input({ ...dead, now: at })).estimatedCompletion;
    });
    expect(polls).toEqual([due, due, due]);
  });

  it('counts a run between phases (or still queued) from its last activity, not from now', () => {
    const queued = {
      status: 'queued' as const,
      currentPhase: null,
      phaseStartedAt: null,
      lastActivityAt: minutes(90),
    };
    const expected = new Date(minutes(90).getTime() + 27 * 60_000).toISOString();
    expect(computeProgress(input(queued)).estimatedCompletion).toBe(expected);
    const tenMinutesLater = new Date(now.getTime() + 600_000);
    const polledLater = computeProgress(input({ ...queued, now: tenMinutesLater }));
    expect(polledLater.estimatedCompletion).toBe(expected);
    // Plan finished 40 minutes ago, review not started: 3 + 4 + 15 minutes from then.
    const between = {
      currentPhase: 'plan' as const,
      phaseStartedAt: minutes(45),
      lastActivityAt: minutes(40),
      completed: new Set<Phase>(['plan']),
    };
    const due = new Date(minutes(40).getTime() + 22 * 60_000).toISOString();
    expect(computeProgress(input(between)).estimatedCompletion).toBe(due);
  });

  it('never goes backwards along a run that passes its first review', () => {
    const timeline: Partial<ProgressInput>[] = [
      { status: 'queued', currentPhase: null, phaseStartedAt: null },
      { currentPhase: 'plan', phaseStartedAt: minutes(2) },
      { currentPhase: 'review', phaseStartedAt: minutes(0), completed: new Set<Phase>(['plan']) },
      { currentPhase: 'review', phaseStartedAt: minutes(2), completed: new Set<Phase>(['plan']) },
      {
        currentPhase: 'implement',
        phaseStartedAt: minutes(0),
        completed: new Set<Phase>(['plan', 'review', 'refine', 'approval']),
        reviewScore: 85,
      },
      {
        currentPhase: 'implement',
        phaseStartedAt: minutes(10),
        completed: new Set<Phase>(['plan', 'review', 'refine', 'approval']),
        reviewScore: 85,
      },
      { status: 'completed' },
    ];
    const values = timeline.map((t) => computeProgress(input(t)).progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(100);
  });
});

describe('expectedPhaseMs', () => {
  it('uses the seed figures until plan, review and implementation have all been measured', () => {
    expect(expectedPhaseMs({})).toEqual(seedPhaseMs);
    expect(expectedPhaseMs({ plan: { medianMs: 10 }, review: { medianMs: 5 } })).toEqual(
      seedPhaseMs,
    );
  });

  it('uses measured medians, and scales a review into a refinement round when none was measured', () => {
    expect(
      expectedPhaseMs({
        plan: { medianMs: 10 },
        review: { medianMs: 6 },
        implement: { medianMs: 30 },
      }),
    ).toEqual({ plan: 10, review: 6, refine: 8, implement: 30 });
    expect(
      expectedPhaseMs({
        plan: { medianMs: 10 },
        review: { medianMs: 6 },
        implement: { medianMs: 30 },
        refine: { medianMs: 0, perIterationMs: 14 },
      }).refine,
    ).toBe(14);
  });
});
