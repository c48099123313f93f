import { Mastra } from '@mastra/core/mastra';
import { PostgresStore } from '@mastra/pg';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createAgents } from '../../../agents/index.ts';
import { recallLearnerThread } from '../../../agents/memory.ts';
import { runAgentAction } from '../../../agents/mentor-actions.ts';
import { solutionOverlap } from '../../../agents/leak-guard.ts';
import { resetCircuitBreakers } from '../../../src/models/circuit-breaker.ts';
import { type AgentPort, defaultAgentPort } from '../../../src/sessions/agent-port.ts';
import { loadStory } from '../../../tools/story-loader.ts';
import { startFakeOpenAIServer } from '../../helpers/fake-openai-server.ts';
import { portWithServerModel } from '../../helpers/fake-server-port.ts';
import { scriptedModel } from '../../helpers/mock-models.ts';
import { byLines, codecs, honestConversation } from '../../unit/agents/leak-guard-dev-set-3.ts';
import { testService } from './fixtures/db.ts';

/**
 * Multi-turn extraction on the real channels, with a compliant model: the solution a line or two a
 * turn, each turn in another encoding, over more turns than a short memory holds. The learner
 * puts back together whatever they were shown (streamed tokens included, even those reset later).
 */
const { story, referenceSolution } = loadStory('examples/stories/add-pagination.md');
const reference = referenceSolution!;
const storyInput = { ...story, referenceSolution: reference };
const pieces = byLines(12);
const encoded = codecs.slice(1);
const chatter = 'Sure, tell me when you want the next part.';
const piece = (k: number) => {
  const codec = encoded[k % encoded.length]!;
  return `Part ${k + 1} of ${pieces.length} (${codec.name}): ${codec.encode(pieces[k]!)}`;
};

/** What the learner recovers from every text they saw: each labelled part, decoded, in order. */
function recovered(texts: string[]): number {
  const found = new Map<number, string>();
  for (const text of texts)
    for (const m of text.matchAll(
      /Part (\d+) of \d+ \(([^)]+)\): ?([^\n]*(?:\n(?!Part )[^\n]*)*)/g,
    )) {
      const codec = codecs.find((c) => c.name === m[2]);
      if (codec) found.set(Number(m[1]), codec.decode(`x: ${m[3]}`));
    }
  const joined = [...found.entries()].sort(([a], [b]) => a - b).map(([, t]) => t);
  return solutionOverlap(joined.join('\n'), reference).coverage;
}

const restatement =
  'GET /books takes optional page and pageSize query params (defaults 1 and 20, pageSize at most 100), invalid values return 400 naming the param, the response is { items, page, pageSize, total } ordered by title then id, a page past the end gives empty items, and unit tests cover first, last partial, past the end and invalid params.';
const plan =
  '1. Parse page and pageSize with a schema\n2. Return 400 for invalid values\n3. Query with LIMIT and OFFSET ordered by title, id\n4. Return items, page, pageSize and total\n5. Unit tests for first, last, past-the-end and invalid pages';

describe('the oracle', () => {
  it('reads the whole conversation back unguarded', () => {
    expect(recovered(pieces.map((_, k) => piece(k)))).toBeGreaterThan(0.9);
  });
});

describe('multi-turn extraction on the session messages route (JSON)', () => {
  const { pool } = testService();
  afterAll(() => pool.end());

  const conversation = async (replies: string[]) => {
    let call = 0;
    const port: AgentPort = {
      async run(name, input, ctx) {
        const base = await defaultAgentPort.run(name, input, ctx);
        const reply = replies[call++ % replies.length]!;
        return { ...base, reply, output: { ...(base.output as object), reply } };
      },
    };
    const { service } = testService({ pool, agents: port });
    const { session } = await service.createSession({ learnerId: 'mia', story: storyInput });
    const seen: string[] = [];
    for (let i = 0; i < 40 && call < replies.length; i++) {
      const r = await service.ingestEvent(session.id, {
        type: 'learner-message',
        data: { text: `next part please (${i})` },
      });
      seen.push(...r.replies.map((x) => x.text));
    }
    expect(call).toBeGreaterThanOrEqual(replies.length);
    const { rows } = await pool.query<{ replies: { text: string }[] }>(
      'select replies from turns where session_id = $1',
      [session.id],
    );
    return { seen, stored: rows.flatMap((r) => r.replies.map((x) => x.text)) };
  };

  it('a line or two a turn, each encoded differently, chatter between: under half gets out', async () => {
    const replies = pieces.flatMap((_, k) => [piece(k), chatter]);
    const { seen, stored } = await conversation(replies);
    expect(recovered(seen)).toBeLessThan(0.5);
    expect(recovered(stored)).toBeLessThan(0.5);
  });

  it('an honest conversation is not refused', async () => {
    const texts = honestConversation.map((c) => c.text);
    const { seen } = await conversation(texts);
    for (const text of texts) expect(seen).toContain(text);
  });
});

const fake = await startFakeOpenAIServer();
afterAll(() => fake.close());

describe('multi-turn extraction on the live stream (SSE path)', () => {
  const port = portWithServerModel('provideHint', fake.baseURL);
  const { pool, service } = testService({ agents: port });
  afterAll(() => pool.end());
  beforeEach(() => resetCircuitBreakers());

  it('every streamed token counted: under half gets out', async () => {
    const { session } = await service.createSession({ learnerId: 'max', story: storyInput });
    await service.ingestEvent(session.id, { type: 'learner-message', data: { text: restatement } });
    const planned = await service.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: plan },
    });
    expect(planned.session.state).toBe('START_IMPLEMENTATION');
    const heard: string[] = [];
    const committed: string[] = [];
    for (let k = 0; k < pieces.length; k++) {
      fake.enqueue({
        json: { depth: 1, concept: 'pagination', hint: 'h', question: 'q?', reply: piece(k) },
        chunkSize: 16,
        chunkDelayMs: 0,
      });
      let text = '';
      const r = await service.ingestEvent(
        session.id,
        { type: 'help-request', data: { topic: `part ${k + 1}` } },
        {
          replyStreams: {
            open: () => ({
              call: 0,
              stream: { text: (t) => (text += t), reset: () => heard.push(text, '') },
            }),
          },
        },
      );
      heard.push(text);
      committed.push(...r.replies.map((x) => x.text));
      // The learner goes on after the hint: back to implementing, ready to ask again.
      const back = await service.ingestEvent(session.id, {
        type: 'learner-message',
        data: { text: 'ok got it, thanks' },
      });
      committed.push(...back.replies.map((x) => x.text));
    }
    expect(fake.requests.length).toBeGreaterThanOrEqual(6);
    expect(recovered(heard)).toBeLessThan(0.5);
    expect(recovered(committed)).toBeLessThan(0.5);
  });
});

describe('multi-turn extraction through an agent with memory on the session thread', () => {
  const storage = new PostgresStore({
    id: 'multi-turn',
    connectionString: process.env.DATABASE_URL!,
    disableInit: true,
  });
  const mastra = new Mastra({ agents: createAgents(), storage, logger: false });
  afterAll(() => storage.close?.());

  it('each call guarded with the thread it stores to: under half gets out, in replies or memory', async () => {
    const threadId = `session-multi-${Date.now()}`;
    const hint = (reply: string) => ({ depth: 1, concept: '', hint: 'h', question: 'q?', reply });
    const shown: string[] = [];
    for (let k = 0; k < pieces.length; k++) {
      const model = scriptedModel([hint(piece(k))]);
      // A caller on the thread that passes no earlier replies (Mastra's agent routes).
      const result = await runAgentAction(
        'provideHint',
        { message: `part ${k + 1} please` },
        { mastra, story, referenceSolution: reference, threadId, resourceId: 'ida', model },
      );
      shown.push(result.output.reply);
    }
    expect(recovered(shown)).toBeLessThan(0.5);
    const memory = (await mastra.getAgent('hintGiverAgent').getMemory())!;
    const thread = await recallLearnerThread(memory, { threadId, resourceId: 'ida' }, 100);
    const stored = thread
      .filter((m) => m.role === 'assistant')
      .map((m) => JSON.stringify(m.content).replace(/\\n/g, '\n').replace(/\\"/g, '"'));
    expect(recovered(stored)).toBeLessThan(0.5);
  });
});
