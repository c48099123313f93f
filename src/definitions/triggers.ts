import { randomBytes } from 'node:crypto';
import { withTransaction } from '../db/transaction.ts';
import { AppError } from '../errors/app-error.ts';
import { parseCron, previousFire, toScheduleTime } from './cron.ts';
import type { DefinitionEngine } from './engine.ts';
import { test } from './expression/evaluate.ts';
import { findStep } from './find-step.ts';
import { definitionSchema, type LeafStep } from './schema.ts';
import { scopeOf } from './scope.ts';
import { appendRunEvent } from '../db/definitions/append-run-event.ts';
import { escalateDueTasks } from '../db/definitions/escalate-due-tasks.ts';
import { listActiveLatestSpecs } from '../db/definitions/latest-specs.ts';
import { insertRun } from '../db/definitions/insert-run.ts';
import { insertScheduleFire } from '../db/definitions/insert-schedule-fire.ts';
import { listDueEventWaits } from '../db/definitions/list-due-event-waits.ts';
import { listEnabledSchedules } from '../db/definitions/list-enabled-schedules.ts';
import { listEventWaits } from '../db/definitions/list-event-waits.ts';
import { listOrphanedRuns } from '../db/definitions/list-orphaned-runs.ts';
import { listRecentEscalations } from '../db/definitions/list-recent-escalations.ts';
import { listRegistrableVersions } from '../db/definitions/list-registrable-versions.ts';
import { listStrandedResumes } from '../db/definitions/list-stranded-resumes.ts';
import { selectLatestVersion } from '../db/definitions/select-latest-version.ts';
import { selectRun } from '../db/definitions/select-run.ts';
import { selectStepResults } from '../db/definitions/select-step-results.ts';
import { settleEventWait } from '../db/definitions/settle-event-wait.ts';
import type { RunRow } from '../db/definitions/types.ts';

/** The latest spec of every active definition (for event triggers). */
async function activeSpecs(engine: DefinitionEngine) {
  const rows = await listActiveLatestSpecs(engine.pool);
  return rows.map((r) => ({
    id: r.id,
    definition: definitionSchema.parse(r.spec),
    createdAt: r.created_at,
  }));
}

/**
 * The input of a run an event starts: the payload's fields (what a webhook delivery of the same
 * payload starts with, so `input.ticket.id` works for both) and the whole payload as `input.event`.
 */
export function eventInput(payload: unknown): Record<string, unknown> {
  return payload && typeof payload === 'object' && !Array.isArray(payload)
    ? { ...payload, event: payload }
    : { event: payload };
}

/**
 * Deliver an event: resume every run waiting for it whose `match` accepts the payload, and start
 * every definition with an `event` trigger of that name whose condition holds. Returns both lists.
 */
export async function deliverEvent(
  engine: DefinitionEngine,
  name: string,
  payload: unknown,
  options: { id?: string } = {},
): Promise<{ resumed: string[]; started: string[] }> {
  const resumed: string[] = [];
  for (const wait of await listEventWaits(engine.pool, name)) {
    const run = await selectRun(engine.pool, wait.run_id);
    if (!run) continue;
    const definition = await engine.definition(run.definition_id, run.version);
    const step = findStep(definition.steps, wait.step_id) as Extract<LeafStep, { kind: 'event' }>;
    const scope = scopeOf(run, await selectStepResults(engine.pool, run.id), engine.secrets, {
      event: payload,
    });
    if (step?.match && !test(step.match, scope)) continue;
    if (!(await settleEventWait(engine.pool, run.id, wait.step_id, 'matched', payload))) continue;
    await appendRunEvent(engine.pool, run.id, 'event.received', {
      event: name,
      step: wait.step_id,
    });
    resumed.push(run.id);
    void engine.spawn(run.id, { stepId: wait.step_id, data: { type: 'event', payload } });
  }
  const started: string[] = [];
  for (const { id, definition } of await activeSpecs(engine)) {
    for (const trigger of definition.triggers) {
      if (trigger.type !== 'event' || trigger.event !== name) continue;
      if (
        trigger.condition &&
        !test(trigger.condition, { event: payload, payload, input: payload })
      )
        continue;
      const { run, duplicate } = await engine.startRun(id, eventInput(payload), {
        trigger: { type: 'event', event: name },
        ...(options.id ? { idempotencyKey: `event:${id}:${name}:${options.id}` } : {}),
      });
      if (!duplicate) started.push(run.id);
    }
  }
  return { resumed, started };
}

/** System event `workflow-run.failed`: definitions triggered by it start (never the failed one itself). */
export function runFailedTrigger(engine: DefinitionEngine) {
  return async (run: RunRow) => {
    const payload = { runId: run.id, definition: run.definition_id, error: run.error };
    for (const { id, definition } of await activeSpecs(engine)) {
      if (id === run.definition_id) continue;
      for (const trigger of definition.triggers) {
        if (trigger.type !== 'event' || trigger.event !== 'workflow-run.failed') continue;
        if (
          trigger.condition &&
          !test(trigger.condition, { event: payload, payload, input: payload })
        )
          continue;
        await engine.startRun(id, eventInput(payload), {
          trigger: { type: 'event', event: 'workflow-run.failed', runId: run.id },
          idempotencyKey: `event:${id}:workflow-run.failed:${run.id}:${run.attempt}`,
        });
      }
    }
  };
}

/**
 * System event `session.escalated`: every escalation of a session (since the definition was
 * created) starts the definitions triggered by it, once per escalation (its id is in the run's
 * idempotency key, so every process may look and one run starts).
 */
export async function sessionEscalatedTriggers(engine: DefinitionEngine): Promise<string[]> {
  const started: string[] = [];
  const triggered = (await activeSpecs(engine)).filter((d) =>
    d.definition.triggers.some((t) => t.type === 'event' && t.event === 'session.escalated'),
  );
  if (triggered.length === 0) return started;
  const oldest = new Date(Math.min(...triggered.map((d) => d.createdAt.getTime())));
  for (const escalation of await listRecentEscalations(engine.pool, oldest)) {
    const payload = {
      escalationId: escalation.id,
      sessionId: escalation.session_id,
      learnerId: escalation.learner_id,
      kind: escalation.kind,
      reason: escalation.reason,
      level: escalation.level,
    };
    for (const { id, definition, createdAt } of triggered) {
      if (escalation.created_at < createdAt) continue;
      for (const trigger of definition.triggers) {
        if (trigger.type !== 'event' || trigger.event !== 'session.escalated') continue;
        if (
          trigger.condition &&
          !test(trigger.condition, { event: payload, payload, input: payload })
        )
          continue;
        const { run, duplicate } = await engine.startRun(id, eventInput(payload), {
          trigger: { type: 'event', event: 'session.escalated', escalationId: escalation.id },
          idempotencyKey: `event:${id}:session.escalated:${escalation.id}`,
        });
        if (!duplicate) started.push(run.id);
      }
    }
  }
  return started;
}

/**
 * A signed webhook delivery for a definition: started when the definition has a `webhook` trigger
 * whose condition holds for the payload; the delivery id makes a re-sent delivery start nothing new.
 */
export async function deliverWebhook(
  engine: DefinitionEngine,
  definitionId: string,
  payload: unknown,
  delivery: string,
): Promise<{ started: boolean; runId?: string; duplicate?: boolean; reason?: string }> {
  const { definition } = (await activeSpecs(engine)).find((d) => d.id === definitionId) ?? {};
  if (!definition)
    throw new AppError('NOT_FOUND', `no active workflow definition "${definitionId}"`, {
      field: 'id',
    });
  const hooks = definition.triggers.filter((t) => t.type === 'webhook');
  if (hooks.length === 0)
    throw new AppError('CONFLICT', `workflow definition "${definitionId}" has no webhook trigger`);
  const scope = { payload, input: payload, event: payload };
  if (!hooks.some((t) => !t.condition || test(t.condition, scope)))
    return { started: false, reason: 'the trigger condition does not hold for this payload' };
  const { run, duplicate } = await engine.startRun(definitionId, payload, {
    trigger: { type: 'webhook', delivery },
    idempotencyKey: `webhook:${definitionId}:${delivery}`,
  });
  return { started: true, runId: run.id, duplicate };
}

/**
 * Fire due cron schedules. Each process computes the same latest fire time of each schedule (from
 * its anchor, in scaled time); the run and its `(schedule, fire_at)` row are inserted in one
 * transaction, and that row's primary key lets exactly one process insert it: a fire starts one run
 * however many processes tick. Only the latest missed fire is made up after downtime.
 */
export async function fireSchedules(engine: DefinitionEngine): Promise<string[]> {
  const { schedules, now } = await listEnabledSchedules(engine.pool);
  const started: string[] = [];
  for (const schedule of schedules) {
    const anchor = schedule.anchor_at.getTime();
    const due = previousFire(
      parseCron(schedule.cron),
      toScheduleTime(now.getTime(), anchor, engine.timeScale),
    );
    if (due === undefined || due <= anchor) continue;
    const runId = `wr_${randomBytes(12).toString('hex')}`;
    const fired = await withTransaction(engine.pool, async (client) => {
      await insertRun(client, {
        id: runId,
        definitionId: schedule.definition_id,
        version: await selectLatestVersion(client, schedule.definition_id),
        input: schedule.input,
        trigger: {
          type: 'cron',
          cron: schedule.cron,
          fireAt: new Date(due).toISOString(),
          firedBy: engine.owner,
        },
        owner: engine.owner,
        leaseMs: engine.leaseMs,
      });
      if (await insertScheduleFire(client, schedule.id, new Date(due), runId)) return true;
      // Another process fired it: roll back this run.
      throw new NotFired();
    }).catch((error) => {
      if (error instanceof NotFired) return false;
      throw error;
    });
    if (!fired) continue;
    await appendRunEvent(engine.pool, runId, 'run.created', {
      trigger: 'cron',
      fireAt: new Date(due).toISOString(),
    });
    started.push(runId);
    void engine.spawn(runId);
  }
  return started;
}

class NotFired extends Error {}

/**
 * One background pass: fire schedules, time out event waits, escalate overdue human tasks, take
 * over runs whose process died, and register versions another process stored (so Studio lists them).
 */
export async function tick(engine: DefinitionEngine): Promise<void> {
  await fireSchedules(engine);
  await sessionEscalatedTriggers(engine);
  for (const wait of await listDueEventWaits(engine.pool)) {
    if (await settleEventWait(engine.pool, wait.run_id, wait.step_id, 'timed_out'))
      void engine.spawn(wait.run_id, {
        stepId: wait.step_id,
        data: { type: 'event', timedOut: true },
      });
  }
  await escalateDueTasks(engine.pool);
  const driving = new Set(engine.driving);
  for (const { id } of await listOrphanedRuns(engine.pool))
    if (!driving.has(id)) void engine.spawn(id);
  for (const r of await listStrandedResumes(engine.pool, engine.leaseMs)) {
    if (driving.has(r.run_id)) continue;
    const data = r.task_id
      ? { type: r.task_kind, taskId: r.task_id, answer: r.answer }
      : { type: 'event', payload: r.payload, timedOut: r.wait_status === 'timed_out' };
    void engine.spawn(r.run_id, { stepId: r.step_id, data });
  }
  for (const version of await listRegistrableVersions(engine.pool))
    await engine
      .compiled(version.definition_id, version.version)
      .catch((error: Error) =>
        engine.logger.warn(
          `cannot compile ${version.definition_id} v${version.version}: ${error.message}`,
        ),
      );
}
