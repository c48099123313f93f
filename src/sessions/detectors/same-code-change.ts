import { isCodeChange, type ActivityEvent } from './activity-event.ts';
import { patternResult, type PatternEvidence, type PatternResult } from './pattern.ts';

/**
 * Seed 001 `sameCodeChanges`: the same change made again (same `diffHash`), or the code returning
 * to the same state (same `treeHash`: changed back and forth), `threshold` or more times in the
 * window. Editing the same files is normal work, so file names alone never count.
 */
export function detectSameCodeChange(
  events: readonly ActivityEvent[],
  threshold: number,
): PatternResult | null {
  const groups = new Map<string, { subject: string; evidence: PatternEvidence[] }>();
  const add = (key: string, subject: string, evidence: PatternEvidence) => {
    const group = groups.get(key) ?? { subject, evidence: [] };
    group.evidence.push(evidence);
    groups.set(key, group);
  };
  for (const change of events.filter(isCodeChange)) {
    const files = change.data.files?.length ? ` (${change.data.files.join(', ')})` : '';
    const { diffHash, treeHash } = change.data;
    if (diffHash)
      add(`diff:${diffHash}`, `the same change ${diffHash}${files}`, {
        at: change.at,
        detail: `${change.type} ${diffHash}${files}`,
      });
    if (treeHash)
      add(`tree:${treeHash}`, `the code returned to the same state ${treeHash}`, {
        at: change.at,
        detail: `${change.type} → state ${treeHash}${files}`,
      });
  }
  let best: { subject: string; evidence: PatternEvidence[] } | undefined;
  for (const group of groups.values()) {
    if (!best || group.evidence.length > best.evidence.length) best = group;
  }
  if (!best || best.evidence.length < threshold) return null;
  const count = best.evidence.length;
  return patternResult('sameCodeChange', {
    count,
    threshold,
    subject: `${best.subject}, ${count} times`,
    evidence: best.evidence,
  });
}
