import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { mentorMemory } from './memory.ts';
import { blockerDiagnosisPrompt } from './prompts/blocker-diagnosis.ts';

/** Diagnoses why a learner is stuck: technical error, conceptual confusion, environment issue, analysis paralysis or unknown, with quoted evidence and a next step. */
export const blockerDiagnosisSpec: MentorAgentSpec = {
  id: 'blocker-diagnosis',
  name: 'Blocker diagnosis',
  description:
    'Diagnoses why a learner is stuck: technical error, conceptual confusion, environment issue, analysis paralysis or unknown, with quoted evidence and a next step.',
  instructions: blockerDiagnosisPrompt,
  learnerFacing: true,
};

export const blockerDiagnosisAgent = createMentorAgent(blockerDiagnosisSpec, {
  memory: mentorMemory,
});
