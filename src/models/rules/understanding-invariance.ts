import type { Contradiction, StoryText } from './contradictions.ts';
import { mentions, paraphraseTerms } from './paraphrase.ts';

/**
 * A story that keeps something the same whatever a condition ("the same message whether or not the
 * email belongs to an account", "regardless of the role", "either way") forbids what a learner's
 * restatement then describes: an outcome that depends on that condition ("if the email is not
 * registered we tell them no account exists"). The condition is matched by its terms, so the rule
 * holds for any story that states an invariance, not one wording.
 */

/**
 * Where a story says the outcome does not depend on a condition; group 1..4 hold the condition ("does
 * not reveal whether the password was right" keeps the outcome the same either way too).
 */
const invariance =
  /\bsame\b[^.\n]{0,60}?\bwhether\b([^.\n]{0,80})|\bregardless of\b([^.\n]{0,60})|\bno matter (?:whether|if|what)\b([^.\n]{0,60})|\b(?:not|never|doesn'?t|does not|don'?t|do not|without)\s+(?:reveal|say|tell|show|disclos|indicat|leak|expos|hint)\w*\s+(?:\w+\s+)?(?:whether|if)\b([^.\n]{0,80})/gi;

/** A learner's conditional clause, to the end of its sentence. */
const conditional = /\b(?:if|when|unless|in case)\b([^.;\n]{3,180})/gi;
/**
 * Where the condition ends and the outcome starts: a comma, "then", or a verb that tells or shows
 * something, with its subject ("we tell them", "the search shows").
 */
const outcomeStart =
  /,|\bthen\b|\b(?:(?:we|they|you|it|i|(?:the|our|this) [a-z]+)\s+)?(?:will\s+|would\s+|should\s+|just\s+)?(?:tell|say|show|display|return|respond|send|inform|warn|notify|give|get|see|redirect)(?:s|ed|ing)?\b/i;

/** Outcomes that tell the user something or differ ("we tell them", "show an error", "a different page"). */
const telling =
  /\b(?:tell|tells|told|say|says|show|shows|display|displays|return|returns|respond|responds|send|sends|inform|informs|warn|warns|notify|let (?:them|the user) know|error|different|another|404)\b/i;
/** Outcomes that restate the invariance rather than break it. */
const same =
  /\b(?:same|identical|either way|regardless|no difference|doesn'?t (?:reveal|say|tell)|without (?:revealing|saying|telling)|never (?:reveal|say|tell))\b/i;

/** Restatement sentences that make an outcome depend on a condition the story says makes no difference. */
export function invarianceClashes(story: StoryText, restatement: string): Contradiction[] {
  const storyText = [story.title, story.description, ...story.acceptanceCriteria].join('\n');
  const conditions = [...storyText.matchAll(invariance)]
    .map((m) => paraphraseTerms(m[1] ?? m[2] ?? m[3] ?? m[4] ?? ''))
    .filter((t) => t.length);
  if (!conditions.length) return [];
  const found: Contradiction[] = [];
  for (const m of restatement.matchAll(conditional)) {
    const rest = m[1]!;
    const cut = outcomeStart.exec(rest);
    if (!cut) continue;
    const condition = rest.slice(0, cut.index);
    const outcome = rest.slice(cut.index);
    const whole = m[0];
    if (!telling.test(outcome) || same.test(whole)) continue;
    const said = paraphraseTerms(condition);
    if (!conditions.some((c) => c.some((t) => mentions(said, t)))) continue;
    if (found.length >= 3) break;
    found.push({
      kind: 'negation',
      point: `says "${whole.trim()}", but the story gives the same outcome whatever ${condition.trim()}`,
    });
  }
  return found;
}
