import type { Implementation } from '../../domain/contracts/implementation.ts';
import type { Plan, RefinedPlan } from '../../domain/contracts/plan.ts';
import { record, rulesTag, storyOf, str, strings } from './text.ts';

/**
 * Rules-mode planner, plan refiner and implementer for seed 003's four-phase workflow. Plans are
 * built from a template (understand, one step per requirement with its check, tests, quality gates,
 * review); the implementer cannot write code without a model and says so, returning an outline.
 */
export function makePlan(input: Record<string, unknown> | undefined, message: string): Plan {
  const story = storyOf(input);
  const request = str(input?.request) || story?.title || message || 'the requested change';
  const requirements = strings(input?.requirements).length
    ? strings(input?.requirements)
    : (story?.acceptanceCriteria ?? []);
  const constraints = strings(input?.constraints);
  const steps: Plan['steps'] = [
    {
      title: 'Understand the current code',
      detail: `Find the files, functions and tests involved in: ${request}.`,
      verification: 'You can name every file the change touches.',
    },
    ...requirements.map((r, i) => ({
      title: `Requirement ${i + 1}`,
      detail: `Implement: ${r}`,
      verification: `A test that fails before and passes after shows: ${r}`,
    })),
    {
      title: 'Edge cases and errors',
      detail: 'Handle invalid input, empty results and failures with clear error messages.',
      verification: 'Tests for invalid and empty input pass.',
    },
    {
      title: 'Quality gates',
      detail:
        'Run the full test suite, lint and the type check; keep coverage at or above the project threshold.',
      verification: 'All checks are green.',
    },
    {
      title: 'Review',
      detail: 'Open a pull request that explains the change and how it was tested.',
      verification: 'The pull request is approved.',
    },
  ];
  return {
    summary: `${rulesTag} Template plan for: ${request}${constraints.length ? ` (constraints: ${constraints.join('; ')})` : ''}.`,
    steps,
    risks: [
      ...(requirements.length
        ? []
        : ['No explicit requirements were given: confirm the expected behaviour first.']),
      ...constraints.map((c) => `Constraint to respect: ${c}`),
      'Hidden coupling with code outside the touched files.',
    ],
    successMetrics: [
      'Every requirement has a passing test',
      'Lint, type check and tests are green',
      'Review score at least 80',
    ],
  };
}

export function refinePlan(
  input: Record<string, unknown> | undefined,
  message: string,
): RefinedPlan {
  const plan = record(input?.plan);
  const review = record(input?.review);
  const steps = Array.isArray(plan.steps)
    ? plan.steps.map((s) => {
        const r = record(s);
        return {
          title: str(r.title) || 'Step',
          detail: str(r.detail),
          verification: str(r.verification) || 'Checked by a test.',
        };
      })
    : makePlan(input, message).steps;
  const additions = strings(review.missingSteps).map((m) => ({
    title: 'Added after review',
    detail: m.replace(/^A step (?:for|that)\s*:?\s*/i, ''),
    verification: 'A test or check shows it is done.',
  }));
  const concerns = strings(review.concerns);
  // New steps go before the closing quality-gate and review steps.
  const closing = steps.filter((s) => /quality gates|review/i.test(s.title));
  const body = steps.filter((s) => !closing.includes(s));
  return {
    summary: `${str(plan.summary) || `${rulesTag} Refined plan`}`.replace(
      /^(?!\(rules mode\))/,
      `${rulesTag} `,
    ),
    steps: [...body, ...additions, ...closing],
    risks: [...strings(plan.risks), ...concerns.map((c) => `Reviewer concern: ${c}`)],
    successMetrics: strings(plan.successMetrics).length
      ? strings(plan.successMetrics)
      : ['Every requirement has a passing test'],
    changes: [
      ...additions.map((a) => `Added step: ${a.detail}`),
      ...concerns.map((c) => `Noted concern: ${c}`),
    ],
  };
}

export function implementPlan(
  input: Record<string, unknown> | undefined,
  message: string,
): Implementation {
  const plan = record(input?.plan);
  const steps = Array.isArray(plan.steps) ? plan.steps.map((s) => record(s)) : [];
  const requirements = strings(input?.requirements);
  const request = str(input?.request) || message;
  return {
    implementation: [
      `// ${rulesTag} No language model is configured, so no code was generated.`,
      `// Outline for: ${request}`,
      ...steps.map((s, i) => `// ${i + 1}. ${str(s.title)}: ${str(s.detail)}`),
    ].join('\n'),
    documentation: `${rulesTag} ${request}\n\n${steps.map((s, i) => `${i + 1}. ${str(s.title)} — done when: ${str(s.verification)}`).join('\n')}`,
    tests: (requirements.length ? requirements : steps.map((s) => str(s.detail))).map(
      (r) => `it('${r.replace(/'/g, "\\'")}')`,
    ),
    notes: [
      'Rules mode: configure MODEL and OPENAI_API_KEY (or OPENAI_BASE_URL) to generate an implementation.',
    ],
  };
}
