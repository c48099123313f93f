import type { PhaseHistory } from '../../src/db/runs/types.ts';
import type { Phase, RunStatus } from './schemas.ts';

/** Median durations of recently finished phases (`refine`: of one round), from src/db/runs. */
export type { PhaseHistory };

/** Phases that take machine time; the approval gate waits on a human and is not estimated. */
export type TimedPhase = 'plan' | 'review' | 'refine' | 'implement';

/**
 * Seed 003's dashboard figures: planning ~5 min, review ~3 min, a refinement ~4 min, implementation
 * ~15 min. Used until the database has durations of finished phases to go by.
 */
export const seedPhaseMs: Readonly<Record<TimedPhase, number>> = {
  plan: 5 * 60_000,
  review: 3 * 60_000,
  refine: 4 * 60_000,
  implement: 15 * 60_000,
};

/**
 * Expected phase durations: measured ones once plan, review and implementation have all been seen
 * (mixing measured milliseconds with the seed's minutes would make progress meaningless), else the
 * seed's. A refinement round not yet measured is taken as the measured review scaled by the seed's
 * refinement-to-review ratio.
 */
export function expectedPhaseMs(history: PhaseHistory): Record<TimedPhase, number> {
  const plan = history.plan?.medianMs;
  const review = history.review?.medianMs;
  const implement = history.implement?.medianMs;
  if (!plan || !review || !implement) return { ...seedPhaseMs };
  const refine =
    history.refine?.perIterationMs || (review * seedPhaseMs.refine) / seedPhaseMs.review;
  return { plan, review, refine, implement };
}

export interface ProgressInput {
  status: RunStatus;
  currentPhase: Phase | null;
  /** When the current phase (or refinement round) started. */
  phaseStartedAt: Date | null;
  /** Phases with a checkpoint. */
  completed: ReadonlySet<Phase>;
  /** Score of the last review, once there is one. */
  reviewScore: number | null;
  /** Refinement rounds finished in the current attempt. */
  refinementsDone: number;
  maxRefinements: number;
  passScore: number;
  /**
   * The run's last recorded activity (its row's `updated_at`: every event and phase change bumps
   * it). The estimate of a run between phases counts from here.
   */
  lastActivityAt: Date;
  now: Date;
  /** Expected duration of each phase (`refine`: of one round). */
  expectedMs: Readonly<Record<TimedPhase, number>>;
}

export interface Progress {
  /** 0–100; 100 only once completed. */
  progress: number;
  /**
   * ISO time; null while waiting on a human and once the run has ended (completed or not). It may
   * lie in the past: a run behind its estimate is overdue, and its estimate stays where it was.
   */
  estimatedCompletion: string | null;
}

/** Refinement rounds the run is expected to need in all (done and to come). */
function expectedRounds(input: ProgressInput): number {
  if (input.completed.has('refine')) return input.refinementsDone;
  if (
    input.reviewScore !== null &&
    input.reviewScore >= input.passScore &&
    input.refinementsDone === 0 &&
    input.completed.has('review')
  )
    return 0;
  // Before the first review, and while the plan still scores too low: at least one more round.
  return Math.min(input.maxRefinements, input.refinementsDone + 1);
}

/**
 * How far a run is, weighting each phase by its expected duration: finished phases count in full,
 * the running one by its elapsed share (capped at 90 %, since it has not finished), the approval wait
 * not at all.
 *
 * The estimate counts from the run's own timestamps, never from the clock: the running phase's
 * start plus what remains from that phase on, or, between phases, the last activity plus what
 * remains. A run whose process died (no event, no phase change) thus keeps one estimate, which
 * falls behind as time passes, instead of one that moves forward on every poll.
 */
export function computeProgress(input: ProgressInput): Progress {
  if (input.status === 'completed') return { progress: 100, estimatedCompletion: null };
  const e = input.expectedMs;
  const rounds = expectedRounds(input);
  const total = e.plan + e.review + rounds * e.refine + e.implement;
  let finished = 0;
  if (input.completed.has('plan')) finished += e.plan;
  if (input.completed.has('review')) finished += e.review;
  finished += Math.min(input.refinementsDone, rounds) * e.refine;
  if (input.completed.has('implement')) finished += e.implement;
  const phase = input.currentPhase;
  const running =
    input.status === 'in_progress' &&
    phase !== null &&
    phase !== 'approval' &&
    !input.completed.has(phase);
  const runningSince = running ? input.phaseStartedAt : null;
  let done = finished;
  if (runningSince) {
    const expected = e[phase as TimedPhase];
    const elapsed = Math.max(0, input.now.getTime() - runningSince.getTime());
    done += Math.min(elapsed, expected * 0.9);
  }
  const progress = total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
  const active = input.status === 'queued' || input.status === 'in_progress';
  if (!active) return { progress, estimatedCompletion: null };
  const from = runningSince ?? input.lastActivityAt;
  const remaining = Math.max(0, total - finished);
  return { progress, estimatedCompletion: new Date(from.getTime() + remaining).toISOString() };
}
