import type {
  UnderstandingAssessment,
  UnderstandingVerdict,
} from '../../domain/contracts/understanding-assessment.ts';
import { coveredShare, criterionCoverage, partlyCovered, topicality } from './criteria-match.ts';
import { findContradictions, storyNegates } from './contradictions.ts';
import { normalizePhrases, paraphraseTerms } from './paraphrase.ts';
import { invarianceClashes } from './understanding-invariance.ts';
import { boundClashes, confinementClashes, repetitionClashes } from './understanding-limits.ts';
import { oppositeClashes } from './understanding-opposites.ts';
import {
  byLevel,
  clamp,
  contradictions,
  listing,
  profileOf,
  round2,
  rulesTag,
  storyOf,
  str,
  terms,
} from './text.ts';

const hedges =
  /\b(?:i(?:'m| am) not (?:sure|certain)|i think|maybe|probably|no idea|i guess|not really sure|i don'?t (?:really )?know|something like)\b|\?\s*$/i;
/** The learner says they do not follow the story: whatever words match, the understanding is not there yet. */
const confusion =
  /\b(?:confus\w*|(?:don'?t|do not|didn'?t) (?:really |quite |fully )?(?:understand|get (?:it|this|what))|no idea|(?:i'?m|i am) lost|not sure what (?:this|it|the story) (?:means|is about|wants)|what does (?:this|it|the story) (?:even )?mean|makes no sense)\b/i;
/** Dismissals of a requirement ("without tests", "no need to validate"); "no results" alone is a condition, not a dismissal. */
const negation =
  /\b(?:without|with no|no need (?:to|for)|(?:don'?t|do not|doesn'?t|does not|won'?t|will not) (?:need to |have to |bother (?:to |with )?)?|never|skip(?:ping)?|instead of|ignor(?:e|ing) the)\s+(?:(?:a|an|the|any)\s+)?([a-z][\w-]*)/gi;

/**
 * Rules-mode understanding assessor: how many acceptance criteria the restatement covers, fully or
 * in part (weighted key terms matched across paraphrases: criteria-match.ts, paraphrase.ts), whether
 * it contradicts the story (opposite words, negated key terms; and the specific clashes of
 * contradictions.ts, which make it a misunderstanding whatever it covers) or says the learner is
 * lost, and whether it is about the story at all.
 */
export function assessUnderstanding(
  input: Record<string, unknown> | undefined,
  message: string,
): UnderstandingAssessment {
  const story = storyOf(input);
  const restatement = str(input?.restatement) || message;
  const { level } = profileOf(input);
  if (!story || !(story.acceptanceCriteria.length || story.description)) {
    return {
      verdict: 'partialUnderstanding',
      confidence: 0.2,
      coveredPoints: [],
      missingPoints: ['the story itself was not available to compare with'],
      wrongPoints: [],
      reply: `${rulesTag} I could not see the story to compare your summary with. Could you paste the story's acceptance criteria?`,
    };
  }
  const said = paraphraseTerms(restatement);
  const criteria = story.acceptanceCriteria.length ? story.acceptanceCriteria : [story.description];
  const perCriterion = criterionCoverage(criteria, said).map((share, i) => ({
    criterion: criteria[i]!,
    share,
  }));
  // A tolerance keeps a share that is exactly at the threshold on its side despite rounding.
  const covered = perCriterion.filter((p) => p.share >= coveredShare - 1e-9);
  const missing = perCriterion.filter((p) => p.share < coveredShare - 1e-9);
  const partly = missing.filter((p) => p.share >= partlyCovered);
  const criteriaCoverage = covered.length / criteria.length;
  const storyText = `${story.title}\n${story.description}\n${criteria.join('\n')}`;
  const topical = topicality(said, storyText);

  const wrong: string[] = [];
  for (const c of contradictions(storyText, restatement)) {
    // "Show X, hide Y" next to the story's "show" is only suspicious when little else matches.
    if (c.strong || criteriaCoverage < 0.5)
      wrong.push(`says "${c.textWord}" where the story says "${c.storyWord}"`);
  }
  const keyTerms = terms(criteria.join(' '));
  // Read after phrase normalisation: "never shows more than 10" is a bound, not "never shows".
  for (const m of normalizePhrases(restatement).matchAll(negation)) {
    const word = m[1]!.toLowerCase();
    // "With no requests" restating "without any request": the story talks about that absence too.
    if (terms(word).some((w) => storyNegates(storyText, w))) continue;
    if (
      keyTerms.some((k) => terms(word).some((w) => w === k || (w.length >= 4 && k.startsWith(w))))
    )
      wrong.push(`"${m[0].trim()}", but the story needs ${word}`);
  }

  // Specific clashes (another number, value, actor or stance than the story's) outweigh any coverage.
  const storyView = { ...story, acceptanceCriteria: criteria };
  const clashes = [
    ...findContradictions(storyView, restatement),
    ...invarianceClashes(storyView, restatement),
    ...oppositeClashes(storyView, restatement),
    ...repetitionClashes(storyView, restatement),
    ...boundClashes(storyView, restatement),
    ...confinementClashes(storyView, restatement),
  ];
  for (const c of clashes) if (!wrong.includes(c.point)) wrong.push(c.point);

  const hedged = hedges.test(restatement);
  const words = restatement.split(/\s+/).filter(Boolean).length;
  let verdict: UnderstandingVerdict;
  // Nothing of the criteria, not even in part, and mostly other topics: the learner describes a different task.
  if (
    (criteriaCoverage === 0 && !partly.length && topical < 0.6) ||
    (topical < 0.3 && criteriaCoverage < 0.34)
  )
    verdict = 'misunderstanding';
  else if (clashes.length || (wrong.length && criteriaCoverage < 0.75))
    verdict = 'misunderstanding';
  else if (confusion.test(restatement) && criteriaCoverage < 0.5) verdict = 'misunderstanding';
  else if (criteriaCoverage >= 0.75 && !wrong.length && !(hedged && criteriaCoverage < 1))
    verdict = 'correctUnderstanding';
  else verdict = 'partialUnderstanding';

  const confidence = round2(
    clamp(
      verdict === 'correctUnderstanding'
        ? 0.5 + 0.4 * criteriaCoverage
        : verdict === 'misunderstanding'
          ? 0.5 + 0.1 * wrong.length + 0.3 * (1 - topical)
          : 0.45 + 0.3 * Math.abs(criteriaCoverage - 0.5),
      0.2,
      words < 6 ? 0.6 : 0.95,
    ),
  );
  return {
    verdict,
    confidence,
    coveredPoints: covered.map((p) => p.criterion),
    missingPoints: missing.map((p) => p.criterion),
    wrongPoints: wrong,
    reply: renderReply(
      level,
      verdict,
      { covered: covered.length, partly: partly.length, total: criteria.length },
      missing.map((p) => p.criterion),
      wrong,
    ),
  };
}

interface Counts {
  covered: number;
  partly: number;
  total: number;
}

function renderReply(
  level: 'beginner' | 'intermediate' | 'advanced',
  verdict: UnderstandingVerdict,
  { covered, partly, total }: Counts,
  missing: string[],
  wrong: string[],
): string {
  if (verdict === 'correctUnderstanding') {
    return `${rulesTag} ${byLevel(level, {
      beginner: `Nice summary: it covers ${covered} of ${total} acceptance criteria. You understand what the story asks. Next, let's plan the steps.`,
      intermediate: `Your summary covers ${covered}/${total} acceptance criteria. Good; on to planning.`,
      advanced: `Covers ${covered}/${total} criteria. On to the plan.`,
    })}`;
  }
  const ask = missing.length
    ? byLevel(level, {
        beginner: `Read the story again and tell me in your own words what it says about: ${listing(missing.map((m) => `"${m}"`))}.`,
        intermediate: `What does the story expect regarding ${listing(missing.map((m) => `"${m}"`))}?`,
        advanced: `Not covered: ${listing(missing.map((m) => `"${m}"`))}.`,
      })
    : '';
  if (verdict === 'misunderstanding') {
    const issues = wrong.length
      ? ` Some parts differ from the story: ${wrong.join('; ')}.`
      : ' Your summary seems to be about something other than what the story asks.';
    return `${rulesTag} Let's look at the story again together.${issues} ${ask}`.trim();
  }
  const more = partly
    ? byLevel(level, {
        beginner: ` and part of ${partly} more`,
        intermediate: ` and part of ${partly} more`,
        advanced: ` (+${partly} in part)`,
      })
    : '';
  return `${rulesTag} ${byLevel(level, {
    beginner: `Good start: you covered ${covered} of ${total} acceptance criteria${more}.`,
    intermediate: `You covered ${covered}/${total} acceptance criteria${more}.`,
    advanced: `${covered}/${total} criteria covered${more}.`,
  })}${wrong.length ? ` Check this: ${wrong.join('; ')}.` : ''} ${ask}`.trim();
}
