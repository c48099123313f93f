import { createWorkflow } from '@mastra/core/workflows';
import {
  applyTurnStep,
  mentorTurnInputSchema,
  mentorTurnOutputSchema,
} from './mentor-turn/apply-turn-step.ts';
import { skipPendingSnapshot } from './implementation/snapshot-policy.ts';

/** The run id of the turn for an inbox event: a repeated start finds the same run. */
export function mentorTurnRunId(eventId: string): string {
  return `turn-${eventId}`;
}

/**
 * One mentoring turn per inbox event (ARCHITECTURE §4): short runs, the session row as the state,
 * so concurrent events never resume one long run twice and snapshots stay small. Boot recovery
 * restarts runs left `running` by a crash (`src/sessions/recovery.ts`).
 */
export const mentorTurnWorkflow = createWorkflow({
  id: 'mentor-turn',
  description: 'Applies one session event: interpret, transition, actions, one commit',
  inputSchema: mentorTurnInputSchema,
  outputSchema: mentorTurnOutputSchema,
  // A start refused by input validation must leave no row behind (snapshot-policy.ts).
  options: { shouldPersistSnapshot: skipPendingSnapshot },
})
  .then(applyTurnStep)
  .commit();
