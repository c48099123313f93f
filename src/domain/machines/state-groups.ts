/**
 * The mentorship's state groups: which part of the mentoring a state belongs to. A turn runs the
 * actions of the state it enters as the nested Mastra workflow of that state's group (the
 * `mentor-turn` workflow's `.branch`), so Studio shows a turn as "planning" or "blocker diagnosis"
 * rather than as one opaque step.
 */
import { FINAL } from '../../machine/index.ts';
import type { StoryState } from './story-states.ts';

export const stateGroups = [
  'assessment',
  'planning',
  'implementation',
  'blocker',
  'pattern',
  'quality',
  'review',
  'completion',
  'lifecycle',
] as const;
export type StateGroup = (typeof stateGroups)[number];

/** What each group does, for the nested workflows' descriptions. */
export const stateGroupDescriptions: Record<StateGroup, string> = {
  assessment: 'Understanding the story: load it, assess the restatement, clarify, re-explain',
  planning: 'Planning: ask for a plan, review it, approve, refine or correct it',
  implementation: 'Implementation monitoring: tasks, hints, answers, progress and stalls',
  blocker: 'Blocker diagnosis: analyse, categorise, fix, verify (the diagnose-blocker workflow)',
  pattern: 'Pattern redirect: a loop in the activity and the change of approach it calls for',
  quality: 'Quality gates: run the checks, analyse the results, decide',
  review: 'Code review: prepare the PR, coach the feedback, verify the fixes',
  completion: 'Completion: merge, finish the story, escalate to a human, time out',
  lifecycle: 'The mentorship lifecycle (seed 000): assessment, goals, progress, check-ins',
};

const storyGroups: Record<StoryState, StateGroup> = {
  INIT_STORY_PROCESSING: 'assessment',
  ASSESS_JUNIOR_CAPABILITY: 'assessment',
  CLARIFY_REQUIREMENTS: 'assessment',
  RE_EXPLAIN_STORY: 'assessment',
  ESCALATE_DIFFICULTY: 'assessment',
  REDUCE_STORY_SCOPE: 'assessment',
  PLAN_DECOMPOSITION: 'planning',
  APPROVE_PLAN: 'planning',
  REFINE_PLAN: 'planning',
  CORRECT_PLAN: 'planning',
  PROVIDE_TEMPLATE_PLAN: 'planning',
  START_IMPLEMENTATION: 'implementation',
  NEXT_IMPLEMENTATION_STEP: 'implementation',
  RESUME_IMPLEMENTATION: 'implementation',
  GUIDE_COMPLETION: 'implementation',
  CORRECT_APPROACH: 'implementation',
  PROVIDE_HINT: 'implementation',
  GIVE_ANSWER: 'implementation',
  MONITOR_PROGRESS: 'implementation',
  CONTINUE_MONITORING: 'implementation',
  ENCOURAGE_SPEED: 'implementation',
  INVESTIGATE_STALL: 'implementation',
  DIAGNOSE_BLOCKER: 'blocker',
  ANALYZE_STATE: 'blocker',
  CATEGORIZE_ISSUE: 'blocker',
  PROVIDE_SOLUTION: 'blocker',
  FIX_TECHNICAL_ISSUE: 'blocker',
  EXPLAIN_CONCEPT: 'blocker',
  FIX_ENVIRONMENT: 'blocker',
  BREAK_DOWN_TASK: 'blocker',
  REQUEST_CLARIFICATION: 'blocker',
  VERIFY_FIX: 'blocker',
  REFINE_FIX: 'blocker',
  ALTERNATIVE_SOLUTION: 'blocker',
  AUTO_VERIFY: 'blocker',
  PROVIDE_ADDITIONAL_FIXES: 'blocker',
  ESCALATE_ISSUE: 'blocker',
  DETECT_PATTERN: 'pattern',
  TEST_STRATEGY_ISSUE: 'pattern',
  BUILD_FOUNDATION_PROBLEM: 'pattern',
  APPROACH_FUNDAMENTAL_FLAW: 'pattern',
  ANALYSIS_PARALYSIS: 'pattern',
  CONCEPTUAL_GAP: 'pattern',
  STRATEGIC_REDIRECT: 'pattern',
  QUALITY_GATE_CHECK: 'quality',
  RUN_CHECKS: 'quality',
  ANALYZE_RESULTS: 'quality',
  DETERMINE_OUTCOME: 'quality',
  AUTO_FIX_ISSUES: 'quality',
  REQUIRE_FIXES: 'quality',
  BLOCK_PROGRESS: 'quality',
  PREPARE_CODE_REVIEW: 'review',
  MONITOR_REVIEW: 'review',
  GUIDE_FIXES: 'review',
  VERIFY_FIXES: 'review',
  REWORK_REQUIRED: 'review',
  CLARIFY_FEEDBACK: 'review',
  MERGE_AND_COMPLETE: 'completion',
  STORY_COMPLETE: 'completion',
  ESCALATE_TO_HUMAN: 'completion',
  STORY_TIMEOUT: 'completion',
};

/** The group of a story machine state (the final state belongs to completion). */
export function storyStateGroup(state: string): StateGroup {
  if (state === FINAL) return 'completion';
  return storyGroups[state as StoryState] ?? 'completion';
}
