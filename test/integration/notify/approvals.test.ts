import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../sessions/fixtures/db.ts';
import { startApp, type TestApp } from './support/app.ts';
import { signatureValid, startReceiver, startSmtp } from './support/receivers.ts';

/**
 * Approval requests of implementation runs go out by the same channels: to the run's own approvers
 * (its start body) or the configured default, and, unanswered past the timeout (24 h × 0.0001 ≈ 8.6 s),
 * to its escalation target.
 */
const SECRET = 'approvals-secret';
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: TestApp;

beforeAll(async () => {
  receiver = await startReceiver();
  smtp = await startSmtp();
  app = await startApp({
    TIME_SCALE: '0.0001',
    NOTIFY_WEBHOOK_URLS: `${receiver.url}/runs`,
    NOTIFY_WEBHOOK_SECRET: SECRET,
    SMTP_URL: smtp.url,
    ONCALL_EMAILS: 'oncall@mentorflow.test',
    APPROVAL_APPROVERS: 'ops@mentorflow.test',
  });
  await app.notify.putMentor('maria', { email: 'maria@mentorflow.test' });
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
  await smtp?.close();
});

const input = {
  request: 'Build user authentication system',
  requirements: ['OAuth support', 'MFA capability'],
  approval: true,
};

async function awaitingApproval(id: string) {
  await eventually(async () => {
    const s = await app.runs.getRunStatus(id);
    if (['completed', 'failed', 'rejected'].includes(s.status))
      throw new Error(`run ended ${s.status}`);
    return s.status === 'awaiting_approval';
  }, 30_000);
}

const runNotifications = (runId: string) => app.notify.listNotifications({ source: 'run', runId });

describe('approval requests of implementation runs', () => {
  it('go to the run’s own approvers, and to its escalation target (a mentor) when unanswered', async () => {
    const { id } = await app.runs.startImplementationRun({
      ...input,
      approvers: 'lead@mentorflow.test',
      escalateTo: 'maria',
    });
    await awaitingApproval(id);
    const [requested] = await runNotifications(id);
    expect(requested).toMatchObject({
      kind: 'approval.requested',
      recipient: 'lead@mentorflow.test',
      runId: id,
    });
    expect(requested!.deliveries.map((d) => `${d.channel} ${d.target}`).sort()).toEqual([
      'email lead@mentorflow.test',
      `webhook ${receiver.url}/runs`,
    ]);
    const mail = await eventually(async () =>
      smtp.mails.find((m) => m.to.includes('lead@mentorflow.test')),
    );
    expect(mail.subject).toContain(
      `approval.requested: Implementation run ${id} waits for your approval`,
    );
    const hook = await eventually(async () =>
      receiver.received.find((r) => r.json.run?.id === id && r.json.kind === 'approval.requested'),
    );
    expect(signatureValid(hook.body, hook.headers['x-mentorflow-signature'], SECRET)).toBe(true);
    expect(hook.json).toMatchObject({ type: 'notification', notification: { source: 'run' } });

    // Unanswered for 24 h × TIME_SCALE: escalated to Maria's channels.
    const escalated = await eventually(async () => {
      const all = await runNotifications(id);
      return all.find((n) => n.kind === 'approval.escalated' && n.deliveredAt);
    }, 30_000);
    expect(escalated.recipient).toBe('maria');
    expect(escalated.deliveries.map((d) => d.target)).toContain('maria@mentorflow.test');
    await eventually(async () =>
      smtp.mails.find((m) => m.to.includes('maria@mentorflow.test') && /overdue/.test(m.subject)),
    );
    const answered = await app.runs.answerApproval(id, { approved: false, comment: 'not now' });
    expect(answered.status).toBe('rejected');
    await app.runs.idle();
  });

  it('go to the configured default approvers when the run names none', async () => {
    const { id } = await app.runs.startImplementationRun(input);
    await awaitingApproval(id);
    const [requested] = await runNotifications(id);
    expect(requested!.recipient).toBe('ops@mentorflow.test');
    await eventually(async () => smtp.mails.find((m) => m.to.includes('ops@mentorflow.test')));
    await app.runs.answerApproval(id, { approved: false });
    await app.runs.idle();
  });
});
