import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { planRefinerPrompt } from './prompts/plan-refiner.ts';

/** Four-phase workflow, phase 3: improves a plan from its review (missing steps, concerns). */
export const planRefinerSpec: MentorAgentSpec = {
  id: 'plan-refiner',
  name: 'Plan refiner',
  description:
    'Four-phase workflow, phase 3: improves a plan from its review (missing steps, concerns).',
  instructions: planRefinerPrompt,
  learnerFacing: false,
};

export const planRefinerAgent = createMentorAgent(planRefinerSpec);
