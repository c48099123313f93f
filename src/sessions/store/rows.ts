/**
 * Row → record mapping for the session row (timestamps as ISO strings, bigints as numbers). Its
 * context is this layer's type; the inbox and transition rows are mapped in src/db/sessions.
 */
import { iso } from '../../db/sessions/records.ts';
import type { SessionRow } from '../../db/sessions/types.ts';
import type { SessionContext } from '../context.ts';
import type { SessionRecord } from '../types.ts';

export function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    learnerId: row.learner_id,
    mentorId: row.mentor_id,
    machine: row.machine,
    state: row.state,
    statePath: row.state_path,
    enteredAt: iso(row.entered_at)!,
    version: Number(row.version),
    status: row.status,
    story: row.story,
    // The session layer's working memory: this layer wrote it, so it has this layer's shape.
    context: (row.context ?? {}) as SessionContext,
    nextCheckIn: iso(row.next_check_in),
    lastActivityAt: iso(row.last_activity_at),
    startedAt: iso(row.started_at)!,
    pausedAt: iso(row.paused_at),
    completedAt: iso(row.completed_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}
