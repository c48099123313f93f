/**
 * The machines describe states and events for operators ("The learner confirms the fix works").
 * Said to the learner, that reads as if the mentor spoke about someone else: these texts are turned
 * to the second person ("you confirm the fix works") wherever a reply quotes them.
 */
const subject = String.raw`\b(the|a) (?:learner|junior)`;

/** `confirms` → `confirm`, `carries` → `carry`, `fixes` → `fix`, `goes` → `go`. */
function baseForm(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower === 'is') return 'are';
  if (lower === 'was') return 'were';
  if (lower === 'has') return 'have';
  if (lower === 'does') return 'do';
  if (lower === 'goes') return 'go';
  if (/[^aeiou]ies$/.test(lower)) return `${verb.slice(0, -3)}y`;
  if (/(?:sh|ch|x|ss|z)es$/.test(lower)) return verb.slice(0, -2);
  if (/[^s]s$/.test(lower)) return verb.slice(0, -1);
  return verb;
}

const capitalised = (word: string, like: string) =>
  /^[A-Z]/.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word;

/** The text with "the learner" (or "the junior") as "you", verbs agreeing. */
export function toSecondPerson(text: string): string {
  return text
    .replace(new RegExp(`${subject}'s\\b`, 'gi'), (_m, article: string) =>
      capitalised('your', article),
    )
    .replace(
      new RegExp(`${subject} (is|was|has|does|goes|\\w+(?:ies|es|s))\\b(?! of\\b)`, 'gi'),
      (_m, article: string, verb: string) => `${capitalised('you', article)} ${baseForm(verb)}`,
    )
    .replace(new RegExp(subject, 'gi'), (_m, article: string) => capitalised('you', article));
}
