import type { Contradiction, StoryText } from './contradictions.ts';
import { normalizePhrases, paraphraseTerms, sameIdea } from './paraphrase.ts';
import { quantities } from './understanding-quantities.ts';

/**
 * Limits a restatement lifts. A story that allows something once ("the token is shown only once, when it is created") forbids
 * what a restatement then describes: the same thing again ("the token stays visible on the tokens
 * page so users can copy it again later"). Matched by the terms the two clauses share, so it holds
 * for any story that limits something to one time, not one wording; a restatement clause that is
 * itself negated ("never again", "no way to see it later") agrees with the story.
 */

/** Where a story limits something to one time. */
const once =
  /\b(?:only once|just once|once only|a single time|one time only|never again|only (?:at|on|when|during) (?:creation|sign-?up|it is created))\b/i;
/** What a restatement says when the thing happens more than once. */
const repeated =
  /\b(?:again|later|any ?time|whenever|always|still|every time|each time|stays?|remains?|keeps?)\b/i;
const negated = /\b(?:not|no|never|nobody|no one|none|nothing|cannot|without)\b|\w+n['’]t\b/i;

const clausesOf = (text: string, split: RegExp) =>
  text
    .split(split)
    .map((t) => t.trim())
    .filter(Boolean);

/** Restatement clauses that repeat what the story allows once. */
export function repetitionClashes(story: StoryText, restatement: string): Contradiction[] {
  const goal = [story.title, story.description, ...story.acceptanceCriteria].join('\n');
  const limits = clausesOf(goal, /(?<=[.!?])\s+|[;\n]+/)
    .filter((c) => once.test(c))
    .map((c) => ({ text: c, terms: paraphraseTerms(c) }));
  if (!limits.length) return [];
  const found: Contradiction[] = [];
  for (const clause of clausesOf(normalizePhrases(restatement), /(?<=[.!?])\s+|[;,\n]+/)) {
    if (!repeated.test(clause) || negated.test(clause) || once.test(clause)) continue;
    const said = paraphraseTerms(clause);
    const limit = limits.find(
      (l) => l.terms.filter((t) => said.some((u) => sameIdea(t, u))).length >= 2,
    );
    if (limit && found.length < 3)
      found.push({
        kind: 'limit',
        point: `says "${clause}", but the story says "${limit.text}"`,
      });
  }
  return found;
}

/** A value past a bound, accepted ("a pageSize above 100 is fine", "over 5 attachments are allowed"). */
const pastBound =
  /\b(?:above|over|more than|greater than|larger than|bigger than|exceeding|beyond|past)\s+(\d+(?:\.\d+)?)\b/i;
const accepted =
  /\b(?:fine|ok(?:ay)?|allowed|accepted|works?|supported|no problem|possible|permitted|let through|goes through|just (?:return|send|show|use)\w*)\b/i;
/** Words that say the value is refused or held to the bound after all. */
const refused =
  /\b(?:not|no|never|reject\w*|refus\w*|den(?:y|ies|ied)|error|invalid|cap\w*|clamp\w*|limit\w*|maximum|[45]\d\d)\b|\w+n['’]t\b/i;

/** Restatement clauses that accept a value past a maximum of the story. */
export function boundClashes(story: StoryText, restatement: string): Contradiction[] {
  const goal = [story.title, story.description, ...story.acceptanceCriteria].join('\n');
  const maxima = quantities(normalizePhrases(goal)).filter((q) => q.dims.includes('max'));
  if (!maxima.length) return [];
  const found: Contradiction[] = [];
  for (const clause of clausesOf(normalizePhrases(restatement), /(?<=[.!?])\s+|[;\n]+/)) {
    const past = pastBound.exec(clause);
    if (!past || !accepted.test(clause) || refused.test(clause)) continue;
    const value = Number(past[1]);
    const bound = maxima.find((q) => q.value <= value);
    if (bound && found.length < 3)
      found.push({
        kind: 'limit',
        point: `says "${clause}", but the story sets "${bound.raw.trim()}"`,
      });
  }
  return found;
}

/** A story that confines something to one thing: "on that device only", "only for the current project". */
const confined =
  /\b(?:only\s+(?:on|for|in|to|from)\s+(?:that|this|the|one|a single|the current|their own)\s+([a-z]+)|(?:on|for|in|to|from)\s+(?:that|this|the|one|a single|the current)\s+([a-z]+)\s+only)\b/gi;
/** A restatement that widens it to all of them: "on all their devices", "for every project". */
const widened =
  /\b(?:all|every|each|any)\s+(?:of\s+)?(?:(?:their|the|his|her|your|our|its)\s+)?([a-z]+)/gi;

/** Restatement clauses that widen to every X what the story confines to one X. */
export function confinementClashes(story: StoryText, restatement: string): Contradiction[] {
  const goal = [story.title, story.description, ...story.acceptanceCriteria].join('\n');
  const nouns = [...goal.matchAll(confined)].map((m) => paraphraseTerms(m[1] ?? m[2] ?? '')[0]);
  if (!nouns.some(Boolean)) return [];
  const found: Contradiction[] = [];
  for (const clause of clausesOf(normalizePhrases(restatement), /(?<=[.!?])\s+|[;,\n]+/)) {
    if (negated.test(clause)) continue;
    for (const m of clause.matchAll(widened)) {
      const noun = paraphraseTerms(m[1]!)[0];
      if (!noun || !nouns.some((n) => n && sameIdea(n, noun))) continue;
      found.push({
        kind: 'scope',
        point: `says "${m[0]}", but the story confines it to one ${m[1]}`,
      });
      break;
    }
    if (found.length >= 3) break;
  }
  return found;
}
