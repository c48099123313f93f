import { diagnoseBlockerWorkflow } from './diagnose-blocker-workflow.ts';
import { implementationWorkflow } from './implementation-workflow.ts';
import { mentorTurnWorkflow } from './mentor-turn-workflow.ts';
import { systemCheckWorkflow } from './system-check-workflow.ts';

/** Every workflow Mastra serves, keyed by export name (the id is kebab-case on each workflow). */
export const workflows = { systemCheckWorkflow, mentorTurnWorkflow, diagnoseBlockerWorkflow, implementationWorkflow };
