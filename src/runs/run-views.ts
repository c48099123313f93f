import type pg from 'pg';
import type { Implementation } from '../domain/contracts/implementation.ts';
import {
  listArtifacts,
  loadArtifact,
  type ArtifactKind,
} from '../../workflows/implementation/artifact-store.ts';
import {
  listCheckpoints,
  recentPhaseDurations,
} from '../../workflows/implementation/checkpoints.ts';
import type { Queryable } from '../db/transaction.ts';
import { computeProgress, expectedPhaseMs } from '../../workflows/implementation/progress.ts';
import type {
  ImplementationInput,
  ImplementationMetrics,
  ImplementationOutput,
  Phase,
  RunStatus,
} from '../../workflows/implementation/schemas.ts';

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

export async function loadRunRow(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(
    `select * from implementation_runs where id = $1${options.lock ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

/** Seed 003's status response. */
export interface RunStatusView {
  id: string;
  status: RunStatus;
  currentPhase: Phase | null;
  /** 0–100. */
  progress: number;
  /** ISO time; null while waiting for a human or when the run ended without completing. */
  estimatedCompletion: string | null;
}

export async function toRunStatusView(
  pool: pg.Pool,
  row: RunRow,
  options: { passScore: number; maxRefinements: number; now: Date },
): Promise<RunStatusView> {
  const [checkpoints, history, reviews] = await Promise.all([
    listCheckpoints(pool, row.id),
    recentPhaseDurations(pool),
    pool.query<{ iteration: number; score: number }>(
      `select iteration, (content->>'score')::int as score from implementation_artifacts
       where run_id = $1 and kind = 'review' and attempt = $2 order by iteration desc, created_at desc limit 1`,
      [row.id, row.attempt],
    ),
  ]);
  const completed = new Set(checkpoints.map((c) => c.phase));
  const refineCheckpoint = checkpoints.find((c) => c.phase === 'refine')?.output as
    | { refinements?: number; score?: number }
    | undefined;
  const reviewCheckpoint = checkpoints.find((c) => c.phase === 'review')?.output as
    | { score?: number }
    | undefined;
  const latestReview = reviews.rows[0];
  const expectedMs = expectedPhaseMs(history);
  const { progress, estimatedCompletion } = computeProgress({
    status: row.status,
    currentPhase: row.current_phase,
    phaseStartedAt: row.phase_started_at,
    completed,
    reviewScore: refineCheckpoint?.score ?? latestReview?.score ?? reviewCheckpoint?.score ?? null,
    refinementsDone: refineCheckpoint?.refinements ?? latestReview?.iteration ?? 0,
    maxRefinements: row.input.maxRefinements ?? options.maxRefinements,
    passScore: options.passScore,
    lastActivityAt: row.updated_at,
    now: options.now,
    expectedMs,
  });
  return {
    id: row.id,
    status: row.status,
    currentPhase: row.current_phase,
    progress,
    estimatedCompletion,
  };
}

export interface RunDetails {
  id: string;
  status: RunStatus;
  currentPhase: Phase | null;
  attempt: number;
  input: ImplementationInput;
  approval: {
    required: boolean;
    decision: 'approved' | 'rejected' | null;
    comment: string | null;
    requestedAt: string | null;
    answeredAt: string | null;
    escalatedAt: string | null;
  };
  error: RunRow['error'];
  /** Seed 003's output, once completed. */
  output: ImplementationOutput | null;
  /** Phases with a checkpoint (a restart may start at the first phase not listed, or any listed one). */
  completedPhases: Phase[];
  artifacts: {
    id: string;
    kind: ArtifactKind;
    attempt: number;
    iteration: number;
    createdAt: string;
  }[];
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function toRunDetails(pool: pg.Pool, row: RunRow): Promise<RunDetails> {
  const [checkpoints, artifacts] = await Promise.all([
    listCheckpoints(pool, row.id),
    listArtifacts(pool, row.id),
  ]);
  let output: ImplementationOutput | null = null;
  const implement = checkpoints.find((c) => c.phase === 'implement')?.output as
    | { implementationId: string; metrics: ImplementationMetrics }
    | undefined;
  if (row.status === 'completed' && implement) {
    const { content } = await loadArtifact<Implementation>(
      pool,
      implement.implementationId,
      'implementation',
    );
    output = {
      implementation: content.implementation,
      documentation: content.documentation,
      tests: content.tests,
      metrics: implement.metrics,
    };
  }
  return {
    id: row.id,
    status: row.status,
    currentPhase: row.current_phase,
    attempt: row.attempt,
    input: row.input,
    approval: {
      required: Boolean(row.input.approval),
      decision: row.approval_decision,
      comment: row.approval_comment,
      requestedAt: iso(row.approval_requested_at),
      answeredAt: iso(row.approval_answered_at),
      escalatedAt: iso(row.escalated_at),
    },
    error: row.error,
    output,
    completedPhases: checkpoints.map((c) => c.phase),
    artifacts: artifacts.map((a) => ({
      id: a.id,
      kind: a.kind,
      attempt: a.attempt,
      iteration: a.iteration,
      createdAt: a.createdAt,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    completedAt: iso(row.completed_at),
  };
}
