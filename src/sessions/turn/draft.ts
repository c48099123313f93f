/**
 * A turn being computed: the session's next values and everything the turn will write, collected
 * in memory and committed at once (`store/commit.ts`). Handlers change the draft through the
 * helpers here; nothing touches the database before the commit, so a turn that is computed again
 * (after a crash or a lost compare-and-set) never duplicates an effect.
 */
import type { TracingContext } from '@mastra/core/observability';
import type pg from 'pg';
import type { AgentPort, TurnReplyStreams } from '../agent-port.ts';
import type { Retention } from '../store/prune-history.ts';
import type { ArmedTimer, SessionContext } from '../context.ts';
import type {
  AgentCallRecord,
  AssessmentWrite,
  GoalWrite,
  NotificationWrite,
  ProgressWrite,
  RecipientKind,
  TimerWrite,
  TransitionWrite,
} from '../store/commit.ts';
import {
  SESSION_TIMER_TASK,
  timerJobKey,
  type TimerKind,
  type TimerSpec,
} from '../timers/timer-kinds.ts';
import type { Reply, SessionRecord, SessionStatus, StoredEvent, Story } from '../types.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface TurnDeps {
  readonly pool: pg.Pool;
  readonly agents: AgentPort;
  /** Multiplies every timer duration (TIME_SCALE). */
  readonly timeScale: number;
  /** Accepted events before this one, oldest first (a bounded window). */
  readonly recent: readonly StoredEvent[];
  /** The story's reference solution for the agents' leak guard (loaded on first use). */
  readonly referenceSolution?: () => Promise<string | null>;
  /** The texts of the session's last replies, oldest first (the leak guard adds pieces up). */
  readonly recentReplies?: () => Promise<string[]>;
  /** Test hook: called before each action runs (the crash test blocks a turn here). */
  readonly beforeAction?: (action: string, draft: TurnDraft) => Promise<void>;
  /** Live replies for a client waiting on this event (none: nothing streams). */
  readonly replyStreams?: TurnReplyStreams;
  /** History retention: the turn schedules the session's prune every so many events. */
  readonly retention?: Retention;
  /** The trace of the workflow step running now (set by each mentor-turn step), for agent calls. */
  readonly tracing?: { current?: TracingContext };
}

export interface TurnDraft {
  readonly session: SessionRecord;
  readonly event: StoredEvent;
  readonly now: Date;
  path: string[];
  enteredAt: string;
  status: SessionStatus;
  context: Mutable<SessionContext>;
  story: Story;
  storyChanged: boolean;
  nextCheckIn: string | null;
  lastActivityAt: string | null;
  pausedAt: string | null;
  completedAt: string | null;
  readonly transitions: TransitionWrite[];
  readonly notifications: NotificationWrite[];
  readonly assessments: AssessmentWrite[];
  readonly goals: GoalWrite[];
  readonly progress: ProgressWrite[];
  readonly timers: Map<string, TimerWrite>;
  readonly replies: Reply[];
  readonly agentCalls: AgentCallRecord[];
  readonly actions: string[];
  readonly notes: string[];
  /** Machine events queued by actions, applied after the current transition's actions. */
  readonly followUps: { event: string; data: Record<string, unknown> }[];
}

/**
 * A deep copy of the session context, which is JSON data (a jsonb column, or the context the last
 * turn left): plain objects and arrays copied by hand, which is several times cheaper per turn than
 * `structuredClone`; anything else (should an action keep one) by `structuredClone`.
 */
function cloneContext<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneContext) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    copy[key] = cloneContext((value as Record<string, unknown>)[key]);
  return copy as T;
}

export function newDraft(session: SessionRecord, event: StoredEvent, now: Date): TurnDraft {
  return {
    session,
    event,
    now,
    path: [...session.statePath],
    enteredAt: session.enteredAt,
    status: session.status,
    context: cloneContext(session.context) as Mutable<SessionContext>,
    story: session.story,
    storyChanged: false,
    nextCheckIn: session.nextCheckIn,
    lastActivityAt: session.lastActivityAt,
    pausedAt: session.pausedAt,
    completedAt: session.completedAt,
    transitions: [],
    notifications: [],
    assessments: [],
    goals: [],
    progress: [],
    timers: new Map(),
    replies: [],
    agentCalls: [],
    actions: [],
    notes: [],
    followUps: [],
  };
}

export function leaf(draft: TurnDraft): string {
  return draft.path[draft.path.length - 1]!;
}

/** Queues a machine event to apply once the running transition's actions are done. */
export function send(draft: TurnDraft, event: string, data: Record<string, unknown> = {}): void {
  draft.followUps.push({ event, data });
}

export function reply(
  draft: TurnDraft,
  action: string,
  text: string,
  source: Reply['source'] = 'rules',
  model?: string,
  streamed?: number,
): void {
  draft.replies.push({
    action,
    text,
    source,
    ...(model ? { model } : {}),
    ...(streamed !== undefined ? { streamed } : {}),
  });
}

export function notify(
  draft: TurnDraft,
  kind: string,
  recipientKind: RecipientKind,
  payload: Record<string, unknown>,
): void {
  const recipient =
    recipientKind === 'learner'
      ? draft.session.learnerId
      : recipientKind === 'mentor'
        ? draft.session.mentorId
        : null;
  if (draft.notifications.some((n) => n.kind === kind && n.recipient_kind === recipientKind))
    return;
  draft.notifications.push({ kind, recipient_kind: recipientKind, recipient, payload });
}

function scaled(ms: number, timeScale: number): number {
  return Math.max(1, Math.round(ms * timeScale));
}

/**
 * Arms a timer: a new token (this event's id), a job at now + duration × TIME_SCALE under the
 * session's key for that kind (replacing any earlier one).
 */
export function armTimer(
  draft: TurnDraft,
  spec: TimerSpec,
  timeScale: number,
  afterMs = spec.afterMs,
): ArmedTimer {
  const ms = scaled(afterMs, timeScale);
  const dueAt = new Date(draft.now.getTime() + ms).toISOString();
  const token =
    spec.kind === 'step' || spec.kind === 'response'
      ? `${draft.event.id}:${leaf(draft)}`
      : draft.event.id;
  const timer: ArmedTimer = { token, dueAt, jobRunAt: dueAt, ms, event: spec.event ?? spec.kind };
  draft.context.timers = { ...draft.context.timers, [spec.kind]: timer };
  const key = timerJobKey(draft.session.id, spec.kind);
  draft.timers.set(key, {
    key,
    task: SESSION_TIMER_TASK,
    payload: { sessionId: draft.session.id, kind: spec.kind, token },
    runAt: dueAt,
  });
  return timer;
}

/** Cancels a timer (removes its job). */
export function clearTimer(draft: TurnDraft, kind: TimerKind): void {
  if (!draft.context.timers?.[kind]) return;
  const { [kind]: _removed, ...rest } = draft.context.timers;
  draft.context.timers = rest;
  const key = timerJobKey(draft.session.id, kind);
  draft.timers.set(key, { key, task: SESSION_TIMER_TASK, payload: null, runAt: null });
}

/**
 * Pushes an armed timer's due time back after activity. Only the logical due time moves: the job
 * stays where it is and, when it runs early, re-schedules itself to the new due time. This keeps a
 * job write out of every activity event.
 */
export function pushBackTimer(draft: TurnDraft, kind: TimerKind): void {
  const timer = draft.context.timers?.[kind];
  if (!timer) return;
  const dueAt = new Date(draft.now.getTime() + timer.ms).toISOString();
  draft.context.timers = { ...draft.context.timers, [kind]: { ...timer, dueAt } };
}
