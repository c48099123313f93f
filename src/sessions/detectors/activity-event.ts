import { z } from 'zod';

/**
 * The minimal event shape the detectors, escalation triggers and quality gates read. The session
 * layer maps its stored `session_events` rows to this shape; for report events it stores the
 * parser's output (`tools/parse-*.ts`) as `data`, which these schemas accept (extra keys are kept).
 * Every data field a detector does not strictly need is optional, so partial reports still count.
 */

const isoTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO timestamp');

const base = {
  at: isoTime,
  /** The plan task the event belongs to, when the session knows it. */
  taskId: z.string().optional(),
};

const event = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ ...base, type: z.literal(type), data });

const testFailure = z.looseObject({
  name: z.string(),
  file: z.string().optional(),
  message: z.string().optional(),
});

export const activityEventSchema = z.discriminatedUnion('type', [
  /** A test run; `data` is a `TestReport` (or any subset with the failing tests). */
  event(
    'test-run',
    z.looseObject({
      failed: z.number().min(0).optional(),
      failures: z.array(testFailure).optional(),
    }),
  ),
  /** A build; `data` is a `BuildResult`. */
  event(
    'build',
    z.looseObject({
      success: z.boolean(),
      signature: z.string().nullable().optional(),
      errors: z.array(z.string()).optional(),
    }),
  ),
  /** A lint run; `data` is an `EslintSummary`. */
  event('lint', z.looseObject({ errorCount: z.number().min(0).optional() })),
  /** A type check; `data` is a `TscSummary`. */
  event(
    'typecheck',
    z.looseObject({
      errorCount: z.number().min(0).optional(),
      errors: z
        .array(
          z.looseObject({
            code: z.string(),
            file: z.string().nullable().optional(),
            message: z.string(),
          }),
        )
        .optional(),
    }),
  ),
  /** A coverage report; `data` is a `CoverageSummary`. */
  event('coverage', z.looseObject({ lines: z.number().optional() })),
  /** A security scan; `data` is an `NpmAuditSummary`. */
  event('security-scan', z.looseObject({ total: z.number().optional() })),
  /**
   * A commit or an observed code change. `diffHash` identifies the change itself, `treeHash` the
   * state of the code after it (the same tree coming back means changes are undone and redone).
   */
  event(
    'commit',
    z.looseObject({
      diffHash: z.string().optional(),
      treeHash: z.string().optional(),
      files: z.array(z.string()).optional(),
    }),
  ),
  event(
    'code-change',
    z.looseObject({
      diffHash: z.string().optional(),
      treeHash: z.string().optional(),
      files: z.array(z.string()).optional(),
    }),
  ),
  /** The learner asked for help (a chat message classified as `helpRequested`, or a help button). */
  event(
    'help-request',
    z.looseObject({ topic: z.string().optional(), text: z.string().optional() }),
  ),
  /** Any chat message from the learner (read by the frustration classifier). */
  event('learner-message', z.looseObject({ text: z.string() })),
  /** Documentation reading or searching. */
  event('research', z.looseObject({ query: z.string().optional(), url: z.string().optional() })),
  /** A story timer fired. */
  event('timeout', z.looseObject({ kind: z.string().optional() })),
  /** The outcome of a blocker diagnosis: `diagnosed: false` means the system could not tell what is wrong. */
  event('diagnosis', z.looseObject({ diagnosed: z.boolean(), category: z.string().optional() })),
  event('task-started', z.looseObject({})),
  event('task-completed', z.looseObject({})),
]);

export type ActivityEvent = z.infer<typeof activityEventSchema>;
export type ActivityEventType = ActivityEvent['type'];
/** The event of one type, e.g. `EventOf<'build'>`. */
export type EventOf<T extends ActivityEventType> = Extract<ActivityEvent, { type: T }>;

/**
 * Parsed events by the stored object: a turn reads the same recent events for the pattern
 * detectors and for escalation, and parsing them is most of a quiet turn's CPU.
 */
const parsedEvents = new WeakMap<object, ActivityEvent | null>();

function parseStored(raw: unknown): ActivityEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  let parsed = parsedEvents.get(raw);
  if (parsed === undefined) {
    const result = activityEventSchema.safeParse(raw);
    parsed = result.success ? result.data : null;
    parsedEvents.set(raw, parsed);
  }
  return parsed;
}

/**
 * Keeps the events that match the schema and sorts them by time (stable for equal times).
 * Detectors are advisory: a malformed stored event is skipped, never a failed turn.
 */
export function normalizeEvents(events: readonly unknown[]): ActivityEvent[] {
  const valid: ActivityEvent[] = [];
  let sorted = true;
  let last = Number.NEGATIVE_INFINITY;
  for (const raw of events) {
    const parsed = parseStored(raw);
    if (!parsed) continue;
    const time = timeOf(parsed);
    // NaN never compares: a window with one is sorted below, as before.
    if (!(time >= last)) sorted = false;
    last = time;
    valid.push(parsed);
  }
  // A session's events arrive in order: the sort (and its copies) only for a window that is not.
  if (sorted) return valid;
  return valid
    .map((e, index) => ({ e, index, time: timeOf(e) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ e }) => e);
}

/** Each parsed event's time, read once (the same events are normalised again on every turn). */
const times = new WeakMap<ActivityEvent, number>();
function timeOf(e: ActivityEvent): number {
  let time = times.get(e);
  if (time === undefined) {
    time = Date.parse(e.at);
    times.set(e, time);
  }
  return time;
}

/** A type guard for one event type, for `events.filter(isType('build'))`. */
export function isType<T extends ActivityEventType>(type: T) {
  return (e: ActivityEvent): e is EventOf<T> => e.type === type;
}

/** Code changed: a commit or an observed change. */
export function isCodeChange(e: ActivityEvent): e is EventOf<'commit'> | EventOf<'code-change'> {
  return e.type === 'commit' || e.type === 'code-change';
}

/** The last `size` events that are activity (chat messages are not: a chatty learner must not hide a loop). */
export function recentActivity(events: readonly ActivityEvent[], size: number): ActivityEvent[] {
  const activity = events.filter((e) => e.type !== 'learner-message');
  return size > 0 ? activity.slice(-size) : [];
}

/**
 * The events of the current task: those after the last `task-started` / `task-completed` marker
 * and, when events carry task ids, only the latest task's (events without an id are kept).
 */
export function currentTaskEvents(events: readonly ActivityEvent[]): ActivityEvent[] {
  let start = 0;
  events.forEach((e, index) => {
    if (e.type === 'task-started' || e.type === 'task-completed') start = index + 1;
  });
  const scoped = events.slice(start);
  const taskId = [...events].reverse().find((e) => e.taskId !== undefined)?.taskId;
  return taskId === undefined
    ? scoped
    : scoped.filter((e) => e.taskId === undefined || e.taskId === taskId);
}
