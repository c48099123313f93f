import { describe, expect, it } from 'vitest';
import { progressCoachAgent } from '../../../agents/progress-coach.ts';
import { activityReportsSchema } from '../../../src/domain/contracts/activity-report.ts';

/**
 * The progress coach, the agent that coaches the learner's activity with a model, has the
 * activity-report tool: the rules reading of a learner's sentence about their work, in the schema
 * the activity reader answers with (the session's own reading: agents/activity-reader.ts).
 */
describe('activity-report tool on the progress coach', () => {
  it('is one of the agent’s tools and answers in the session’s event shapes', async () => {
    const tools = await progressCoachAgent.listTools();
    const tool = Object.values(tools).find((t) => (t as { id?: string }).id === 'activity-report');
    expect(tool).toBeDefined();
    const out = await (
      tool as { execute: (input: unknown, ctx: unknown) => Promise<unknown> }
    ).execute(
      { message: 'all 12 tests pass now and the PR is up: https://git.example/pull/7' },
      {},
    );
    // The furthest along first, in the activity reader's schema.
    expect(out).toEqual({
      reports: [
        {
          type: 'review-feedback',
          fields: { decision: 'submitted', prUrl: 'https://git.example/pull/7' },
        },
        { type: 'test-run', fields: { passed: 12, failed: 0, total: 12 } },
      ],
    });
    expect(activityReportsSchema.safeParse(out).success).toBe(true);
    expect(String(await progressCoachAgent.getInstructions())).toMatch(
      /call the `activity-report` tool/,
    );
  });
});
