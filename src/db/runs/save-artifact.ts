import { randomUUID } from 'node:crypto';
import type { ArtifactKind } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/** An artifact to store (`iteration`: the refinement round, 0 by default). */
export interface SaveArtifact {
  runId: string;
  kind: ArtifactKind;
  attempt: number;
  iteration?: number;
  content: unknown;
}

/** Store an artifact under a new id (returned): step outputs carry the id, never the content. */
export async function saveArtifact(db: Queryable, artifact: SaveArtifact): Promise<string> {
  const id = randomUUID();
  await db.query(
    'insert into implementation_artifacts (id, run_id, kind, attempt, iteration, content) values ($1, $2, $3, $4, $5, $6)',
    [
      id,
      artifact.runId,
      artifact.kind,
      artifact.attempt,
      artifact.iteration ?? 0,
      JSON.stringify(artifact.content),
    ],
  );
  return id;
}
