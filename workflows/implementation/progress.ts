import type { Phase, RunStatus } from './schemas.ts';

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

/** Median durations of recently finished phases (`refine`: of one round). */
export type PhaseHistory = Partial<Record<Phase, { medianMs: number; perIterationMs?: number }>>;

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
  const refine = history.refine?.perIterationMs || (review * seedPhaseMs.refine) / seedPhaseMs.review;
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
  completedAt: Date | null;
  now: Date;
  /** Expected duration of each phase (`refine`: of one round). */
  expectedMs: Readonly<Record<TimedPhase, number>>;
}

export interface Progress {
  /** 0–100; 100 only once completed. */
  progress: number;
  /** ISO time; null while waiting on a human or once the run ended without completing. */
  estimatedCompletion: string | null;
}

/** Refinement rounds the run is expected to need in all (done and to come). */
function expectedRounds(input: ProgressInput): number {
  if (input.completed.has('refine')) return input.refinementsDone;
  if (input.reviewScore !== null && input.reviewScore >= input.passScore && input.refinementsDone === 0 && input.completed.has('review')) return 0;
  // Before the first review, and while the plan still scores too low: at least one more round.
  return Math.min(input.maxRefinements, input.refinementsDone + 1);
}

/**
 * How far a run is, weighting each phase by its expected duration: finished phases count in full,
 * the running one by its elapsed share (capped at 90 %, since it has not finished), the approval wait
 * not at all. The estimate adds the expected remainder to now.
 */
export function computeProgress(input: ProgressInput): Progress {
  if (input.status === 'completed') return { progress: 100, estimatedCompletion: (input.completedAt ?? input.now).toISOString() };
  const e = input.expectedMs;
  const rounds = expectedRounds(input);
  const total = e.plan + e.review + rounds * e.refine + e.implement;
  let done = 0;
  if (input.completed.has('plan')) done += e.plan;
  if (input.completed.has('review')) done += e.review;
  done += Math.min(input.refinementsDone, rounds) * e.refine;
  if (input.completed.has('implement')) done += e.implement;
  const running = input.status === 'in_progress' && input.currentPhase && input.currentPhase !== 'approval' && !input.completed.has(input.currentPhase);
  if (running && input.phaseStartedAt) {
    const expected = e[input.currentPhase as TimedPhase];
    const elapsed = Math.max(0, input.now.getTime() - input.phaseStartedAt.getTime());
    done += Math.min(elapsed, expected * 0.9);
  }
  const progress = total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
  const active = input.status === 'queued' || input.status === 'in_progress';
  return {
    progress,
    estimatedCompletion: active ? new Date(input.now.getTime() + Math.max(0, total - done)).toISOString() : null,
  };
}
