import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { mentorMemory } from './memory.ts';
import { planReviewerPrompt } from './prompts/plan-reviewer.ts';

/** Scores an implementation plan 0-100 against weighted criteria: good plan, missing steps or wrong approach. */
export const planReviewerSpec: MentorAgentSpec = {
  id: 'plan-reviewer',
  name: 'Plan reviewer',
  description:
    'Scores an implementation plan 0-100 against weighted criteria: good plan, missing steps or wrong approach.',
  instructions: planReviewerPrompt,
  learnerFacing: true,
};

export const planReviewerAgent = createMentorAgent(planReviewerSpec, { memory: mentorMemory });
