import { createStep } from '@mastra/core/workflows';
import { z } from 'zod';
import { sessionServiceOf } from '../../src/sessions/registry.ts';
import { selectEvent } from '../../src/sessions/store/session-store.ts';

export const mentorTurnInputSchema = z.object({
  sessionId: z.uuid(),
  /** The inbox event this run was started for; the run id is derived from it. */
  eventId: z.uuid(),
  /** Its arrival number in the session. */
  seq: z.number().int().positive(),
});

/** Small on purpose: replies and records stay in the session tables, not in the run snapshot. */
export const mentorTurnOutputSchema = z.object({
  eventId: z.string(),
  status: z.enum(['applied', 'recorded', 'ignored', 'rejected', 'pending']),
  state: z.string().nullable(),
  version: z.number().int().nullable(),
});

/**
 * Applies the session's pending events up to and including this one (oldest first), each in one
 * transaction: lock/compare-and-set, interpret, transition, actions, commit. Re-running it (a
 * restarted run after a crash) is harmless: an event already committed is skipped.
 */
export const applyTurnStep = createStep({
  id: 'apply-turn',
  description:
    'Interprets the event in the session state, applies the transition and its actions, commits them at once',
  inputSchema: mentorTurnInputSchema,
  outputSchema: mentorTurnOutputSchema,
  execute: async ({ inputData, mastra }) => {
    const service = sessionServiceOf(mastra);
    await service.processor.drain(inputData.sessionId);
    const event = await selectEvent(service.pool, inputData.sessionId, inputData.seq);
    return {
      eventId: inputData.eventId,
      status: event?.outcome?.status ?? ('pending' as const),
      state: event?.state ?? null,
      version: event?.version ?? null,
    };
  },
});
