import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  agentStep,
  httpStep,
  parallelStep,
  setStep,
  toolStep,
  WorkflowBuilder,
} from '../../../src/definitions/builder.ts';
import { repoRoot } from '../../helpers/spawn-cli.ts';

const example = (file: string) =>
  parse(readFileSync(join(repoRoot, 'examples', 'workflows', file), 'utf8'));

/* The typed builder produces the same data as the YAML files (seed 004's WorkflowBuilder). */
describe('WorkflowBuilder', () => {
  it('reproduces sequential.yaml', () => {
    const built = new WorkflowBuilder('seed-sequential')
      .setName('Sequential workflow (seed 004)')
      .addTrigger({ type: 'api' })
      .addStep(
        agentStep(
          'analyze-requirements',
          'planner',
          'Analyze the requirements of: {{ input.request }}',
        ),
      )
      .addStep(
        agentStep(
          'design-solution',
          'plan-reviewer',
          'Review this analysis as a solution design: {{ steps.analyze-requirements.output.text }}',
        ),
      )
      .addStep(
        agentStep(
          'implement-solution',
          'implementer',
          'Implement: {{ steps.analyze-requirements.output.text }}',
        ),
      )
      .addStep(
        agentStep(
          'test-solution',
          'fix-verifier',
          'Verify the implementation: {{ steps.implement-solution.output.text }}',
        ),
      )
      .addStep(
        setStep('deploy-solution', {
          deployed: true,
          summary: '{{ steps.implement-solution.output.text }}',
        }),
      )
      .build();
    expect(built).toStrictEqual(example('sequential.yaml'));
  });

  it('reproduces error-handling.yaml (defaults, retry, onError strategies, compensations)', () => {
    const built = new WorkflowBuilder('seed-error-handling')
      .setName('Error handling (seed 004)')
      .setDefaults({ timeoutMs: 300000 })
      .addStep(
        httpStep('data-validation', {
          method: 'POST',
          url: '{{ input.api }}/validate',
          body: '{{ input.records }}',
          retry: {
            maxAttempts: 4,
            backoff: 'exponential',
            delayMs: 200,
            jitter: 0.2,
            retryOn: ['transient', 'system'],
          },
          onError: { strategy: 'retry', maxRetries: 3, backoff: 'exponential' },
          compensation: 'discard-validation',
        }),
      )
      .addStep(
        httpStep('data-transformation', {
          method: 'POST',
          url: '{{ input.api }}/transform',
          body: { validated: '{{ steps.data-validation.output.body }}' },
          onError: { strategy: 'compensate', compensate: 'rollback-changes' },
        }),
      )
      .addStep(
        httpStep('data-sync', {
          method: 'POST',
          url: '{{ input.api }}/sync',
          onError: { strategy: 'escalate', escalateTo: 'human-operator' },
        }),
      )
      .addCompensation(
        httpStep('rollback-changes', { method: 'POST', url: '{{ input.api }}/rollback' }),
      )
      .addCompensation(
        httpStep('discard-validation', { method: 'DELETE', url: '{{ input.api }}/validate' }),
      )
      .build();
    expect(built).toStrictEqual(example('error-handling.yaml'));
  });

  it('takes fork branches as a record (branch id → steps) and sets the run output', () => {
    const built = new WorkflowBuilder('checks')
      .addParallel('all-checks', {
        types: [toolStep('tsc', 'parse-tsc', { report: '{{ input.tsc }}' })],
        lint: [toolStep('eslint', 'parse-eslint', { report: '{{ input.eslint }}' })],
      })
      .setOutput({ errors: '{{ steps.tsc.output.errorCount }}' })
      .build();
    expect(built.steps[0]).toStrictEqual(
      parallelStep('all-checks', {
        types: [toolStep('tsc', 'parse-tsc', { report: '{{ input.tsc }}' })],
        lint: [toolStep('eslint', 'parse-eslint', { report: '{{ input.eslint }}' })],
      }),
    );
    expect((built.steps[0] as { branches: { id: string }[] }).branches.map((b) => b.id)).toEqual([
      'types',
      'lint',
    ]);
    expect(built.output).toEqual({ errors: '{{ steps.tsc.output.errorCount }}' });
  });
});
