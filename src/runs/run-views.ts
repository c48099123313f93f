import type pg from 'pg';
import { listCheckpoints } from '../db/runs/list-checkpoints.ts';
import { recentPhaseDurations } from '../db/runs/recent-phase-durations.ts';
import { listArtifacts, loadArtifact } from '../db/runs/select-artifacts.ts';
import { selectLatestReview } from '../db/runs/select-latest-review.ts';
import type { RunRow } from '../db/runs/types.ts';
import type { Implementation } from '../domain/contracts/implementation.ts';
import type { ArtifactKind } from '../domain/implementation-run.ts';
import { computeProgress, expectedPhaseMs } from '../../workflows/implementation/progress.ts';
import type {
  ImplementationInput,
  ImplementationMetrics,
  ImplementationOutput,
  Phase,
  RunStatus,
} from '../../workflows/implementation/schemas.ts';

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
  const [checkpoints, history, latestReview] = await Promise.all([
    listCheckpoints(pool, row.id),
    recentPhaseDurations(pool),
    selectLatestReview(pool, row.id, row.attempt),
  ]);
  const completed = new Set(checkpoints.map((c) => c.phase));
  const refineCheckpoint = checkpoints.find((c) => c.phase === 'refine')?.output as
    | { refinements?: number; score?: number }
    | undefined;
  const reviewCheckpoint = checkpoints.find((c) => c.phase === 'review')?.output as
    | { score?: number }
    | undefined;
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
