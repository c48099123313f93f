import { describe, expect, it } from 'vitest';
import { detectSameCodeChange } from '../../../src/sessions/detectors/same-code-change.ts';
import { storyPolicies } from '../../../src/domain/machines/story-policies.ts';
import { ev, series } from './event-builders.ts';

const limit = storyPolicies.patterns.sameCodeChange;

describe('detectSameCodeChange', () => {
  it('fires when the same diff is made threshold times', () => {
    const make = (n: number) =>
      series(n, 0, (m) => ev.change(m, { diffHash: 'd1', files: ['src/cart.ts'] }));
    expect(detectSameCodeChange(make(limit - 1), limit)).toBeNull();
    expect(detectSameCodeChange(make(limit), limit)).toMatchObject({
      pattern: 'sameCodeChange',
      event: 'sameCodeChanges',
      count: limit,
      subject: `the same change d1 (src/cart.ts), ${limit} times`,
    });
    expect(detectSameCodeChange(make(limit + 1), limit)?.count).toBe(limit + 1);
  });

  it('fires when the code goes back and forth between the same states (tree hash)', () => {
    const events = [
      ev.change(1, { diffHash: 'add', treeHash: 'A' }),
      ev.change(2, { diffHash: 'remove', treeHash: 'B' }),
      ev.commit(3, { diffHash: 'add2', treeHash: 'A' }),
      ev.change(4, { diffHash: 'remove2', treeHash: 'B' }),
      ev.change(5, { diffHash: 'add3', treeHash: 'A' }),
    ];
    const result = detectSameCodeChange(events, 3);
    expect(result).toMatchObject({
      count: 3,
      subject: 'the code returned to the same state A, 3 times',
    });
    expect(result?.evidence.map((e) => e.detail)).toEqual([
      'code-change → state A',
      'commit → state A',
      'code-change → state A',
    ]);
  });

  it('does not count editing the same files with different changes', () => {
    const events = series(limit + 3, 0, (m, i) =>
      ev.change(m, { diffHash: `d${i}`, treeHash: `t${i}`, files: ['src/cart.ts'] }),
    );
    expect(detectSameCodeChange(events, limit)).toBeNull();
  });

  it('ignores changes without hashes and other events', () => {
    expect(
      detectSameCodeChange([...series(5, 0, (m) => ev.change(m)), ev.research(9, 'x')], 1),
    ).toBeNull();
  });
});
