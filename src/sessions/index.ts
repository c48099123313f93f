/**
 * Mentoring sessions: a learner's session on a story, driven by events. Public API for the HTTP
 * routes and the CLI. Every function uses the process-wide service on the app database
 * (`src/db/app-database.ts`, opened on first use); `createSessionService` builds one on another pool.
 *
 * One path for every event: `ingestEvent` validates it, stores it in the inbox (accepted = persisted,
 * a repeated `id` returns the stored outcome), then a turn applies it: interpret → transition →
 * actions → one commit of state, transition log, records, timers and outcome.
 */
import { config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import {
  createSessionService,
  type CreateSessionInput,
  type CreatedSession,
  type SessionService,
  type SessionServiceOptions,
  type SessionTimer,
  type TurnRunner,
} from './service.ts';
import type { EventSource, IngestResult, SessionView, StoredEvent, TransitionRecord } from './types.ts';

let instance: Promise<SessionService> | undefined;
let overrides: Partial<SessionServiceOptions> = {};

/**
 * Options for the process-wide service (e.g. another agent port); call before its first use.
 * Throws CONFLICT once the service exists.
 */
export function configureSessions(options: Partial<SessionServiceOptions>): void {
  if (instance) throw new AppError('CONFLICT', 'configureSessions must be called before the session service is first used.');
  overrides = options;
}

/** The process-wide session service (on the app database, TIME_SCALE from config). */
export function defaultSessionService(): Promise<SessionService> {
  instance ??= (async () => {
    const { appDatabase, logger } = await import('../db/app-database.ts');
    return createSessionService({ pool: appDatabase.pool, timeScale: config().TIME_SCALE, log: logger, ...overrides });
  })();
  return instance;
}

/** Creates a session in its machine's initial state and runs that state's entry actions. */
export async function createSession(input: CreateSessionInput): Promise<CreatedSession> {
  return (await defaultSessionService()).createSession(input);
}

/** The session (learner view), or NOT_FOUND. */
export async function getSession(sessionId: string): Promise<SessionView> {
  return (await defaultSessionService()).getSession(sessionId);
}

/** A learner's sessions, newest first. */
export async function listLearnerSessions(learnerId: string): Promise<SessionView[]> {
  return (await defaultSessionService()).listLearnerSessions(learnerId);
}

/** The session's transition log, oldest first. */
export async function listTransitions(sessionId: string, limit?: number): Promise<TransitionRecord[]> {
  return (await defaultSessionService()).listTransitions(sessionId, limit);
}

/** The session's inbox, in arrival order, with each event's outcome. */
export async function listEvents(sessionId: string, limit?: number): Promise<StoredEvent[]> {
  return (await defaultSessionService()).listEvents(sessionId, limit);
}

/** The session's pending timers. */
export async function listTimers(sessionId: string): Promise<SessionTimer[]> {
  return (await defaultSessionService()).listTimers(sessionId);
}

/**
 * Ingests one event `{ id?, type, data }` and returns once it is processed. Throws
 * VALIDATION_ERROR (field `type` or `data.<field>`, nothing stored), NOT_FOUND, or the stored
 * rejection (INVALID_TRANSITION / GUARD_REJECTED with `allowedEvents`; the session is unchanged).
 */
export async function ingestEvent(sessionId: string, input: unknown, options?: { source?: EventSource }): Promise<IngestResult> {
  return (await defaultSessionService()).ingestEvent(sessionId, input, options);
}

/** Sets a mentor's availability (the lifecycle machine's `mentor_available` guard). */
export async function setMentorAvailability(mentorId: string, available: boolean): Promise<void> {
  return (await defaultSessionService()).setMentorAvailability(mentorId, available);
}

/** Routes turns through `runner` (e.g. the mentor-turn Mastra workflow); null: the direct processor. */
export async function useTurnRunner(runner: TurnRunner | null): Promise<void> {
  (await defaultSessionService()).useRunner(runner);
}

export { createSessionService, createSessionSchema, toView, allowedEventsOf } from './service.ts';
export type { CreateSessionInput, CreatedSession, SessionService, SessionServiceOptions, SessionTimer, TurnRunner } from './service.ts';
export { eventInputSchema, domainEventTypes, reportEventTypes, reviewDecisions } from './event-schemas.ts';
export type { EventInput, DomainEventType } from './event-schemas.ts';
export { agentActionNames, defaultAgentPort } from './agent-port.ts';
export type { AgentPort, AgentActionName, AgentActionResult, AgentCallContext } from './agent-port.ts';
export { sessionStatuses } from './types.ts';
export type { EventOutcome, IngestResult, Reply, SessionRecord, SessionStatus, SessionView, StoredEvent, TransitionRecord } from './types.ts';
