import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { mentorMemory } from './memory.ts';
import { reviewCoachPrompt } from './prompts/review-coach.ts';

/** Explains code review feedback: sorts comments into blocking, suggestions, questions and praise, and reads the review outcome. */
export const reviewCoachSpec: MentorAgentSpec = {
  id: 'review-coach',
  name: 'Review coach',
  description:
    'Explains code review feedback: sorts comments into blocking, suggestions, questions and praise, and reads the review outcome.',
  instructions: reviewCoachPrompt,
  learnerFacing: true,
};

export const reviewCoachAgent = createMentorAgent(reviewCoachSpec, { memory: mentorMemory });
