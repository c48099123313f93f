/**
 * The adaptive mentor's records (seed 001 "Adaptive features"): what one session measured about the
 * learner (kept in the session's context, written by the turn that measured it) and the settings a
 * new session derives from the learner's earlier sessions.
 */
import type { SessionOutcomes } from '../../domain/sessions.ts';

export type { SessionOutcomes };

/** The learner's level as the hint rules read it (`learner.level`). */
export type AdaptiveLevel = 'beginner' | 'intermediate' | 'advanced';
/** How finely plans are split: `fine` splits compound steps, `coarse` merges test-and-code pairs. */
export type Granularity = 'fine' | 'normal' | 'coarse';

/** The learner's history over their recent sessions, before this one. */
export interface LearnerProfile {
  /** Earlier sessions read (the most recent ones). */
  readonly sessions: number;
  /** Finished tasks with a measured time. */
  readonly tasks: number;
  /** The most recent task ratios (newest last), at most `recentTasks`. */
  readonly recentRatios: readonly number[];
  readonly helpRequests: number;
  /** Sessions whose quality gates judged, and how many passed the first time. */
  readonly gateSessions: number;
  readonly gateFirstPasses: number;
  readonly repeatedErrors: number;
}

/** What the mentor adapts, with the reasons in words; stored as `sessions.context.adaptive`. */
export interface AdaptiveSettings {
  readonly profile: LearnerProfile;
  /** Multiplies the step and response timers (bounded, 1 without history). */
  readonly timeoutFactor: number;
  readonly level: AdaptiveLevel;
  /** The depth (1–3) the first hint of a task starts at. */
  readonly hintStartDepth: number;
  readonly granularity: Granularity;
  /** One sentence per factor, for `/status` and the session API. */
  readonly explanation: readonly string[];
}
