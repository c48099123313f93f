/**
 * Where a story session is, in the learner's terms: the phase of the story machine (seed 001's
 * blocks) for `/status`, e.g. "3 of 6 · implementation".
 */
const phases = [
  {
    name: 'understanding the story',
    states: [
      'INIT_STORY_PROCESSING',
      'ASSESS_JUNIOR_CAPABILITY',
      'CLARIFY_REQUIREMENTS',
      'RE_EXPLAIN_STORY',
      'ESCALATE_DIFFICULTY',
      'REDUCE_STORY_SCOPE',
    ],
  },
  {
    name: 'planning',
    states: [
      'PLAN_DECOMPOSITION',
      'APPROVE_PLAN',
      'REFINE_PLAN',
      'CORRECT_PLAN',
      'PROVIDE_TEMPLATE_PLAN',
    ],
  },
  { name: 'implementation', states: [] },
  {
    name: 'quality gates',
    states: ['QUALITY_GATE_CHECK', 'AUTO_FIX_ISSUES', 'REQUIRE_FIXES', 'BLOCK_PROGRESS'],
  },
  {
    name: 'code review',
    states: [
      'PREPARE_CODE_REVIEW',
      'MONITOR_REVIEW',
      'GUIDE_FIXES',
      'VERIFY_FIXES',
      'REWORK_REQUIRED',
      'CLARIFY_FEEDBACK',
      'MERGE_AND_COMPLETE',
    ],
  },
  { name: 'done', states: ['STORY_COMPLETE'] },
] as const;

const outside: Record<string, string> = {
  ESCALATE_TO_HUMAN: 'with a human mentor',
  STORY_TIMEOUT: 'timed out',
};

/** The phase of a story-machine state path; null for other machines' states. */
export function storyPhase(statePath: readonly string[]): string | null {
  const leaf = statePath[statePath.length - 1] ?? '';
  if (outside[leaf]) return outside[leaf];
  const index = phases.findIndex((p) =>
    (p.states as readonly string[]).some((s) => statePath.includes(s)),
  );
  // Every other story state belongs to implementation (steps, blockers, monitoring, patterns).
  const at = index === -1 ? 2 : index;
  return `${at + 1} of ${phases.length} · ${phases[at]!.name}`;
}
