import { Mastra } from '@mastra/core/mastra';
import { PostgresStore } from '@mastra/pg';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createAgents } from '../../../agents/index.ts';
import { runAgentAction } from '../../../agents/mentor-actions.ts';
import {
  assertThreadOwner,
  readLearnerProfile,
  recallLearnerThread,
  writeLearnerProfile,
} from '../../../agents/memory.ts';
import { readModelInput } from '../../../src/models/model-input.ts';
import { httpError, scriptedModel } from '../../helpers/mock-models.ts';
import { referenceSolution, story } from '../../unit/agents/action-inputs.ts';
import { refusalText } from '../../../agents/leak-guard.ts';

const storage = new PostgresStore({
  id: 'test',
  connectionString: process.env.DATABASE_URL!,
  disableInit: true,
});
const mastra = new Mastra({ agents: createAgents(), storage, logger: false });
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(async () => {
  await pool.end();
  await storage.close?.();
});

const hint = (text: string) => ({
  depth: 1,
  concept: '',
  hint: text,
  question: 'What do you see?',
  reply: text,
});
const memoryOf = async () => (await mastra.getAgent('hintGiverAgent').getMemory())!;

describe('mentor memory on Postgres', () => {
  it('remembers the first turn of a thread in the second', async () => {
    const model = scriptedModel([hint('First answer about offsets.'), hint('Second answer.')]);
    const context = { mastra, story, threadId: 'session-a1', resourceId: 'learner-a', model };
    await runAgentAction(
      'provideHint',
      { message: 'FIRST QUESTION: how do offsets work?' },
      context,
    );
    await runAgentAction('provideHint', { message: 'second question' }, context);

    const secondPrompt = JSON.stringify(model.calls[1]!.prompt);
    expect(secondPrompt).toContain('FIRST QUESTION: how do offsets work?');
    expect(secondPrompt).toContain('First answer about offsets.');
    expect(readModelInput(model.calls[1]!.prompt).input?.message).toBe('second question');

    const rows = await pool.query(
      'select count(*)::int as n from mastra_messages where thread_id = $1',
      ['session-a1'],
    );
    expect(rows.rows[0].n).toBe(4);
    const thread = await pool.query('select "resourceId" from mastra_threads where id = $1', [
      'session-a1',
    ]);
    expect(thread.rows[0].resourceId).toBe('learner-a');
  });

  it('keeps the learner profile in working memory across the learner’s sessions', async () => {
    const memory = await memoryOf();
    const before = await readLearnerProfile(memory, {
      threadId: 'session-a1',
      resourceId: 'learner-a',
    });
    expect(before).toMatchObject({ learnerId: 'learner-a', helpRequests: 2 });
    // A new session of the same learner starts from the stored profile.
    const result = await runAgentAction(
      'diagnoseBlocker',
      { message: 'TypeError: rows.map is not a function' },
      { mastra, story, threadId: 'session-a2', resourceId: 'learner-a' },
    );
    expect(result.learner.helpRequests).toBe(3);
    expect(
      await readLearnerProfile(memory, { threadId: 'session-a2', resourceId: 'learner-a' }),
    ).toMatchObject({
      helpRequests: 3,
      recentHelpTopics: expect.arrayContaining(['technicalError']),
    });
  });

  it('never lets another learner read or write a thread', async () => {
    const memory = await memoryOf();
    const intruder = { mastra, story, threadId: 'session-a1', resourceId: 'learner-b' };
    await expect(
      runAgentAction('provideHint', { message: 'show me their chat' }, intruder),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      recallLearnerThread(memory, { threadId: 'session-a1', resourceId: 'learner-b' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      readLearnerProfile(memory, { threadId: 'session-a1', resourceId: 'learner-b' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await recallLearnerThread(memory, { threadId: 'session-a1', resourceId: 'learner-a' }))
        .length,
    ).toBe(4);

    // Learner B's own thread holds nothing of A's, and B's profile is separate.
    const model = scriptedModel([hint('B answer')]);
    await runAgentAction(
      'provideHint',
      { message: 'my own question' },
      { mastra, story, threadId: 'session-b1', resourceId: 'learner-b', model },
    );
    expect(JSON.stringify(model.calls[0]!.prompt)).not.toContain('FIRST QUESTION');
    expect(
      await readLearnerProfile(memory, { threadId: 'session-b1', resourceId: 'learner-b' }),
    ).toMatchObject({ learnerId: 'learner-b', helpRequests: 1 });
    expect(
      await assertThreadOwner(memory, { threadId: 'no-such-thread', resourceId: 'learner-b' }),
    ).toBeUndefined();
  });

  it('stores the guarded answer, not a leaked solution, in the thread', async () => {
    const leaked = /```ts\n[\s\S]*?```/.exec(referenceSolution!)![0];
    const model = scriptedModel([hint(`Here is everything:\n${leaked}`)]);
    const result = await runAgentAction(
      'provideHint',
      { message: 'just give me the code' },
      { mastra, story, referenceSolution, threadId: 'session-c1', resourceId: 'learner-c', model },
    );
    expect(result.reply).toBe(refusalText);
    const stored = await pool.query<{ content: string }>(
      "select content from mastra_messages where thread_id = $1 and role = 'assistant'",
      ['session-c1'],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.content).not.toContain('LIMIT $1 OFFSET $2');
    expect(stored.rows[0]!.content).toContain("I can't give you the solution itself");
  });

  it('keeps a rules-mode answer on the thread as the agent loop would: a model later recalls it', async () => {
    const context = { mastra, story, threadId: 'session-d1', resourceId: 'learner-d' };
    // Untraced and not streamed, rules mode answers without Mastra's agent loop.
    const rules = await runAgentAction(
      'diagnoseBlocker',
      { message: 'TypeError: rows.map is not a function' },
      context,
    );
    expect(rules.mode).toBe('rules');
    const profileRow = () =>
      pool.query<{ updatedAt: Date }>('select "updatedAt" from mastra_resources where id = $1', [
        'learner-d',
      ]);

    const model = scriptedModel([hint('Next answer.')]);
    await runAgentAction('provideHint', { message: 'and now?' }, { ...context, model });
    const prompt = JSON.stringify(model.calls[0]!.prompt);
    expect(prompt).toContain('rows.map is not a function');
    expect(prompt).toContain(JSON.stringify(rules.reply).slice(1, 40));

    // Coaching is not a help request: the learner's profile row is not written again.
    const written = (await profileRow()).rows[0]!.updatedAt;
    await runAgentAction(
      'coachProgress',
      { mode: 'encourage', completedSteps: 1, totalSteps: 3, minutesSinceProgress: 5 },
      context,
    );
    expect((await profileRow()).rows[0]!.updatedAt).toEqual(written);
    const messages = await pool.query<{ role: string }>(
      'select role from mastra_messages where thread_id = $1 order by "createdAt"',
      ['session-d1'],
    );
    expect(messages.rows.map((r) => r.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  it('keeps one exchange on the thread when a call is retried or falls back to rules mode', async () => {
    const roles = async (threadId: string) =>
      (
        await pool.query<{ role: string; content: string }>(
          'select role, content from mastra_messages where thread_id = $1 order by "createdAt"',
          [threadId],
        )
      ).rows;
    // The model fails for good: rules mode answers, and the failed call's learner message and
    // error part are gone from the thread.
    const failing = scriptedModel([httpError(500), httpError(500), httpError(500), httpError(500)]);
    const failed = await runAgentAction(
      'provideHint',
      { message: 'FAILING: how do offsets work?' },
      { mastra, story, threadId: 'session-f1', resourceId: 'learner-f', model: failing },
    );
    expect(failed.mode).toBe('rules');
    const afterFallback = await roles('session-f1');
    expect(afterFallback.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(afterFallback[0]!.content).toContain('FAILING');
    expect(afterFallback[1]!.content).not.toContain('"type":"error"');

    // A malformed answer, then a good one: only the good exchange stays.
    const malformed = scriptedModel([{ depth: 'deep' }, hint('Second try.')]);
    const retried = await runAgentAction(
      'provideHint',
      { message: 'RETRIED: and limits?' },
      { mastra, story, threadId: 'session-f2', resourceId: 'learner-f', model: malformed },
    );
    expect(retried.mode).not.toBe('rules');
    expect(malformed.calls.length).toBe(2);
    const afterRetry = await roles('session-f2');
    expect(afterRetry.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(afterRetry[1]!.content).toContain('Second try.');
  });

  it('writes a new learner’s profile from two processes at once (one row per learner, first write races)', async () => {
    // A second Mastra on its own pool stands for another process: Mastra serialises a resource's
    // writes within one process, not across processes.
    const otherStorage = new PostgresStore({
      id: 'test-other',
      connectionString: process.env.DATABASE_URL!,
      disableInit: true,
    });
    const other = new Mastra({ agents: createAgents(), storage: otherStorage, logger: false });
    try {
      const memories = [await memoryOf(), (await other.getAgent('hintGiverAgent').getMemory())!];
      const learners = Array.from({ length: 20 }, (_, i) => `race-${Date.now()}-${i}`);
      await Promise.all(
        learners.flatMap((learner) =>
          memories.map((memory, p) =>
            writeLearnerProfile(
              memory,
              { threadId: `${learner}-session-${p}`, resourceId: learner },
              {
                level: 'beginner',
                helpRequests: p,
                recurringMistakes: [],
                knownConcepts: [],
                recentHelpTopics: [],
              },
            ),
          ),
        ),
      );
      for (const learner of learners) {
        const stored = await readLearnerProfile(await memoryOf(), {
          threadId: `${learner}-session-0`,
          resourceId: learner,
        });
        expect(stored?.level).toBe('beginner');
      }
    } finally {
      await otherStorage.close?.();
    }
  });
});
