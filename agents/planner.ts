import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { plannerPrompt } from './prompts/planner.ts';

/** Four-phase workflow, phase 1: turns a request with requirements and constraints into a step-by-step plan. */
export const plannerSpec: MentorAgentSpec = {
  id: 'planner',
  name: 'Planner',
  description:
    'Four-phase workflow, phase 1: turns a request with requirements and constraints into a step-by-step plan.',
  instructions: plannerPrompt,
  learnerFacing: false,
};

export const plannerAgent = createMentorAgent(plannerSpec);
