import type pg from 'pg';
import { diagnoseBlockerWorkflow } from './diagnose-blocker-workflow.ts';
import { createImplementationWorkflow } from './implementation-workflow.ts';
import { systemCheckWorkflow } from './system-check-workflow.ts';

/**
 * Every workflow Mastra serves, keyed by export name (the id is kebab-case on each workflow). A
 * factory: a workflow object must not be shared between Mastra instances, and the implementation
 * workflow runs on the app's pool and time scale.
 */
export function createWorkflows(deps: {
  pool: pg.Pool;
  timeScale: number;
  /** Default approvers and escalation target of implementation runs (configuration). */
  approval?: { approver?: string; escalateTo?: string };
}) {
  return {
    systemCheckWorkflow,
    diagnoseBlockerWorkflow,
    implementationWorkflow: createImplementationWorkflow(
      { pool: deps.pool, ...(deps.approval ? { approval: deps.approval } : {}) },
      deps.timeScale,
    ),
  };
}
