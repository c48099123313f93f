import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { mentorMemory } from './memory.ts';
import { hintGiverPrompt } from './prompts/hint-giver.ts';
import { conceptLookupTool } from '../tools/concept-lookup.ts';

/** Gives Socratic hints that go one level deeper each time, never the solution. */
export const hintGiverSpec: MentorAgentSpec = {
  id: 'hint-giver',
  name: 'Hint giver',
  description: 'Gives Socratic hints that go one level deeper each time, never the solution.',
  instructions: hintGiverPrompt,
  learnerFacing: true,
  tools: { conceptLookupTool },
};

export const hintGiverAgent = createMentorAgent(hintGiverSpec, { memory: mentorMemory });
