import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { mentorMemory } from './memory.ts';
import { conceptExplainerPrompt } from './prompts/concept-explainer.ts';
import { conceptLookupTool } from '../tools/concept-lookup.ts';

/** Explains a programming concept at the learner level with one small example (never the story solution) and a check-for-understanding question. */
export const conceptExplainerSpec: MentorAgentSpec = {
  id: 'concept-explainer',
  name: 'Concept explainer',
  description:
    'Explains a programming concept at the learner level with one small example (never the story solution) and a check-for-understanding question.',
  instructions: conceptExplainerPrompt,
  learnerFacing: true,
  tools: { conceptLookupTool },
};

export const conceptExplainerAgent = createMentorAgent(conceptExplainerSpec, {
  memory: mentorMemory,
});
