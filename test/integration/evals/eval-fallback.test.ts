import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../helpers/fake-openai-server.ts';
import { freePort, repoRoot } from '../../helpers/spawn-cli.ts';

/**
 * `npm run eval -- --model …` must not pass off the rules as the model: against the fake
 * OpenAI-compatible server with one case forced to fail, the table counts the fallback per agent,
 * the run exits 3 (unless --allow-fallback), and the reports name the model that answered each case.
 */
const dir = mkdtempSync(join(tmpdir(), 'mentorflow-eval-fallback-'));
const dataset = join(dir, 'tiny-blockers.jsonl');
writeFileSync(
  dataset,
  `${[
    {
      id: 'f-1',
      input: {
        message: 'the API cannot reach the database',
        errorOutput: 'Error: connect ECONNREFUSED 127.0.0.1:5432',
      },
      expected: { category: 'environmentIssue' },
      source: 'test',
    },
    {
      id: 'f-2',
      input: { message: 'why does my reducer return a new object every time?' },
      expected: { category: 'conceptualConfusion' },
      source: 'test',
    },
    {
      id: 'f-3',
      input: { message: 'the FORCED-FAILURE case: it does not work' },
      expected: { category: 'unknownIssue' },
      source: 'test',
    },
  ]
    .map((c) => JSON.stringify(c))
    .join('\n')}\n`,
);

const label = (text: string) => {
  const category = /ECONNREFUSED/.test(text) ? 'environmentIssue' : 'conceptualConfusion';
  return {
    category,
    confidence: 0.8,
    evidence: [],
    summary: `looks like ${category}`,
    nextStep: 'check it',
    reply: 'Here is what I think.',
  };
};

let fake: FakeOpenAIServer;
beforeAll(async () => {
  fake = await startFakeOpenAIServer({
    // The forced failure: the model answers this case with a client error every time.
    respond: (request) =>
      /FORCED-FAILURE/.test(request.lastUserText)
        ? { status: 400, body: { error: { message: 'forced failure', type: 'invalid_request' } } }
        : { json: label(request.lastUserText) },
  });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function evalRun(args: string[], baseURL: string) {
  const child = spawn(
    process.execPath,
    [
      'evals/run.ts',
      '--dataset',
      dataset,
      '--model',
      'openai/gpt-4o-mini',
      '--concurrency',
      '1',
      '--no-thresholds',
      ...args,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        OPENAI_API_KEY: 'test-key',
        OPENAI_BASE_URL: baseURL,
        MODEL: '',
        LOG_LEVEL: 'error',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

interface Report {
  agents: Record<
    string,
    {
      fallbacks: number;
      models: string[];
      answeredBy: { caseId: string; model: string | null; fallback: boolean }[];
    }
  >;
}

describe('eval runs that fell back to rules', () => {
  it('count the fallbacks per agent in the table, exit 3, and name who answered each case', async () => {
    const json = join(dir, 'run.json');
    const html = join(dir, 'run.html');
    const { code, output } = await evalRun(['--json', json, '--html', html], fake.baseURL);
    expect(code, output).toBe(3);
    const header = output.split('\n').find((l) => l.startsWith('agent'))!;
    const row = output.split('\n').find((l) => l.startsWith('blocker-diagnosis'))!;
    const columns = header.trim().split(/\s{2,}/);
    const cells = row.trim().split(/\s{2,}/);
    expect(cells[columns.indexOf('fallback')]).toBe('1');
    expect(output).toMatch(
      /1 of 3 cases fell back to rules mode because the model failed \(blocker-diagnosis 1\/3\): those figures measure the rules, not openai\/gpt-4o-mini\. Exit 3; --allow-fallback accepts it\./,
    );
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const agent = report.agents['blocker-diagnosis']!;
    expect(agent.fallbacks).toBe(1);
    expect(agent.answeredBy).toEqual([
      { caseId: 'f-1', model: expect.stringMatching(/gpt-4o-mini/), fallback: false },
      { caseId: 'f-2', model: expect.stringMatching(/gpt-4o-mini/), fallback: false },
      { caseId: 'f-3', model: 'rules/blocker-diagnosis', fallback: true },
    ]);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/Model that answered each case \(1 fell back to rules\)/);
    expect(page).toMatch(/<td>f-3<\/td><td>rules\/blocker-diagnosis<\/td><td>yes<\/td>/);
  }, 120_000);

  it('--allow-fallback accepts it (exit 0) and still says so', async () => {
    const { code, output } = await evalRun(['--allow-fallback'], fake.baseURL);
    expect(code, output).toBe(0);
    expect(output).toMatch(/1 of 3 cases fell back to rules mode/);
    expect(output).not.toMatch(/Exit 3/);
  }, 120_000);

  it('an unreachable model: every case fell back, exit 3 (it used to print the rules score and exit 0)', async () => {
    const port = await freePort();
    const { code, output } = await evalRun([], `http://127.0.0.1:${port}/v1`);
    expect(code, output).toBe(3);
    expect(output).toMatch(/3 of 3 cases fell back to rules mode .*\(blocker-diagnosis 3\/3\)/);
  }, 120_000);
});
