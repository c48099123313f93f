/**
 * Story-machine policies from seed 001 ("Timeout Handling", "Escalation Triggers", "Quality Gates"),
 * declared once as data. Detectors, quality gates and timers import these values; nothing re-types them.
 */

/** Names of the states a timeout policy sends the story machine to (see `story-machine.ts`). */
export type StoryTimeoutTarget =
  | 'DIAGNOSE_BLOCKER'
  | 'PROVIDE_HINT'
  | 'GIVE_ANSWER'
  | 'ESCALATE_TO_HUMAN'
  | 'STORY_TIMEOUT';

/** Which clock a timeout policy runs on: the complexity of the current task, or the stuck / no-progress clocks. */
export type StoryTimeoutKind = 'simple' | 'complex' | 'research' | 'stuck' | 'noProgress';

/** Events the story machine accepts when a timer fires; each leads (from any working state) to its target. */
export type StoryTimeoutEvent =
  | 'timeout'
  | 'complexTimeout'
  | 'researchTimeout'
  | 'stuckTimeout'
  | 'noProgressTimeout';

export interface StoryTimeoutPolicy {
  readonly kind: StoryTimeoutKind;
  /** Time without progress before the timer fires, in ms (scaled by TIME_SCALE by the timer layer). */
  readonly afterMs: number;
  /** State the machine ends up in when the timer fires. */
  readonly target: StoryTimeoutTarget;
  /** Event the timer sends to the story machine. */
  readonly event: StoryTimeoutEvent;
}

export interface StoryEscalationPolicy {
  /** Seed: "3+ timeouts on same task". */
  readonly timeoutsPerTask: number;
  /** Seed: "Same error repeated 5+ times". */
  readonly sameErrorRepeats: number;
  /** Seed: "No progress for 2+ hours". */
  readonly noProgressMs: number;
  /** Seed: "Junior expresses frustration". */
  readonly onFrustration: boolean;
  /** Seed: "System cannot diagnose issue". */
  readonly onUndiagnosable: boolean;
}

export interface StoryQualityGatePolicy {
  /** Seed: "Test coverage ≥ 90%". */
  readonly minCoveragePct: number;
  /** Seed: "No linting errors". */
  readonly maxLintErrors: number;
  /** Seed: "No type errors". */
  readonly maxTypeErrors: number;
  /** Seed: "Build must succeed". */
  readonly buildMustSucceed: boolean;
  /** Seed: "Security scan clean". */
  readonly securityScanClean: boolean;
}

/**
 * Pattern thresholds (DETECT_PATTERN): how many occurrences of the same thing within the recent
 * window (`windowSize` activity events) count as a circular pattern. The seed names the patterns
 * but no numbers; these are our choice, documented in docs/machines.md.
 */
export interface StoryPatternPolicy {
  /** Same test failing this many times in a row → `sameTestFailing` (TEST_STRATEGY_ISSUE). */
  readonly sameTestFailing: number;
  /** Same build error this many times → `sameBuildError` (BUILD_FOUNDATION_PROBLEM). */
  readonly sameBuildError: number;
  /** Same code change (diff hash) made and undone this many times → `sameCodeChanges` (APPROACH_FUNDAMENTAL_FLAW). */
  readonly sameCodeChange: number;
  /** This many research activities (docs/search) without a code change → `researchLoop` (ANALYSIS_PARALYSIS). */
  readonly researchLoop: number;
  /** This many help requests on the same task → `helpRequests` (CONCEPTUAL_GAP). */
  readonly repeatedHelpRequests: number;
  /** How many most-recent activity events the counters above look at. */
  readonly windowSize: number;
}

export interface StoryPolicies {
  readonly timeouts: readonly StoryTimeoutPolicy[];
  readonly escalation: StoryEscalationPolicy;
  readonly qualityGates: StoryQualityGatePolicy;
  readonly patterns: StoryPatternPolicy;
}

const minute = 60_000;
const hour = 60 * minute;

/** The story policies of seed 001. */
export const storyPolicies = {
  timeouts: [
    { kind: 'simple', afterMs: 15 * minute, target: 'DIAGNOSE_BLOCKER', event: 'timeout' },
    { kind: 'complex', afterMs: 30 * minute, target: 'PROVIDE_HINT', event: 'complexTimeout' },
    { kind: 'research', afterMs: 45 * minute, target: 'GIVE_ANSWER', event: 'researchTimeout' },
    { kind: 'stuck', afterMs: 1 * hour, target: 'ESCALATE_TO_HUMAN', event: 'stuckTimeout' },
    { kind: 'noProgress', afterMs: 2 * hour, target: 'STORY_TIMEOUT', event: 'noProgressTimeout' },
  ],
  escalation: {
    timeoutsPerTask: 3,
    sameErrorRepeats: 5,
    noProgressMs: 2 * hour,
    onFrustration: true,
    onUndiagnosable: true,
  },
  qualityGates: {
    minCoveragePct: 90,
    maxLintErrors: 0,
    maxTypeErrors: 0,
    buildMustSucceed: true,
    securityScanClean: true,
  },
  patterns: {
    sameTestFailing: 3,
    sameBuildError: 3,
    sameCodeChange: 3,
    researchLoop: 4,
    repeatedHelpRequests: 3,
    windowSize: 20,
  },
} as const satisfies StoryPolicies;

/** Looks up the timeout policy for a task kind. */
export function timeoutPolicy(kind: StoryTimeoutKind): StoryTimeoutPolicy {
  const found = storyPolicies.timeouts.find((t) => t.kind === kind);
  // The table covers every kind; the union makes a miss impossible unless the data above is edited badly.
  if (!found) throw new Error(`no timeout policy for kind ${kind}`);
  return found;
}
