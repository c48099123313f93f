import { afterAll, describe, expect, it } from 'vitest';
import { startTimerWorker } from '../../../src/sessions/timers/worker.ts';
import { count, eventually, testService } from './fixtures/db.ts';
import { cartStory } from './fixtures/story.ts';

// One day → 0.2 s: assessment check 0.2 s, reminder 0.6 s, weekly check-in 1.4 s, stagnation 2.8 s.
const DAY_MS = 200;
const TIME_SCALE = DAY_MS / 86_400_000;
const { pool, service } = testService({ timeScale: TIME_SCALE });
const worker = await startTimerWorker({
  pool,
  ingest: (id, input) => service.ingestEvent(id, input, { source: 'timer' }),
  pollInterval: 50,
});
afterAll(async () => {
  await worker.stop();
  await pool.end();
});

const notifications = async (id: string) =>
  (
    await pool.query<{ kind: string; recipient_kind: string }>(
      'select kind, recipient_kind from notifications where session_id = $1 order by id',
      [id],
    )
  ).rows.map((r) => `${r.kind}>${r.recipient_kind}`);

describe('the lifecycle machine (seed 000) with its Graphile jobs', () => {
  it('runs assessment, goals, weekly check-ins, mentor help and completion', async () => {
    await service.setMentorAvailability('mia', true);
    const { session } = await service.createSession({
      learnerId: 'lou',
      mentorId: 'mia',
      machine: 'lifecycle',
      story: cartStory,
    });
    const id = session.id;
    expect(session.state).toBe('INITIALIZING');

    expect((await service.ingestEvent(id, { type: 'START' })).session.state).toBe(
      'ASSESSMENT_PENDING',
    );
    expect(
      await count(
        pool,
        "select count(*) as n from assessments where session_id = $1 and status = 'pending'",
        [id],
      ),
    ).toBe(1);
    // The 1-day completion check and the 3-day reminder fire while the assessment is pending.
    await eventually(async () => (await notifications(id)).includes('assessment_reminder>learner'));
    expect(await notifications(id)).toEqual(
      expect.arrayContaining(['assessment_required>learner', 'assessment_overdue>mentor']),
    );

    expect((await service.ingestEvent(id, { type: 'BEGIN_ASSESSMENT' })).session.state).toBe(
      'ASSESSMENT_IN_PROGRESS',
    );
    const assessed = await service.ingestEvent(id, {
      type: 'COMPLETE_ASSESSMENT',
      data: { results: { testing: 40, git: 80 } },
    });
    expect(assessed.session.state).toBe('GOAL_SETTING');
    expect(assessed.replies[0]!.text).toContain('Practise testing');
    await expect(
      service.ingestEvent(id, { type: 'SET_GOALS', data: { goals: [] } }),
    ).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    const goals = await service.ingestEvent(id, {
      type: 'SET_GOALS',
      data: { goals: [{ title: 'Write tests first' }, { title: 'Small commits' }] },
    });
    expect(goals.session.state).toBe('ACTIVE');
    expect(
      await count(
        pool,
        "select count(*) as n from goals where session_id = $1 and status = 'active'",
        [id],
      ),
    ).toBe(2);
    const checkIn = (await service.listTimers(id)).find((t) => t.kind === 'checkIn')!;
    expect((await service.getSession(id)).nextCheckIn).toBe(checkIn.dueAt);

    // The weekly check-in fires: ACTIVE --CHECK_IN_DUE--> CHECK_IN_REQUIRED, and the next one is scheduled.
    await eventually(async () => (await service.getSession(id)).state === 'CHECK_IN_REQUIRED');
    expect(await notifications(id)).toContain('check_in_required>learner');
    expect((await service.listTimers(id)).map((t) => t.kind)).toContain('checkIn');

    const progress = await service.ingestEvent(id, {
      type: 'SUBMIT_PROGRESS',
      data: { content: 'Tests for the cart', progress: 50 },
    });
    expect(progress.session.state).toBe('PROGRESS_TRACKING');
    expect(
      await count(pool, 'select count(*) as n from progress_updates where session_id = $1', [id]),
    ).toBe(1);
    expect(
      await count(pool, 'select count(*) as n from goals where session_id = $1 and progress = 50', [
        id,
      ]),
    ).toBe(2);

    const help = await service.ingestEvent(id, {
      type: 'learner-message',
      data: { text: 'I am stuck, can the mentor help?' },
    });
    expect(help.session.state).toBe('MENTOR_INTERVENTION');
    expect(await notifications(id)).toContain('mentor-attention>mentor');

    expect(
      (await service.ingestEvent(id, { type: 'SUBMIT_PROGRESS', data: { content: 'Unblocked' } }))
        .session.state,
    ).toBe('ACTIVE');
    expect(
      (await service.ingestEvent(id, { type: 'pause', data: { reason: 'holiday' } })).session,
    ).toMatchObject({ state: 'PAUSED', status: 'paused' });
    expect((await service.listTimers(id)).map((t) => t.kind)).not.toContain('checkIn');
    expect((await service.ingestEvent(id, { type: 'resume' })).session).toMatchObject({
      state: 'ACTIVE',
      status: 'active',
    });
    const done = await service.ingestEvent(id, { type: 'COMPLETE_GOAL' });
    expect(done.session).toMatchObject({ state: 'COMPLETION', status: 'completed' });
    expect(
      await count(
        pool,
        "select count(*) as n from goals where session_id = $1 and status = 'completed'",
        [id],
      ),
    ).toBe(2);
    expect(await service.listTimers(id)).toEqual([]);
    expect(
      await count(pool, 'select count(*) as n from graphile_worker.jobs where key like $1', [
        `session:${id}:%`,
      ]),
    ).toBe(0);
  });

  it('refuses mentor help while the mentor is unavailable, and records the request', async () => {
    await service.setMentorAvailability('max', false);
    const { session } = await service.createSession({
      learnerId: 'lou',
      mentorId: 'max',
      machine: 'lifecycle',
      story: cartStory,
    });
    await service.ingestEvent(session.id, { type: 'START' });
    await service.ingestEvent(session.id, { type: 'COMPLETE_ASSESSMENT', data: { results: {} } });
    await service.ingestEvent(session.id, {
      type: 'SET_GOALS',
      data: { goals: [{ title: 'One goal' }] },
    });
    await expect(
      service.ingestEvent(session.id, { type: 'REQUEST_MENTOR_HELP' }),
    ).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    const asked = await service.ingestEvent(session.id, {
      type: 'help-request',
      data: { topic: 'git rebase' },
    });
    expect(asked.outcome.status).toBe('recorded');
    expect(asked.session.state).toBe('ACTIVE');
    expect(await notifications(session.id)).toContain('help_requested>mentor');
    await service.ingestEvent(session.id, { type: 'cancel', data: { reason: 'moved team' } });
    expect(await service.getSession(session.id)).toMatchObject({
      state: 'CANCELLED',
      status: 'cancelled',
      allowedEvents: [],
    });
  });
});
