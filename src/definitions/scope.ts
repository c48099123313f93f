import type { Scope } from './expression/evaluate.ts';
import type { RunRow, StepResultRow } from '../db/definitions/types.ts';

/** Secrets a definition can read as `secrets.NAME`: the process's `WORKFLOW_SECRET_NAME` variables. */
export function secretsFromEnv(env: Record<string, string | undefined>): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (name.startsWith('WORKFLOW_SECRET_') && value !== undefined)
      secrets[name.slice('WORKFLOW_SECRET_'.length)] = value;
  return secrets;
}

/** What a run's expressions read: its input, every step's result so far, the run, the secrets. */
export function scopeOf(
  run: RunRow,
  results: StepResultRow[],
  secrets: Record<string, string>,
  extra: Scope = {},
): Scope {
  return {
    input: run.input,
    steps: Object.fromEntries(
      results.map((r) => [
        r.step_id,
        { status: r.status, output: r.output, error: r.error?.message, errorClass: r.error_class },
      ]),
    ),
    run: { id: run.id, definition: run.definition_id, version: run.version, attempt: run.attempt },
    secrets,
    ...extra,
  };
}
