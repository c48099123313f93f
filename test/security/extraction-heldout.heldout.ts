import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cases as set1Cases,
  families as set1Families,
  type Turn,
} from '../../evals/heldout/extraction/cases.ts';
import { compliantObject } from '../../evals/heldout/extraction/compliant-model.ts';
import {
  analyseSolution,
  isLeak,
  readBack,
  type Reading,
} from '../../evals/heldout/extraction/oracle.ts';
import { solutionCode, storyMarkdown } from '../../evals/heldout/extraction/solution.ts';
import { negatives as set1Negatives } from '../../evals/heldout/extraction/negatives.ts';
import type { HeldOutSet } from '../../evals/heldout/extraction-2/index.ts';
import { resetCircuitBreakers } from '../../src/models/circuit-breaker.ts';
import { startFakeOpenAIServer } from '../helpers/fake-openai-server.ts';
import {
  modelReplies,
  request,
  startProduct,
  stringsOf,
  type Answer,
  type Product,
} from './support/extraction-harness.ts';

/**
 * Held-out solution extraction (evals/heldout/extraction/README.md): every attempt of cases.ts goes
 * through the product with a model that complies (the fake OpenAI-compatible server answers each
 * agent call with the requested JSON shape, every learner-facing string carrying the disguised
 * solution), on every way a learner talks to the mentor and every way they can read back. The
 * oracle (written without sight of the leak guard) says how much of the reference solution each
 * learner-visible text reveals; >= 50 % is a leak. Operator-key reads of Mastra's routes are
 * measured too, and reported, but operators may see the solution.
 *
 * `EXTRACTION_SET=2` runs held-out set 2 (evals/heldout/extraction-2/README.md) instead of set 1:
 * its own attempts and oracle, plus honest replies (`benign`) counted as false refusals when a
 * learner path that reached the model did not deliver them. `EXTRACTION_SET=3` runs held-out set 3
 * (evals/heldout/extraction-3/README.md) the same way, `EXTRACTION_SET=4` set 4
 * (evals/heldout/extraction-4/README.md), `EXTRACTION_SET=5` set 5
 * (evals/heldout/extraction-5/README.md), `EXTRACTION_SET=6` set 6
 * (evals/heldout/extraction-6/README.md).
 */
const solution = analyseSolution(solutionCode);
const set: HeldOutSet =
  process.env.EXTRACTION_SET === '6'
    ? (await import('../../evals/heldout/extraction-6/index.ts')).set6
    : process.env.EXTRACTION_SET === '5'
      ? (await import('../../evals/heldout/extraction-5/index.ts')).set5
      : process.env.EXTRACTION_SET === '4'
        ? (await import('../../evals/heldout/extraction-4/index.ts')).set4
        : process.env.EXTRACTION_SET === '3'
          ? (await import('../../evals/heldout/extraction-3/index.ts')).set3
          : process.env.EXTRACTION_SET === '2'
            ? (await import('../../evals/heldout/extraction-2/index.ts')).set2
            : {
                name: 'set 1 (evals/heldout/extraction)',
                cases: set1Cases,
                families: set1Families,
                negatives: set1Negatives,
                read: (texts) => readBack(solution, texts),
                minAttempts: 70,
              };
const { cases, families } = set;
type Family = string;
const attacks = cases.filter((c) => !c.benign);
const fake = await startFakeOpenAIServer();
for (const k of Object.keys(process.env)) if (/^MODEL_/.test(k)) delete process.env[k];
Object.assign(process.env, {
  OPENAI_BASE_URL: fake.baseURL,
  OPENAI_API_KEY: 'test-key',
  MODEL: 'openai/gpt-4o-mini',
});

let current: Turn = { message: '', reply: '' };
fake.respond((req) => {
  const format = req.responseFormat as { json_schema?: { schema?: unknown } } | undefined;
  return format?.json_schema?.schema
    ? { json: compliantObject(format.json_schema.schema, current), chunkSize: 24 }
    : { content: current.reply, chunkSize: 24 };
});

const operator = 'op-key';
const learnerOf = (i: number) => ({ key: `lk-${i}`, id: `learner-${i}` });
const learnerPaths = [
  { id: 'assess/json', setup: [], send: 'message' },
  { id: 'plan/json', setup: ['correctUnderstanding'], send: 'message' },
  { id: 'work/json', setup: ['correctUnderstanding', 'goodPlan'], send: 'message' },
  { id: 'work/sse', setup: ['correctUnderstanding', 'goodPlan'], send: 'sse' },
  { id: 'help/event', setup: ['correctUnderstanding', 'goodPlan'], send: 'help' },
] as const;
/** Channels whose texts a learner receives or can read back: a leak on any of them fails. */
const learnerChannels = [
  ...learnerPaths.map((p) => p.id),
  'readback',
  'mastra-agents/learner-key',
  'mastra-memory/learner-key',
] as const;
/** Operators may read the solution: measured and reported only. */
const operatorChannels = ['mastra-agents/operator-key', 'mastra-memory/operator-key'] as const;
type Channel = (typeof learnerChannels)[number] | (typeof operatorChannels)[number];

interface Outcome {
  id: string;
  family: Family;
  benign: boolean;
  /** Benign replies, per learner path that reached the model: delivered to the learner or not. */
  delivered: Partial<Record<Channel, boolean>>;
  readings: Partial<Record<Channel, Reading>>;
  /** Turns of each path answered by the compliant model (the attempt reached a model). */
  modelTurns: Partial<Record<Channel, number>>;
  learnerStatuses: number[];
}

let product: Product;
const outcomes: Outcome[] = [];

beforeAll(async () => {
  product = await startProduct([
    operator,
    ...cases.map((_, i) => `${learnerOf(i).key}:${learnerOf(i).id}`),
  ]);
});
afterAll(async () => {
  await product?.close();
  await fake.close();
});

const call = (method: string, path: string, key: string, options = {}) =>
  request(product.http, method, path, key, options);

async function sendTurn(kind: string, session: string, key: string, turn: Turn): Promise<Answer> {
  current = turn;
  if (kind === 'help')
    return call('POST', `/api/sessions/${session}/events`, key, {
      body: { type: 'help-request', data: { topic: 'stuck', text: turn.message } },
    });
  return call('POST', `/api/sessions/${session}/messages`, key, {
    body: { text: turn.message },
    sse: kind === 'sse',
  });
}

/** What the learner can read back about a session afterwards: API reads and the chat page. */
async function readbackOf(session: string, key: string): Promise<string[]> {
  const reads = await Promise.all([
    call('GET', `/api/sessions/${session}`, key),
    call('GET', `/api/sessions/${session}/transitions?limit=100`, key),
    call('GET', `/api/sessions/${session}/inbox?limit=100`, key),
    call('GET', `/chat/${session}`, key, { cookie: true }),
  ]);
  return reads.flatMap((r) => r.texts);
}

/** Share of a reply's word trigrams found in what the learner received (an honest reply delivered). */
function deliveredShare(reply: string, texts: readonly string[]): number {
  const trigrams = (t: string) => {
    const w = t.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    return new Set(w.slice(2).map((_, i) => `${w[i]} ${w[i + 1]} ${w[i + 2]}`));
  };
  const want = trigrams(reply);
  const got = trigrams(texts.join('\n'));
  return want.size ? [...want].filter((t) => got.has(t)).length / want.size : 1;
}

async function attempt(c: (typeof cases)[number], index: number): Promise<Outcome> {
  resetCircuitBreakers();
  const learner = learnerOf(index);
  const outcome: Outcome = {
    id: c.id,
    family: c.family,
    benign: Boolean(c.benign),
    delivered: {},
    readings: {},
    modelTurns: {},
    learnerStatuses: [],
  };
  const readback: string[] = [];
  const sessions: string[] = [];
  for (const path of learnerPaths) {
    const created = await call('POST', '/api/sessions', learner.key, {
      body: { learnerId: learner.id, story: storyMarkdown },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const session = created.json?.id as string;
    sessions.push(session);
    for (const type of path.setup) {
      const moved = await call('POST', `/api/sessions/${session}/events`, operator, {
        body: { type, data: {} },
      });
      expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    }
    const received: string[] = [];
    let answered = 0;
    let delivered = true;
    for (const turn of c.turns) {
      const answer = await sendTurn(path.send, session, learner.key, turn);
      received.push(...answer.texts);
      const reached = modelReplies(answer.json) > 0;
      answered += reached ? 1 : 0;
      if (reached && deliveredShare(turn.reply, stringsOf(answer.json)) < 0.8) delivered = false;
    }
    outcome.readings[path.id] = set.read(received);
    if (c.benign && answered > 0) outcome.delivered[path.id] = delivered;
    outcome.modelTurns[path.id] = answered;
    const back = await readbackOf(session, learner.key);
    const reading = set.read(back);
    if (!outcome.readings.readback || reading.score > outcome.readings.readback.score)
      outcome.readings.readback = reading;
    readback.push(...back);
  }
  const listed = await call('GET', `/api/learners/${learner.id}/sessions`, learner.key);
  const listing = set.read(listed.texts);
  if (listing.score > (outcome.readings.readback?.score ?? 0)) outcome.readings.readback = listing;

  for (const [who, key] of [
    ['learner-key', learner.key],
    ['operator-key', operator],
  ] as const) {
    const agentTexts: string[] = [];
    let answered = 0;
    for (const turn of c.turns)
      for (const route of ['generate', 'stream']) {
        current = turn;
        const before = fake.requests.length;
        const answer = await call('POST', `/api/agents/hint-giver/${route}`, key, {
          body: { messages: [{ role: 'user', content: turn.message }] },
        });
        if (who === 'learner-key') outcome.learnerStatuses.push(answer.status);
        answered += fake.requests.length > before ? 1 : 0;
        agentTexts.push(...answer.texts);
      }
    outcome.readings[`mastra-agents/${who}`] = set.read(agentTexts);
    outcome.modelTurns[`mastra-agents/${who}`] = answered;
    const memoryTexts: string[] = [];
    for (const session of sessions) {
      const answer = await call(
        'GET',
        `/api/memory/threads/${session}/messages?agentId=hint-giver&resourceId=${learner.id}&perPage=100`,
        key,
      );
      if (who === 'learner-key') outcome.learnerStatuses.push(answer.status);
      memoryTexts.push(...answer.texts);
    }
    outcome.readings[`mastra-memory/${who}`] = set.read(memoryTexts);
  }
  return outcome;
}

const leaked = (o: Outcome, ch: Channel) => Boolean(o.readings[ch] && isLeak(o.readings[ch]!));

/** Per channel and per family: leaked / attempts, and how many reached the model. */
function summary(): string {
  const tried = outcomes.filter((o) => !o.benign);
  const familyNames = Object.keys(families).filter((f) => tried.some((o) => o.family === f));
  const rows = [...learnerChannels, ...operatorChannels].map((ch) => {
    const byFamily = familyNames
      .map((f) => {
        const n = tried.filter((o) => o.family === f && leaked(o, ch)).length;
        return n ? `${f} ${n}/${tried.filter((o) => o.family === f).length}` : '';
      })
      .filter(Boolean)
      .join(', ');
    const reached = tried.filter((o) => (o.modelTurns[ch] ?? 0) > 0).length;
    const leaks = tried.filter((o) => leaked(o, ch)).length;
    const role = (operatorChannels as readonly string[]).includes(ch)
      ? ' (operator, informational)'
      : '';
    return `${ch}${role}: ${leaks}/${tried.length} leaked${ch === 'readback' || ch.startsWith('mastra-memory') ? '' : `, ${reached} reached the model`}${byFamily ? ` — ${byFamily}` : ''}`;
  });
  const anyLearner = tried.filter((o) => learnerChannels.some((ch) => leaked(o, ch)));
  const families_ = familyNames
    .map(
      (f) =>
        `${f} ${anyLearner.filter((o) => o.family === f).length}/${tried.filter((o) => o.family === f).length}`,
    )
    .join(', ');
  const benign = outcomes.filter((o) => o.benign);
  const benignRows = benign.length
    ? learnerPaths.map(({ id }) => {
        const runs = benign.filter((o) => o.delivered[id] !== undefined);
        const refused = runs.filter((o) => !o.delivered[id]).length;
        return `benign ${id}: ${refused}/${runs.length} refused or withdrawn (of ${benign.length} honest replies; ${runs.length} reached the model)`;
      })
    : [];
  return [
    `${set.name}`,
    `${tried.length} attempts; ${anyLearner.length} leaked on at least one learner channel`,
    `by family (any learner channel): ${families_}`,
    ...rows,
    ...(benign.length
      ? [
          `benign: ${benign.filter((o) => Object.values(o.delivered).some((d) => !d)).length}/${benign.length} honest replies refused or withdrawn on at least one path; ${benign.filter((o) => learnerChannels.some((ch) => leaked(o, ch))).length} read as a leak`,
          ...benignRows,
        ]
      : []),
  ].join('\n');
}

describe('held-out solution extraction with a compliant model', () => {
  it('the oracle reads every attempt back (>= 50 %) and no benign text (< 50 %)', () => {
    console.log(`extraction held-out: ${set.name}`);
    const unread = attacks
      .map((c) => ({
        id: c.id,
        r: set.read(c.turns.flatMap((t) => [t.reply, ...(t.fields ?? [])])),
      }))
      .filter((x) => !isLeak(x.r))
      .map((x) => `${x.id} ${x.r.score.toFixed(2)}`);
    expect(unread).toEqual([]);
    const flagged = set.negatives
      .map((n) => ({ id: n.id, r: set.read(n.texts) }))
      .filter((x) => isLeak(x.r))
      .map((x) => `${x.id} ${x.r.score.toFixed(2)}`);
    expect(flagged).toEqual([]);
    expect(attacks.length).toBeGreaterThanOrEqual(set.minAttempts);
  });

  // Generous: set 2 took 17 to 30 minutes on the shared 2-core machine.
  it('drives every attempt through every learner path and read-back', {
    timeout: 10_800_000,
  }, async () => {
    for (const [i, c] of cases.entries()) outcomes.push(await attempt(c, i));
    console.log(`extraction held-out:\n${summary()}`);
    // Not vacuous: the compliant model answered on the implementation paths.
    expect(outcomes.filter((o) => (o.modelTurns['work/json'] ?? 0) > 0).length).toBeGreaterThan(0);
  });

  it('refuses learner keys on Mastra’s agent and memory routes', () => {
    const statuses = new Set(outcomes.flatMap((o) => o.learnerStatuses));
    expect([...statuses]).toEqual([403]);
  });

  it('leaks no reference solution to a learner on any channel', () => {
    const leaks = outcomes
      .filter((o) => !o.benign)
      .flatMap((o) =>
        learnerChannels.filter((ch) => leaked(o, ch)).map((ch) => `${o.family}:${ch}`),
      );
    expect(leaks.length, `learner leaks found\n${summary()}`).toBe(0);
  });
});
