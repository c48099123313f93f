import { describe, expect, it } from 'vitest';
import { detectResearchLoop } from '../../../src/sessions/detectors/research-loop.ts';
import { storyPolicies } from '../../../src/domain/machines/story-policies.ts';
import { ev, series } from './event-builders.ts';

const limit = storyPolicies.patterns.researchLoop;

describe('detectResearchLoop', () => {
  it('fires at the threshold of research activities since the last code change', () => {
    const make = (n: number) => [
      ev.change(0, { diffHash: 'x' }),
      ...series(n, 1, (m, i) => ev.research(m, `query ${i}`)),
    ];
    expect(detectResearchLoop(make(limit - 1), limit)).toBeNull();
    expect(detectResearchLoop(make(limit), limit)).toMatchObject({
      pattern: 'researchLoop',
      event: 'researchLoop',
      count: limit,
      subject: `${limit} research activities without a code change`,
    });
    expect(detectResearchLoop(make(limit), limit)?.evidence.map((e) => e.detail)).toEqual(
      Array.from({ length: limit }, (_, i) => `query ${i}`),
    );
    expect(detectResearchLoop(make(limit + 1), limit)?.count).toBe(limit + 1);
  });

  it('a code change or commit resets the count; other activity does not', () => {
    const reset = [
      ...series(limit, 0, (m) => ev.research(m, 'q')),
      ev.commit(20),
      ev.research(21, 'q'),
    ];
    expect(detectResearchLoop(reset, limit)).toBeNull();
    const mixed = [
      ...series(limit - 1, 0, (m) => ev.research(m, 'q')),
      ev.testRun(20, ['a']),
      ev.help(21, 'x'),
      ev.research(22, 'q'),
    ];
    expect(detectResearchLoop(mixed, limit)?.count).toBe(limit);
  });

  it('uses the url when there is no query, and finds nothing in an empty window', () => {
    const events = series(2, 0, (m) => ({
      type: 'research' as const,
      at: ev.research(m, '').at,
      data: { url: 'https://vitest.dev/api/' },
    }));
    expect(detectResearchLoop(events, 2)?.evidence[0]?.detail).toBe('https://vitest.dev/api/');
    expect(detectResearchLoop([], 1)).toBeNull();
  });
});
