/**
 * The session's recent events in the shape the detectors, escalation triggers and quality gates
 * read (`src/sessions/detectors/activity-event.ts`), plus progress signals.
 */
import { gateOfReport, type QualityReports } from '../quality-gates.ts';
import { selectLatestOfTypes } from '../../db/sessions/select-latest-of-types.ts';
import type { TurnDeps, TurnDraft } from '../turn/draft.ts';
import type { StoredEvent } from '../types.ts';
import { isReportEventType } from '../event-schemas.ts';

/** Recent accepted events and the one being applied, oldest first. */
export function recentWithCurrent(draft: TurnDraft, deps: TurnDeps): StoredEvent[] {
  return [...deps.recent, draft.event];
}

/**
 * The detector shape of each stored event, one object per event for as long as the event is kept
 * (the processor keeps a session's recent events between turns): the detectors cache their parse
 * by object, so each event is parsed once, not on every turn that reads the window again. Keyed by
 * the event's data, which the processor's copy of an applied event in its window shares with the
 * inbox event the turn read.
 */
interface Shape {
  readonly type: string;
  readonly at: string;
  readonly data: Record<string, unknown>;
  readonly taskId?: string;
}
const shapes = new WeakMap<object, Shape>();
/** The task-start markers, by start time (one per task; cleared when it grows, so it stays small). */
const taskMarkers = new Map<string, object>();

function shapeOf(e: StoredEvent): object {
  const shape = shapes.get(e.data);
  if (!shape || shape.type !== e.type || shape.at !== e.receivedAt) {
    const made: Shape = {
      type: e.type,
      at: e.receivedAt,
      data: e.data,
      ...(typeof e.data.taskId === 'string' ? { taskId: e.data.taskId } : {}),
    };
    shapes.set(e.data, made);
    return made;
  }
  return shape;
}

function taskMarker(at: string): object {
  let marker = taskMarkers.get(at);
  if (!marker) {
    if (taskMarkers.size >= 10_000) taskMarkers.clear();
    marker = { type: 'task-started', at, data: {} };
    taskMarkers.set(at, marker);
  }
  return marker;
}

/** Activity events for the detectors; a `task-started` marker at the current task's start. */
export function activityOf(draft: TurnDraft, events: readonly StoredEvent[]): unknown[] {
  const activity: unknown[] = events.map(shapeOf);
  if (draft.context.taskStartedAt) activity.push(taskMarker(draft.context.taskStartedAt));
  const escalatedAt = draft.context.escalatedAt;
  // After an escalation was handled, only what happened since counts towards the next one.
  return escalatedAt ? activity.filter((a) => (a as { at: string }).at > escalatedAt) : activity;
}

/**
 * Whether this report shows progress: a commit, a passing build, or a test run with no failures or
 * fewer failures than the last one.
 */
export function isProgress(draft: TurnDraft): boolean {
  const { type, data } = draft.event;
  if (type === 'commit') return true;
  if (type === 'build') return data.success === true;
  if (type === 'test-run') {
    const failed = Number(data.failed ?? 0);
    const before = draft.context.lastTestsFailed;
    return failed === 0 || (before !== undefined && failed < before);
  }
  return false;
}

/**
 * The latest report of each kind in the current quality-gate attempt (from `context.gateAttemptSeq`
 * on, the whole session before the gates first ran), the event being applied overriding the stored
 * ones: reports sent before the gates, or during a previous attempt, do not describe the code being
 * judged now.
 */
export async function latestReports(draft: TurnDraft, deps: TurnDeps): Promise<QualityReports> {
  const since = draft.context.gateAttemptSeq ?? 0;
  const types = Object.keys(gateOfReport);
  const stored = await selectLatestOfTypes(deps.pool, draft.session.id, types, since);
  const reports: Record<string, unknown> = {};
  for (const e of stored) reports[gateOfReport[e.type as keyof typeof gateOfReport]] = e.data;
  if (isReportEventType(draft.event.type))
    reports[gateOfReport[draft.event.type]] = draft.event.data;
  return reports as QualityReports;
}

/** Error lines from recent reports, newest first (diagnosis input). */
export function recentErrors(events: readonly StoredEvent[], limit = 10): string[] {
  const errors: string[] = [];
  for (const e of [...events].reverse()) {
    if (e.type === 'build' && Array.isArray(e.data.errors))
      errors.push(...(e.data.errors as string[]));
    if (e.type === 'test-run' && Array.isArray(e.data.failures)) {
      for (const f of e.data.failures as { name: string; message?: string }[])
        errors.push(`${f.name}: ${f.message ?? ''}`.trim());
    }
    if (e.type === 'typecheck' && Array.isArray(e.data.errors)) {
      for (const t of e.data.errors as { code: string; message: string }[])
        errors.push(`${t.code}: ${t.message}`);
    }
    if (errors.length >= limit) break;
  }
  return errors.slice(0, limit);
}

/** The last learner message text, if any. */
export function lastLearnerMessage(events: readonly StoredEvent[]): string {
  for (const e of [...events].reverse())
    if (e.type === 'learner-message' || e.type === 'help-request')
      return String(e.data.text ?? e.data.topic ?? '');
  return '';
}
