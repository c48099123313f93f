import type { Queryable } from '../transaction.ts';

export type { Queryable };

/** A stored definition's head row. */
export interface DefinitionRow {
  id: string;
  name: string;
  description: string | null;
  status: 'active' | 'deprecated';
  latest_version: number;
  created_at: Date;
  updated_at: Date;
}

/** One immutable version. */
export interface VersionRow {
  definition_id: string;
  version: number;
  spec: unknown;
  created_at: Date;
}

export type RunStatus =
  | 'queued'
  | 'running'
  | 'waiting'
  | 'compensating'
  | 'completed'
  | 'failed'
  | 'cancelled';

export interface RunRow {
  id: string;
  definition_id: string;
  version: number;
  status: RunStatus;
  input: Record<string, unknown>;
  output: unknown;
  error: { message: string; class?: string; step?: string } | null;
  trigger: Record<string, unknown>;
  idempotency_key: string | null;
  attempt: number;
  mastra_run_id: string | null;
  cancel_requested: boolean;
  lease_owner: string | null;
  lease_until: Date | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export type StepStatus = 'running' | 'completed' | 'failed' | 'skipped' | 'cancelled' | 'waiting';

export interface StepResultRow {
  run_id: string;
  step_id: string;
  kind: string;
  status: StepStatus;
  output: unknown;
  error: { message: string } | null;
  error_class: string | null;
  tries: number;
  started_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
  completed_seq: string | null;
}

export interface CompensationRow {
  run_id: string;
  position: number;
  step_id: string;
  compensation_id: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  tries: number;
  error: string | null;
}

export interface HumanTaskRow {
  id: string;
  run_id: string;
  step_id: string;
  kind: 'task' | 'escalation';
  title: string;
  assignee: string;
  details: unknown;
  status: 'open' | 'answered' | 'cancelled';
  answer: unknown;
  escalate_at: Date | null;
  escalate_to: string | null;
  escalated_at: Date | null;
  created_at: Date;
  answered_at: Date | null;
}

export interface RunEventRow {
  seq: string;
  run_id: string;
  type: string;
  data: Record<string, unknown>;
  at: Date;
}
