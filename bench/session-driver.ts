/**
 * How the benches drive a mentoring session in rules mode: a story, a session brought to
 * MONITOR_PROGRESS (restatement, plan, a green test run), and the activity events of the loop
 * (commit, failing test run with a new test each time, commit, research: about half move the
 * machine). Shared by `bench/events.ts` and `bench/peers/`.
 */
import type { SessionService } from '../src/sessions/service.ts';

/** The story every bench session works on. */
export const benchStory = {
  title: 'Add a cart total',
  description: 'Show the total price of the items in the shopping cart.',
  acceptanceCriteria: ['The total sums the item prices', 'An empty cart has a total of zero'],
  complexity: 'simple' as const,
};

/** A new session of learner `bench-<i % 50>`, monitoring progress, ready for activity. */
export async function monitoringSession(service: SessionService, i: number): Promise<string> {
  const { session } = await service.createSession({
    learnerId: `bench-${i % 50}`,
    story: benchStory,
  });
  await service.ingestEvent(session.id, {
    type: 'learner-message',
    data: {
      text: 'Show the total price of the cart items: sum the item prices, zero for an empty cart',
    },
  });
  await service.ingestEvent(session.id, {
    type: 'learner-message',
    data: {
      text: '1. test the total\n2. sum the prices\n3. empty cart is zero\n4. refactor\n5. docs\n6. lint',
    },
  });
  await service.ingestEvent(session.id, { type: 'test-run', data: { failed: 0, passed: 1 } });
  return session.id;
}

/** The i-th activity event: commit, failing test run (a new test each time), commit, research. */
export function activity(i: number): { type: string; data: Record<string, unknown> } {
  switch (i % 4) {
    case 0:
      return { type: 'commit', data: { sha: `c${i}`, diffHash: `d${i}`, files: ['src/cart.ts'] } };
    case 1:
      return {
        type: 'test-run',
        data: {
          failed: 1,
          passed: 3,
          failures: [{ name: `cart > case ${i}`, message: 'expected 30' }],
        },
      };
    case 2:
      return {
        type: 'commit',
        data: { sha: `c${i}`, diffHash: `d${i}`, files: ['src/cart.test.ts'] },
      };
    default:
      return { type: 'research', data: { query: `array reduce ${i}` } };
  }
}
