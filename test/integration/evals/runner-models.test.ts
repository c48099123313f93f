import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentorAgentAdapter } from '../../../evals/agent-adapter.ts';
import { runEval } from '../../../evals/runner.ts';
import { readModelInput } from '../../../src/models/model-input.ts';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../helpers/fake-openai-server.ts';
import { scriptedModel } from '../../helpers/mock-models.ts';
import { repoRoot } from '../../helpers/spawn-cli.ts';

/**
 * The runner end to end on a tiny dataset with a configured model instead of rules mode: a scripted
 * mock model in process, and the real OpenAI provider path over HTTP against the fake server. The
 * "model" labels by a rule the test knows, so the expected figures are known: 2 of 3 right.
 */
const dir = mkdtempSync(join(tmpdir(), 'mentorflow-eval-'));
const dataset = join(dir, 'tiny-blockers.jsonl');
writeFileSync(
  dataset,
  [
    {
      id: 't-1',
      input: {
        message: 'the API cannot reach the database',
        errorOutput: 'Error: connect ECONNREFUSED 127.0.0.1:5432',
      },
      expected: { category: 'environmentIssue' },
      source: 'test',
    },
    {
      id: 't-2',
      input: { message: 'why does my reducer return a new object every time?' },
      expected: { category: 'conceptualConfusion' },
      source: 'test',
    },
    {
      id: 't-3',
      input: { message: 'it does not work' },
      expected: { category: 'unknownIssue' },
      source: 'test',
    },
  ]
    .map((c) => JSON.stringify(c))
    .join('\n') + '\n',
);

/** The scripted model's judgement: it misreads vague messages as technical errors. */
function label(text: string) {
  const category = /ECONNREFUSED/.test(text)
    ? 'environmentIssue'
    : /\bwhy\b/i.test(text)
      ? 'conceptualConfusion'
      : 'technicalError';
  return {
    category,
    confidence: 0.8,
    evidence: [],
    summary: `looks like ${category}`,
    nextStep: 'check it',
    reply: 'Here is what I think.',
  };
}

describe('eval runner with a configured model', () => {
  it('scores a scripted mock model (in process)', async () => {
    const step = (options: { prompt: Parameters<typeof readModelInput>[0] }) =>
      label(JSON.stringify(readModelInput(options.prompt).input ?? {}));
    const model = scriptedModel([step, step, step]);
    const report = await runEval({
      datasets: [dataset],
      adapter: mentorAgentAdapter({ model }),
      concurrency: 1,
    });
    const agent = report.agents['blocker-diagnosis']!;
    expect(agent.n).toBe(3);
    expect(agent.accuracy).toBeCloseTo(2 / 3, 5);
    expect(agent.models).toEqual(['mock/mock-model']);
    expect(agent.failures.map((f) => f.caseId)).toEqual(['t-3']);
    expect(model.calls).toHaveLength(3);
  });

  describe('over HTTP (npm run eval -- --model … against an OpenAI-compatible server)', () => {
    let fake: FakeOpenAIServer;
    beforeAll(async () => {
      fake = await startFakeOpenAIServer({
        respond: (request) => ({ json: label(request.lastUserText) }),
      });
    });
    afterAll(() => fake.close());

    it('calls the server for every case and reports its figures', async () => {
      const out = join(dir, 'report.json');
      const child = spawn(
        process.execPath,
        [
          'evals/run.ts',
          '--dataset',
          dataset,
          '--model',
          'openai/gpt-4o-mini',
          '--json',
          out,
          '--no-thresholds',
        ],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            OPENAI_API_KEY: 'test-key',
            OPENAI_BASE_URL: fake.baseURL,
            MODEL: '',
            LOG_LEVEL: 'error',
          },
        },
      );
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, output).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8')) as {
        agents: Record<
          string,
          { n: number; accuracy: number; fallbacks: number; models: string[] }
        >;
      };
      expect(report.agents['blocker-diagnosis']).toMatchObject({ n: 3, fallbacks: 0 });
      expect(report.agents['blocker-diagnosis']!.accuracy).toBeCloseTo(2 / 3, 5);
      expect(report.agents['blocker-diagnosis']!.models.join()).toMatch(/gpt-4o-mini/);
      expect(fake.requests.filter((r) => r.api === 'chat')).toHaveLength(3);
      expect(fake.requests.every((r) => r.headers.authorization === 'Bearer test-key')).toBe(true);
      expect(output).toMatch(/blocker-diagnosis/);
    });
  });
});
