import type { StoryEvent } from '../../domain/machines/story-events.ts';
import type { StoryPatternPolicy } from '../../domain/machines/story-policies.ts';

/** The circular patterns of seed 001's DETECT_PATTERN state, named like their policy thresholds. */
export type PatternName = Exclude<keyof StoryPatternPolicy, 'windowSize'>;

/** Thresholds the detectors read (`storyPolicies.patterns`). */
export type PatternThresholds = StoryPatternPolicy;

/** The story-machine event each pattern sends from DETECT_PATTERN (the one place this mapping lives). */
export const patternEvents = {
  sameTestFailing: 'sameTestFailing',
  sameBuildError: 'sameBuildError',
  sameCodeChange: 'sameCodeChanges',
  researchLoop: 'researchLoop',
  repeatedHelpRequests: 'helpRequests',
} as const satisfies Record<PatternName, StoryEvent>;

/** One piece of evidence: which event, and what it showed. */
export interface PatternEvidence {
  readonly at: string;
  readonly detail: string;
}

/** A detected pattern. */
export interface PatternResult {
  readonly pattern: PatternName;
  /** The story-machine event to send for it. */
  readonly event: (typeof patternEvents)[PatternName];
  /** How many times it happened; at least `threshold`. */
  readonly count: number;
  readonly threshold: number;
  /** What repeats, in words: the test, the error signature, the change, the topic. */
  readonly subject: string;
  readonly evidence: readonly PatternEvidence[];
}

/** Builds a result for `pattern` (fills in its machine event). */
export function patternResult(
  pattern: PatternName,
  fields: {
    count: number;
    threshold: number;
    subject: string;
    evidence: readonly PatternEvidence[];
  },
): PatternResult {
  return { pattern, event: patternEvents[pattern], ...fields };
}
