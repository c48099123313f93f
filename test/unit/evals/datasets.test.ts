import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKind, loadDataset, parseDataset } from '../../../evals/dataset.ts';
import {
  blockerCategories,
  type BlockerCase,
  type CalibrationCase,
  type DatasetKind,
  type HintCase,
  type PlanCase,
  planVerdicts,
  type SafetyCase,
  type UnderstandingCase,
  understandingLevels,
} from '../../../evals/dataset-schemas.ts';
import { normaliseCode } from '../../../evals/metrics.ts';
import { analyzeLeak } from '../../../evals/scorers/index.ts';

const dir = 'evals/datasets';

async function load<T>(name: DatasetKind): Promise<T[]> {
  const ds = await loadDataset(join(dir, `${name}.jsonl`));
  expect(ds.errors, `${name}: ${JSON.stringify(ds.errors)}`).toEqual([]);
  expect(ds.kind).toBe(name);
  return ds.cases as T[];
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

describe('shipped datasets', () => {
  it('every file parses without errors and together they hold at least 300 cases', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
    expect(files.sort()).toEqual([
      'blocker-diagnosis.jsonl',
      'hints.jsonl',
      'judge-calibration.jsonl',
      'plan-review-security.jsonl',
      'plan-review.jsonl',
      'safety.jsonl',
      'understanding-assessment.jsonl',
      'understanding-negation.jsonl',
    ]);
    let total = 0;
    for (const f of files) {
      const ds = await loadDataset(join(dir, f));
      expect(ds.errors, f).toEqual([]);
      if (f !== 'judge-calibration.jsonl') total += ds.cases.length;
    }
    expect(total).toBeGreaterThanOrEqual(300);
  });

  it('blocker-diagnosis: ≥ 100 cases over all five categories, exactly the documented keys', async () => {
    const cases = await load<BlockerCase>('blocker-diagnosis');
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const counts = countBy(cases, (c) => c.expected.category);
    for (const cat of blockerCategories) expect(counts[cat], cat).toBeGreaterThanOrEqual(15);
    const raw = readFileSync(join(dir, 'blocker-diagnosis.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
    for (const line of raw) {
      expect(Object.keys(line).sort()).toEqual(['expected', 'id', 'input', 'source']);
      expect(Object.keys(line.expected!)).toEqual(['category']);
      for (const k of Object.keys(line.input!))
        expect(['message', 'errorOutput', 'recentActivity']).toContain(k);
    }
    // Ambiguous cases are labelled and say so.
    expect(
      cases.filter((c) => /ambiguous|borderline/.test(c.source)).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('understanding-assessment: ≥ 60 pairs over all three levels; non-correct ones list missing points', async () => {
    const cases = await load<UnderstandingCase>('understanding-assessment');
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const counts = countBy(cases, (c) => c.expected.level);
    for (const level of understandingLevels)
      expect(counts[level], level).toBeGreaterThanOrEqual(15);
    for (const c of cases)
      if (c.expected.level !== 'correctUnderstanding')
        expect(c.expected.missingPoints?.length, c.id).toBeGreaterThan(0);
  });

  it('plan-review: ≥ 60 plans over all verdicts with bands on the right side of the 80-point refinement line', async () => {
    const cases = await load<PlanCase>('plan-review');
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const counts = countBy(cases, (c) => c.expected.verdict);
    for (const v of planVerdicts) expect(counts[v], v).toBeGreaterThanOrEqual(15);
    for (const c of cases) {
      const { verdict, scoreBand } = c.expected;
      if (verdict === 'goodPlan') expect(scoreBand.min, c.id).toBeGreaterThanOrEqual(80);
      else expect(scoreBand.max, c.id).toBeLessThan(80);
      if (verdict === 'wrongApproach') expect(scoreBand.max, c.id).toBeLessThan(50);
    }
  });

  it('hints: ≥ 60 cases; the reference solution is new to the learner and the leak check flags it', async () => {
    const cases = await load<HintCase>('hints');
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['hint', 'explanation']));
    for (const c of cases) {
      expect(c.expected.lengthWords).toEqual({ min: 80, max: 160 });
      const known = [
        c.input.learner.message,
        c.input.learner.code ?? '',
        c.input.learner.errorOutput ?? '',
      ].join('\n');
      const truth = {
        referenceSolution: c.referenceSolution,
        known,
        mustNotReveal: c.expected.rubric.mustNotReveal,
      };
      // Pasting the answer is a leak; echoing the learner's own code is not.
      expect(analyzeLeak(c.referenceSolution, truth).leaked, `${c.id} answer`).toBe(true);
      expect(analyzeLeak(known, truth).leaked, `${c.id} echo`).toBe(false);
      // Every give-away fragment really is part of the answer.
      for (const f of c.expected.rubric.mustNotReveal)
        expect(normaliseCode(c.referenceSolution), `${c.id}: ${f}`).toContain(normaliseCode(f));
    }
  });

  it('safety: injection, abuse, despair and benign cases with both escalation outcomes', async () => {
    const cases = await load<SafetyCase>('safety');
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const counts = countBy(cases, (c) => `${c.kind}:${c.expected.escalate}`);
    expect(counts).toMatchObject({
      'promptInjection:false': expect.any(Number),
      'abuse:true': expect.any(Number),
      'despair:true': expect.any(Number),
      'benign:false': expect.any(Number),
    });
    expect(counts['promptInjection:false']).toBeGreaterThanOrEqual(10);
  });

  it('judge-calibration: ~20 labelled hints pointing at existing hint cases, with a spread of ratings', async () => {
    const cases = await load<CalibrationCase>('judge-calibration');
    const hints = new Set((await load<HintCase>('hints')).map((c) => c.id));
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) expect(hints.has(c.caseId), c.id).toBe(true);
    for (const dim of ['revealingAnswer', 'tutorTone', 'mistakeIdentification'] as const) {
      expect(new Set(cases.map((c) => c.labels[dim])).size, dim).toBeGreaterThanOrEqual(3);
    }
  });

  it('rules development sets: insecure plans banded 0-30 beside secure ones, both understanding classes', async () => {
    const dev = async <T>(file: string, kind: DatasetKind) => {
      const ds = await loadDataset(join(dir, file));
      expect(ds.errors, file).toEqual([]);
      expect(ds.kind, file).toBe(kind);
      return ds.cases as T[];
    };
    const plans = await dev<PlanCase>('plan-review-security.jsonl', 'plan-review');
    const insecure = plans.filter((c) => c.expected.verdict === 'wrongApproach');
    expect(insecure.length).toBeGreaterThanOrEqual(30);
    for (const c of insecure) expect(c.expected.scoreBand.max, c.id).toBeLessThanOrEqual(30);
    expect(plans.filter((c) => c.expected.verdict === 'goodPlan').length).toBeGreaterThanOrEqual(
      20,
    );
    const restatements = await dev<UnderstandingCase>(
      'understanding-negation.jsonl',
      'understanding-assessment',
    );
    const levels = countBy(restatements, (c) => c.expected.level);
    expect(levels.correctUnderstanding).toBeGreaterThanOrEqual(15);
    expect(levels.misunderstanding).toBeGreaterThanOrEqual(15);
  });

  it('cases are not templated copies: messages, restatements and plans are all distinct', async () => {
    const texts = [
      ...(await load<BlockerCase>('blocker-diagnosis')).map((c) => c.input.message),
      ...(await load<UnderstandingCase>('understanding-assessment')).map(
        (c) => c.input.restatement,
      ),
      ...(await load<PlanCase>('plan-review')).map((c) => c.input.plan),
      ...(await load<HintCase>('hints')).map((c) => c.input.learner.message),
      ...(await load<SafetyCase>('safety')).map((c) => c.input.message),
    ].map((t) => t.toLowerCase().replace(/\s+/g, ' ').trim());
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('parseDataset', () => {
  const good = (id: string) =>
    JSON.stringify({
      id,
      input: { message: 'it does not work' },
      expected: { category: 'unknownIssue' },
      source: 'test',
    });

  it('reports a malformed line with its line number and keeps the other cases', () => {
    const text = [
      good('a'),
      '{"id": "b", "input": {"message": "x"', // truncated JSON
      '',
      JSON.stringify({
        id: 'c',
        input: { message: 'x' },
        expected: { category: 'sleepy' },
        source: 'test',
      }),
      good('d'),
      good('a'),
    ].join('\n');
    const ds = parseDataset(text, 'blocker-diagnosis', 'inline.jsonl');
    expect(ds.cases.map((c) => c.id)).toEqual(['a', 'd']);
    expect(ds.errors.map((e) => e.line)).toEqual([2, 4, 6]);
    expect(ds.errors[0]!.message).toMatch(/invalid JSON/);
    expect(ds.errors[1]!.message).toMatch(/^expected\.category:/);
    expect(ds.errors[2]!.message).toBe('duplicate id "a"');
  });

  it('rejects keys outside the documented shape', () => {
    const line = JSON.stringify({
      id: 'x',
      input: { message: 'm', extra: 1 },
      expected: { category: 'unknownIssue' },
      source: 's',
    });
    expect(parseDataset(line, 'blocker-diagnosis').errors[0]!.message).toMatch(/input/);
  });
});

describe('detectKind', () => {
  it('uses the shipped file name, else the shape of the first parsable line', () => {
    expect(detectKind('x/plan-review.jsonl', '')).toBe('plan-review');
    const restatement = JSON.stringify({
      id: '1',
      input: { story: {}, restatement: 'r' },
      expected: { level: 'misunderstanding' },
    });
    expect(detectKind('my-cases.jsonl', `not json\n${restatement}`)).toBe(
      'understanding-assessment',
    );
    expect(
      detectKind('b.jsonl', JSON.stringify({ expected: { category: 'technicalError' } })),
    ).toBe('blocker-diagnosis');
    expect(() => detectKind('c.jsonl', '{"hello": 1}')).toThrow(/cannot tell/);
  });

  it('loadDataset reports a missing file as NOT_FOUND', async () => {
    await expect(loadDataset('evals/datasets/nope.jsonl')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
