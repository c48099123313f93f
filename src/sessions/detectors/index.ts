import { storyPolicies } from '../../domain/machines/story-policies.ts';
import { normalizeEvents, recentActivity, type ActivityEvent } from './activity-event.ts';
import type { PatternName, PatternResult, PatternThresholds } from './pattern.ts';
import { detectRepeatedHelpRequests } from './repeated-help-requests.ts';
import { detectResearchLoop } from './research-loop.ts';
import { detectSameBuildError } from './same-build-error.ts';
import { detectSameCodeChange } from './same-code-change.ts';
import { detectSameTestFailing } from './same-test-failing.ts';

export * from './activity-event.ts';
export * from './pattern.ts';
export * from './error-streaks.ts';
export * from '../../domain/signals/frustration.ts';
export {
  detectRepeatedHelpRequests,
  detectResearchLoop,
  detectSameBuildError,
  detectSameCodeChange,
  detectSameTestFailing,
};

type Detector = (events: readonly ActivityEvent[], threshold: number) => PatternResult | null;

/** Detectors in tie-break order: concrete failures first, behaviour patterns after. */
const detectors: readonly (readonly [PatternName, Detector])[] = [
  ['sameBuildError', detectSameBuildError],
  ['sameTestFailing', detectSameTestFailing],
  ['sameCodeChange', detectSameCodeChange],
  ['repeatedHelpRequests', detectRepeatedHelpRequests],
  ['researchLoop', detectResearchLoop],
];

/**
 * Seed 001 DETECT_PATTERN: runs every pattern detector over the session's recent activity (the
 * last `thresholds.windowSize` events, chat messages excluded) and returns the patterns found, the
 * strongest first (highest count relative to its threshold; ties in the order above). The first
 * result's `event` is the story-machine event to send from DETECT_PATTERN; none found means no
 * circular activity. Events that do not match `ActivityEvent` are ignored.
 */
export function detectPatterns(
  events: readonly unknown[],
  thresholds: PatternThresholds = storyPolicies.patterns,
): PatternResult[] {
  const window = recentActivity(normalizeEvents(events), thresholds.windowSize);
  const found: PatternResult[] = [];
  for (const [pattern, detect] of detectors) {
    // A threshold below 1 would report a pattern with no occurrence at all.
    const result = detect(window, Math.max(1, thresholds[pattern]));
    if (result) found.push(result);
  }
  // Array.prototype.sort is stable, so equal strengths keep the detector order.
  return found.sort((a, b) => b.count / b.threshold - a.count / a.threshold);
}
