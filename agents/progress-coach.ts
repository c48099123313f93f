import { activityReportTool } from '../tools/activity-report.ts';
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
  // What a learner's message says they did ("all 12 tests pass", "PR is up"), read as session
  // events by the rules, in the schema the activity reader (the session's own reading) answers with.
  tools: { activityReportTool },
};

export const progressCoachAgent = createMentorAgent(progressCoachSpec, { memory: mentorMemory });
