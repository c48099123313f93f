import type { ActivityEvent } from './activity-event.ts';
import { buildStreak } from './error-streaks.ts';
import { patternResult, type PatternResult } from './pattern.ts';

/** Seed 001 `sameBuildError`: the same normalised build error in `threshold` or more consecutive builds. */
export function detectSameBuildError(
  events: readonly ActivityEvent[],
  threshold: number,
): PatternResult | null {
  const streak = buildStreak(events);
  if (!streak || streak.count < threshold) return null;
  return patternResult('sameBuildError', {
    count: streak.count,
    threshold,
    subject: `build failed ${streak.count} times in a row with: ${streak.subject}`,
    evidence: streak.evidence,
  });
}
