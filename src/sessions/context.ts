/**
 * The turn layer's working memory, stored as `sessions.context` (jsonb). Kept small: it is
 * rewritten by every turn. Reports and messages stay in the inbox; only what the next turns need
 * to decide lives here.
 */
import type { AdaptiveSettings, SessionOutcomes } from './adaptive/types.ts';
import type { ArmedTimer } from '../domain/sessions.ts';
import type { TimerKind } from './timers/timer-kinds.ts';

export type { ArmedTimer };

export interface BlockerDiagnosisNote {
  readonly category: string;
  readonly diagnosed: boolean;
  readonly summary: string;
  readonly at: string;
}

export interface SessionContext {
  /** The plan's tasks, once approved (or the template's). */
  readonly plan?: readonly string[];
  /** Index of the current task in `plan`. */
  readonly taskIndex?: number;
  readonly taskStartedAt?: string;
  /** Hints given for the current task (each goes a level deeper). */
  readonly hintsGiven?: number;
  /** The last learner text a classifier read (the plan, a restatement), for follow-up actions. */
  readonly lastMessage?: string;
  readonly diagnosis?: BlockerDiagnosisNote;
  /** Failed tests in the last test run, to tell progress from a stall. */
  readonly lastTestsFailed?: number;
  /**
   * The inbox seq of the event that started the current quality-gate attempt (the gates entered
   * after the last step, or again after `fixesApplied`): the gates count only reports from it on,
   * not those sent earlier in the session or in a previous attempt. Read by
   * `src/db/sessions/select-latest-of-types.ts` from the stored context too.
   */
  readonly gateAttemptSeq?: number;
  readonly scopeReduced?: boolean;
  /** The learner's restatement of the story so far (with what they added while it was clarified). */
  readonly restatement?: string;
  /** Criteria the learner's restatement missed (for CLARIFY_REQUIREMENTS). */
  readonly missingPoints?: readonly string[];
  /** When MONITOR_PROGRESS was last entered: pattern detection reads activity since then. */
  readonly monitorSince?: string;
  /** When the session was last escalated: escalation triggers read activity since then. */
  readonly escalatedAt?: string;
  /** Diagnoses in a row that could not tell the blocker (seed 001: "System cannot diagnose issue"). */
  readonly undiagnosed?: number;
  /** Timers stopped by `pause`, with the time they had left, re-armed by `resume`. */
  readonly pausedTimers?: readonly {
    readonly kind: TimerKind;
    readonly remainingMs: number;
    readonly event: string;
  }[];
  /** Lifecycle: when progress was last reported (stagnation check). */
  readonly lastProgressAt?: string;
  readonly timers?: { readonly [K in TimerKind]?: ArmedTimer };
  /** Lifecycle guards' inputs (seed 000 checkCondition). */
  readonly assessmentStatus?: 'pending' | 'in_progress' | 'completed';
  readonly goalCount?: number;
  readonly recommendations?: readonly string[];
  readonly pauseReason?: string;
  readonly cancelReason?: string;
  /** What this session adapts to the learner's history (computed when it starts). */
  readonly adaptive?: AdaptiveSettings;
  /** What this session measured about the learner (read by their next sessions). */
  readonly outcomes?: SessionOutcomes;
}

/** The current task's text, when a plan exists. */
export function currentTask(context: SessionContext): string | null {
  const plan = context.plan;
  if (!plan || plan.length === 0) return null;
  return plan[Math.min(context.taskIndex ?? 0, plan.length - 1)] ?? null;
}
