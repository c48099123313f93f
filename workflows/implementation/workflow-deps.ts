import type pg from 'pg';
import { mastraAgentPort, type AgentPort } from './agent-port.ts';
import { retryConfig } from './retry.ts';
import { DEFAULT_MAX_REFINEMENTS, DEFAULT_PASS_SCORE } from './schemas.ts';

/** Seed 004's human task: answer within 24 hours, else escalate. Scaled by TIME_SCALE. */
export const DEFAULT_APPROVAL_TIMEOUT_MS = 24 * 60 * 60 * 1000;
/** Outer bound of one agent call (the slowest phase, implementation, is ~15 min in seed 003's figures). */
export const DEFAULT_CALL_TIMEOUT_MS = 20 * 60 * 1000;

export interface ImplementationWorkflowOptions {
  /** How the steps reach the four agents; default the registered Mastra agents. */
  agents?: AgentPort;
  /** Where runs, artifacts, checkpoints and events live. */
  pool: pg.Pool;
  /** Review score a plan needs to skip (or leave) refinement. Default 80. */
  passScore?: number;
  /** Refinement rounds when the input names none. Default 3. */
  maxRefinements?: number;
  /** Time budget of one agent call; past it the call is aborted and retried as a timeout. */
  callTimeoutMs?: number;
  retry?: {
    maxAttempts?: number;
    backoffMs?: readonly number[];
    /** Multiplies the backoff (default TIME_SCALE). */
    scale?: number;
    /** Injectable wait (tests). */
    sleep?: (ms: number) => Promise<void>;
  };
  approval?: {
    /** Who is asked (a notification row). Default `approver`. */
    approver?: string;
    /** Who is notified when nobody answers in time. Default `operator`. */
    escalateTo?: string;
    /** Unanswered this long → escalation. Default 24 h × TIME_SCALE. */
    timeoutMs?: number;
  };
}

/** Options with every default filled in, as the steps use them. */
export interface WorkflowDeps {
  agents: AgentPort;
  pool: pg.Pool;
  passScore: number;
  maxRefinements: number;
  callTimeoutMs: number;
  retry: {
    maxAttempts: number;
    backoffMs: readonly number[];
    scale: number;
    sleep?: (ms: number) => Promise<void>;
  };
  approval: { approver: string; escalateTo: string; timeoutMs: number };
}

export function resolveWorkflowDeps(
  options: ImplementationWorkflowOptions,
  timeScale: number,
): WorkflowDeps {
  return {
    agents: options.agents ?? mastraAgentPort,
    pool: options.pool,
    passScore: options.passScore ?? DEFAULT_PASS_SCORE,
    maxRefinements: options.maxRefinements ?? DEFAULT_MAX_REFINEMENTS,
    callTimeoutMs: options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
    retry: {
      maxAttempts: options.retry?.maxAttempts ?? retryConfig.maxAttempts,
      backoffMs: options.retry?.backoffMs ?? retryConfig.backoffMs,
      scale: options.retry?.scale ?? timeScale,
      ...(options.retry?.sleep ? { sleep: options.retry.sleep } : {}),
    },
    approval: {
      approver: options.approval?.approver ?? 'approver',
      escalateTo: options.approval?.escalateTo ?? 'operator',
      timeoutMs: options.approval?.timeoutMs ?? Math.round(DEFAULT_APPROVAL_TIMEOUT_MS * timeScale),
    },
  };
}
