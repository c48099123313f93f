/**
 * Runs turns through the `mentor-turn` Mastra workflow (one short run per inbox event, run id
 * derived from the event id) instead of calling the processor directly: every turn is then a
 * Mastra run that Studio shows and boot recovery can restart. It costs a few snapshot writes per
 * event (see bench/README.md).
 */
import type { Mastra } from '@mastra/core/mastra';
import type { TurnRunner } from './service.ts';

export const MENTOR_TURN_WORKFLOW = 'mentorTurnWorkflow';

export function workflowTurnRunner(mastra: Mastra): TurnRunner {
  const workflow = mastra.getWorkflow(MENTOR_TURN_WORKFLOW);
  return async (sessionId, eventId, seq) => {
    const run = await workflow.createRun({ runId: `turn-${eventId}`, resourceId: sessionId });
    const result = await run.start({ inputData: { sessionId, eventId, seq } });
    if (result.status === 'failed') throw result.error;
  };
}
