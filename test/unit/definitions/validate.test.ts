import { describe, expect, it } from 'vitest';
import {
  agentStep,
  branchStep,
  httpStep,
  setStep,
  WorkflowBuilder,
} from '../../../src/definitions/builder.ts';
import { parseCron, previousFire } from '../../../src/definitions/cron.ts';
import { evaluateSource } from '../../../src/definitions/expression/evaluate.ts';
import { parseExpression } from '../../../src/definitions/expression/parse.ts';
import { renderMapping } from '../../../src/definitions/expression/template.ts';
import { type KnownNames, validateDefinition } from '../../../src/definitions/validate.ts';

const known: KnownNames = {
  agents: ['planner', 'plan-reviewer'],
  tools: ['parse-tsc'],
  workflows: (id) => id === 'child',
};

const problemsOf = (definition: unknown) => {
  const result = validateDefinition(definition, known);
  return result.ok ? [] : result.problems;
};

describe('the expression language', () => {
  const scope = {
    input: { priority: 'high', tags: ['a', 'b'], n: 3 },
    steps: { 'create-task': { output: { id: 'T1', status: 200 } } },
  };
  it.each([
    ["input.priority == 'high'", true],
    ['input.n * 2 + 1', 7],
    ["'b' in input.tags && !('z' in input.tags)", true],
    ['len(input.tags) >= 2 ? upper(input.priority) : "no"', 'HIGH'],
    ["steps['create-task'].output.id", 'T1'],
    ['steps.create-task.output.status - 100', 100],
    ['input.missing.deeper', undefined],
    ['exists(input.missing) || 5', 5],
    ['input.constructor', undefined],
    ['contains(lower("ABC"), "b")', true],
  ])('%s → %j', (source, expected) => {
    expect(evaluateSource(source, scope)).toEqual(expected);
  });

  it.each(['a ==', 'foo(1)', '"open', 'a.', '1 +* 2', 'a = 1', '(a'])('%s does not parse', (s) => {
    expect(() => parseExpression(s)).toThrow(/at character/);
  });

  it('templates with an unclosed {{ keep it as text, and validation names it (also for many of them)', () => {
    expect(renderMapping('x {{ input.n }} y {{ z', scope)).toBe('x 3 y {{ z');
    const many = '{{'.repeat(100_000);
    expect(renderMapping(many, scope)).toBe(many);
    expect(
      validateDefinition({ id: 'xy', steps: [setStep('a', many)] }, known).ok ? [] : 'problems',
    ).toBe('problems');
  });

  it('templates keep a whole value and render parts as text', () => {
    expect(
      renderMapping(
        { id: '{{ input.n }}', title: 'Ticket {{ input.priority }}/{{ input.n }}' },
        scope,
      ),
    ).toEqual({ id: 3, title: 'Ticket high/3' });
  });
});

describe('validation', () => {
  it('accepts a definition built with the builder, and the builder gives plain data', () => {
    const built = new WorkflowBuilder('triage')
      .setName('Triage')
      .addStep(agentStep('plan', 'planner', 'Plan {{ input.request }}'))
      .addConditional('gate', "steps.plan.output.text != ''", [setStep('ok', { done: true })])
      .build();
    expect(JSON.parse(JSON.stringify(built))).toEqual(built);
    const result = validateDefinition(built, known);
    expect(result.ok).toBe(true);
  });

  it('reports every problem with its path, nothing else', () => {
    const definition = {
      id: 'broken',
      steps: [
        agentStep('a', 'nobody', 'hi {{ steps.zzz.output }}'),
        httpStep('b', { url: 'http://x/{{ input.( }}', dependsOn: ['c'] }),
        setStep(
          'c',
          {},
          { dependsOn: ['b'], onError: { strategy: 'compensate', compensate: 'refund' } },
        ),
        setStep('d', {}, { when: 'false', dependsOn: ['ghost'] }),
        { id: 'e', kind: 'tool', tool: 'rm-rf' },
        branchStep('f', 'input.x >', [setStep('g', 1, { dependsOn: ['a'] })]),
      ],
      compensations: [setStep('undo-nothing', {})],
      triggers: [{ type: 'cron', cron: '61 * * * *' }],
    };
    expect(problemsOf(definition)).toEqual(
      expect.arrayContaining([
        { path: 'steps[0].agent', message: expect.stringContaining('unknown agent "nobody"') },
        { path: 'steps[0].prompt', message: expect.stringContaining('unknown step "zzz"') },
        { path: 'steps[1].url', message: expect.stringContaining('does not parse') },
        { path: 'steps[2].onError.compensate', message: 'unknown step "refund"' },
        { path: 'steps[3].dependsOn[0]', message: 'unknown step "ghost"' },
        { path: 'steps[3].when', message: expect.stringContaining('unreachable') },
        { path: 'steps[4].tool', message: expect.stringContaining('unknown tool "rm-rf"') },
        { path: 'steps[5].condition', message: expect.stringContaining('does not parse') },
        {
          path: 'steps[5].trueBranch[0].dependsOn[0]',
          message: expect.stringContaining('unreachable'),
        },
        { path: 'steps[1].dependsOn', message: 'cycle: b → c → b' },
        { path: 'compensations[0]', message: expect.stringContaining('unreachable') },
        { path: 'triggers[0].cron', message: expect.stringContaining('outside 0-59') },
      ]),
    );
    expect(problemsOf(definition)).toHaveLength(12);
  });

  it('reports structural problems by path too', () => {
    expect(
      problemsOf({
        id: 'xy',
        steps: [
          { id: 'a', kind: 'http' },
          { id: 'B', kind: 'set', output: 1 },
        ],
      }),
    ).toEqual([
      { path: 'steps[0].url', message: expect.any(String) },
      { path: 'steps[1].id', message: expect.stringContaining('step id') },
    ]);
  });

  it('a structure zod refuses still gets the checks across steps: every problem is reported', () => {
    const problems = problemsOf({
      id: 'xy',
      steps: [
        { id: 'a', kind: 'http', dependsOn: ['b'] },
        setStep('b', 1, { dependsOn: ['a'], compensation: 'undo-b' }),
        { kind: 'set', output: 1, dependsOn: ['ghost'] },
        {
          id: 'fork',
          kind: 'parallel',
          branches: [
            { id: 'left', steps: [{ id: 'l1', kind: 'agent', agent: 'nobody' }] },
            { id: 'right', steps: [setStep('b', 1)] },
          ],
        },
      ],
      compensations: [{ id: 'never-named', kind: 'http' }],
    });
    expect(problems).toEqual([
      // zod's, first
      { path: 'steps[0].url', message: expect.any(String) },
      { path: 'steps[2].id', message: expect.any(String) },
      { path: 'steps[3].branches[0].steps[0].prompt', message: expect.any(String) },
      { path: 'compensations[0].url', message: expect.any(String) },
      // then those across steps, read from what zod refused
      {
        path: 'steps[3].branches[1].steps[0].id',
        message: 'duplicate step id "b" (also steps[1])',
      },
      { path: 'steps[1].compensation', message: 'unknown step "undo-b" in compensations' },
      { path: 'steps[2].dependsOn[0]', message: 'unknown step "ghost"' },
      { path: 'steps[0].dependsOn', message: 'cycle: a → b → a' },
      {
        path: 'compensations[0]',
        message: 'unreachable: no step names "never-named" as its compensation',
      },
    ]);
    // The refused agent step's own fields are zod's alone (no second, vaguer problem for them).
    expect(problems.filter((p) => p.path.startsWith('steps[3].branches[0].steps[0]'))).toHaveLength(
      1,
    );
  });

  it('a human step takes no timeout (its escalation reassigns it)', () => {
    expect(
      problemsOf({ id: 'xy', steps: [{ id: 'h', kind: 'human', assignee: 'a', timeoutMs: 5 }] }),
    ).toEqual([
      { path: 'steps[0].timeoutMs', message: expect.stringContaining('escalation.afterMs') },
    ]);
  });

  it('rejects names the scope does not have and duplicate ids', () => {
    expect(
      problemsOf({ id: 'xy', steps: [setStep('a', '{{ inptu.x }}'), setStep('a', 1)] }).map(
        (p) => p.path,
      ),
    ).toEqual(['steps[1].id', 'steps[0].output']);
  });
});

describe('cron', () => {
  it('finds the previous fire time', () => {
    const at = Date.UTC(2026, 0, 5, 10, 7, 30);
    expect(new Date(previousFire(parseCron('*/5 * * * *'), at)!).toISOString()).toBe(
      '2026-01-05T10:05:00.000Z',
    );
    expect(new Date(previousFire(parseCron('30 9 * * 1-5'), at)!).toISOString()).toBe(
      '2026-01-05T09:30:00.000Z',
    );
    expect(new Date(previousFire(parseCron('0 0 1 1 *'), at)!).toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });
});
