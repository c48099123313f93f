/**
 * The complexity of the current plan step, for the step timer (seed 001: 15 / 30 / 45 minutes by
 * task complexity): a step that researches or compares is `research`, a long compound step is
 * `complex`, a short single step is `simple`; any other step keeps the story's complexity.
 */
type Complexity = 'simple' | 'complex' | 'research';

const research =
  /\b(?:research|investigate|explore|evaluate|compare|spike|prototype|find out|look into|read up)\b/i;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** Clauses: "…, limit X and return Y" counts three. */
const clauses = (text: string) => text.split(/,|;|\band\b|\bthen\b/i).length;

export function taskComplexity(task: string | null, storyComplexity: string): Complexity {
  const story: Complexity =
    storyComplexity === 'complex' || storyComplexity === 'research' ? storyComplexity : 'simple';
  if (!task) return story;
  if (research.test(task)) return 'research';
  if (words(task) >= 20 || clauses(task) >= 4) return 'complex';
  if (words(task) <= 12 && clauses(task) <= 2) return 'simple';
  return story;
}
