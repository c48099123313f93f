import { currentTaskEvents, isType, type ActivityEvent } from './activity-event.ts';
import { patternResult, type PatternResult } from './pattern.ts';

/** Seed 001 `helpRequests`: `threshold` or more help requests on the current task. */
export function detectRepeatedHelpRequests(
  events: readonly ActivityEvent[],
  threshold: number,
): PatternResult | null {
  const requests = currentTaskEvents(events).filter(isType('help-request'));
  if (requests.length < threshold) return null;
  const task = requests.at(-1)?.taskId;
  return patternResult('repeatedHelpRequests', {
    count: requests.length,
    threshold,
    subject: `${requests.length} help requests on ${task ? `task ${task}` : 'the current task'}`,
    evidence: requests.map((r) => ({
      at: r.at,
      detail: r.data.topic ?? r.data.text ?? 'help requested',
    })),
  });
}
