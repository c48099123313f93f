import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { mentorMemory } from './memory.ts';
import { understandingAssessorPrompt } from './prompts/understanding-assessor.ts';

/** Assesses the learner restatement of a story: correct, partial or misunderstanding, with the missing or wrong points. */
export const understandingAssessorSpec: MentorAgentSpec = {
  id: 'understanding-assessor',
  name: 'Understanding assessor',
  description:
    'Assesses the learner restatement of a story: correct, partial or misunderstanding, with the missing or wrong points.',
  instructions: understandingAssessorPrompt,
  learnerFacing: true,
};

export const understandingAssessorAgent = createMentorAgent(understandingAssessorSpec, {
  memory: mentorMemory,
});
