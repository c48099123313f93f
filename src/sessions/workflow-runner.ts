/**
 * Runs each turn as a `mentor-turn` Mastra run (the workflow is assembled in
 * `src/mastra/mentor-turn-workflow.ts`): the processor keeps the order of a session's events and
 * the compare-and-set; the run computes and commits the turn, step by step, so Studio shows what a
 * turn did. The open turn travels in the run's request context.
 */
import type { Mastra } from '@mastra/core/mastra';
import { RequestContext } from '@mastra/core/request-context';
import type { WorkflowStreamEvent } from '@mastra/core/workflows';
import { AppError } from '../errors/app-error.ts';
import { openTurn } from './turn/compute-turn.ts';
import type { TurnExecutor } from './turn/processor.ts';
import { TURN_RUN_KEY, type TurnRun } from './turn/workflow/turn-run.ts';

export const MENTOR_TURN_WORKFLOW = 'mentorTurnWorkflow';

/** The result of a turn's run, for an observer (a test, a trace). */
export type TurnRunResult = Awaited<
  ReturnType<Awaited<ReturnType<ReturnType<Mastra['getWorkflow']>['createRun']>>['start']>
>;

/**
 * Computes and commits each turn through the `mentor-turn` workflow of `mastra`; `onRun` sees
 * each run's result.
 */
export function workflowTurns(
  mastra: Mastra,
  options: {
    onRun?: (result: TurnRunResult) => void;
    /**
     * Every event of every turn's run (steps of nested workflows included); step events only when
     * the workflow publishes them (`createMentorTurnWorkflow({ stepEvents: true })`).
     */
    onEvent?: (event: WorkflowStreamEvent) => void;
  } = {},
): TurnExecutor {
  const workflow = mastra.getWorkflow(MENTOR_TURN_WORKFLOW);
  return async (session, event, deps, pool) => {
    const turnRun: TurnRun = { turn: openTurn(session, event, { ...deps, tracing: {} }), pool };
    const requestContext = new RequestContext([[TURN_RUN_KEY, turnRun]]);
    // No run id of ours: with one, createRun() reads the run back from storage first (a round
    // trip per event); the run is found by its session (resourceId) and its input (eventId).
    const run = await workflow.createRun({ resourceId: session.id });
    const unwatch = options.onEvent ? run.watch(options.onEvent) : undefined;
    const result = await run.start({
      inputData: { sessionId: session.id, eventId: event.id, seq: event.seq },
      requestContext,
    });
    unwatch?.();
    options.onRun?.(result);
    if (result.status !== 'success') {
      const error = (result as { error?: unknown }).error;
      throw error instanceof Error
        ? error
        : new AppError('INTERNAL', `mentor-turn run ended ${result.status}`);
    }
    if (!turnRun.computed || !turnRun.committed)
      throw new AppError('INTERNAL', 'the mentor-turn run ended without its commit');
    return { turn: turnRun.computed, result: turnRun.committed };
  };
}
