import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { activityReaderPrompt } from './prompts/activity-reader.ts';

/**
 * Reads a learner's chat message into the session events it reports ("all 12 tests pass" → a
 * passing test-run, "PR is up: <url>" → review-feedback submitted), as structured output. Its rules
 * reading is the action's (agents/actions.ts `readActivity`), not a rules model of its own.
 */
export const activityReaderSpec: MentorAgentSpec = {
  id: 'activity-reader',
  name: 'Activity reader',
  description:
    "Reads a learner's chat message into the session events it reports (test runs, coverage, lint, types, build, audit, commits, review news, finished steps).",
  instructions: activityReaderPrompt,
  learnerFacing: false,
};

export const activityReaderAgent = createMentorAgent(activityReaderSpec);
