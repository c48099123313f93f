import type pg from 'pg';
import type { TaskList } from 'graphile-worker';
import type { Config } from '../config/index.ts';
import { withTransaction } from '../db/transaction.ts';
import { AppError } from '../errors/app-error.ts';
import type { SessionService } from '../sessions/index.ts';
import { ACK_TIMEOUT_TASK, ackTimeoutTask } from './ack-timeout-task.ts';
import { createMailer } from './channels/email.ts';
import { DELIVER_TASK, deliverTask } from './deliver-task.ts';
import { settingsOf } from './settings.ts';
import { acknowledgeEscalation } from '../db/notify/acknowledge-escalation.ts';
import { assignEscalation } from '../db/notify/assign-escalation.ts';
import { lockDelivery } from '../db/notify/lock-delivery.ts';
import { lockEscalation } from '../db/notify/lock-escalation.ts';
import { replaceLearnerMentors } from '../db/notify/replace-learner-mentors.ts';
import { resolveEscalation } from '../db/notify/resolve-escalation.ts';
import { reviveDelivery } from '../db/notify/revive-delivery.ts';
import { selectDeliveryView } from '../db/notify/select-delivery-view.ts';
import { selectEscalation, selectEscalations } from '../db/notify/select-escalations.ts';
import { selectMentor, selectMentors } from '../db/notify/select-mentors.ts';
import { selectNotifications } from '../db/notify/select-notifications.ts';
import type {
  DeliveryView,
  EscalationFilter,
  EscalationView,
  MentorView,
  MentorWrite,
  NotificationFilter,
  NotificationView,
} from '../db/notify/types.ts';
import { unknownMentors } from '../db/notify/unknown-mentors.ts';
import { upsertMentor } from '../db/notify/upsert-mentor.ts';
import { writeNotifySettings } from '../db/notify/write-notify-settings.ts';

/** Event type of a mentor's reply into a session (src/sessions/event-schemas.ts). */
export const MENTOR_MESSAGE = 'mentor-message';

export interface NotifyServiceOptions {
  readonly pool: pg.Pool;
  readonly config: Config;
  readonly sessions: SessionService;
  readonly log?: { warn(message: string): void };
}

export interface ReplyResult {
  readonly eventId: string;
  readonly duplicate: boolean;
}

/** Delivery of notifications and the escalations inbox (issue 12). */
export interface NotifyService {
  /** Writes the configured targets and timeout where the delivery triggers read them. */
  configure(): Promise<void>;
  /** The Graphile Worker tasks that deliver and re-escalate (served by the background worker). */
  readonly tasks: TaskList;
  listEscalations(filter: EscalationFilter): Promise<EscalationView[]>;
  getEscalation(id: number): Promise<EscalationView>;
  acknowledge(id: number, by: string): Promise<EscalationView>;
  assign(id: number, mentorId: string): Promise<EscalationView>;
  resolve(id: number, by: string, note?: string): Promise<EscalationView>;
  /** Sends the mentor's text into the escalation's session as a `mentor-message` event. */
  reply(id: number, input: { text: string; by: string }, key?: string): Promise<ReplyResult>;
  /**
   * Sends a dead-lettered delivery again: one more round of attempts (`NOTIFY_MAX_ATTEMPTS`, the
   * backoff from its start), its earlier attempts kept. 404 unknown id; 409 when it was delivered or
   * is still being retried.
   */
  retryDelivery(id: number): Promise<DeliveryView>;
  listNotifications(filter: NotificationFilter): Promise<NotificationView[]>;
  listMentors(): Promise<MentorView[]>;
  putMentor(id: string, mentor: MentorWrite): Promise<MentorView>;
  assignLearnerMentors(learnerId: string, mentorIds: readonly string[]): Promise<string[]>;
  close(): void;
}

const notFound = (id: number) =>
  new AppError('NOT_FOUND', `escalation ${id} not found`, { field: 'id' });

export function createNotifyService(options: NotifyServiceOptions): NotifyService {
  const { pool, config, sessions } = options;
  const mailer = createMailer(config.SMTP_URL, config.SMTP_FROM);
  const tasks: TaskList = {
    [DELIVER_TASK]: deliverTask({
      pool,
      mailer,
      webhookSecret: config.NOTIFY_WEBHOOK_SECRET,
      maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: config.NOTIFY_RETRY_BASE,
      timeScale: config.TIME_SCALE,
      log: options.log,
    }),
    [ACK_TIMEOUT_TASK]: ackTimeoutTask,
  };

  async function get(id: number): Promise<EscalationView> {
    const view = await selectEscalation(pool, id);
    if (!view) throw notFound(id);
    return view;
  }

  /** Runs `fn` on the locked escalation unless it is resolved (409) or unknown (404). */
  async function act(
    id: number,
    what: string,
    fn: (
      client: pg.PoolClient,
      row: NonNullable<Awaited<ReturnType<typeof lockEscalation>>>,
    ) => Promise<void>,
  ): Promise<EscalationView> {
    await withTransaction(pool, async (client) => {
      const row = await lockEscalation(client, id);
      if (!row) throw notFound(id);
      if (row.status === 'resolved')
        throw new AppError('CONFLICT', `escalation ${id} is resolved: it cannot be ${what}`, {
          field: 'id',
          details: { status: row.status },
        });
      await fn(client, row);
    });
    return get(id);
  }

  return {
    tasks,
    configure: () => writeNotifySettings(pool, settingsOf(config)),
    listEscalations: (filter) => selectEscalations(pool, filter),
    getEscalation: get,
    acknowledge: (id, by) =>
      act(id, 'acknowledged', (client) => acknowledgeEscalation(client, id, by)),
    assign: (id, mentorId) =>
      act(id, 'assigned', async (client, row) => {
        if ((await unknownMentors(client, [mentorId])).length)
          throw new AppError('NOT_FOUND', `mentor ${mentorId} not found`, {
            field: 'mentorId',
          });
        await assignEscalation(client, id, mentorId, row.notification_id, row.level);
      }),
    resolve: (id, by, note) =>
      act(id, 'resolved again', (client) => resolveEscalation(client, id, by, note ?? null)),
    async reply(id, input, key) {
      const escalation = await get(id);
      if (escalation.status === 'resolved')
        throw new AppError('CONFLICT', `escalation ${id} is resolved: reply in a new one`, {
          field: 'id',
          details: { status: escalation.status },
        });
      const result = await sessions.ingestEvent(escalation.sessionId, {
        ...(key ? { id: `mentor-reply:${key}` } : {}),
        type: MENTOR_MESSAGE,
        data: { text: input.text, by: input.by, escalationId: id },
      });
      // Answering is taking it on: an open escalation stops re-escalating.
      await acknowledgeEscalation(pool, id, input.by);
      return { eventId: result.event.id, duplicate: result.event.duplicate };
    },
    async retryDelivery(id) {
      await withTransaction(pool, async (client) => {
        const row = await lockDelivery(client, id);
        if (!row) throw new AppError('NOT_FOUND', `delivery ${id} not found`, { field: 'id' });
        if (row.delivered_at)
          throw new AppError(
            'CONFLICT',
            `delivery ${id} was delivered at ${row.delivered_at.toISOString()}: nothing to retry`,
            { field: 'id', details: { state: 'delivered' } },
          );
        if (!row.dead_at)
          throw new AppError(
            'CONFLICT',
            `delivery ${id} is still being retried${row.next_attempt_at ? ` (next attempt at ${row.next_attempt_at.toISOString()})` : ''}: only a dead-lettered delivery can be retried`,
            { field: 'id', details: { state: 'retrying' } },
          );
        await reviveDelivery(client, id, row.attempts);
      });
      return (await selectDeliveryView(pool, id))!;
    },
    listNotifications: (filter) => selectNotifications(pool, filter),
    listMentors: () => selectMentors(pool),
    async putMentor(id, mentor) {
      await upsertMentor(pool, id, mentor);
      return (await selectMentor(pool, id))!;
    },
    async assignLearnerMentors(learnerId, mentorIds) {
      await withTransaction(pool, async (client) => {
        const unknown = await unknownMentors(client, mentorIds);
        if (unknown.length)
          throw new AppError('NOT_FOUND', `mentor ${unknown.join(', ')} not found`, {
            field: 'mentorId',
          });
        await replaceLearnerMentors(client, learnerId, mentorIds);
      });
      return [...mentorIds];
    },
    close: () => mailer.close(),
  };
}
