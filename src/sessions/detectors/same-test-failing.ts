import type { ActivityEvent } from './activity-event.ts';
import { testStreak } from './error-streaks.ts';
import { patternResult, type PatternResult } from './pattern.ts';

/** Seed 001 `sameTestFailing`: one test failed in `threshold` or more consecutive test runs. */
export function detectSameTestFailing(
  events: readonly ActivityEvent[],
  threshold: number,
): PatternResult | null {
  const streak = testStreak(events);
  if (!streak || streak.count < threshold) return null;
  return patternResult('sameTestFailing', {
    count: streak.count,
    threshold,
    subject: `test ${streak.subject} failed in ${streak.count} consecutive runs`,
    evidence: streak.evidence,
  });
}
