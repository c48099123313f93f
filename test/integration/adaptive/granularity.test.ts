import { describe, expect, it } from 'vitest';
import { adjustPlan, adjustTemplate } from '../../../src/sessions/adaptive/granularity.ts';
import { taskComplexity } from '../../../src/sessions/adaptive/task-complexity.ts';

describe('step granularity and task complexity', () => {
  const template = [
    'Write a failing test for: The total sums the item prices',
    'Make it pass: The total sums the item prices',
    'Run lint, type check, coverage and the security scan',
  ];

  it('a fast learner gets a template’s test and code as one step; others keep the pairs', () => {
    expect(adjustTemplate(template, 'coarse')).toEqual([
      'Test and implement: The total sums the item prices',
      'Run lint, type check, coverage and the security scan',
    ]);
    expect(adjustTemplate(template, 'normal')).toEqual(template);
  });

  it('a struggling learner gets compound steps split, short ones kept whole', () => {
    expect(
      adjustPlan(
        ['Sum the item prices with reduce, then round the total to cents', 'Add a test'],
        'fine',
      ),
    ).toEqual(['Sum the item prices with reduce', 'Round the total to cents', 'Add a test']);
    expect(adjustPlan(['Sum the prices and return'], 'fine')).toEqual([
      'Sum the prices and return',
    ]);
  });

  it('reads a plan step’s complexity, falling back to the story’s', () => {
    expect(taskComplexity('Compare two rounding libraries', 'simple')).toBe('research');
    expect(taskComplexity('Write a failing test for the total', 'complex')).toBe('simple');
    expect(taskComplexity(null, 'complex')).toBe('complex');
    expect(
      taskComplexity('Parse page and pageSize, limit pageSize to 100 and return 400', 'simple'),
    ).toBe('complex');
  });
});
