import { describe, expect, it } from 'vitest';
import { eventExamples } from '../../../src/cli/chat/event-examples.ts';
import { storyPhase } from '../../../src/cli/chat/story-phase.ts';
import { domainEventSchemas, domainEventTypes } from '../../../src/sessions/event-schemas.ts';

describe('the chat /help event examples', () => {
  it('cover every event type, and each example is valid data for its type', () => {
    expect(Object.keys(eventExamples).sort()).toEqual([...domainEventTypes].sort());
    for (const type of domainEventTypes) {
      const parsed = domainEventSchemas[type].safeParse(JSON.parse(eventExamples[type].example));
      expect(parsed.success, `${type}: ${eventExamples[type].example}`).toBe(true);
    }
  });
});

describe('storyPhase (/status)', () => {
  it('names the phase of a story state path', () => {
    expect(storyPhase(['ASSESS_JUNIOR_CAPABILITY'])).toBe('1 of 6 · understanding the story');
    expect(storyPhase(['PLAN_DECOMPOSITION'])).toBe('2 of 6 · planning');
    expect(storyPhase(['MONITOR_PROGRESS', 'CONTINUE_MONITORING'])).toBe('3 of 6 · implementation');
    expect(storyPhase(['DIAGNOSE_BLOCKER', 'ANALYZE_STATE'])).toBe('3 of 6 · implementation');
    expect(storyPhase(['QUALITY_GATE_CHECK', 'DETERMINE_OUTCOME'])).toBe('4 of 6 · quality gates');
    expect(storyPhase(['MONITOR_REVIEW'])).toBe('5 of 6 · code review');
    expect(storyPhase(['STORY_COMPLETE'])).toBe('6 of 6 · done');
    expect(storyPhase(['ESCALATE_TO_HUMAN'])).toBe('with a human mentor');
  });
});
