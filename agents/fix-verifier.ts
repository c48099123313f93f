import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { mentorMemory } from './memory.ts';
import { fixVerifierPrompt } from './prompts/fix-verifier.ts';

/** Checks whether a fix worked from checks, errors before and after, and the learner report. */
export const fixVerifierSpec: MentorAgentSpec = {
  id: 'fix-verifier',
  name: 'Fix verifier',
  description:
    'Checks whether a fix worked from checks, errors before and after, and the learner report.',
  instructions: fixVerifierPrompt,
  learnerFacing: true,
};

export const fixVerifierAgent = createMentorAgent(fixVerifierSpec, { memory: mentorMemory });
