import { systemCheckWorkflow } from './system-check-workflow.ts';

/** Every workflow Mastra serves, keyed by export name (the id is kebab-case on each workflow). */
export const workflows = { systemCheckWorkflow };
