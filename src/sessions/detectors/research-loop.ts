import { isCodeChange, type ActivityEvent } from './activity-event.ts';
import { patternResult, type PatternEvidence, type PatternResult } from './pattern.ts';

/** Seed 001 `researchLoop`: `threshold` or more research activities since the last code change. */
export function detectResearchLoop(
  events: readonly ActivityEvent[],
  threshold: number,
): PatternResult | null {
  const evidence: PatternEvidence[] = [];
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i]!;
    if (isCodeChange(e)) break;
    if (e.type === 'research')
      evidence.unshift({ at: e.at, detail: e.data.query ?? e.data.url ?? 'research' });
  }
  if (evidence.length < threshold) return null;
  return patternResult('researchLoop', {
    count: evidence.length,
    threshold,
    subject: `${evidence.length} research activities without a code change`,
    evidence,
  });
}
