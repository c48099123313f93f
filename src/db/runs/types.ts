/** Rows the implementation run tables return, and the records mapped from them. */
import type {
  ArtifactKind,
  ImplementationInput,
  ImplementationMetrics,
  Phase,
  RunStatus,
} from '../../domain/implementation-run.ts';

/** The `implementation_runs` row. */
export interface RunRow {
  id: string;
  mastra_run_id: string;
  attempt: number;
  status: RunStatus;
  current_phase: Phase | null;
  phase_started_at: Date | null;
  input: ImplementationInput;
  metrics: ImplementationMetrics | null;
  error: { code: string; reason?: string; message: string; phase: Phase | null } | null;
  approval_requested_at: Date | null;
  approval_decision: 'approved' | 'rejected' | null;
  approval_comment: string | null;
  approval_answered_at: Date | null;
  escalated_at: Date | null;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

/** A completed phase: its step output (ids and scores) and how long it took. */
export interface Checkpoint<T = unknown> {
  phase: Phase;
  attempt: number;
  output: T;
  durationMs: number;
  completedAt: string;
}

/** Median durations of recently completed phases (a refine round's apart), for progress estimates. */
export type PhaseHistory = Partial<Record<Phase, { medianMs: number; perIterationMs?: number }>>;

/** One stored artifact (plan, review, refinement, implementation) of a run. */
export interface Artifact<T = unknown> {
  id: string;
  runId: string;
  kind: ArtifactKind;
  attempt: number;
  iteration: number;
  content: T;
  createdAt: string;
}

/** The human approval of a run, as far as it went. */
export interface ApprovalState {
  decision: 'approved' | 'rejected' | null;
  comment: string | null;
  /** From the request to the answer, once answered. */
  waitedMs: number | null;
}
