import type { ArtifactKind } from '../../domain/implementation-run.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Queryable } from '../transaction.ts';
import type { Artifact } from './types.ts';

interface ArtifactRow {
  id: string;
  run_id: string;
  kind: ArtifactKind;
  attempt: number;
  iteration: number;
  content: unknown;
  created_at: Date;
}

function toArtifact<T>(row: ArtifactRow): Artifact<T> {
  return {
    id: row.id,
    runId: row.run_id,
    kind: row.kind,
    attempt: row.attempt,
    iteration: row.iteration,
    content: row.content as T,
    createdAt: row.created_at.toISOString(),
  };
}

/** Load one artifact of an expected kind; a missing one means a step was handed a stale id. */
export async function loadArtifact<T>(
  db: Queryable,
  id: string,
  kind: ArtifactKind | readonly ArtifactKind[],
): Promise<Artifact<T>> {
  const kinds = typeof kind === 'string' ? [kind] : [...kind];
  const { rows } = await db.query<ArtifactRow>(
    'select * from implementation_artifacts where id = $1 and kind = any($2)',
    [id, kinds],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', `${kinds.join(' or ')} artifact ${id} not found`);
  return toArtifact<T>(rows[0]);
}

/** Every artifact of a run, oldest first (all attempts). */
export async function listArtifacts(db: Queryable, runId: string): Promise<Artifact[]> {
  const { rows } = await db.query<ArtifactRow>(
    'select * from implementation_artifacts where run_id = $1 order by created_at, id',
    [runId],
  );
  return rows.map((r) => toArtifact(r));
}
