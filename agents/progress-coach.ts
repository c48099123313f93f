import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { mentorMemory } from './memory.ts';
import { progressCoachPrompt } from './prompts/progress-coach.ts';

/** Coaches progress: encourages, investigates a stall or redirects a loop. */
export const progressCoachSpec: MentorAgentSpec = {
  id: 'progress-coach',
  name: 'Progress coach',
  description: 'Coaches progress: encourages, investigates a stall or redirects a loop.',
  instructions: progressCoachPrompt,
  learnerFacing: true,
};

export const progressCoachAgent = createMentorAgent(progressCoachSpec, { memory: mentorMemory });
