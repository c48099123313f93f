/**
 * Mentoring sessions: a learner's session on a story, driven by events. `createSessionService`
 * builds the service on a pool (the app's composition root, `src/app.ts`, builds the one a process
 * serves); `sessionServiceOf(mastra)` finds it from a workflow step.
 *
 * One path for every event: `ingestEvent` validates it, stores it in the inbox (accepted = persisted,
 * a repeated `id` returns the stored outcome), then a turn applies it: interpret → transition →
 * actions → one commit of state, transition log, records, timers and outcome.
 */
export { registerSessionService, sessionServiceOf } from './registry.ts';
export { createSessionService, createSessionSchema, toView, allowedEventsOf } from './service.ts';
export type {
  CreateSessionInput,
  CreatedSession,
  SessionService,
  SessionServiceOptions,
  SessionTimer,
} from './service.ts';
export {
  eventInputSchema,
  domainEventTypes,
  reportEventTypes,
  reviewDecisions,
} from './event-schemas.ts';
export type { EventInput, DomainEventType } from './event-schemas.ts';
export { agentActionNames, defaultAgentPort } from './agent-port.ts';
export type {
  AgentPort,
  AgentActionName,
  AgentActionResult,
  AgentCallContext,
} from './agent-port.ts';
export { sessionStatuses } from './types.ts';
export type {
  EventOutcome,
  IngestResult,
  Reply,
  SessionRecord,
  SessionStatus,
  SessionView,
  StoredEvent,
  TransitionRecord,
} from './types.ts';
