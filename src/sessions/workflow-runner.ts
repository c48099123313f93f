/**
 * Runs turns through the `mentor-turn` Mastra workflow (one short run per inbox event, run id
 * derived from the event id) instead of calling the processor directly: every turn is then a
 * Mastra run that Studio shows and boot recovery can restart. It costs a few snapshot writes per
 * event (see bench/README.md).
 */
import type { Mastra } from '@mastra/core/mastra';
import type { TurnRunner } from './service.ts';

export const MENTOR_TURN_WORKFLOW = 'mentorTurnWorkflow';

const TURN_RUN_PREFIX = 'turn-';

/** The run id of the turn for an inbox event: a repeated start finds the same run. */
export function turnRunId(eventId: string): string {
  return `${TURN_RUN_PREFIX}${eventId}`;
}

/** The inbox event id a turn run was started for, or undefined for a run id of another form. */
export function eventIdOfTurnRun(runId: string): string | undefined {
  return runId.startsWith(TURN_RUN_PREFIX) ? runId.slice(TURN_RUN_PREFIX.length) : undefined;
}

/** Runs each turn as a `mentor-turn` Mastra run, keyed by its event and owned by its session. */
export function workflowTurnRunner(mastra: Mastra): TurnRunner {
  const workflow = mastra.getWorkflow(MENTOR_TURN_WORKFLOW);
  return async (sessionId, eventId, seq) => {
    // The workflow writes no `pending` row (workflows/implementation/snapshot-policy.ts): a process
    // killed between createRun() and start() leaves nothing behind.
    const run = await workflow.createRun({ runId: turnRunId(eventId), resourceId: sessionId });
    const result = await run.start({ inputData: { sessionId, eventId, seq } });
    if (result.status === 'failed') throw result.error;
  };
}
