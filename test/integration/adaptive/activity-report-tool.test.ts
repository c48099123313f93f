import { describe, expect, it } from 'vitest';
import { progressCoachAgent } from '../../../agents/progress-coach.ts';

/**
 * The progress coach, the agent that reads the learner's activity with a model, has the
 * activity-report tool: with a model, a learner's sentence about their work is read as session
 * events by a tool call with structured output, by the same rules the session uses in rules mode.
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
    // The furthest along first; the test figures are the learner's word (claimed), not vitest's.
    expect(out).toEqual({
      reports: [
        {
          type: 'review-feedback',
          fields: { decision: 'submitted', prUrl: 'https://git.example/pull/7' },
        },
        { type: 'test-run', fields: { passed: 12, failed: 0, total: 12, claimed: true } },
      ],
    });
    expect(String(await progressCoachAgent.getInstructions())).toMatch(
      /call the `activity-report` tool/,
    );
  });
});
