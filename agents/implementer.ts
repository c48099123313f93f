import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { implementerPrompt } from './prompts/implementer.ts';

/** Four-phase workflow, phase 4: implements an approved plan (code, documentation, tests). */
export const implementerSpec: MentorAgentSpec = {
  id: 'implementer',
  name: 'Implementer',
  description:
    'Four-phase workflow, phase 4: implements an approved plan (code, documentation, tests).',
  instructions: implementerPrompt,
  learnerFacing: false,
};

export const implementerAgent = createMentorAgent(implementerSpec);
