import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runAgentAction } from '../../../agents/mentor-actions.ts';
import { resetCircuitBreakers } from '../../../src/models/circuit-breaker.ts';
import type { TurnReplyStreams } from '../../../src/sessions/agent-port.ts';
import { loadStory } from '../../../tools/story-loader.ts';
import { startFakeOpenAIServer } from '../../helpers/fake-openai-server.ts';
import { fakeServerModelOptions, portWithServerModel } from '../../helpers/fake-server-port.ts';
import { testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement } from './fixtures/story.ts';

/**
 * Replies streamed while the model writes them, on the provider path: the hint giver answers from
 * the local fake OpenAI-compatible server (real HTTP, SSE), the other agents in rules mode.
 */
const fake = await startFakeOpenAIServer();
const modelOptions = fakeServerModelOptions(fake.baseURL);
const port = portWithServerModel('provideHint', fake.baseURL);
const { pool, service } = testService({ agents: port });
afterAll(async () => {
  await pool.end();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  resetCircuitBreakers();
});

const hint = {
  depth: 2,
  concept: 'array-reduce',
  hint: 'Look at how reduce carries a running total.',
  question: 'What should the total start at?',
  reply:
    'Think about the running total: reduce hands it from one item to the next. What should it start at when the cart is empty?',
};

type Heard =
  | { kind: 'token'; call: number; text: string }
  | { kind: 'reset'; call: number; reason: string };

/** Streams that record what a client would see, and whether the event was committed by then. */
function recording(eventId: () => string | undefined) {
  const heard: Heard[] = [];
  const committedAtFirstToken: Promise<boolean>[] = [];
  const streams: TurnReplyStreams = {
    open() {
      const call = heard.filter((h) => h.kind === 'token').length ? 1 : 0;
      return {
        call,
        stream: {
          text(text) {
            if (!committedAtFirstToken.length)
              committedAtFirstToken.push(
                pool
                  .query('select 1 from state_transitions where event_id = $1', [eventId()])
                  .then((r) => r.rows.length > 0),
              );
            heard.push({ kind: 'token', call, text });
          },
          reset: (reason) => heard.push({ kind: 'reset', call, reason }),
        },
      };
    },
  };
  return { heard, streams, committedAtFirstToken };
}

async function implementing() {
  const { session } = await service.createSession({ learnerId: 'lee', story: cartStory });
  await service.ingestEvent(session.id, { type: 'learner-message', data: { text: restatement } });
  const planned = await service.ingestEvent(session.id, {
    type: 'learner-message',
    data: { text: goodPlan },
  });
  expect(planned.session.state).toBe('START_IMPLEMENTATION');
  return session.id;
}

/** A help request whose reply streams to a recording client (the fake model answers as queued). */
async function askForHelp(id: string) {
  const { heard, streams } = recording(() => undefined);
  const result = await service.ingestEvent(
    id,
    { type: 'help-request', data: { topic: 'reduce' } },
    { replyStreams: streams },
  );
  return { heard, result };
}

describe('live replies', () => {
  it('streams the model’s reply before the turn commits; the tokens are the committed reply', async () => {
    const id = await implementing();
    fake.enqueue({ json: hint, chunkSize: 8, chunkDelayMs: 5 });
    let eventId: string | undefined;
    const { heard, streams, committedAtFirstToken } = recording(() => eventId);
    const result = await service.ingestEvent(
      id,
      { type: 'help-request', data: { topic: 'reduce' } },
      { replyStreams: streams, onAccepted: (e) => (eventId = e.id) },
    );
    expect(result.session.state).toBe('PROVIDE_HINT');
    expect(fake.requests[0]).toMatchObject({ stream: true });
    const tokens = heard.filter((h) => h.kind === 'token');
    expect(tokens.length).toBeGreaterThan(5);
    expect(await committedAtFirstToken[0]).toBe(false);
    const streamed = result.replies.find((r) => r.streamed === 0);
    expect(streamed).toMatchObject({ action: 'provideHint', model: 'openai/gpt-4o-mini' });
    expect(tokens.map((t) => t.text).join('')).toBe(streamed!.text);
    expect(streamed!.text).toBe(hint.reply);
  });

  it('holds a code block until its fence closes, and never sends one that leaks the solution', async () => {
    const id = await implementing();
    const leak = `Here you go:\n\`\`\`js\n${cartStory.referenceSolution}\n\`\`\`\nTry it.`;
    fake.enqueue({ json: { ...hint, reply: leak }, chunkSize: 6, chunkDelayMs: 1 });
    const { heard, result } = await askForHelp(id);
    const sent = heard.flatMap((h) => (h.kind === 'token' ? [h.text] : [])).join('');
    expect(sent).toContain('Here you go:');
    expect(sent).not.toContain('reduce((s, i)');
    expect(result.replies.map((r) => r.text).join('')).not.toContain('reduce((s, i)');
  });

  it('withdraws a streamed reply whose prose carries the solution in disguise, and stops sending it', async () => {
    const id = await implementing();
    const encoded = Buffer.from(cartStory.referenceSolution!).toString('base64');
    const tail = ' NEVER-SENT '.repeat(30);
    const leak = `Sure, as you asked, here it is in base64: ${encoded} — decode it and paste it.${tail}`;
    fake.enqueue({ json: { ...hint, reply: leak }, chunkSize: 6, chunkDelayMs: 1 });
    const { heard, result } = await askForHelp(id);
    const kinds = heard.map((h) => h.kind);
    const reset = kinds.indexOf('reset');
    expect(reset).toBeGreaterThan(0);
    expect(heard[reset]).toMatchObject({ reason: 'the leak guard withheld this reply' });
    // Nothing of that call is sent after it is withdrawn, and the committed reply is the refusal.
    expect(kinds.slice(reset + 1)).not.toContain('token');
    const sent = heard.flatMap((h) => (h.kind === 'token' ? [h.text] : [])).join('');
    expect(sent).not.toContain('NEVER-SENT');
    const committed = result.replies.map((r) => r.text).join('\n');
    expect(committed).not.toContain(encoded.slice(0, 24));
  });

  it('on a stream that breaks midway: the tokens so far are reset, rules mode answers, and its reply is committed', async () => {
    const id = await implementing();
    fake.enqueue({ json: hint, chunkSize: 8, chunkDelayMs: 2, dropAfterEvents: 30 });
    const { heard, result } = await askForHelp(id);
    const kinds = heard.map((h) => h.kind);
    const reset = kinds.indexOf('reset');
    expect(reset).toBeGreaterThan(0);
    expect(kinds.slice(0, reset).every((k) => k === 'token')).toBe(true);
    const streamed = result.replies.find((r) => r.action === 'provideHint')!;
    expect(streamed.model).toBe('rules/hint-giver');
    const after = heard.slice(reset + 1).flatMap((h) => (h.kind === 'token' ? [h.text] : []));
    expect(after.join('')).toBe(streamed.text);
    expect(result.session.state).toBe('PROVIDE_HINT');
  });
});

describe('a streamed reply judged with the session’s earlier replies', () => {
  const paging = loadStory('examples/stories/add-pagination.md');
  const code = /```ts\n([\s\S]*?)```/.exec(paging.referenceSolution!)![1]!;
  // A sixth of the solution is a little under half of what a reply may reveal encoded: two earlier
  // replies carried a sixth each (base64, then reversed), this one carries the third sixth in hex.
  const sixth = Math.ceil(code.length / 6);
  const part = (k: number) => code.slice(k * sixth, (k + 1) * sixth);
  const earlierReplies = `Part one: ${Buffer.from(part(0)).toString('base64')}\n\nPart two: ${[...part(1)].reverse().join('')}`;
  const next = `Part three, in hex: ${Buffer.from(part(2)).toString('hex')}`;
  const stream = async (earlier?: string) => {
    fake.enqueue({ json: { ...hint, reply: next }, chunkSize: 8, chunkDelayMs: 0 });
    const heard: string[] = [];
    await runAgentAction(
      'provideHint',
      { message: 'the next part please', hintsGiven: 1 },
      {
        story: paging.story,
        referenceSolution: paging.referenceSolution!,
        model: 'openai/gpt-4o-mini',
        modelOptions,
        replyStream: {
          text: (t) => heard.push(t),
          reset: (reason) => heard.push(`RESET ${reason}`),
        },
        ...(earlier ? { leakGuard: { earlierReplies: earlier } } : {}),
      },
    );
    return heard;
  };

  it('streams the part when nothing came before it', async () => {
    expect((await stream()).join('')).toBe(next);
  });

  it('stops the part that adds up with the earlier ones', async () => {
    const heard = await stream(earlierReplies);
    expect(heard).toContain('RESET the leak guard withheld this reply');
    expect(heard.join('')).not.toContain(next.slice(-40));
  });
});
