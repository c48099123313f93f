/**
 * The live state of one turn while its `mentor-turn` Mastra run executes: the open turn (draft,
 * cursor), the actions of the step being applied, and the commit. It travels in the run's request
 * context, not in step outputs: it holds the draft (maps, the agent port) and is never persisted —
 * a successful turn writes no Mastra snapshot, and a turn interrupted by a crash is computed again
 * from the session row (its inbox event is still pending).
 */
import type { TracingContext } from '@mastra/core/observability';
import type { RequestContext } from '@mastra/core/request-context';
import type pg from 'pg';
import { AppError } from '../../../errors/app-error.ts';
import type { CommitResult } from '../../store/commit.ts';
import { type ComputedTurn, type OpenTurn, rejectTurn } from '../compute-turn.ts';
import type { StepActions, TurnStep } from '../machine-step.ts';

export const TURN_RUN_KEY = 'mentorflow.turn';

export interface TurnRun {
  readonly turn: OpenTurn;
  readonly pool: pg.Pool;
  /** The actions of the step the loop is applying (set by `transition`, run by a group workflow). */
  pending?: StepActions;
  /**
   * The cursor's next step, read ahead by `hasNextStep` (null: none left) and taken by the
   * `transition` step that applies it; undefined when not read yet.
   */
  next?: TurnStep | null;
  /** Set when the event is rejected (wrong state, guard): later steps pass, the commit records it. */
  rejected?: ComputedTurn;
  /** What the commit step committed, and how it went. */
  computed?: ComputedTurn;
  committed?: CommitResult;
}

/**
 * The turn a step works on. Given the step's tracing context, agent calls the step makes are traced
 * under it.
 */
export function turnRunOf(
  requestContext: RequestContext,
  eventId: string,
  tracingContext?: TracingContext,
): TurnRun {
  const run = requestContext.get(TURN_RUN_KEY) as TurnRun | undefined;
  if (!run || run.turn.event.id !== eventId)
    throw new AppError(
      'VALIDATION_ERROR',
      `No turn is open for event ${eventId} in this run: session turns are started by the session service (POST /api/sessions/:id/events).`,
      { field: 'eventId' },
    );
  const tracing = run.turn.deps.tracing;
  if (tracing) tracing.current = tracingContext;
  return run;
}

/**
 * Whether the turn has a machine step left to apply: reads the cursor's next step ahead of the
 * `transition` that applies it, so the event loop runs once per step and is skipped when there is
 * none (a Mastra loop runs its body at least once). A cursor that throws rejects the event.
 */
export async function hasNextStep(run: TurnRun): Promise<boolean> {
  if (run.next === undefined && !run.rejected) {
    const { cursor, draft, deps } = run.turn;
    await unlessRejected(run, async () => {
      run.next = await cursor.next(draft, deps);
    });
  }
  return !run.rejected && Boolean(run.next);
}

/** The step to apply next: the one read ahead, else the cursor's. */
export async function takeNextStep(run: TurnRun): Promise<TurnStep | null> {
  const step =
    run.next !== undefined ? run.next : await run.turn.cursor.next(run.turn.draft, run.turn.deps);
  run.next = undefined;
  return step;
}

/** Runs a step's work unless the event was already rejected; a rejection is recorded, not thrown. */
export async function unlessRejected(run: TurnRun, work: () => Promise<void>): Promise<void> {
  if (run.rejected) return;
  try {
    await work();
  } catch (error) {
    run.rejected = rejectTurn(run.turn, error);
  }
}
