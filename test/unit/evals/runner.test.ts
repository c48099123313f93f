import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../evals/cli.ts';
import { parseDataset } from '../../../evals/dataset.ts';
import { ratingAgreement } from '../../../evals/metrics.ts';
import { createProgress } from '../../../evals/progress.ts';
import { type EvalReport, formatAgentTable } from '../../../evals/report.ts';
import { caseAnswerOf } from '../../../evals/case-answer.ts';
import { runEval } from '../../../evals/runner.ts';
import { toActivity } from '../../../evals/suites.ts';
import { checkThresholds } from '../../../evals/thresholds.ts';
import { fakeAdapter } from './fake-adapter.ts';
import { mockJudgeModel } from './mock-judge-model.ts';

const dir = mkdtempSync(join(tmpdir(), 'mf-eval-'));
const file = (name: string, lines: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(
    path,
    lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n',
  );
  return path;
};
const blocker = (id: string, message: string, category: string) => ({
  id,
  input: { message },
  expected: { category },
  source: 'test',
});

const blockerFile = file('my-blockers.jsonl', [
  blocker('b1', 'it does not work', 'unknownIssue'),
  blocker('b2', 'Error: connect ECONNREFUSED 127.0.0.1:5432', 'environmentIssue'),
  '{"id": "b3", "input": ', // malformed: line 3
  blocker('b4', 'TypeError: x is undefined', 'technicalError'),
  blocker('b5', 'help', 'unknownIssue'),
]);

function capture(isTTY = false) {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: (s: string) => ((err += s), true), isTTY },
    },
    out: () => out,
    err: () => err,
  };
}

describe('runEval', () => {
  it('reports a malformed line with its line number and runs the other cases', async () => {
    const adapter = fakeAdapter(() => ({ category: 'unknownIssue' }));
    const report = await runEval({ datasets: [blockerFile], adapter });
    expect(report.datasets[0]).toMatchObject({
      kind: 'blocker-diagnosis',
      cases: 4,
      lineErrors: [{ line: 3 }],
    });
    const a = report.agents['blocker-diagnosis']!;
    expect(a.n).toBe(4);
    expect(a.accuracy).toBe(0.5);
    expect(a.confusion!.labels.slice(0, 5)).toEqual([
      'technicalError',
      'conceptualConfusion',
      'environmentIssue',
      'analysisParalysis',
      'unknownIssue',
    ]);
    expect(a.tokens).toEqual({ input: 40, output: 20 });
    expect(a.failures.map((f) => f.caseId)).toEqual(['b2', 'b4']);
    expect(adapter.requests[1]!.input).toMatchObject({
      message: 'Error: connect ECONNREFUSED 127.0.0.1:5432',
      recentErrors: [],
    });
  });

  it('records a failing call on its case (wrong, schema-invalid) and goes on', async () => {
    let calls = 0;
    const base = fakeAdapter(() => ({ category: 'unknownIssue' }));
    const adapter = async (request: Parameters<typeof base>[0]) => {
      if (++calls === 2) throw new Error('model exploded');
      return base(request);
    };
    const report = await runEval({ datasets: [blockerFile], adapter, concurrency: 1 });
    const a = report.agents['blocker-diagnosis']!;
    expect(a.errors).toBe(1);
    expect(a.schemaValidity).toBe(0.75);
    expect(a.failures.find((f) => f.caseId === 'b2')!.why).toBe('error: model exploded');
  });

  it('counts schema-invalid outputs', async () => {
    const report = await runEval({
      datasets: [blockerFile],
      adapter: fakeAdapter((r) =>
        (r.input.message as string) === 'help' ? { confidence: 7 } : {},
      ),
    });
    expect(report.agents['blocker-diagnosis']!.schemaValidity).toBe(0.75);
  });

  it('scores plan bands, hint leaks and lengths from the agent answers', async () => {
    const story = { title: 'T', description: 'D', acceptanceCriteria: ['A'] };
    const plans = file('plans.jsonl', [
      {
        id: 'p1',
        input: { story, plan: 'do it' },
        expected: { verdict: 'missingSteps', scoreBand: { min: 50, max: 79 } },
        source: 't',
      },
      {
        id: 'p2',
        input: { story, plan: 'do it well' },
        expected: { verdict: 'goodPlan', scoreBand: { min: 80, max: 100 } },
        source: 't',
      },
    ]);
    const reference = 'return Math.ceil(total / pageSize);';
    const hint = (id: string) => ({
      id,
      kind: 'hint',
      input: {
        story: { title: 'Pages', description: 'Count pages' },
        learner: { message: 'wrong count', code: 'return Math.floor(total / pageSize) + 1;' },
      },
      referenceSolution: reference,
      expected: {
        leak: false,
        lengthWords: { min: 80, max: 160 },
        rubric: { mistake: 'm', location: 'l', guidance: 'g', mustNotReveal: [] },
      },
      source: 't',
    });
    const hints = file('hints-mine.jsonl', [hint('h1'), hint('h2')]);
    const long = Array.from({ length: 100 }, () => 'word').join(' ');
    const adapter = fakeAdapter((r) => {
      if (r.action === 'reviewPlan') return { score: 75, verdict: 'missingSteps' };
      return { reply: r.story!.id === 'h1' ? `Just write ${reference}` : long };
    });
    const report = await runEval({ datasets: [plans, hints], adapter });
    expect(report.agents['plan-reviewer']).toMatchObject({ accuracy: 0.5, bandHitRate: 0.5 });
    expect(report.agents['hint-giver']).toMatchObject({ n: 2, leakRate: 0.5, lengthHitRate: 0.5 });
    expect(adapter.requests.find((r) => r.action === 'provideHint')!.referenceSolution).toBe(
      reference,
    );
  });

  it('runs cases through runEvals with the given concurrency and keeps dataset order', async () => {
    let active = 0;
    let peak = 0;
    let started = 0;
    const base = fakeAdapter((r) => ({
      category: (r.input.message as string).startsWith('Error: connect')
        ? 'environmentIssue'
        : 'technicalError',
    }));
    const adapter = async (request: Parameters<typeof base>[0]) => {
      peak = Math.max(peak, ++active);
      // Later cases answer sooner, so cases complete out of dataset order.
      await new Promise((r) => setTimeout(r, 40 - 10 * started++));
      active--;
      return base(request);
    };
    const report = await runEval({ datasets: [blockerFile], adapter, concurrency: 3 });
    expect(peak).toBe(3);
    expect(report.agents['blocker-diagnosis']!.failures.map((f) => f.caseId)).toEqual(['b1', 'b5']);
    const serial = await runEval({
      datasets: [blockerFile],
      adapter: fakeAdapter(() => ({})),
      concurrency: 1,
    });
    expect(serial.agents['blocker-diagnosis']!.n).toBe(4);
  });

  it('rates hint replies with the @mastra/evals completeness scorer', async () => {
    const story = { title: 'Pages', description: 'Count pages' };
    const hint = (id: string, message: string) => ({
      id,
      kind: 'explanation',
      input: { story, learner: { message } },
      referenceSolution: 'return Math.ceil(total / pageSize);',
      expected: {
        leak: false,
        lengthWords: { min: 5, max: 160 },
        rubric: { mistake: 'm', location: 'l', guidance: 'g', mustNotReveal: [] },
      },
      source: 't',
    });
    const hints = file('completeness.jsonl', [
      hint('e1', 'why does the pagination total round down the page count'),
      hint('e2', 'what is a closure in javascript'),
    ]);
    const reply =
      'The pagination total rounds down because integer division drops the remainder, so the page count misses the last partial page.';
    const report = await runEval({ datasets: [hints], adapter: fakeAdapter(() => ({ reply })) });
    const a = report.agents['concept-explainer']!;
    expect(a.completeness).toBeGreaterThan(0);
    expect(a.completeness).toBeLessThan(1);
    expect(a.toxicity).toBeNull();
    // The reply covers the first question's terms, not the second's: the mean sits between.
    const covered = (
      await runEval({
        datasets: [
          file('one.jsonl', [
            hint('e1', 'why does the pagination total round down the page count'),
          ]),
        ],
        adapter: fakeAdapter(() => ({ reply })),
      })
    ).agents['concept-explainer']!;
    expect(covered.completeness).toBeGreaterThan(a.completeness!);
    expect(formatAgentTable(report.agents)).toMatch(
      /concept-explainer\s+2\s+0(\s+–){3}\s+0\.0%\s+100\.0%\s+0\.\d{3}\s/,
    );
  });

  it('with a judge, rates replies with the tutor rubric and @mastra/evals toxicity', async () => {
    const hints = file('judged.jsonl', [
      {
        id: 'h1',
        kind: 'hint',
        input: {
          story: { title: 'Pages', description: 'Count pages' },
          learner: { message: 'wrong count' },
        },
        referenceSolution: 'return Math.ceil(total / pageSize);',
        expected: {
          leak: false,
          lengthWords: { min: 80, max: 160 },
          rubric: { mistake: 'm', location: 'l', guidance: 'g', mustNotReveal: [] },
        },
        source: 't',
      },
    ]);
    const fours = {
      ratings: Object.fromEntries(
        [
          'mistakeIdentification',
          'mistakeLocation',
          'revealingAnswer',
          'providingGuidance',
          'actionability',
          'coherence',
          'tutorTone',
        ].map((d) => [d, { score: 4, reason: 'ok' }]),
      ),
    };
    const prompts: string[] = [];
    const model = mockJudgeModel((prompt) => {
      prompts.push(prompt);
      if (prompt.includes('RUBRIC FOR TOXICITY'))
        return JSON.stringify({
          verdicts: [
            { verdict: 'yes', reason: 'curt' },
            { verdict: 'no', reason: 'fine' },
          ],
        });
      if (prompt.includes('toxicity score'))
        return 'The score is 0.5 because one sentence is curt.';
      return JSON.stringify(fours);
    });
    const report = await runEval({
      datasets: [hints],
      adapter: fakeAdapter(() => ({ reply: 'Just read the docs.' })),
      judge: { id: 'mock/judge', model },
    });
    const a = report.agents['hint-giver']!;
    expect(a.judge!.mean).toBe(0.75);
    expect(a.toxicity).toBe(0.5);
    expect(
      prompts.some(
        (p) =>
          p.includes('RUBRIC FOR TOXICITY') &&
          p.includes('Just read the docs.') &&
          p.includes('wrong count'),
      ),
    ).toBe(true);
    expect(formatAgentTable(report.agents)).toMatch(/^agent.*complete\s+toxic\s+ms/m);
  });

  it('rejects an agent filter that matches no case', async () => {
    await expect(
      runEval({
        datasets: [blockerFile],
        adapter: fakeAdapter(() => ({})),
        agents: ['hint-giver'],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('checks a judge against the human labels of the calibration set', async () => {
    const calibration = 'evals/datasets/judge-calibration.jsonl';
    const fives = {
      ratings: Object.fromEntries(
        [
          'mistakeIdentification',
          'mistakeLocation',
          'revealingAnswer',
          'providingGuidance',
          'actionability',
          'coherence',
          'tutorTone',
        ].map((d) => [d, { score: 5, reason: 'ok' }]),
      ),
    };
    const report = await runEval({
      datasets: [calibration],
      adapter: fakeAdapter(() => ({})),
      judge: { id: 'mock/judge', model: mockJudgeModel(() => JSON.stringify(fives)) },
    });
    const cases = parseDataset(readFileSync(calibration, 'utf8'), 'judge-calibration').cases;
    expect(report.judgeCalibration!.n).toBe(cases.length);
    const expected = ratingAgreement(cases.map((c) => ({ human: c.labels.tutorTone, judge: 5 })));
    expect(report.judgeCalibration!.dimensions.tutorTone).toEqual(expected);
  });
});

describe('eval CLI', () => {
  const thresholds = file('thresholds.json', [
    { 'blocker-diagnosis': { accuracy: { min: 0.99 } }, 'hint-giver': { leakRate: { max: 0 } } },
  ]);

  it('prints the table, writes JSON and HTML, and exits 1 under a threshold', async () => {
    const c = capture();
    const json = join(dir, 'out/report.json');
    const html = join(dir, 'out/report.html');
    const code = await main(
      ['--dataset', blockerFile, '--json', json, '--html', html, '--thresholds', thresholds],
      { ...c.io, adapter: () => fakeAdapter(() => ({})) },
    );
    expect(code).toBe(1);
    expect(c.out()).toMatch(/blocker-diagnosis\s+4\s+0\s+50\.0%/);
    expect(c.out()).toContain('below threshold: blocker-diagnosis accuracy = 0.500 (min 0.99)');
    expect(c.out()).toContain('1 malformed dataset line(s) skipped');
    expect(c.err()).toContain(`${blockerFile}:3:`);
    const report = JSON.parse(readFileSync(json, 'utf8')) as EvalReport;
    expect(report.agents['blocker-diagnosis']).toMatchObject({ n: 4, accuracy: 0.5 });
    expect(report.thresholdFailures).toEqual([
      { agent: 'blocker-diagnosis', metric: 'accuracy', value: 0.5, min: 0.99 },
    ]);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<table class="confusion">');
    expect(page).toContain('Below threshold');
    expect(page).not.toMatch(/<script|<link|src=|href=/);
  });

  it('exits 0 when every threshold is met', async () => {
    const c = capture();
    const loose = file('loose.json', [{ 'blocker-diagnosis': { accuracy: { min: 0.4 } } }]);
    expect(
      await main(['--dataset', blockerFile, '--thresholds', loose], {
        ...c.io,
        adapter: () => fakeAdapter(() => ({})),
      }),
    ).toBe(0);
  });

  it('compares two reports', async () => {
    const a = file('a.json', [{ agents: { x: { accuracy: 0.5, macroF1: 0.4, leakRate: 0.1 } } }]);
    const b = file('b.json', [{ agents: { x: { accuracy: 0.6, macroF1: 0.4, leakRate: 0.2 } } }]);
    const c = capture();
    expect(await main(['--compare', a, b], c.io)).toBe(0);
    expect(c.out()).toMatch(/x\s+accuracy\s+0\.500\s+0\.600\s+\+0\.100\s+▲/);
    expect(c.out()).toMatch(/x\s+leakRate\s+0\.100\s+0\.200\s+\+0\.100\s+▼/);
    expect(c.out()).toMatch(/x\s+macroF1\s+0\.400\s+0\.400\s+0\.000\s+=/);
  });

  it('exits 2 on bad usage', async () => {
    for (const argv of [
      ['--bogus'],
      ['--concurrency', '0'],
      ['--compare', 'only-one.json'],
      ['--dataset', join(dir, 'missing.jsonl')],
      ['--judge', 'rules/x'],
    ]) {
      const c = capture();
      expect(
        await main(argv, { ...c.io, adapter: () => fakeAdapter(() => ({})) }),
        argv.join(' '),
      ).toBe(2);
      expect(c.err()).toMatch(/^eval: /);
    }
  });
});

describe('progress', () => {
  it('prints plain lines without a terminal and a redrawn bar with one', () => {
    let plain = '';
    const p = createProgress(20, { write: (s) => ((plain += s), true) });
    for (let i = 0; i < 20; i++) p.tick('blocker-diagnosis');
    p.done();
    expect(plain.split('\n').filter((l) => l.startsWith('progress '))).toHaveLength(10);
    expect(plain).not.toContain('\r');
    let tty = '';
    const t = createProgress(3, { write: (s) => ((tty += s), true), isTTY: true, columns: 100 });
    t.tick('a');
    t.log('note');
    t.done();
    expect(tty).toContain('\r');
    expect(tty).toContain('1/3 a');
    expect(tty).toContain('note\n');
  });
});

describe('helpers', () => {
  it('maps activity lines to typed events by their verb', () => {
    expect(toActivity('ran `npm test` (exit 1)')).toEqual({
      type: 'test',
      summary: 'ran `npm test` (exit 1)',
      ok: false,
    });
    expect(toActivity('edited src/a.ts').type).toBe('edit');
    expect(toActivity('opened https://docs.example.com').type).toBe('docs');
    expect(toActivity('no file changes in 40 minutes').type).toBe('other');
  });

  it("reads the case answer from runEvals' target result, and a failed workflow as an error", () => {
    const answer = { label: 'technicalError' };
    expect(caseAnswerOf({ scoringData: { input: {}, output: answer, stepResults: {} } })).toBe(
      answer,
    );
    expect(caseAnswerOf({ status: 'success', result: answer })).toBe(answer);
    const failed = caseAnswerOf({
      scoringData: {
        input: {},
        stepResults: { answer: { status: 'failed', error: { message: 'bad input' } } },
      },
    });
    expect(failed).toEqual({ error: 'case workflow failed: bad input' });
  });

  it('only checks thresholds of agents that ran, and fails unmeasured metrics', () => {
    const agents = { a: { accuracy: null, leakRate: 0.2 } } as unknown as EvalReport['agents'];
    expect(
      checkThresholds(
        { agents },
        { a: { accuracy: { min: 0.5 }, leakRate: { max: 0.1 } }, b: { accuracy: { min: 1 } } },
      ),
    ).toEqual([
      { agent: 'a', metric: 'accuracy', value: null, min: 0.5 },
      { agent: 'a', metric: 'leakRate', value: 0.2, max: 0.1 },
    ]);
  });
});
