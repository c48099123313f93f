import type { z } from 'zod';
import { parseOrThrow } from '../src/errors/zod-error.ts';
import { learnerProfileSchema, type LearnerProfile } from '../src/domain/contracts/learner.ts';

/** Whether two profiles say the same (the stored one is written only when a call changed it). */
export function sameProfile(a: LearnerProfile, b: LearnerProfile | undefined): boolean {
  const canonical = (p: LearnerProfile) => JSON.stringify(learnerProfileSchema.parse(p));
  return b !== undefined && canonical(a) === canonical(b);
}

/** Stored profile first, then what the session says (the session knows the current level). */
export function mergeProfiles(
  stored: LearnerProfile | undefined,
  given: z.input<typeof learnerProfileSchema> | undefined,
  learnerId: string | undefined,
): LearnerProfile {
  const base = learnerProfileSchema.parse(stored ?? {});
  const incoming = given ? parseOrThrow(learnerProfileSchema, given, 'learner') : undefined;
  const union = (a: string[], b: string[] = []) => [...new Set([...a, ...b])];
  return {
    ...((learnerId ?? incoming?.learnerId ?? base.learnerId)
      ? { learnerId: learnerId ?? incoming?.learnerId ?? base.learnerId }
      : {}),
    level: given?.level ? incoming!.level : base.level,
    knownConcepts: union(base.knownConcepts, incoming?.knownConcepts),
    recurringMistakes: union(base.recurringMistakes, incoming?.recurringMistakes),
    helpRequests: Math.max(base.helpRequests, incoming?.helpRequests ?? 0),
    recentHelpTopics: incoming?.recentHelpTopics.length
      ? incoming.recentHelpTopics
      : base.recentHelpTopics,
  };
}

/** Count a help request; a topic seen three times among the recent ones becomes a recurring mistake. */
export function recordHelpRequest(
  profile: LearnerProfile,
  topic: string | undefined,
): LearnerProfile {
  const recent = topic ? [...profile.recentHelpTopics, topic].slice(-10) : profile.recentHelpTopics;
  const repeated =
    topic && topic !== 'unknownIssue' && recent.filter((t) => t === topic).length >= 3;
  return {
    ...profile,
    helpRequests: profile.helpRequests + 1,
    recentHelpTopics: recent,
    recurringMistakes:
      repeated && !profile.recurringMistakes.includes(topic)
        ? [...profile.recurringMistakes, topic]
        : profile.recurringMistakes,
  };
}
