import { AppError } from '../errors/app-error.ts';
import type { Principal } from './api-keys.ts';

/**
 * Who may do what (docs/api.md, "Access"). An operator key (no learner scope), or any caller when
 * auth is off, may do everything. A learner-scoped key may use its own sessions through the events
 * a learner really produces — never raw machine events, which would skip the assessment, the
 * quality gates or the review — and nothing else: not Mastra's standard API (memory, threads,
 * runs, agents), not the implementation runs or their approvals.
 */
export function isOperator(principal: Principal | undefined): boolean {
  return !principal?.learnerId;
}

/** Events a learner's own key may send: what they say and what their tools report. */
export const learnerEventTypes: ReadonlySet<string> = new Set([
  'learner-message',
  'help-request',
  'research',
  'test-run',
  'build',
  'lint',
  'typecheck',
  'coverage',
  'security-scan',
  'commit',
  'pause',
  'resume',
]);

/** 403 naming `authorization` unless the caller holds an operator key. */
export function requireOperator(principal: Principal | undefined, what: string): void {
  if (!isOperator(principal)) {
    throw new AppError(
      'FORBIDDEN',
      `${what} needs an operator key; this key is scoped to a learner`,
      {
        field: 'authorization',
      },
    );
  }
}

/**
 * 403 naming `type` when a learner key sends an event only operators or integrations may send. A
 * learner may announce the pull request they opened (`review-feedback` `submitted`); the reviewer's
 * decisions come from the code host.
 */
export function assertLearnerMaySend(
  principal: Principal | undefined,
  type: string,
  data: unknown,
): void {
  if (isOperator(principal) || learnerEventTypes.has(type)) return;
  if (
    type === 'review-feedback' &&
    (data as { decision?: unknown } | undefined)?.decision === 'submitted'
  ) {
    return;
  }
  if (type === 'review-feedback') {
    throw new AppError('FORBIDDEN', "review decisions need an operator key (the code host's)", {
      field: 'data.decision',
    });
  }
  throw new AppError(
    'FORBIDDEN',
    `a learner key may send ${[...learnerEventTypes].join(', ')}; '${type}' needs an operator key`,
    { field: 'type' },
  );
}
